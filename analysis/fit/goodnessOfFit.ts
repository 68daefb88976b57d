/**
 * The Kolmogorov–Smirnov distance between a sample and a fitted distribution, and the
 * approximate p-value of Kolmogorov's limiting distribution. The distance is the figure to
 * read (the largest gap between the empirical and the fitted distribution functions, a share
 * of calls); the p-value is a rough guide only, for two reasons said wherever it is shown:
 *
 * - The parameters were estimated from the same sample. Kolmogorov's distribution assumes
 *   them known in advance; with estimated parameters the distance is smaller than it would
 *   be for a fixed distribution, so this p-value is too large — a small p is a reliable
 *   rejection, a large one is no proof of fit (Lilliefors 1967, "On the Kolmogorov–Smirnov
 *   test for normality with mean and variance unknown", JASA 62, and 1969 for the exponential).
 * - With the tens of thousands of calls of a real export, any model is rejected: real handle
 *   times are not exactly lognormal. A distance of a few hundredths is a close fit for planning.
 */

/** The values in increasing order, non-decreasing (non-finite values are the caller's to remove). */
export type SortedSample = Float64Array;

/**
 * D = sup |Fₙ(x) − F(x)| over a sorted sample x₍₁₎ ≤ … ≤ x₍ₙ₎: the supremum is reached at a
 * sample point, on one side or the other of its step, so D = maxᵢ max(i/n − F(x₍ᵢ₎),
 * F(x₍ᵢ₎) − (i − 1)/n) (Conover, "Practical Nonparametric Statistics", §6.1).
 */
export function ksDistance(sorted: SortedSample, cdf: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i] as number);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** Where the two series of Kolmogorov's distribution trade places: each converges in a few terms on its side. */
const SERIES_SWITCH = 1.18;
const MAX_TERMS = 100;

/**
 * Q(λ) = P(K > λ) for Kolmogorov's limiting distribution K = sup |B(t)| of the Brownian bridge:
 * Q(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2j²λ²} for large λ, and 1 − (√(2π)/λ) Σ_{j≥1}
 * e^{−(2j−1)²π²/(8λ²)} for small λ (Kolmogorov 1933; both forms in Marsaglia, Tsang & Wang
 * 2003, "Evaluating Kolmogorov's distribution", J. Stat. Softw. 8(18)).
 */
export function kolmogorovUpperTail(lambda: number): number {
  if (!(lambda > 0)) return 1;
  if (lambda < SERIES_SWITCH) {
    const k = -(Math.PI * Math.PI) / (8 * lambda * lambda);
    let sum = 0;
    for (let j = 1; j <= MAX_TERMS; j++) {
      const term = Math.exp(k * (2 * j - 1) * (2 * j - 1));
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum));
  }
  let sum = 0;
  for (let j = 1; j <= MAX_TERMS; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum += j % 2 === 1 ? term : -term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * The approximate p-value of a distance D over n values: Q((√n + 0.12 + 0.11/√n) D), Stephens'
 * finite-sample correction of the limit (Stephens 1970, "Use of the Kolmogorov–Smirnov,
 * Cramér–von Mises and related statistics without extensive tables", JRSS B 32; Numerical
 * Recipes, 3rd ed., §14.3.3). Too large when the parameters were fitted (see the file's note).
 */
export function ksPValue(distance: number, n: number): number {
  const root = Math.sqrt(n);
  return kolmogorovUpperTail((root + 0.12 + 0.11 / root) * distance);
}

/** What every p-value shown says of itself. */
export const KS_P_VALUE_NOTE =
  'approximate: Kolmogorov\'s distribution assumes parameters known in advance; they were fitted to these calls, so the true p-value is smaller (Lilliefors); read the distance';
