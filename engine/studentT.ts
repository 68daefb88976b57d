/**
 * Student's t distribution: the upper-tail probability and the quantile, for the confidence
 * intervals over replications (analysis/confidence.ts) and the tests' family-wise tolerances.
 * Hand-written (as the gamma and normal quantiles are) rather than taken from a package that
 * pulled two hundred dependencies for this one function (docs/decisions.md).
 *
 * With ν degrees of freedom and t ≥ 0, P(T > t) = ½ I_x(ν/2, ½) where x = ν / (ν + t²) and I is
 * the regularized incomplete beta function (Abramowitz & Stegun 26.7.1, 26.5.27), evaluated by
 * its continued fraction with the modified Lentz method (Numerical Recipes, 3rd ed., §6.4).
 * The quantile inverts that tail by bisection on t (60 halvings of the bracket, then exact to
 * the last bits), which is plenty fast for a value remembered per ν.
 */
import { logGamma } from './gammaFunctions.js';

const TINY = 1e-300;
const EPS = 1e-16;
const MAX_TERMS = 10_000;

/** The continued fraction of I_x(a, b) (NR §6.4 `betacf`), for x < (a + 1)/(a + b + 2). */
function betaFraction(a: number, b: number, x: number): number {
  const qab = a + b, qap = a + 1, qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    // Even step: d_{2m} = m(b − m)x / ((a + 2m − 1)(a + 2m)).
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)).
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPS) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b), x in [0, 1], a, b > 0. */
export function incompleteBeta(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  // The fraction converges fast below (a + 1)/(a + b + 2); above, use I_x(a, b) = 1 − I_{1−x}(b, a).
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T > t) for Student's t with ν > 0 degrees of freedom. */
export function studentTUpperTail(t: number, df: number): number {
  if (Number.isNaN(t)) return NaN;
  const half = 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t * t));
  return t >= 0 ? half : 1 - half;
}

/** The quantile of Student's t with ν > 0 degrees of freedom: the t with P(T ≤ t) = p, p in (0, 1). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  const tail = 1 - p;
  // Bracket [0, hi] with P(T > hi) ≤ tail, then bisect: the tail falls as t grows.
  let lo = 0;
  let hi = 1;
  while (studentTUpperTail(hi, df) > tail) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Infinity;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (studentTUpperTail(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
