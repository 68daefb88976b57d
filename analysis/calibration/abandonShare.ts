/**
 * Erlang A's probability of abandonment as a function of the patience rate θ, for one
 * interval of an ACD report, and its inverse (issue 14 goal 4). The model is M/M/n+M
 * (Garnett, Mandelbaum & Reiman 2002) as engine/erlang/erlangA.ts computes it exactly:
 * λ = offered ÷ interval, μ = 1 ÷ AHT, n = staffed (fractional counts interpolated).
 *
 * P(abandon) increases with θ (a more impatient caller leaves sooner): from
 * max(0, 1 − nμ/λ) as θ → 0 (only the overload leaves) to Erlang B's blocking B(n, λ/μ) as
 * θ → ∞ (a caller who finds all agents busy leaves at once). A share outside that range no
 * patience explains; the inverse says which side it fell on.
 */
import { erlangA } from '../../engine/erlang/index.js';

/** One interval as the fit sees it. */
export interface AbandonObservation {
  readonly offered: number;
  /** May be fractional (an expected count, in tests of the inversion). */
  readonly abandoned: number;
  readonly ratePerSec: number;
  readonly handleSec: number;
  readonly agents: number;
}

/**
 * The patience rates searched, per second: means from 1 s to about 11.6 days. A fit at
 * either end is reported as not identified rather than as a figure.
 */
export const THETA_RANGE = { min: 1e-6, max: 1 } as const;

/** Erlang A's P(abandon) at patience rate θ (per second). */
export function abandonShare(o: AbandonObservation, thetaPerSec: number): number {
  return erlangA({ ratePerSec: o.ratePerSec, handleSec: o.handleSec, patienceSec: 1 / thetaPerSec, agents: o.agents, targetSec: 0 }).pAbandon;
}

export type Inversion =
  | { readonly status: 'fit'; readonly thetaPerSec: number }
  /** The share is at or below what the slowest searched patience gives (no abandons, or too few). */
  | { readonly status: 'below'; readonly thetaPerSec: number }
  /** The share is at or above what the fastest searched patience gives (≈ Erlang B's blocking). */
  | { readonly status: 'above'; readonly thetaPerSec: number };

/**
 * The θ at which Erlang A's P(abandon) equals abandoned ÷ offered, by bisection on ln θ
 * (P is monotone in θ) to the precision of a double: one interval's patience read off its
 * abandon share.
 */
export function invertAbandonShare(o: AbandonObservation): Inversion {
  const share = o.abandoned / o.offered;
  let lo = Math.log(THETA_RANGE.min);
  let hi = Math.log(THETA_RANGE.max);
  if (share <= abandonShare(o, Math.exp(lo))) return { status: 'below', thetaPerSec: THETA_RANGE.min };
  if (share >= abandonShare(o, Math.exp(hi))) return { status: 'above', thetaPerSec: THETA_RANGE.max };
  // 200 halvings of a bracket 14 wide in ln θ reach the spacing of doubles long before the end.
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); i++) {
    const mid = (lo + hi) / 2;
    if (abandonShare(o, Math.exp(mid)) < share) lo = mid;
    else hi = mid;
  }
  return { status: 'fit', thetaPerSec: Math.exp((lo + hi) / 2) };
}
