/**
 * Where the breaks of one shift may go: every sequence of break starts on the interval grid,
 * each inside its window (offsets from the shift's start) and each after the previous break
 * ends (breaks are ordered by their windows, `./expand.ts`). `stepIntervals` > 1 keeps only
 * every k-th grid slot of a window, counted from its earliest slot — how the covering program
 * coarsens break starts when there are too many (workers/scheduling/coverColumns.ts).
 */
import type { BreakRule } from './shiftTemplate.js';

/** Grid slots (absolute seconds) where break `rule` of a shift starting at `startSec` may start, every `stepIntervals` slots from the earliest. */
export function breakSlots(rule: BreakRule, startSec: number, intervalSec: number, stepIntervals = 1): number[] {
  const out: number[] = [];
  const first = Math.ceil((startSec + rule.earliestSec) / intervalSec) * intervalSec;
  for (let t = first; t <= startSec + rule.latestSec; t += stepIntervals * intervalSec) out.push(t);
  return out;
}

/**
 * How many placements a shift has, without listing them (a count can be astronomically larger
 * than the cap it is compared with): for the breaks from last to first, the placements of the
 * rest that fit after each slot, summed with suffix sums.
 */
export function placementCount(breaks: readonly BreakRule[], startSec: number, intervalSec: number, stepIntervals = 1): number {
  if (breaks.length === 0) return 1;
  let later: { readonly slots: number[]; readonly after: number[] } | undefined;
  for (let j = breaks.length - 1; j >= 0; j--) {
    const rule = breaks[j] as BreakRule;
    const own = breakSlots(rule, startSec, intervalSec, stepIntervals);
    const counts = own.map((t) => (later === undefined ? 1 : fitAfter(later, t + rule.lengthSec)));
    // after[i] = placements whose break j starts at slot i or later.
    const after = new Array<number>(own.length + 1).fill(0);
    for (let i = own.length - 1; i >= 0; i--) after[i] = (after[i + 1] as number) + (counts[i] as number);
    later = { slots: own, after };
  }
  return later === undefined ? 1 : (later.after[0] as number);
}

/** Placements of the later breaks whose first break starts at or after `t`. */
function fitAfter(later: { readonly slots: number[]; readonly after: number[] }, t: number): number {
  let lo = 0;
  let hi = later.slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((later.slots[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return later.after[lo] as number;
}
