/**
 * Handle times of answered calls fitted by maximum likelihood as exponential, lognormal and
 * gamma (handleFamilies.ts), each judged by its log-likelihood, AIC and Kolmogorov–Smirnov
 * distance (goodnessOfFit.ts); the best by AIC is the one to write into a scenario, as the
 * `dist:` spec that scenarios/distribution.ts reads.
 *
 * AIC = 2p − 2ℓ (Akaike 1974, "A new look at the statistical model identification", IEEE
 * Trans. Autom. Control 19): the families have 1 or 2 parameters, so the penalty only keeps
 * the exponential when the others add nothing. A difference of AIC below 2 says the data do
 * not choose between two families (Burnham & Anderson 2002, §2.6).
 */
import type { DistSpec } from '../../engine/model.js';
import { KS_P_VALUE_NOTE, ksDistance, ksPValue } from './goodnessOfFit.js';
import { fitExponential, fitGamma, fitLognormal, summarize, type FamilyFit, type FamilyParameters, type HandleFamily } from './handleFamilies.js';

/** A fitted family, as reported. */
export interface HandleCandidate {
  readonly family: HandleFamily;
  readonly parameters: FamilyParameters;
  /** What a scenario's `handle:` would say: `{ dist, mean, cv }` in seconds. */
  readonly spec: DistSpec;
  readonly meanSec: number;
  /** Standard error of the fitted mean, seconds. */
  readonly meanSe: number;
  readonly cv: number;
  readonly logLikelihood: number;
  readonly aic: number;
  /** AIC above the best candidate's (0 for the best). */
  readonly deltaAic: number;
  /** Kolmogorov–Smirnov distance: the largest gap between the empirical and the fitted distribution functions. */
  readonly ksDistance: number;
  /** Approximate p-value of the distance (see `pValueNote`). */
  readonly ksPValue: number;
}

export type HandleFit =
  | {
      readonly fitted: true;
      /** Calls whose handle time was fitted. */
      readonly n: number;
      readonly sampleMeanSec: number;
      /** Sample standard deviation ÷ sample mean. */
      readonly sampleCv: number;
      readonly best: HandleCandidate;
      /** Every family, best AIC first. */
      readonly candidates: readonly HandleCandidate[];
      readonly pValueNote: string;
    }
  | { readonly fitted: false; readonly n: number; readonly reason: string };

function specOf(fit: FamilyFit): DistSpec {
  const p = fit.parameters;
  return p.family === 'exponential' ? { dist: 'exponential', mean: fit.meanSec } : { dist: p.family, mean: fit.meanSec, cv: fit.cv };
}

/**
 * Fits the three families to handle times in seconds (each > 0 and finite: the caller drops
 * and reports any other). Needs two different values: with one, the two-parameter families
 * have no maximum (σ → 0, k → ∞).
 */
export function fitHandleTimes(handleSec: ArrayLike<number>): HandleFit {
  const n = handleSec.length;
  const sorted = Float64Array.from(handleSec).sort();
  if (n < 2 || sorted[0] === sorted[n - 1]) {
    return { fitted: false, n, reason: n === 0 ? 'no answered calls with a handle time' : `needs at least two different handle times (got ${n === 1 ? 'one call' : `${n} calls, all ${sorted[0]} s`})` };
  }
  const summary = summarize(sorted);
  const fits = [fitExponential(summary), fitLognormal(summary), fitGamma(summary)];
  const aics = fits.map((f) => 2 * f.parameterCount - 2 * f.logLikelihood);
  const bestAic = Math.min(...aics);
  const candidates = fits
    .map((fit, i): HandleCandidate => {
      const distance = ksDistance(sorted, fit.cdf);
      const aic = aics[i] as number;
      return {
        family: fit.parameters.family,
        parameters: fit.parameters,
        spec: specOf(fit),
        meanSec: fit.meanSec,
        meanSe: fit.meanSe,
        cv: fit.cv,
        logLikelihood: fit.logLikelihood,
        aic,
        deltaAic: aic - bestAic,
        ksDistance: distance,
        ksPValue: ksPValue(distance, n),
      };
    })
    // Stable: equal AICs keep the order exponential, lognormal, gamma (fewest parameters first).
    .sort((a, b) => a.aic - b.aic);
  const mean = summary.sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += ((sorted[i] as number) - mean) ** 2;
  return {
    fitted: true,
    n,
    sampleMeanSec: mean,
    sampleCv: Math.sqrt(squares / (n - 1)) / mean,
    best: candidates[0] as HandleCandidate,
    candidates,
    pValueNote: KS_P_VALUE_NOTE,
  };
}
