/**
 * From the program's counts to the schedule: each start's agents, each with a placement of
 * every break. Agent a (a = 0 … x−1) of a start takes break k at the a-th earliest of that
 * break's chosen slots; the precedence rows (./coverProgram.ts) guarantee that the a-th
 * earliest break k+1 starts after the a-th earliest break k ends, so every agent's breaks are
 * in order and do not overlap. Agents with the same placements are one `PlacedShift`.
 * Coverage, paid hours and cost are then counted from the placed shifts themselves.
 */
import type { ShiftTemplate } from '../../scenarios/templates/shiftTemplate.js';
import { type ColumnSet, eachShare, paidHoursOf } from './coverColumns.js';

export interface PlacedBreak {
  readonly startSec: number;
  readonly lengthSec: number;
  readonly paid: boolean;
}

export interface PlacedShift {
  readonly template: string;
  readonly startSec: number;
  readonly count: number;
  /** Absolute starts. */
  readonly breaks: readonly PlacedBreak[];
}

export interface Schedule {
  readonly shifts: readonly PlacedShift[];
  readonly coverage: readonly number[];
  readonly paidHours: number;
  readonly cost: number;
}

/** The placed shifts of one start: `count` agents, break k at the given slots with their counts. */
function placeStart(t: ShiftTemplate, startSec: number, count: number, slotsSec: readonly (readonly number[])[], slotCounts: readonly (readonly number[])[]): PlacedShift[] {
  // Per break, one slot per agent, ascending.
  const perAgent = slotsSec.map((slots, k) => slots.flatMap((p, j) => new Array<number>(slotCounts[k]?.[j] ?? 0).fill(p)));
  const shifts: PlacedShift[] = [];
  for (let a = 0; a < count; a++) {
    const breaks = t.breaks.map((rule, k) => ({ startSec: perAgent[k]?.[a] as number, lengthSec: rule.lengthSec, paid: rule.paid }));
    const last = shifts[shifts.length - 1];
    if (last !== undefined && last.breaks.every((b, k) => b.startSec === breaks[k]?.startSec)) shifts[shifts.length - 1] = { ...last, count: last.count + 1 };
    else shifts.push({ template: t.id, startSec, count: 1, breaks });
  }
  return shifts;
}

/** The schedule of the program's whole values (`values` in the column set's order). */
export function scheduleOf(templates: readonly ShiftTemplate[], set: ColumnSet, values: readonly number[]): PlacedShift[] {
  const shifts: PlacedShift[] = [];
  let j = 0;
  for (const start of set.starts) {
    const count = values[j++] ?? 0;
    const slotCounts = start.slotsSec.map((slots) => slots.map(() => values[j++] ?? 0));
    if (count > 0) shifts.push(...placeStart(templates[start.template] as ShiftTemplate, start.startSec, count, start.slotsSec, slotCounts));
  }
  return shifts.sort((a, b) => a.startSec - b.startSec || compareText(a.template, b.template) || compareBreaks(a.breaks, b.breaks));
}

/** Coverage per interval, paid hours and cost of placed shifts. */
export function tally(templates: readonly ShiftTemplate[], shifts: readonly PlacedShift[], intervals: number, intervalSec: number): Schedule {
  const byId = new Map(templates.map((t) => [t.id, t]));
  const coverage = new Array<number>(intervals).fill(0);
  let paidHours = 0;
  let cost = 0;
  for (const shift of shifts) {
    const t = byId.get(shift.template) as ShiftTemplate;
    eachShare(shift.startSec, shift.startSec + t.lengthSec, intervalSec, (i, share) => {
      coverage[i] = (coverage[i] as number) + shift.count * share;
    });
    for (const b of shift.breaks) {
      eachShare(b.startSec, b.startSec + b.lengthSec, intervalSec, (i, share) => {
        coverage[i] = (coverage[i] as number) - shift.count * share;
      });
    }
    paidHours += shift.count * paidHoursOf(t);
    cost += shift.count * paidHoursOf(t) * t.costPerHour;
  }
  return { shifts, coverage, paidHours, cost };
}

/** Code-unit order, the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBreaks(a: readonly PlacedBreak[], b: readonly PlacedBreak[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const d = (a[k] as PlacedBreak).startSec - (b[k] as PlacedBreak).startSec;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
