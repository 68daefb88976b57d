/**
 * Agent time on duty in a window, read off a group's shifts: what the Erlang baseline is
 * given as staffing, what `ccsim staff` reports as agents on duty, and the break share of its
 * FTE. Planned shrinkage and absenteeism are random per run (engine/staffingPlan.ts) and are not
 * in these figures.
 */
import type { GroupModel } from './model.js';

export interface DutyTime {
  /** Agent-seconds on shift in the window, breaks included. */
  readonly onShiftSec: number;
  /** Agent-seconds of those on a break. */
  readonly onBreakSec: number;
}

/** The group's agent time on shift and on breaks in [from, to). */
export function dutyTime(group: GroupModel, from: number, to: number): DutyTime {
  const overlap = (a: number, b: number): number => Math.max(0, Math.min(b, to) - Math.max(a, from));
  let onShiftSec = 0;
  let onBreakSec = 0;
  for (const shifts of group.agentShifts) {
    for (const s of shifts) {
      onShiftSec += overlap(s.startSec, s.endSec);
      for (const b of s.breaks) onBreakSec += overlap(b.startSec, b.endSec);
    }
  }
  return { onShiftSec, onBreakSec };
}
