/**
 * Ratios of gamma functions that the Erlang A sums need when they start at the peak of the
 * queue's distribution rather than at an empty queue (queueLength.ts): the log of a rising
 * factorial, ln[(z)(z+1)…(z+k−1)] = ln Γ(z + k) − ln Γ(z), and the difference of digammas
 * ψ(z + k) − ψ(z) = Σ_{m<k} 1/(z + m). Both are exact sums for small k; for large k they
 * come from Stirling's series (Abramowitz & Stegun 6.1.41 and 6.3.18), written as
 * differences so that nothing cancels: (z − ½)·log1p(k/z) rather than two ~k·ln z terms.
 */

/** Below this many factors the sums are taken term by term (exact to rounding). */
const DIRECT_TERMS = 64;
/** Stirling's series is used from here: truncated as below, it is then good to 2e-15 for ln Γ and 2e-13 for ψ. */
const ASYMPTOTIC_FROM = 20;

/** The part of ln Γ(z) after (z − ½) ln z − z + ½ ln 2π: 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷). */
function stirlingTail(z: number): number {
  const r = 1 / (z * z);
  return (1 / z) * (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r / 1680)));
}

/** The part of ψ(z) after ln z: −1/(2z) − 1/(12z²) + 1/(120z⁴) − 1/(252z⁶). */
function digammaTail(z: number): number {
  const r = 1 / (z * z);
  return -1 / (2 * z) - r * (1 / 12 - r * (1 / 120 - r / 252));
}

/** ln[z (z+1) … (z+k−1)] for z > 0 and a whole k ≥ 0. */
export function logRising(z: number, k: number): number {
  let sum = 0;
  let i = 0;
  // Exact factors while z is small (Stirling needs z ≥ 20) or few remain.
  for (; i < k && (z + i < ASYMPTOTIC_FROM || k - i <= DIRECT_TERMS); i++) sum += Math.log(z + i);
  if (i === k) return sum;
  const from = z + i;
  const n = k - i;
  const to = from + n;
  return sum + (from - 0.5) * Math.log1p(n / from) + n * Math.log(to) - n + stirlingTail(to) - stirlingTail(from);
}

/** ψ(z + k) − ψ(z) = Σ_{m<k} 1/(z + m), for z > 0 and a whole k ≥ 0. */
export function digammaDifference(z: number, k: number): number {
  let sum = 0;
  let i = 0;
  for (; i < k && (z + i < ASYMPTOTIC_FROM || k - i <= DIRECT_TERMS); i++) sum += 1 / (z + i);
  if (i === k) return sum;
  const from = z + i;
  const n = k - i;
  return sum + Math.log1p(n / from) + digammaTail(from + n) - digammaTail(from);
}
