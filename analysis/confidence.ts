/**
 * Every KPI with its uncertainty (STYLE habit 10), two ways:
 *
 * - `estimate`: the mean over replications of a per-replication value, and a 95% confidence
 *   interval from Student's t with n − 1 degrees of freedom (replications are independent,
 *   identically distributed observations — Law, "Simulation Modeling and Analysis", §9.4.1);
 * - `pooledEstimate`: the ratio of means Σa/Σb of a ratio KPI a/b (the pooled estimator the
 *   Java ContactCenters library reports), consistent where the mean of per-replication ratios
 *   is biased by small denominators, with a delta-method interval: Var(Ā/B̄) ≈
 *   (s²_a − 2R s_ab + R² s²_b) / (n B̄²), R = Ā/B̄ (Law §9.5; Glynn & Whitt's ratio CLT).
 *
 * Both intervals are kept inside the metric's physical range (a share in [0, 1], a time or
 * count in [0, ∞)): the true value lies in that range, so cutting the interval to it never
 * loses coverage. The t quantile is engine/studentT.ts.
 */
import { studentTQuantile as tQuantile } from '../engine/studentT.js';
import { mean, sampleStandardDeviation } from 'simple-statistics';

/** A metric over replications. `mean` is null when no replication defines it (e.g. SL of an empty interval). */
export interface Estimate {
  readonly mean: number | null;
  /** 95% confidence interval; null with fewer than two defined replications. */
  readonly ci95: readonly [number, number] | null;
}

/**
 * t(0.975, df), remembered: a report asks for it with the same few degrees of freedom
 * thousands of times (every metric of every scope of every sweep point), and each call
 * inverts the incomplete beta function afresh — a sweep's report spent a third of its time here.
 */
const tCache = new Map<number, number>();
function t975(df: number): number {
  let t = tCache.get(df);
  if (t === undefined) {
    t = tQuantile(0.975, df);
    tCache.set(df, t);
  }
  return t;
}

/** The half-width of the 95% CI, or NaN with fewer than two values. */
export function halfWidth95(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return NaN;
  return t975(n - 1) * (sampleStandardDeviation(values as number[]) / Math.sqrt(n));
}

/** A metric's physical range [low, high]; unbounded by default (differences can be negative). */
export type Range = readonly [number, number];
const UNBOUNDED: Range = [-Infinity, Infinity];

const clip = (x: number, [lo, hi]: Range): number => (x < lo ? lo : x > hi ? hi : x);

/** Mean and 95% CI of the finite values (NaN marks a replication where the metric is undefined), inside `range`. */
export function estimate(values: readonly number[], range: Range = UNBOUNDED): Estimate {
  const defined = values.filter((v) => Number.isFinite(v));
  if (defined.length === 0) return { mean: null, ci95: null };
  const m = mean(defined);
  if (defined.length < 2) return { mean: m, ci95: null };
  const h = halfWidth95(defined);
  return { mean: m, ci95: [clip(m - h, range), clip(m + h, range)] };
}

/**
 * The ratio of means Σa/Σb over replications (each replication's [a, b]; non-finite pairs are
 * left out) with its 95% delta-method interval inside `range`. Null when Σb = 0; no CI with
 * fewer than two replications.
 */
export function pooledEstimate(fractions: readonly (readonly [number, number])[], range: Range = UNBOUNDED): Estimate {
  const pairs = fractions.filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
  const n = pairs.length;
  let sa = 0, sb = 0;
  for (const [a, b] of pairs) { sa += a; sb += b; }
  if (!(sb > 0)) return { mean: null, ci95: null };
  const r = sa / sb;
  if (n < 2) return { mean: r, ci95: null };
  const ma = sa / n, mb = sb / n;
  // Sample variance of the residuals a − R·b: s²_a − 2R s_ab + R² s²_b in one pass.
  let ss = 0;
  for (const [a, b] of pairs) {
    const e = a - ma - r * (b - mb);
    ss += e * e;
  }
  const h = t975(n - 1) * Math.sqrt(ss / (n - 1) / n) / mb;
  return { mean: r, ci95: [clip(r - h, range), clip(r + h, range)] };
}
