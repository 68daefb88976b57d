/**
 * The covering program of `ccsim schedule` (issue 15, goal 3): choose how many agents work
 * each shift — a template, a start, a placement of its breaks — so that every interval has at
 * least its required agents on duty and not on a break, at the least cost (paid hours × cost
 * per hour), within each template's bounds. Solved by HiGHS's branch-and-cut within a time
 * limit (./coverProgram.ts); the formulation and its bounds are argued in docs/schedule.md.
 */
import type { ShiftTemplate } from '../../scenarios/templates/shiftTemplate.js';
import { InputError } from '../../engine/errors.js';
import { checkCoverProblem } from './coverCheck.js';
import { coverColumns, paidHoursOf } from './coverColumns.js';
import { COVER_LIMITS } from './coverLimits.js';
import { buildProgram, solveProgram } from './coverProgram.js';
import { type PlacedShift, scheduleOf, tally } from './coverSchedule.js';
import { warmStart } from './coverWarmStart.js';

export type { BreakRule, ShiftTemplate } from '../../scenarios/templates/shiftTemplate.js';
export { loadTemplates, readTemplateFile, readTemplateText, expandTemplateFile, type TemplateFile } from '../../scenarios/templates/load.js';
export type { HorizonContext } from '../../scenarios/templates/expand.js';
export { COVER_LIMITS } from './coverLimits.js';
export type { PlacedBreak, PlacedShift } from './coverSchedule.js';

export interface CoverProblem {
  readonly intervalSec: number;
  /** Agents on duty and not on break, per interval from time 0; its length is the horizon. */
  readonly requirement: readonly number[];
  readonly templates: readonly ShiftTemplate[];
}

export interface CoverSolution {
  /** `feasible`: the time limit stopped the search with a schedule in hand. */
  readonly status: 'optimal' | 'feasible' | 'infeasible';
  /** Relative MIP gap (HiGHS's `mip_gap`: 0 when proved optimal exactly, at most `relativeGap` when `optimal`); 0 when infeasible. */
  readonly gap: number;
  /** count > 0 only, sorted by start, then template id, then break starts. */
  readonly shifts: readonly PlacedShift[];
  /** Agents on duty and not on break per interval (time-averaged over the interval when a break or shift edge is inside it). */
  readonly coverage: readonly number[];
  readonly paidHours: number;
  readonly cost: number;
  /** Columns of the program, for the report. */
  readonly columns: number;
  /** Break starts were taken every this many grid slots (1 = every slot; more when the column cap coarsened them). */
  readonly breakStepIntervals?: number;
  /** What the report should say about the program: a coarsening, a first schedule cut short by its time limit. */
  readonly notes?: readonly string[];
}

export interface CoverOptions {
  /** Seconds HiGHS may search; past it the best schedule found is returned as `feasible`. @default 30 */
  readonly timeLimitSec?: number;
  /** HiGHS stops, `optimal`, once the cost is proved within this fraction of the best possible (its `mip_rel_gap`). @default 1e-4 */
  readonly relativeGap?: number;
}

/** Solves the covering program; an `InputError` for a malformed problem, or one beyond the caps (COVER_LIMITS). */
export async function solveCover(problem: CoverProblem, options: CoverOptions = {}): Promise<CoverSolution> {
  const timeLimitSec = options.timeLimitSec ?? COVER_LIMITS.defaultTimeLimitSec;
  const relativeGap = options.relativeGap ?? COVER_LIMITS.defaultRelativeGap;
  checkCoverProblem(problem, timeLimitSec, relativeGap);
  const { templates, intervalSec, requirement } = problem;
  const set = coverColumns(templates, intervalSec);
  const notes: string[] =
    set.stepIntervals > 1
      ? [`break starts coarsened to every ${set.stepIntervals} interval slots of their windows: every slot gives ${set.uncoarsened.toLocaleString('en-US')} columns, over the cap of ${COVER_LIMITS.maxColumns.toLocaleString('en-US')}`]
      : [];
  const base = { columns: set.columns, breakStepIntervals: set.stepIntervals, notes };
  const none = (status: 'optimal' | 'infeasible'): CoverSolution => ({ ...base, status, gap: 0, ...tally(templates, [], requirement.length, intervalSec) });
  const needed = requirement.some((r) => r > 0) || templates.some((t) => ((t.min ?? 0) > 0 && t.startsSec.length > 0) || (t.minTotal ?? 0) > 0);
  // Costs are positive, so with nothing asked for, no shift is the one optimum.
  if (!needed) return none('optimal');
  if (set.columns === 0) return none('infeasible');
  const paidHours = templates.map(paidHoursOf);
  const program = buildProgram(templates, set, requirement, intervalSec, paidHours);
  // Days solved one by one give the solver a good first schedule; they have a quarter of the time.
  const start = await warmStart(templates, set, requirement, intervalSec, paidHours, timeLimitSec / 4, relativeGap);
  const result = await solveProgram(program, start === undefined ? timeLimitSec : (timeLimitSec * 3) / 4, relativeGap, start?.values);
  if (start?.limited === true) notes.push('the day-by-day first schedule hit its time limit on some day: the result may differ on another machine');
  if (result.outcome === 'none') {
    throw new InputError(`the covering program (${set.columns.toLocaleString('en-US')} columns) found no schedule within its time limit of ${timeLimitSec} s: raise the limit, or use fewer templates or start times`);
  }
  if (result.outcome === 'infeasible') return none('infeasible');
  const shifts = scheduleOf(templates, set, result.values);
  return { ...base, status: result.outcome, gap: result.gap, ...tally(templates, shifts, requirement.length, intervalSec) };
}
