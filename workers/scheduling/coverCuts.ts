/**
 * The covering program with extra linear constraints on the coverage, Σ_i a_i · coverage_i ≥ b:
 * the cuts of the day-level search (./cuttingPlane.ts, after Atlason, Epelman & Henderson
 * 2004). A cut on coverage is a row on the columns: Σ_j (Σ_i a_i · cover_ij) x_j ≥ b, cover_ij
 * the share of interval i column j is on the phones (./coverColumns.ts `eachCoverage`).
 *
 * It builds on ./cover.ts's columns and the HiGHS settings of ./coverProgram.ts (single
 * thread, `random_seed` 0, the same time limit), adding the cut rows to the interval
 * and bound rows; ./coverProgram.ts takes no extra rows, so its row building and reading are
 * repeated here for the day-level program only. Without cuts, ./cover.ts `solveCover` is used.
 */
import * as highsModule from 'highs';
import type { Highs } from 'highs';
import type { ShiftTemplate } from '../../scenarios/templates/shiftTemplate.js';
import { checkCoverProblem } from './coverCheck.js';
import { coverColumns, eachCoverage, type Column } from './coverColumns.js';
import { COVER_LIMITS } from './coverLimits.js';
import type { CoverProblem, CoverSolution, PlacedShift } from './cover.js';

/** Σ_i coefficients[i] · coverage_i ≥ bound. */
export interface LinearCut {
  readonly coefficients: readonly number[];
  readonly bound: number;
  /** The target it stands for (reports, logs). */
  readonly label: string;
}

/**
 * The relative gap at which the program with cuts stops, proved within 0.5% of the cheapest:
 * a cut row touches every column, and HiGHS proving the last 0.01% of such programs ran into
 * its time limit on the bank-day example (gap 0.14% after 30 s), where the answer would depend
 * on the machine's speed. Stopping on the gap keeps the search deterministic.
 */
export const CUT_RELATIVE_GAP = 0.005;

export interface CutProblem extends CoverProblem {
  readonly cuts: readonly LinearCut[];
}

let loading: Promise<Highs> | undefined;
function solver(): Promise<Highs> {
  type Loader = () => Promise<Highs>;
  const loader = (highsModule as unknown as { readonly default: Loader | { readonly default: Loader } }).default;
  const load = typeof loader === 'function' ? loader : loader.default;
  loading ??= load();
  return loading;
}

/** Column j's (interval, share) entries. */
function coverOf(templates: readonly ShiftTemplate[], c: Column, intervalSec: number): [number, number][] {
  const out: [number, number][] = [];
  eachCoverage(templates[c.template] as ShiftTemplate, c.startSec, c.breakStartsSec, intervalSec, (i, share) => out.push([i, share]));
  return out;
}

