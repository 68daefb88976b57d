/**
 * The quantile of the standard gamma distribution: the x with P(a, x) = u, used to sample
 * gamma and Erlang durations by inversion (one uniform a variate, DESIGN §4).
 */
import { logGamma, lowerSeries, upperFraction } from './gammaFunctions.js';
import { normalQuantile } from './normalQuantile.js';

/**
 * The first guess of P⁻¹(a, u), q = 1 − u.
 * - a > 1: Wilson & Hilferty, "The distribution of chi-square", PNAS 17, 1931:
 *   (X/a)^⅓ ≈ N(1 − 1/(9a), 1/(9a)).
 * - Small x: P(a, x) = x^a / Γ(a + 1) · M(a, a + 1, −x) = x^a / Γ(a + 1) · (1 − a x/(a + 1) + …)
 *   (A&S 6.5.12). Its first term gives the power form x₀ = (u Γ(a + 1))^(1/a), a lower bound,
 *   used for a > 1 when Wilson–Hilferty falls below it; for a ≤ 1 the first two terms give
 *   one fixed-point step, x₀ (1 − a x₀/(a + 1))^(−1/a).
 * - Large x, a ≤ 1: Q(a, x) ≈ x^(a−1) e^−x / Γ(a) (A&S 6.5.32), one fixed-point step.
 */
function firstGuess(a: number, u: number, q: number, logGammaA: number): number {
  const power = Math.exp((Math.log(u) + logGammaA + Math.log(a)) / a);
  if (a > 1) {
    const h = 1 / (9 * a);
    const w = 1 - h + normalQuantile(u) * Math.sqrt(h);
    const wilson = a * w * w * w;
    return w > 0 && wilson > power ? wilson : power;
  }
  const base = 1 - (a * power) / (a + 1);
  const small = base > 0 ? power * Math.pow(base, -1 / a) : power;
  const l = -Math.log(q) - logGammaA;
  if (u <= 0.5 || l <= 1) return small;
  return Math.max(small, l + (a - 1) * Math.log(l));
}

/**
 * The quantile of the standard gamma distribution of shape a: the x with P(a, x) = u, for u
 * in [0, 1); 0 at u = 0. Halley's method on P from `firstGuess`, kept inside the bracket the
 * iterates establish (bisection when a step leaves it). Above the median the residual is
 * computed as (1 − u) − Q(a, x), so that the upper tail keeps its relative accuracy; below
 * it, as ln P(a, x) − ln u, so that the lower tail never underflows.
 * Pass `logGammaA` = logGamma(a) when calling repeatedly with one shape.
 */
export function gammaQuantile(a: number, u: number, logGammaA: number = logGamma(a)): number {
  if (!(u > 0)) return u === 0 ? 0 : NaN;
  if (!(u < 1)) return u === 1 ? Infinity : NaN;
  const upper = u > 0.5;
  const q = 1 - u;
  let x = firstGuess(a, u, q, logGammaA);
  // The power form's relative error is about x/(a + 1): nothing left to refine.
  if (x <= (a + 1) * Number.EPSILON) return x;
  const logU = Math.log(u);
  let lo = 0;
  let hi = Infinity;
  for (let i = 0; i < 100; i++) {
    // Halley on f(x) = 0 with t = f/f′ and c = f″/f′: x ← x − t / (1 − t·c/2). For f = P − u,
    // f′ is the density x^(a−1) e^−x / Γ(a) = kernel / x and c = (a − 1)/x − 1.
    const logKernel = a * Math.log(x) - x - logGammaA;
    let f: number; // has the sign of P(a, x) − u
    let t: number;
    let c = (a - 1) / x - 1;
    if (x < a + 1 && !upper) {
      // Below the median, f = ln P − ln u = ln kernel + ln S − ln u, which cannot underflow
      // however deep the tail: f′ = 1/(x S) and f″/f′ = c − 1/(x S).
      const series = lowerSeries(a, x);
      f = logKernel + Math.log(series) - logU;
      t = f * x * series;
      c -= 1 / (x * series);
    } else {
      const k = Math.exp(logKernel);
      if (x < a + 1) f = q - (1 - k * lowerSeries(a, x));
      else f = upper ? q - k * upperFraction(a, x) : 1 - k * upperFraction(a, x) - u;
      t = (f * x) / k;
    }
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const step = t / (1 - 0.5 * t * c);
    // Halley converges cubically: after a relative step of 1e-6 the error is ~1e-18.
    if (Math.abs(step) <= 1e-6 * x) return x - step;
    const next = x - step;
    x = next > lo && next < hi ? next : hi === Infinity ? 2 * lo : lo === 0 ? hi / 4 : Math.sqrt(lo * hi);
  }
  return x;
}
