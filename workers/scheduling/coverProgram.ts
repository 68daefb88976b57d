/**
 * The covering integer program handed to HiGHS (Huangfu & Hall 2018; the branch-and-cut MIP
 * solver of HiGHS 1.x, compiled to WebAssembly by the `highs` package), in the implicit break
 * formulation of Aykin (1996, "Optimal shift scheduling with multiple break windows",
 * Management Science 42(4)):
 *
 *   minimise   Σ_s cost_s x_s                       x_s: shifts at (template, start) s, whole ≥ 0
 *   subject to Σ_s on_is x_s − Σ_{s,k,p} off_ikp y_skp ≥ r_i       every interval i
 *              Σ_p y_skp = x_s                      every start s and break k (y: whole ≥ 0)
 *              Σ_{q ≤ p} y_s,k+1,q ≤ Σ_{q + len_k ≤ p} y_skq      every slot p of break k+1
 *              min ≤ x_s ≤ max;  minTotal ≤ Σ_s∈template x_s ≤ maxTotal
 *
 * on_is is the share of interval i that a shift of s is on duty; off_ikp the share a break k
 * starting at slot p takes off it. The precedence rows (written only where break k can still
 * be running when break k+1 could start) say that by any slot no more breaks k+1 have started
 * than breaks k have ended: exactly the condition for pairing the i-th earliest break k+1
 * with the i-th earliest break k so that every agent takes them in order (./coverSchedule.ts).
 *
 * HiGHS is deterministic single-threaded (this build has no threads) with a fixed
 * `random_seed`: the same program in the same column order gives the same solution. A solve
 * stopped by the time limit is not: where it stops depends on the machine's speed.
 */
import * as highsModule from 'highs';
import type { Highs } from 'highs';
import type { ShiftTemplate } from '../../scenarios/templates/shiftTemplate.js';
import { type ColumnSet, eachShare } from './coverColumns.js';

export interface ProgramResult {
  /** `none`: stopped by a limit before any schedule was found. */
  readonly outcome: 'optimal' | 'feasible' | 'infeasible' | 'none';
  readonly gap: number;
  /** Whole values of every column, in the order of the column set. */
  readonly values: readonly number[];
}

let loading: Promise<Highs> | undefined;

/** The solver, loaded once per thread (instantiating the WebAssembly takes tens of milliseconds). */
function solver(): Promise<Highs> {
  // The package's types are CommonJS (the loader is the module's `default`), while Node
  // imports its ES build, whose default export is the loader itself.
  type Loader = () => Promise<Highs>;
  const loader = (highsModule as unknown as { readonly default: Loader | { readonly default: Loader } }).default;
  const load = typeof loader === 'function' ? loader : loader.default;
  loading ??= load();
  return loading;
}

/** The program as sparse columns (CSC) with bounds. */
export interface Program {
  readonly cost: number[];
  readonly colLower: number[];
  readonly colUpper: number[];
  readonly rowLower: number[];
  readonly rowUpper: number[];
  /** Per column, its (row, value) entries. */
  readonly entries: Map<number, number>[];
}

function newColumn(program: Program, cost: number, lower: number, upper: number): Map<number, number> {
  const entries = new Map<number, number>();
  program.cost.push(cost);
  program.colLower.push(lower);
  program.colUpper.push(upper);
  program.entries.push(entries);
  return entries;
}

function newRow(program: Program, lower: number, upper: number): number {
  program.rowLower.push(lower);
  program.rowUpper.push(upper);
  return program.rowLower.length - 1;
}

function add(entries: Map<number, number>, row: number, value: number): void {
  entries.set(row, (entries.get(row) ?? 0) + value);
}

