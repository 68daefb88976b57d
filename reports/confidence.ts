/**
 * Every KPI with its uncertainty (STYLE habit 10): the mean over replications and a 95%
 * confidence interval from Student's t with n − 1 degrees of freedom (replications are
 * independent, identically distributed observations — Law, "Simulation Modeling and
 * Analysis", §9.4.1). The t quantile comes from @stdlib.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
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

/** Mean and 95% CI of the finite values (NaN marks a replication where the metric is undefined). */
export function estimate(values: readonly number[]): Estimate {
  const defined = values.filter((v) => Number.isFinite(v));
  if (defined.length === 0) return { mean: null, ci95: null };
  const m = mean(defined);
  if (defined.length < 2) return { mean: m, ci95: null };
  const h = halfWidth95(defined);
  return { mean: m, ci95: [m - h, m + h] };
}