export async function solveCoverWithCuts(problem: CutProblem, options: { readonly timeLimitSec?: number } = {}): Promise<CoverSolution> {
  const timeLimitSec = options.timeLimitSec ?? COVER_LIMITS.defaultTimeLimitSec;
  checkCoverProblem(problem, timeLimitSec);
  const { templates, intervalSec, requirement, cuts } = problem;
  const set = coverColumns(templates, intervalSec);
  const columns = set.columns;
  const covers = columns.map((c) => coverOf(templates, c, intervalSec));
  const lower: number[] = [...requirement];
  const upper: number[] = requirement.map(() => Infinity);
  const entries: { row: number; value: number }[][] = covers.map((list) => list.map(([row, value]) => ({ row, value })));
  // Bound rows as ./coverProgram.ts makes them: per start (min/max), per template (minTotal/maxTotal).
  const bounded = (min: number | undefined, max: number | undefined): boolean => (min ?? 0) > 0 || max !== undefined;
  const startRow = new Map<string, number>();
  columns.forEach((c, j) => {
    const t = templates[c.template] as ShiftTemplate;
    if (!bounded(t.min, t.max)) return;
    const key = `${c.template}|${c.startSec}`;
    let row = startRow.get(key);
    if (row === undefined) {
      row = lower.length;
      startRow.set(key, row);
      lower.push(t.min ?? 0);
      upper.push(t.max ?? Infinity);
    }
    entries[j]?.push({ row, value: 1 });
  });
  templates.forEach((t, k) => {
    if (!bounded(t.minTotal, t.maxTotal)) return;
    const row = lower.length;
    lower.push(t.minTotal ?? 0);
    upper.push(t.maxTotal ?? Infinity);
    columns.forEach((c, j) => { if (c.template === k) entries[j]?.push({ row, value: 1 }); });
  });
  for (const cut of cuts) {
    const row = lower.length;
    lower.push(cut.bound);
    upper.push(Infinity);
    covers.forEach((list, j) => {
      const value = list.reduce((s, [i, share]) => s + (cut.coefficients[i] ?? 0) * share, 0);
      if (value !== 0) entries[j]?.push({ row, value });
    });
  }
  const base = { columns: columns.length, breakStepIntervals: set.stepIntervals };
  const empty = { shifts: [], coverage: requirement.map(() => 0), paidHours: 0, cost: 0 };
  if (columns.length === 0) return { ...base, status: 'infeasible', gap: 0, ...empty };
  const highs = await solver();
  const starts = new Int32Array(columns.length + 1);
  entries.forEach((list, j) => { starts[j + 1] = (starts[j] as number) + list.length; });
  const indices = new Int32Array(starts[columns.length] as number);
  const values = new Float64Array(starts[columns.length] as number);
  let n = 0;
  for (const list of entries) for (const { row, value } of list) { indices[n] = row; values[n++] = value; }
  const model = highs.createModel({
    numCols: columns.length,
    numRows: lower.length,
    colCost: Float64Array.from(columns, (c) => c.cost),
    colLower: new Float64Array(columns.length),
    colUpper: new Float64Array(columns.length).fill(highs.infinity),
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper, (u) => (u === Infinity ? highs.infinity : u)),
    matrix: { format: 'csc', numRows: lower.length, numCols: columns.length, starts, indices, values },
    integrality: new Int32Array(columns.length).fill(highs.constants.variableType.integer),
  });
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitSec, mip_rel_gap: CUT_RELATIVE_GAP, random_seed: 0 });
    model.run();
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    if (status === codes.infeasible || status === codes.unboundedOrInfeasible) return { ...base, status: 'infeasible', gap: 0, ...empty };
    const feasible = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    if (status !== codes.optimal && !feasible) throw new Error(`HiGHS stopped with model status ${status} on the covering program with cuts`);
    const x = model.getSolution().colValue;
    const counts = columns.map((_, j) => Math.round(x[j] as number));
    const gap = Number(model.info.get('mip_gap'));
    return { ...base, status: status === codes.optimal ? 'optimal' : 'feasible', gap: Number.isFinite(gap) ? Math.max(0, gap) : 0, ...tally(templates, columns, covers, counts, requirement.length) };
  } finally {
    model.dispose();
  }
}

/** The schedule the counts make, in ./cover.ts's order (start, template id, break starts). */
function tally(templates: readonly ShiftTemplate[], columns: readonly Column[], covers: readonly [number, number][][], counts: readonly number[], intervals: number): Pick<CoverSolution, 'shifts' | 'coverage' | 'paidHours' | 'cost'> {
  const coverage = new Array<number>(intervals).fill(0);
  const shifts: PlacedShift[] = [];
  let paidHours = 0;
  let cost = 0;
  columns.forEach((c, j) => {
    const count = counts[j] ?? 0;
    if (count === 0) return;
    const t = templates[c.template] as ShiftTemplate;
    for (const [i, share] of covers[j] ?? []) coverage[i] = (coverage[i] ?? 0) + count * share;
    paidHours += count * c.paidHours;
    cost += count * c.cost;
    shifts.push({ template: t.id, startSec: c.startSec, count, breaks: c.breakStartsSec.map((startSec, k) => ({ startSec, lengthSec: t.breaks[k]?.lengthSec ?? 0, paid: t.breaks[k]?.paid ?? false })) });
  });
  const key = (s: PlacedShift): string => s.breaks.map((b) => String(b.startSec).padStart(12, '0')).join(',');
  shifts.sort((a, b) => a.startSec - b.startSec || (a.template < b.template ? -1 : a.template > b.template ? 1 : 0) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { shifts, coverage, paidHours, cost };
}