/** Builds the program; columns in the column set's canonical order. */
export function buildProgram(templates: readonly ShiftTemplate[], set: ColumnSet, requirement: readonly number[], intervalSec: number, paidHours: readonly number[]): Program {
  const program: Program = { cost: [], colLower: [], colUpper: [], rowLower: [...requirement], rowUpper: requirement.map(() => Infinity), entries: [] };
  const totalRows = templates.map((t) => ((t.minTotal ?? 0) > 0 || t.maxTotal !== undefined ? newRow(program, t.minTotal ?? 0, t.maxTotal ?? Infinity) : undefined));
  for (const start of set.starts) {
    const t = templates[start.template] as ShiftTemplate;
    const x = newColumn(program, (paidHours[start.template] as number) * t.costPerHour, t.min ?? 0, t.max ?? Infinity);
    eachShare(start.startSec, start.startSec + t.lengthSec, intervalSec, (i, share) => add(x, i, share));
    const total = totalRows[start.template];
    if (total !== undefined) add(x, total, 1);
    const columns = start.slotsSec.map((slots, k) => {
      const rule = t.breaks[k] as ShiftTemplate['breaks'][number];
      const equality = newRow(program, 0, 0);
      add(x, equality, -1);
      return slots.map((p) => {
        const y = newColumn(program, 0, 0, Infinity);
        eachShare(p, p + rule.lengthSec, intervalSec, (i, share) => add(y, i, -share));
        add(y, equality, 1);
        return y;
      });
    });
    start.slotsSec.forEach((slots, k) => {
      const next = start.slotsSec[k + 1];
      if (next === undefined) return;
      const lengthSec = (t.breaks[k] as ShiftTemplate['breaks'][number]).lengthSec;
      // Only slots of break k+1 that some break k could still be running at need a row.
      next.forEach((p, j) => {
        if ((slots[slots.length - 1] as number) + lengthSec <= p) return;
        const row = newRow(program, -Infinity, 0);
        for (let q = 0; q <= j; q++) add(columns[k + 1]?.[q] as Map<number, number>, row, 1);
        slots.forEach((s, q) => {
          if (s + lengthSec <= p) add(columns[k]?.[q] as Map<number, number>, row, -1);
        });
      });
    });
  }
  return program;
}

/** Solves the program; `timeLimitSec` bounds HiGHS's own clock, `relativeGap` its `mip_rel_gap`. */
export async function solveProgram(program: Program, timeLimitSec: number, relativeGap: number, start?: readonly number[]): Promise<ProgramResult> {
  const highs = await solver();
  const n = program.cost.length;
  const m = program.rowLower.length;
  const starts = new Int32Array(n + 1);
  program.entries.forEach((entries, j) => {
    starts[j + 1] = (starts[j] as number) + entries.size;
  });
  const indices = new Int32Array(starts[n] as number);
  const values = new Float64Array(starts[n] as number);
  let k = 0;
  for (const entries of program.entries) {
    for (const [row, value] of [...entries].sort((a, b) => a[0] - b[0])) {
      indices[k] = row;
      values[k++] = value;
    }
  }
  const finite = (x: number) => (x === Infinity ? highs.infinity : x === -Infinity ? -highs.infinity : x);
  const model = highs.createModel({
    numCols: n,
    numRows: m,
    colCost: Float64Array.from(program.cost),
    colLower: Float64Array.from(program.colLower),
    colUpper: Float64Array.from(program.colUpper, finite),
    rowLower: Float64Array.from(program.rowLower, finite),
    rowUpper: Float64Array.from(program.rowUpper, finite),
    matrix: { format: 'csc', numRows: m, numCols: n, starts, indices, values },
    integrality: new Int32Array(n).fill(highs.constants.variableType.integer),
  });
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitSec, mip_rel_gap: relativeGap, random_seed: 0 });
    // A schedule to start from (./coverWarmStart.ts): HiGHS checks it and keeps it as its first incumbent.
    if (start !== undefined) model.setSolution({ colValue: Float64Array.from(start) });
    model.run();
    return readResult(highs, model, n);
  } finally {
    model.dispose();
  }
}

function readResult(highs: Highs, model: ReturnType<Highs['createModel']>, n: number): ProgramResult {
  const status = model.getModelStatus();
  const codes = highs.constants.modelStatus;
  // Costs are ≥ 0 and counts ≥ 0, so the program is bounded: "infeasible or unbounded" is infeasible.
  if (status === codes.infeasible || status === codes.unboundedOrInfeasible) return { outcome: 'infeasible', gap: 0, values: [] };
  const feasible = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
  if (status !== codes.optimal && !feasible) {
    if (status === codes.timeLimit || status === codes.iterationLimit) return { outcome: 'none', gap: 0, values: [] };
    throw new Error(`HiGHS stopped with model status ${status} on the covering program`);
  }
  const raw = model.getSolution().colValue;
  const values = Array.from({ length: n }, (_, j) => {
    const x = raw[j] as number;
    const whole = Math.round(x);
    // HiGHS keeps integers to its feasibility tolerance (1e-6); anything further is a solver fault.
    if (Math.abs(x - whole) > 1e-5 || whole < 0) throw new Error(`HiGHS returned a non-integer count ${x} for column ${j}`);
    return whole;
  });
  const gap = Number(model.info.get('mip_gap'));
  return { outcome: status === codes.optimal ? 'optimal' : 'feasible', gap: Number.isFinite(gap) ? Math.max(0, gap) : 0, values };
}
