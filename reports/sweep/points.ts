/**
 * How the points of a sweep are named and laid out in its human-readable reports, so the
 * tables (reports/sweep/tables.ts) and the charts (reports/sweep/charts.ts) agree.
 *
 * - A point of a grid (`--vary`, `sweep: grid:`) is named by its parameters
 *   (`agents[0].count=35`), so its label is just the values (`35`, or `35, 6m` for two) under
 *   a head naming the parameters; any other point (a named variant, a sample) keeps its name.
 * - The chart's x is a numeric parameter when the points form a full grid and one varied
 *   parameter is a number at every point: the metric is then a curve of it, one line per
 *   value of the other parameters. Otherwise (variants, samples, a grid of words such as
 *   `5m,6m`) x is the point itself, in sweep order.
 */
import type { SweepResult } from '../../analysis/sweep/result.js';

type Value = SweepResult['points'][number]['parameters'][string];

export type SweepX =
  | { readonly kind: 'numeric'; readonly path: string; readonly values: readonly number[] }
  | { readonly kind: 'point' };

export interface SweepLayout {
  /** Head of the label column: the parameters of a grid, else `point`. */
  readonly labelHead: string;
  /** One label per point, in point order (unique: grid combinations and point names are). */
  readonly labels: readonly string[];
  /** True when the labels are the parameter values (no separate parameter columns needed). */
  readonly labelsAreParameters: boolean;
  readonly x: SweepX;
  /** Per point, the values of the parameters other than x (null: a single series). */
  readonly series: readonly string[] | null;
  /** The legend title of the series: the other parameters' paths. */
  readonly seriesTitle: string;
}

const show = (v: Value | undefined): string => (v === undefined || v === null ? '' : String(v));

/** The name workers/sweepSpec.ts gives a point made of these parameters. */
const gridName = (paths: readonly string[], params: Readonly<Record<string, Value>>): string =>
  paths.map((p) => `${p}=${String(params[p])}`).join(',');

function isFullGrid(r: SweepResult): boolean {
  const paths = r.parameters;
  if (paths.length === 0 || r.points.some((p) => paths.some((path) => !(path in p.parameters)) || p.name !== gridName(paths, p.parameters))) return false;
  const distinct = paths.map((path) => new Set(r.points.map((p) => show(p.parameters[path]))).size);
  return distinct.reduce((n, d) => n * d, 1) === r.points.length;
}

/** The numeric parameter with the most distinct values (the first on a tie), if any. */
function numericAxis(r: SweepResult): string | undefined {
  let best: { path: string; distinct: number } | undefined;
  for (const path of r.parameters) {
    const values = r.points.map((p) => p.parameters[path]);
    if (!values.every((v) => typeof v === 'number' && Number.isFinite(v))) continue;
    const distinct = new Set(values).size;
    if (best === undefined || distinct > best.distinct) best = { path, distinct };
  }
  return best?.path;
}

export function sweepLayout(r: SweepResult): SweepLayout {
  const grid = isFullGrid(r);
  const labels = r.points.map((p) => (grid ? r.parameters.map((path) => show(p.parameters[path])).join(', ') : p.name));
  const labelHead = grid ? r.parameters.join(', ') : 'point';
  const path = grid ? numericAxis(r) : undefined;
  if (path === undefined) return { labelHead, labels, labelsAreParameters: grid, x: { kind: 'point' }, series: null, seriesTitle: '' };
  const others = r.parameters.filter((p) => p !== path);
  return {
    labelHead,
    labels,
    labelsAreParameters: true,
    x: { kind: 'numeric', path, values: r.points.map((p) => p.parameters[path] as number) },
    series: others.length === 0 ? null : r.points.map((p) => others.map((o) => show(p.parameters[o])).join(', ')),
    seriesTitle: others.join(', '),
  };
}
