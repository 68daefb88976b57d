/**
 * The covering program with extra linear constraints on the coverage, Σ_i a_i · coverage_i ≥ b:
 * the cuts of the day-level search (./cuttingPlane.ts, after Atlason, Epelman & Henderson
 * 2004). The program of ./coverProgram.ts has one row per interval first, whose entries are
 * each column's share of that interval on the phones (+ for a shift, − for a break); so the
 * coverage of interval i is row i's activity, and a cut is one more row whose entry in column
 * j is Σ_i a_i · (column j's entry in row i). Built and solved with ./coverProgram.ts and read
 * back with ./coverSchedule.ts, as ./cover.ts `solveCover` does (without its warm start).
 */
import { InputError } from '../../engine/errors.js';
import { checkCoverProblem } from './coverCheck.js';
import { coverColumns, paidHoursOf } from './coverColumns.js';
import { COVER_LIMITS } from './coverLimits.js';
import { buildProgram, solveProgram } from './coverProgram.js';
import { scheduleOf, tally } from './coverSchedule.js';
import type { CoverProblem, CoverSolution } from './cover.js';

/** Σ_i coefficients[i] · coverage_i ≥ bound. */
export interface LinearCut {
  readonly coefficients: readonly number[];
  readonly bound: number;
  /** The target it stands for (reports, logs). */
  readonly label: string;
}

/**
 * The relative gap at which the program with cuts stops, proved within 0.5% of the cheapest:
 * a cut row touches nearly every column, and HiGHS proving the last 0.01% of such programs ran
 * into its time limit on the bank-day example (gap 0.14% after 30 s), where the answer would
 * depend on the machine's speed. Stopping on the gap keeps the search deterministic.
 */
export const CUT_RELATIVE_GAP = 0.005;

export interface CutProblem extends CoverProblem {
  readonly cuts: readonly LinearCut[];
}

export async function solveCoverWithCuts(problem: CutProblem, options: { readonly timeLimitSec?: number } = {}): Promise<CoverSolution> {
  const timeLimitSec = options.timeLimitSec ?? COVER_LIMITS.defaultTimeLimitSec;
  checkCoverProblem(problem, timeLimitSec, CUT_RELATIVE_GAP);
  const { templates, intervalSec, requirement, cuts } = problem;
  const I = requirement.length;
  const set = coverColumns(templates, intervalSec);
  const base = { columns: set.columns, breakStepIntervals: set.stepIntervals, notes: [] };
  const none: CoverSolution = { ...base, status: 'infeasible', gap: 0, ...tally(templates, [], I, intervalSec) };
  if (set.columns === 0) return none;
  const program = buildProgram(templates, set, requirement, intervalSec, templates.map(paidHoursOf));
  for (const cut of cuts) {
    const row = program.rowLower.length;
    program.rowLower.push(cut.bound);
    program.rowUpper.push(Infinity);
    for (const entries of program.entries) {
      let value = 0;
      for (const [i, share] of entries) if (i < I) value += (cut.coefficients[i] ?? 0) * share;
      if (value !== 0) entries.set(row, value);
    }
  }
  const result = await solveProgram(program, timeLimitSec, CUT_RELATIVE_GAP);
  if (result.outcome === 'none') {
    throw new InputError(`the covering program with ${cuts.length} cut${cuts.length === 1 ? '' : 's'} found no schedule within its time limit of ${timeLimitSec} s: use fewer templates or start times`);
  }
  if (result.outcome === 'infeasible') return none;
  const shifts = scheduleOf(templates, set, result.values);
  return { ...base, status: result.outcome, gap: result.gap, ...tally(templates, shifts, I, intervalSec) };
}
