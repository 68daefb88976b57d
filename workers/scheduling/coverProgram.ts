/**
 * The covering integer program handed to HiGHS (Huangfu & Hall, "Parallelizing the dual
 * revised simplex method", 2018; the MIP solver of HiGHS 1.x, here compiled to WebAssembly by
 * the `highs` package): minimise Σ cost_j x_j over whole x_j ≥ 0 subject to, for every
 * interval i, Σ a_ij x_j ≥ requirement_i (a_ij: the share of interval i that column j is on
 * duty and off break), and the per-start and per-template bounds. Built directly as sparse
 * columns (CSC) rather than as LP text, so nothing is parsed and names cannot collide.
 *
 * HiGHS is deterministic when single-threaded (the WebAssembly build has no threads) with a
 * fixed `random_seed`: the same program in the same column order gives the same solution.
 * A solve stopped by the time limit is not: where it stops depends on the machine's speed.
 */
import * as highsModule from 'highs';
import type { Highs } from 'highs';
import type { ShiftTemplate } from '../../scenarios/templates/shiftTemplate.js';
import { type Column, eachCoverage } from './coverColumns.js';

export interface ProgramResult {
  /** `none`: stopped by a limit before any schedule was found. */
  readonly outcome: 'optimal' | 'feasible' | 'infeasible' | 'none';
  readonly gap: number;
  /** Agents per column, whole. */
  readonly counts: readonly number[];
}

let loading: Promise<Highs> | undefined;

/** The solver, loaded once per thread (instantiating the WebAssembly takes tens of milliseconds). */
function solver(): Promise<Highs> {
  // The package's types are CommonJS (the loader is `default` of the module), while Node
  // imports its ES build, whose default export is the loader itself.
  type Loader = () => Promise<Highs>;
  const loader = (highsModule as unknown as { readonly default: Loader | { readonly default: Loader } }).default;
  const load = typeof loader === 'function' ? loader : loader.default;
  loading ??= load();
  return loading;
}

interface Rows {
  readonly lower: number[];
  readonly upper: number[];
  /** Per column, its (row, value) entries in ascending row order. */
  readonly entries: { row: number; value: number }[][];
}

/** Rows: one per interval, then a bound row per start with min/max, then per template with minTotal/maxTotal. */
function rowsOf(templates: readonly ShiftTemplate[], columns: readonly Column[], requirement: readonly number[], intervalSec: number): Rows {
  const lower = [...requirement];
  const upper = requirement.map(() => Infinity);
  const entries = columns.map((c) => {
    const list: { row: number; value: number }[] = [];
    eachCoverage(templates[c.template] as ShiftTemplate, c.startSec, c.breakStartsSec, intervalSec, (row, value) => list.push({ row, value }));
    return list;
  });
  const bounded = (min: number | undefined, max: number | undefined) => (min ?? 0) > 0 || max !== undefined;
  // Columns of one start are adjacent (canonical order): one row per run.
  let run = -1;
  columns.forEach((c, j) => {
    const t = templates[c.template] as ShiftTemplate;
    if (!bounded(t.min, t.max)) return;
    const previous = columns[j - 1];
    if (previous === undefined || previous.template !== c.template || previous.startSec !== c.startSec) {
      run = lower.length;
      lower.push(t.min ?? 0);
      upper.push(t.max ?? Infinity);
    }
    entries[j]?.push({ row: run, value: 1 });
  });
  templates.forEach((t, k) => {
    if (!bounded(t.minTotal, t.maxTotal)) return;
    const row = lower.length;
    lower.push(t.minTotal ?? 0);
    upper.push(t.maxTotal ?? Infinity);
    columns.forEach((c, j) => {
      if (c.template === k) entries[j]?.push({ row, value: 1 });
    });
  });
  return { lower, upper, entries };
}

/** Solves the program; `timeLimitSec` bounds HiGHS's own clock. */
export async function solveProgram(
  templates: readonly ShiftTemplate[],
  columns: readonly Column[],
  requirement: readonly number[],
  intervalSec: number,
  timeLimitSec: number,
  relativeGap: number,
): Promise<ProgramResult> {
  const highs = await solver();
  const rows = rowsOf(templates, columns, requirement, intervalSec);
  const starts = new Int32Array(columns.length + 1);
  rows.entries.forEach((list, j) => {
    starts[j + 1] = (starts[j] as number) + list.length;
  });
  const nonzeros = starts[columns.length] as number;
  const indices = new Int32Array(nonzeros);
  const values = new Float64Array(nonzeros);
  let k = 0;
  for (const list of rows.entries) {
    for (const { row, value } of list) {
      indices[k] = row;
      values[k++] = value;
    }
  }
  const model = highs.createModel({
    numCols: columns.length,
    numRows: rows.lower.length,
    colCost: Float64Array.from(columns, (c) => c.cost),
    colLower: new Float64Array(columns.length),
    colUpper: new Float64Array(columns.length).fill(highs.infinity),
    rowLower: Float64Array.from(rows.lower),
    rowUpper: Float64Array.from(rows.upper, (u) => (u === Infinity ? highs.infinity : u)),
    matrix: { format: 'csc', numRows: rows.lower.length, numCols: columns.length, starts, indices, values },
    integrality: new Int32Array(columns.length).fill(highs.constants.variableType.integer),
  });
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitSec, mip_rel_gap: relativeGap, random_seed: 0 });
    model.run();
    return readResult(highs, model, columns.length);
  } finally {
    model.dispose();
  }
}

function readResult(highs: Highs, model: ReturnType<Highs['createModel']>, n: number): ProgramResult {
  const status = model.getModelStatus();
  const codes = highs.constants.modelStatus;
  // Costs are ≥ 0 and counts ≥ 0, so the program is bounded: "infeasible or unbounded" is infeasible.
  if (status === codes.infeasible || status === codes.unboundedOrInfeasible) return { outcome: 'infeasible', gap: 0, counts: [] };
  const feasible = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
  if (status !== codes.optimal && !feasible) {
    if (status === codes.timeLimit || status === codes.iterationLimit) return { outcome: 'none', gap: 0, counts: [] };
    throw new Error(`HiGHS stopped with model status ${status} on the covering program`);
  }
  const values = model.getSolution().colValue;
  const counts = Array.from({ length: n }, (_, j) => {
    const x = values[j] as number;
    const whole = Math.round(x);
    // HiGHS keeps integers to its feasibility tolerance (1e-6); anything further is a solver fault.
    if (Math.abs(x - whole) > 1e-5 || whole < 0) throw new Error(`HiGHS returned a non-integer count ${x} for column ${j}`);
    return whole;
  });
  const gap = Number(model.info.get('mip_gap'));
  return { outcome: status === codes.optimal ? 'optimal' : 'feasible', gap: Number.isFinite(gap) ? Math.max(0, gap) : 0, counts };
}
