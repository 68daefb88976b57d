/**
 * Fractional agent counts. The Erlang formulas are defined for whole servers; a baseline that
 * splits a shared group between channels (or a forecast in FTE) gives fractional ones. We
 * evaluate at ⌊n⌋ and ⌈n⌉ and interpolate linearly in n, which keeps every measure monotone
 * in n and exact at whole numbers. Each caller says how its result type is interpolated.
 */
export function byFractionalAgents<R>(
  agents: number,
  evaluate: (wholeAgents: number) => R,
  interpolate: (atFloor: R, atCeil: R, weight: number) => R,
): R {
  const lo = Math.floor(agents);
  const weight = agents - lo;
  if (weight === 0) return evaluate(lo);
  return interpolate(evaluate(lo), evaluate(lo + 1), weight);
}

/** Linear interpolation that keeps an infinite end infinite (e.g. ASA of an unstable queue). */
export function lerp(lo: number, hi: number, weight: number): number {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return weight === 0 ? lo : weight === 1 ? hi : Math.max(lo, hi);
  return lo + (hi - lo) * weight;
}
