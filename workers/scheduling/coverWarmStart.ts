/**
 * A first schedule for a horizon of several days, handed to HiGHS as its starting incumbent.
 * On a week the solver's own heuristics were slow to find a good schedule (bench/cover.mjs:
 * after 60 s the incumbent could still be 11% above the LP bound), while one day solves in
 * about a second. So each day is solved in turn with only the shifts that start on it, for
 * that day's intervals less what the previous days' shifts already cover there (a rolling
 * horizon). The result is feasible for the whole horizon — every interval is covered and each
 * start's bounds hold — and usually within a few tenths of a percent of the optimum; the
 * solve of the whole horizon then improves it and proves the gap.
 *
 * Not used when a template bounds its total over all starts (a day cannot see the others'
 * share of it), or for a single day. `undefined` when some day cannot be covered on its own
 * (its first hours need the previous night's shifts): the whole solve then starts from nothing.
 * `limited`: some day stopped at its time limit, so the first schedule — and with it the final
 * one, even when proved optimal — may differ on a faster or slower machine.
 */
import type { ShiftTemplate } from '../../scenarios/templates/shiftTemplate.js';
import type { ColumnSet, StartColumns } from './coverColumns.js';
import { buildProgram, solveProgram } from './coverProgram.js';
import { scheduleOf, tally } from './coverSchedule.js';
import { DAY_SEC } from '../../engine/time.js';

/** Columns of one start: its count and its break slots. */
const width = (start: StartColumns) => 1 + start.slotsSec.reduce((sum, s) => sum + s.length, 0);

export async function warmStart(
  templates: readonly ShiftTemplate[],
  set: ColumnSet,
  requirement: readonly number[],
  intervalSec: number,
  paidHours: readonly number[],
  timeLimitSec: number,
  relativeGap: number,
): Promise<{ readonly values: number[]; readonly limited: boolean } | undefined> {
  const days = Math.ceil((requirement.length * intervalSec) / DAY_SEC);
  if (days < 2 || templates.some((t) => (t.minTotal ?? 0) > 0 || t.maxTotal !== undefined)) return undefined;
  const valuesOf = new Map<StartColumns, readonly number[]>();
  let limited = false;
  const covered = new Array<number>(requirement.length).fill(0);
  for (let day = 0; day < days; day++) {
    const starts = set.starts.filter((s) => Math.floor(s.startSec / DAY_SEC) === day);
    const daySet: ColumnSet = { ...set, starts, columns: starts.reduce((sum, s) => sum + width(s), 0) };
    // Rows of other days ask for nothing; this day's ask for what is still uncovered.
    const residual = requirement.map((r, i) => (Math.floor((i * intervalSec) / DAY_SEC) === day ? Math.max(0, r - (covered[i] as number)) : 0));
    if (daySet.columns === 0) {
      if (residual.some((r) => r > 0)) return undefined;
      continue;
    }
    // A first schedule need not be proved optimal to a hundredth of a percent: the whole solve improves it.
    const result = await solveProgram(buildProgram(templates, daySet, residual, intervalSec, paidHours), timeLimitSec / days, Math.max(relativeGap, 0.005));
    if (result.outcome !== 'optimal' && result.outcome !== 'feasible') return undefined;
    limited ||= result.outcome === 'feasible';
    let j = 0;
    for (const start of starts) {
      valuesOf.set(start, result.values.slice(j, j + width(start)));
      j += width(start);
    }
    tally(templates, scheduleOf(templates, daySet, result.values), requirement.length, intervalSec).coverage.forEach((c, i) => {
      covered[i] = (covered[i] as number) + c;
    });
  }
  // Back in the whole program's column order (template by template), a start with no column of its day at 0.
  return { values: set.starts.flatMap((start) => valuesOf.get(start) ?? new Array<number>(width(start)).fill(0)), limited };
}
