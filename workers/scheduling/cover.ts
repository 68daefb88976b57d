/**
 * The covering program of `ccsim schedule` (issue 15, goal 3): choose how many agents work
 * each shift — a template, a start, a placement of its breaks — so that every interval has at
 * least its required agents on duty and not on a break, at the least cost (paid hours × cost
 * per hour), within each template's bounds. Solved exactly by HiGHS's branch-and-cut
 * (./coverProgram.ts); the formulation and its bounds are argued in docs/schedule.md.
 */
import type { ShiftTemplate } from '../../scenarios/templates/shiftTemplate.js';
import { InputError } from '../../engine/errors.js';
import { checkCoverProblem } from './coverCheck.js';
import { type Column, coverColumns, eachCoverage } from './coverColumns.js';
import { COVER_LIMITS } from './coverLimits.js';
import { solveProgram } from './coverProgram.js';

export type { BreakRule, ShiftTemplate } from '../../scenarios/templates/shiftTemplate.js';
export { loadTemplates, readTemplateFile, readTemplateText, expandTemplateFile, type TemplateFile } from '../../scenarios/templates/load.js';
export type { HorizonContext } from '../../scenarios/templates/expand.js';
export { COVER_LIMITS } from './coverLimits.js';

export interface CoverProblem {
  readonly intervalSec: number;
  /** Agents on duty and not on break, per interval from time 0; its length is the horizon. */
  readonly requirement: readonly number[];
  readonly templates: readonly ShiftTemplate[];
}

export interface PlacedShift {
  readonly template: string;
  readonly startSec: number;
  readonly count: number;
  /** Absolute starts. */
  readonly breaks: readonly { readonly startSec: number; readonly lengthSec: number; readonly paid: boolean }[];
}

export interface CoverSolution {
  /** `feasible`: the time limit stopped the search with a schedule in hand. */
  readonly status: 'optimal' | 'feasible' | 'infeasible';
  /** Relative MIP gap (HiGHS's `mip_gap`: 0 when proved optimal exactly, at most 1e-4 when `optimal`); 0 when infeasible. */
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
  /** What the report should say about the program (a coarsening). */
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
  checkCoverProblem(problem, timeLimitSec);
  const { templates, intervalSec, requirement } = problem;
  const set = coverColumns(templates, intervalSec);
  const notes =
    set.stepIntervals > 1
      ? [`break placements coarsened to every ${set.stepIntervals}${ordinal(set.stepIntervals)} interval slot of their windows: every slot gives ${set.uncoarsened.toLocaleString('en-US')} columns, over the cap of ${COVER_LIMITS.maxColumns.toLocaleString('en-US')}`]
      : [];
  const base = { columns: set.columns.length, breakStepIntervals: set.stepIntervals, notes };
  // A start whose breaks cannot be placed has no column, so a `min` there cannot be met.
  if (templates.some((t, i) => (t.min ?? 0) > 0 && set.stranded.has(i))) return { ...base, status: 'infeasible', gap: 0, ...tally(problem, [], []) };
  const needed = requirement.some((r) => r > 0) || templates.some((t) => ((t.min ?? 0) > 0 && t.startsSec.length > 0) || (t.minTotal ?? 0) > 0);
  if (!needed) return { ...base, status: 'optimal', gap: 0, ...tally(problem, set.columns, set.columns.map(() => 0)) };
  if (set.columns.length === 0) return { ...base, status: 'infeasible', gap: 0, ...tally(problem, [], []) };
  const result = await solveProgram(templates, set.columns, requirement, intervalSec, timeLimitSec, options.relativeGap ?? COVER_LIMITS.defaultRelativeGap);
  if (result.outcome === 'none') {
    throw new InputError(`the covering program (${set.columns.length.toLocaleString('en-US')} columns) found no schedule within its time limit of ${timeLimitSec} s: raise the limit, or use fewer templates or start times`);
  }
  if (result.outcome === 'infeasible') return { ...base, status: 'infeasible', gap: 0, ...tally(problem, [], []) };
  return { ...base, status: result.outcome, gap: result.gap, ...tally(problem, set.columns, result.counts) };
}

function ordinal(n: number): string {
  return n === 2 ? 'nd' : n === 3 ? 'rd' : 'th';
}

/** The schedule the counts make: placed shifts in canonical order, coverage, paid hours and cost. */
function tally(problem: CoverProblem, columns: readonly Column[], counts: readonly number[]): Pick<CoverSolution, 'shifts' | 'coverage' | 'paidHours' | 'cost'> {
  const coverage = new Array<number>(problem.requirement.length).fill(0);
  const placed: { shift: PlacedShift; breakStarts: readonly number[] }[] = [];
  let paidHours = 0;
  let cost = 0;
  columns.forEach((c, j) => {
    const count = counts[j] ?? 0;
    if (count === 0) return;
    const t = problem.templates[c.template] as ShiftTemplate;
    eachCoverage(t, c.startSec, c.breakStartsSec, problem.intervalSec, (i, share) => {
      coverage[i] = (coverage[i] as number) + count * share;
    });
    paidHours += count * c.paidHours;
    cost += count * c.cost;
    const breaks = c.breakStartsSec.map((startSec, k) => ({ startSec, lengthSec: t.breaks[k]?.lengthSec ?? 0, paid: t.breaks[k]?.paid ?? false }));
    placed.push({ shift: { template: t.id, startSec: c.startSec, count, breaks }, breakStarts: c.breakStartsSec });
  });
  placed.sort((a, b) => a.shift.startSec - b.shift.startSec || compareText(a.shift.template, b.shift.template) || compareStarts(a.breakStarts, b.breakStarts));
  return { shifts: placed.map((p) => p.shift), coverage, paidHours, cost };
}

/** Code-unit order, the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareStarts(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const d = (a[k] as number) - (b[k] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
