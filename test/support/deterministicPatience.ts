/**
 * M/M/n+G, the many-server queue with customer patience of any distribution G, served in order
 * of arrival: Baccelli & Hebuterne (1981), in the form of Zeltyn & Mandelbaum, "Call centers
 * with impatient customers: many-server asymptotics of the M/M/n+G queue", Queueing Systems 51
 * (2005), §2. With Ḡ(u) = P(patience > u) and H(x) = ∫₀ˣ Ḡ(u) du, the offered wait V (the wait
 * of a customer with infinite patience arriving now) has an atom at 0 — the Erlang-like
 * probabilities πⱼ = π₀ aʲ/j!, j < n, of fewer than n busy agents — and the density
 *
 *   f_V(x) = λ π_{n−1} exp(λ H(x) − nμx),  x > 0,
 *
 * normalised with them to 1. A customer abandons when its patience is shorter than V.
 *
 * A maximum wait T with no other impatience is deterministic patience: Ḡ = 1 before T and 0
 * after, H(x) = min(x, T), so every integral is closed. It is *not* Erlang C's tail C·e^{−(nμ−λ)T}:
 * the callers sent away at T no longer hold up those behind them, so waits are shorter and fewer
 * reach T than in M/M/n. With T → ∞ it becomes Erlang C (checked by the tests).
 */

export interface MaxWaitQueue {
  readonly ratePerSec: number;
  readonly handleSec: number;
  readonly agents: number;
  /** The maximum wait (deterministic patience), seconds. */
  readonly maxWaitSec: number;
}

export interface MaxWaitFigures {
  /** P(V > 0): an arrival finds every agent busy. */
  readonly pWait: number;
  /** P(V > T): an arrival is sent away at the maximum wait. */
  readonly pMaxWait: number;
  /** P(V ≤ t): answered within t (t < T) — the `offered` service level. */
  answeredWithin(t: number): number;
  /** Mean wait of the answered, E[V | V ≤ T]. */
  readonly asaSec: number;
}

/** λ π_{n−1} and the atom Σ_{j<n} πⱼ, normalised with `tailMass` = ∫₀^∞ exp(λH(x) − nμx) dx. */
function atoms(a: number, n: number, lambda: number, tailMass: number): { lambdaPi: number; atom: number } {
  // Σ_{j<n} πⱼ / π_{n−1} = Σ_{j<n} (n−1)!/j! · a^{j−(n−1)}, summed from j = n−1 down.
  let term = 1;
  let sum = 1;
  for (let j = n - 1; j > 0; j--) {
    term *= j / a;
    sum += term;
  }
  const piLast = 1 / (sum + lambda * tailMass);
  return { lambdaPi: lambda * piLast, atom: sum * piLast };
}

export function maxWaitQueue(q: MaxWaitQueue): MaxWaitFigures {
  const lambda = q.ratePerSec;
  const mu = 1 / q.handleSec;
  const n = q.agents;
  const T = q.maxWaitSec;
  const d = n * mu - lambda; // may be ≤ 0: the maximum wait keeps an overloaded queue stable
  // ∫₀ᵗ e^{−dx} dx, with its limit t at d = 0.
  const upTo = (t: number): number => (Math.abs(d) < 1e-15 ? t : (1 - Math.exp(-d * t)) / d);
  const beyondT = Math.exp(-d * T) / (n * mu); // ∫_T^∞ e^{λT − nμx} dx
  const { lambdaPi } = atoms(lambda * q.handleSec, n, lambda, upTo(T) + beyondT);
  const above = (t: number): number => lambdaPi * (upTo(T) - upTo(t) + beyondT); // P(V > t), t ≤ T
  // E[V; V ≤ T] = λπ ∫₀ᵀ x e^{−dx} dx.
  const partialMean = Math.abs(d) < 1e-15 ? (T * T) / 2 : (1 - Math.exp(-d * T) * (1 + d * T)) / (d * d);
  const pMaxWait = lambdaPi * beyondT;
  return {
    pWait: above(0),
    pMaxWait,
    answeredWithin: (t) => 1 - above(Math.min(t, T)),
    asaSec: (lambdaPi * partialMean) / (1 - pMaxWait),
  };
}

/**
 * The same framework with exponential patience (mean θ): H(x) = θ(1 − e^{−x/θ}), integrated
 * numerically (Simpson), giving P(abandon) = ∫ f_V(x)(1 − e^{−x/θ}) dx — Erlang A's figure, which
 * the tests compare with engine/erlang's erlangA to check this file's formulas independently.
 */
export function exponentialPatienceAbandon(ratePerSec: number, handleSec: number, agents: number, patienceSec: number): number {
  const lambda = ratePerSec;
  const mu = 1 / handleSec;
  const H = (x: number): number => patienceSec * (1 - Math.exp(-x / patienceSec));
  const density = (x: number): number => Math.exp(lambda * H(x) - agents * mu * x);
  const end = 60 / (agents * mu) + 50 * patienceSec;
  const steps = 200_000;
  const h = end / steps;
  let mass = 0;
  let abandon = 0;
  for (let i = 0; i <= steps; i++) {
    const x = i * h;
    const w = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    const f = density(x);
    mass += w * f;
    abandon += w * f * (1 - Math.exp(-x / patienceSec));
  }
  const { lambdaPi } = atoms(lambda * handleSec, agents, lambda, (mass * h) / 3);
  return (lambdaPi * abandon * h) / 3;
}
