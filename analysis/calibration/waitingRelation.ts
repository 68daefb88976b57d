/**
 * The check on the Erlang A fit: patience from the abandonment–waiting relation
 * P(abandon) = θ·E[W] (Mandelbaum & Zeltyn, "The impact of customers' patience on delay and
 * abandonment", Operations Research 2013 and their M/M/n+G summary, Technion 2005; E[W] the
 * mean wait of all offered contacts). With exponential patience an abandon happens at rate θ
 * per contact waiting, so over a report
 *   θ̂ = abandons ÷ total time contacts spent waiting,
 * the exposure estimate — which is also the maximum-likelihood θ of exponential patience when
 * answered contacts are censored at their wait. It assumes only that patience is exponential,
 * the same for every caller and independent of the wait; not Poisson arrivals, not exponential
 * handle times, not that `staffed` agents were all taking calls — which is what makes it a
 * check on the Erlang A fit.
 *
 * The total wait is answered × ASA + abandoned × (time to abandon). Few exports give the
 * latter (`ata`); where they do not, abandoners are taken to have waited as long as answered
 * contacts did (ASA), and the estimate is labelled an approximation: its error is the gap
 * between the two groups' mean waits, weighted by the abandon share.
 *
 * Its 95% interval treats the total wait as known and the abandon count as Poisson: the exact
 * (Garwood 1936) bounds, Γ⁻¹(0.025; A) and Γ⁻¹(0.975; A + 1), divided by the total wait.
 */
import { gammaQuantile } from '../../engine/gammaQuantile.js';

export interface WaitingObservation {
  readonly answered: number;
  readonly abandoned: number;
  readonly asaSec: number;
  /** Mean wait of abandoned contacts, when the report gives it. */
  readonly ataSec: number | undefined;
}

export interface WaitingFit {
  readonly thetaPerSec: number;
  readonly thetaCi: { readonly lower: number; readonly upper: number };
  readonly abandons: number;
  readonly totalWaitSec: number;
  /** Whether some abandoners' waits were taken as ASA (no `ata`). */
  readonly approximate: boolean;
  readonly intervals: number;
}

/** The estimate over the intervals that give ASA; `undefined` when no contact waited at all. */
export function fitWaitingRelation(observations: readonly WaitingObservation[]): WaitingFit | undefined {
  let abandons = 0;
  let totalWaitSec = 0;
  let approximate = false;
  for (const o of observations) {
    abandons += o.abandoned;
    totalWaitSec += o.answered * o.asaSec + o.abandoned * (o.ataSec ?? o.asaSec);
    if (o.ataSec === undefined && o.abandoned > 0) approximate = true;
  }
  if (!(totalWaitSec > 0)) return undefined;
  const lower = abandons > 0 ? gammaQuantile(abandons, 0.025) / totalWaitSec : 0;
  const upper = gammaQuantile(abandons + 1, 0.975) / totalWaitSec;
  return { thetaPerSec: abandons / totalWaitSec, thetaCi: { lower, upper }, abandons, totalWaitSec, approximate, intervals: observations.length };
}
