/**
 * Staffing → each agent's on-duty periods (`GroupModel.agentShifts`), in seconds from time 0:
 *
 * - a constant `count`: every agent on duty from the start of the warm-up to the end of the
 *   horizon (what the kernel did before schedules existed);
 * - a count per interval: agent k (0-based) is on duty in interval i iff counts[i] > k;
 *   consecutive intervals make one shift, and a shift that covers the first interval starts
 *   at the start of the warm-up (the warm-up runs at the first interval's staffing);
 * - daily `shifts`: each shift recurs every day, `count` agents each; day d's clock midnight
 *   is at d·86 400 − dayStart. Occurrences are clipped to [−warm-up, horizon), an agent on
 *   duty at time 0 is on duty through the warm-up (as above), and breaks become absolute
 *   [start, end) periods inside their shift.
 */
import type { ShiftModel } from '../../engine/model.js';
import type { AgentGroupSpec, ShiftSpec } from '../schema.js';
import { DAY_SEC } from '../../engine/time.js';

export interface Timing {
  readonly horizonSec: number;
  readonly warmupSec: number;
  readonly intervalSec: number;
  /** Time of day at time 0, seconds from midnight. */
  readonly dayStartSec: number;
}

export interface Schedule {
  readonly agentShifts: (readonly ShiftModel[])[];
  /** Each agent's stable name (engine/model.ts `GroupModel.agentKeys`). */
  readonly agentKeys: string[];
  /** The most agents on duty at once (breaks included: they are on duty, just not available). */
  readonly peak: number;
}

export function compileSchedule(group: AgentGroupSpec, timing: Timing): Schedule {
  if (group.shifts !== undefined) return fromShifts(group.shifts, timing);
  if (Array.isArray(group.count)) return fromCounts(group.count, timing);
  const count = group.count ?? 0;
  const always: readonly ShiftModel[] = [{ startSec: -timing.warmupSec, endSec: timing.horizonSec, breaks: [] }];
  return { agentShifts: Array.from({ length: count }, () => always), agentKeys: indexKeys(count), peak: count };
}

/** Per-interval counts → shifts: agent k on duty in interval i iff counts[i] > k (also used by `ccsim staff`). */
export function fromCounts(counts: readonly number[], t: Timing): Schedule {
  const peak = Math.max(0, ...counts);
  const agentShifts = Array.from({ length: peak }, (_, k) => {
    const shifts: ShiftModel[] = [];
    let runStart: number | undefined;
    for (let i = 0; i <= counts.length; i++) {
      const onDuty = i < counts.length && (counts[i] ?? 0) > k;
      if (onDuty && runStart === undefined) runStart = i;
      if (!onDuty && runStart !== undefined) {
        shifts.push({ startSec: runStart === 0 ? -t.warmupSec : runStart * t.intervalSec, endSec: i * t.intervalSec, breaks: [] });
        runStart = undefined;
      }
    }
    return shifts;
  });
  return { agentShifts, agentKeys: indexKeys(peak), peak };
}

const indexKeys = (n: number): string[] => Array.from({ length: n }, (_, k) => String(k));

function fromShifts(specs: readonly ShiftSpec[], t: Timing): Schedule {
  const agentShifts: (readonly ShiftModel[])[] = [];
  const agentKeys: string[] = [];
  const edges: { at: number; delta: number }[] = [];
  for (const [s, spec] of specs.entries()) {
    const occurrences = occurrencesOf(spec, t);
    for (let k = 0; k < spec.count; k++) {
      agentShifts.push(occurrences);
      agentKeys.push(`${s}.${k}`);
    }
    for (const o of occurrences) edges.push({ at: o.startSec, delta: spec.count }, { at: o.endSec, delta: -spec.count });
  }
  // Ends before starts at the same instant: back-to-back shifts are not on duty together.
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let onDuty = 0;
  let peak = 0;
  for (const e of edges) {
    onDuty += e.delta;
    peak = Math.max(peak, onDuty);
  }
  return { agentShifts, agentKeys, peak };
}

/** One shift's daily occurrences that touch [−warm-up, horizon), clipped to it. */
export function occurrencesOf(spec: ShiftSpec, t: Timing): ShiftModel[] {
  const occurrences: ShiftModel[] = [];
  const lastDay = Math.ceil(t.horizonSec / DAY_SEC);
  // Day −1: yesterday's shift may still be running at time 0 (a night shift, or dayStart).
  for (let day = -1; day <= lastDay; day++) {
    const start = day * DAY_SEC - t.dayStartSec + spec.start;
    const end = start + spec.length;
    if (end <= 0 || start >= t.horizonSec) continue;
    const startSec = start <= 0 ? -t.warmupSec : start;
    const endSec = Math.min(end, t.horizonSec);
    const breaks = spec.breaks
      .map((b) => ({ startSec: Math.max(start + b.after, startSec), endSec: Math.min(start + b.after + b.length, endSec) }))
      .filter((b) => b.endSec > b.startSec);
    occurrences.push({ startSec, endSec, breaks });
  }
  return occurrences;
}
