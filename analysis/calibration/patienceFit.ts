/**
 * One exponential patience for a channel, fitted to every interval of an ACD report at once
 * (issue 14 goal 4).
 *
 * Pooling: maximum likelihood. Each offered contact of interval i abandons with Erlang A's
 * probability P_i(θ) (abandonShare.ts), so the abandon counts are binomial and
 *   ℓ(θ) = Σ_i a_i ln P_i(θ) + (N_i − a_i) ln(1 − P_i(θ)).
 * Its maximiser weights each interval by the information it carries about θ (its offered
 * count and how steeply P_i moves with θ); an interval with no abandons pulls θ down instead
 * of being dropped, as an average of per-interval inversions would have to drop it (its own
 * inverse is θ = 0, an infinite patience).
 *
 * Uncertainty: a profile-likelihood interval, {θ : 2(ℓ(θ̂) − ℓ(θ)) ≤ φ·χ²₁(0.95)}, carried
 * to the mean 1/θ by inversion (the interval is invariant under reparametrisation, so it stays
 * honest when asymmetric — typical with few abandons). Contacts of one interval are not
 * independent (they share the queue), and patience varies between days, so the counts are
 * over-dispersed against the binomial: φ = Pearson's X² ÷ (m − 1), at least 1, widens the
 * interval as a quasi-likelihood does (McCullagh & Nelder, Generalized Linear Models, 2nd ed.,
 * §9.2–9.3; Wedderburn 1974).
 */
import { normalQuantile } from '../../engine/normalQuantile.js';
import { abandonShare, THETA_RANGE, type AbandonObservation } from './abandonShare.js';

export interface PooledPatience {
  /** The maximum-likelihood θ, per second (at a search bound when `status` says so). */
  readonly thetaPerSec: number;
  /** 95% interval of θ; `lower` 0 when the likelihood stays flat to the slowest patience searched. */
  readonly thetaCi: { readonly lower: number; readonly upper: number };
  /** Pearson's dispersion, at least 1: how far the counts vary beyond binomial noise. */
  readonly dispersion: number;
  /** `fit`; `noAbandons` (θ̂ at the slow bound: the data give only a lower bound on the mean); `atFastBound`. */
  readonly status: 'fit' | 'noAbandons' | 'atFastBound';
  /** Intervals used. */
  readonly intervals: number;
}

const LN_MIN = Math.log(THETA_RANGE.min);
const LN_MAX = Math.log(THETA_RANGE.max);
/** χ²₁(0.95) = z(0.975)². */
const CHI2_1_95 = normalQuantile(0.975) ** 2;
/** Golden-section search to this width in ln θ: relative precision 1e-10 in θ. */
const LN_TOLERANCE = 1e-10;
/** Grid in ln θ that brackets the maximum before the golden-section search refines it. */
const GRID_POINTS = 57;

/** A share kept off 0 and 1 so that the log-likelihood stays finite at the search bounds. */
const clampP = (p: number): number => Math.min(1 - 1e-15, Math.max(1e-300, p));

export function logLikelihood(observations: readonly AbandonObservation[], thetaPerSec: number): number {
  let sum = 0;
  for (const o of observations) {
    const p = clampP(abandonShare(o, thetaPerSec));
    sum += o.abandoned * Math.log(p) + (o.offered - o.abandoned) * Math.log1p(-p);
  }
  return sum;
}

export interface PooledPatienceOptions {
  /** Widen the interval by Pearson's dispersion (quasi-likelihood). @default true */
  readonly widenByDispersion?: boolean;
}

/** The pooled fit; `observations` must be the usable intervals (offered > 0, agents, AHT known). */
export function fitPooledPatience(observations: readonly AbandonObservation[], options: PooledPatienceOptions = {}): PooledPatience {
  const ll = (u: number): number => logLikelihood(observations, Math.exp(u));
  const u = maximise(ll);
  const best = ll(u);
  const dispersion = options.widenByDispersion === false ? 1 : pearsonDispersion(observations, Math.exp(u));
  const drop = (dispersion * CHI2_1_95) / 2;
  const inside = (v: number): boolean => best - ll(v) <= drop;
  const lower = inside(LN_MIN) ? 0 : Math.exp(boundary(ll, best - drop, LN_MIN, u));
  const upper = inside(LN_MAX) ? THETA_RANGE.max : Math.exp(boundary(ll, best - drop, LN_MAX, u));
  const abandons = observations.reduce((s, o) => s + o.abandoned, 0);
  const status = abandons === 0 || u - LN_MIN < 1e-6 ? 'noAbandons' : LN_MAX - u < 1e-6 ? 'atFastBound' : 'fit';
  return { thetaPerSec: Math.exp(u), thetaCi: { lower, upper }, dispersion, status, intervals: observations.length };
}

/** The ln θ of the largest ℓ: the best point of a grid, refined by golden section between its neighbours. */
function maximise(ll: (u: number) => number): number {
  const step = (LN_MAX - LN_MIN) / (GRID_POINTS - 1);
  let bestK = 0;
  let bestValue = -Infinity;
  for (let k = 0; k < GRID_POINTS; k++) {
    const value = ll(LN_MIN + k * step);
    if (value > bestValue) [bestK, bestValue] = [k, value];
  }
  let a = LN_MIN + Math.max(0, bestK - 1) * step;
  let b = LN_MIN + Math.min(GRID_POINTS - 1, bestK + 1) * step;
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = ll(c);
  let fd = ll(d);
  while (b - a > LN_TOLERANCE) {
    if (fc >= fd) {
      [b, d, fd] = [d, c, fc];
      c = b - g * (b - a);
      fc = ll(c);
    } else {
      [a, c, fc] = [c, d, fd];
      d = a + g * (b - a);
      fd = ll(d);
    }
  }
  // The maximum may sit on a bound (no abandons: θ → 0); the grid's end is then the answer.
  const candidates = [LN_MIN, (a + b) / 2, LN_MAX].map((u) => ({ u, value: ll(u) }));
  return candidates.reduce((x, y) => (y.value > x.value ? y : x)).u;
}

/** The ln θ between `from` (outside the interval) and `inside` where ℓ crosses `level`, by bisection. */
function boundary(ll: (u: number) => number, level: number, from: number, inside: number): number {
  let [out, inn] = [from, inside];
  for (let i = 0; i < 100 && Math.abs(out - inn) > 1e-9; i++) {
    const mid = (out + inn) / 2;
    if (ll(mid) >= level) inn = mid;
    else out = mid;
  }
  return (out + inn) / 2;
}

/** Pearson's X² ÷ (m − 1) at θ, at least 1 (1 with fewer than two intervals). */
function pearsonDispersion(observations: readonly AbandonObservation[], thetaPerSec: number): number {
  if (observations.length < 2) return 1;
  let x2 = 0;
  for (const o of observations) {
    const p = abandonShare(o, thetaPerSec);
    const variance = o.offered * p * (1 - p);
    if (variance > 0) x2 += (o.abandoned - o.offered * p) ** 2 / variance;
  }
  return Math.max(1, x2 / (observations.length - 1));
}
