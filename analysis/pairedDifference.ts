/**
 * Paired differences between two points of a sweep: for each replication r that both
 * completed, d_r = x_r(point) − x_r(baseline), and the mean of d with its 95% CI (Student t,
 * n − 1 degrees of freedom). Under common random numbers replication r of both points sees
 * the same customers, so x(point) and x(baseline) are positively correlated and
 * Var(d) = Var(x) + Var(y) − 2 Cov(x, y) is small (Law, "Simulation Modeling and Analysis",
 * §10.2.1 paired-t and §11.2 CRN).
 */
import { estimate, type Estimate } from './confidence.js';

export interface Difference extends Estimate {
  /** Replications paired (both defined). */
  readonly n: number;
}

/** `a` and `b` are indexed by replication; NaN (or a missing entry) leaves that replication out. */
export function pairedDifference(a: readonly number[], b: readonly number[]): Difference {
  const d: number[] = [];
  const n = Math.min(a.length, b.length);
  for (let r = 0; r < n; r++) {
    const x = a[r] as number;
    const y = b[r] as number;
    if (Number.isFinite(x) && Number.isFinite(y)) d.push(x - y);
  }
  return { ...estimate(d), n: d.length };
}
