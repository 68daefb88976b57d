/**
 * Queueing theory for the statistical tests, derived here from first principles and not from
 * engine/erlang (whose formulas are the code under test elsewhere): the M/M/c+M queue (M/M/c
 * when θ = 0) as a birth–death chain, and the relaxation times that size warm-ups.
 *
 * States k = 0, 1, 2… count the contacts in the system; births at λ, deaths at min(k, c)·μ +
 * max(k − c, 0)·θ. The stationary distribution solves detailed balance, π_{k+1} = π_k · λ /
 * death(k + 1), normalised; by PASTA an arrival sees π. From it:
 * - P(wait) = Σ_{k ≥ c} π_k;
 * - L_q = Σ_{k > c} (k − c)·π_k, the time-average queue;
 * - mean wait of every arrival W_q = L_q / λ (Little's law on the queue);
 * - P(abandon) = θ·L_q / λ (abandonments leave the queue at rate θ·L_q);
 * - occupancy = E[min(k, c)] / c, busy agents over agents.
 *
 * Balking (`balk` = b): an arrival who finds every agent busy leaves at once with probability
 * b (patience 0), so births in states k ≥ c run at λ(1 − b); by PASTA a share Σ_{k ≥ c} π_k of
 * arrivals find all busy, and P(abandon) = b·P(wait) + θ·L_q / λ; W_q = L_q / λ still holds
 * for every arrival (balkers wait 0).
 *
 * A finite system (`systemCapacity` = K: trunk lines, or agents + queue room) stops births in
 * state K: by PASTA an arrival is blocked with probability π_K (Erlang B when K = c), and the
 * figures of admitted contacts divide by the admitted rate λ(1 − π_K): P(wait) =
 * Σ_{c ≤ k < K} π_k / (1 − π_K), W_q = L_q / (λ(1 − π_K)), P(abandon) = θ·L_q / (λ(1 − π_K)).
 * The mean number in the system E[k] is the mean number of lines in use.
 */

export interface BirthDeathQueue {
  readonly ratePerSec: number;
  readonly handleSec: number;
  readonly agents: number;
  /** Mean patience; `null` for none (M/M/c, which then needs λ < cμ). */
  readonly patienceSec: number | null;
  /** Probability that an arrival who must wait balks (leaves at once); default 0. */
  readonly balk?: number;
  /** Most contacts in the system at once (K); default unlimited. */
  readonly systemCapacity?: number;
}

export interface StationaryFigures {
  readonly pWait: number;
  readonly queueLength: number;
  readonly meanWaitSec: number;
  readonly pAbandon: number;
  readonly occupancy: number;
  /** Share of arrivals blocked (π_K); 0 without a capacity. */
  readonly pBlock: number;
  /** Mean contacts in the system, E[k]. */
  readonly inSystem: number;
}

/** Stationary figures of the birth–death chain, summed until the tail is below 1e-15 of the total. */
export function stationary(q: BirthDeathQueue): StationaryFigures {
  const lambda = q.ratePerSec;
  const mu = 1 / q.handleSec;
  const theta = q.patienceSec === null ? 0 : 1 / q.patienceSec;
  const c = q.agents;
  const balk = q.balk ?? 0;
  const K = q.systemCapacity ?? Infinity;
  if (theta === 0 && K === Infinity && lambda * (1 - balk) >= c * mu) throw new Error(`M/M/${c} is unstable at ${lambda * q.handleSec} Erlangs`);
  // Unnormalised weights, rescaled relative to the largest so far to stay finite.
  let w = 1;
  let total = 0, waiting = 0, queue = 0, busy = 0, full = 0, inSystem = 0;
  for (let k = 0; ; k++) {
    total += w;
    busy += Math.min(k, c) * w;
    inSystem += k * w;
    if (k === K) {
      full = w;
      queue += Math.max(k - c, 0) * w;
      break;
    }
    if (k >= c) {
      waiting += w;
      queue += (k - c) * w;
    }
    const death = Math.min(k + 1, c) * mu + Math.max(k + 1 - c, 0) * theta;
    const birth = k >= c ? lambda * (1 - balk) : lambda;
    w *= birth / death;
    if (k > c && w < 1e-15 * total && birth / death < 1) break;
    if (total > 1e250) {
      w /= total; waiting /= total; queue /= total; busy /= total; inSystem /= total; total = 1;
    }
  }
  const queueLength = queue / total;
  const admitted = 1 - full / total;
  return {
    pWait: waiting / total / admitted,
    queueLength,
    meanWaitSec: queueLength / (lambda * admitted),
    pAbandon: (balk * (waiting / total) + (theta * queueLength) / lambda) / admitted,
    occupancy: busy / total / c,
    pBlock: full / total,
    inSystem: inSystem / total,
  };
}

/**
 * A relaxation time of the queue, for warm-ups: the initial state's influence on E[f(X_t)]
 * decays like e^{−t/τ}.
 * - M/M/c: τ ≈ 1 / (√(cμ) − √λ)² = 1 / (cμ(1 − √ρ)²), the M/M/1 relaxation time of Morse
 *   (1955) and Abate & Whitt (1987, "Transient behavior of the M/M/1 queue: starting at the
 *   origin", Queueing Systems 2) at the pooled service rate cμ, which the queue follows once
 *   all agents are busy; at least 1/μ, the relaxation of the agents' busy count (M/M/∞).
 * - M/M/c+M: τ ≤ 1 / min(μ, θ). The death rates rise by μ (k < c) or θ (k ≥ c) per state, so
 *   the chain's spectral gap is at least min(μ, θ) (Chen 1996, "Estimation of spectral gap for
 *   Markov chains", Acta Math. Sinica 12: a birth–death chain whose death rates grow by ≥ κ
 *   per state with constant births has gap ≥ κ).
 */
export function relaxationSec(q: BirthDeathQueue): number {
  const mu = 1 / q.handleSec;
  if (q.patienceSec !== null) return 1 / Math.min(mu, 1 / q.patienceSec);
  const gap = (Math.sqrt(q.agents * mu) - Math.sqrt(q.ratePerSec)) ** 2;
  return Math.max(1 / mu, 1 / gap);
}
