/**
 * The prediction band of a back-test: where ONE day's value of an interval's metric should
 * fall, not where the mean of many days lies (a confidence interval of the mean narrows as
 * replications grow and would say "wrong" of a correct model almost always). The replications
 * are draws of that day's value under the model, so the band is between two of their order
 * statistics: with n draws and a new independent value Y from the same continuous
 * distribution, P(X₍ⱼ₎ ≤ Y ≤ X₍ₙ₊₁₋ⱼ₎) = (n + 1 − 2j)/(n + 1) exactly, whatever the
 * distribution (Wilks, "Determination of sample sizes for setting tolerance limits", Ann. Math.
 * Statist. 12, 1941; the distribution-free prediction interval). j is the largest whole number
 * with that coverage ≥ the asked level, so the band's coverage is `nominalCoverage`, at least
 * the level (with R = 50 at 90%: j = 2, 47/51 = 92.2%). On discrete values (counts of a quiet
 * interval) the band includes its ends and covers at least that much.
 */

export interface Band {
  readonly median: number;
  readonly lo: number;
  readonly hi: number;
  /** Replications with a defined value. */
  readonly n: number;
}

/** The order statistic j of the band (1-based), 0 when n draws are too few for the level. */
function orderIndex(n: number, level: number): number {
  // The small epsilon keeps (n + 1)(1 − level)/2 = 1 exactly from rounding to 0.999….
  return Math.floor(((n + 1) * (1 - level)) / 2 + 1e-9);
}

/** Coverage of the band of n draws at `level`: (n + 1 − 2j)/(n + 1); NaN when n is too small. */
export function nominalCoverage(n: number, level: number): number {
  const j = orderIndex(n, level);
  return j >= 1 ? (n + 1 - 2 * j) / (n + 1) : NaN;
}

/** Fewest draws that give a band at `level`: (n + 1)(1 − level)/2 ≥ 1. */
export function minimumDraws(level: number): number {
  return Math.max(1, Math.ceil(2 / (1 - level) - 1 - 1e-9));
}

/** Median and band of the defined values, or null when fewer than `minimumDraws(level)` are defined. */
export function predictionBand(values: ArrayLike<number>, level: number): Band | null {
  const sorted = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  const j = orderIndex(n, level);
  if (j < 1) return null;
  const mid = (n - 1) / 2;
  const median = ((sorted[Math.floor(mid)] as number) + (sorted[Math.ceil(mid)] as number)) / 2;
  return { median, lo: sorted[j - 1] as number, hi: sorted[n - j] as number, n };
}
