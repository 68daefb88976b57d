/**
 * Maximum-likelihood fits of the three handle-time families a scenario can sample
 * (engine/distributions.ts), each with its log-likelihood and distribution function. Every
 * fit takes the sample's sufficient statistics (`SampleSummary`), so one pass over the calls
 * serves all three.
 */
import { digamma, gammaP, logGamma, trigamma } from '../../engine/gammaFunctions.js';

/** n, Σx, Σ ln x and Σ (ln x)² of a sample of positive durations. */
export interface SampleSummary {
  readonly n: number;
  readonly sum: number;
  readonly sumLog: number;
  readonly sumLogSquares: number;
}

export function summarize(values: ArrayLike<number>): SampleSummary {
  let sum = 0, sumLog = 0, sumLogSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    const l = Math.log(x);
    sum += x;
    sumLog += l;
    sumLogSquares += l * l;
  }
  return { n: values.length, sum, sumLog, sumLogSquares };
}

export type HandleFamily = 'exponential' | 'lognormal' | 'gamma';

/** The fitted parameters of one family, in the family's own terms. */
export type FamilyParameters =
  | { readonly family: 'exponential'; readonly meanSec: number }
  /** μ and σ of ln X, X in seconds. */
  | { readonly family: 'lognormal'; readonly mu: number; readonly sigma: number }
  | { readonly family: 'gamma'; readonly shape: number; readonly scaleSec: number };

export interface FamilyFit {
  readonly parameters: FamilyParameters;
  /** Number of parameters fitted (for AIC). */
  readonly parameterCount: number;
  readonly meanSec: number;
  /** Asymptotic standard error of the fitted mean (delta method where the mean is not a parameter). */
  readonly meanSe: number;
  /** Coefficient of variation of the fitted distribution. */
  readonly cv: number;
  readonly logLikelihood: number;
  readonly cdf: (x: number) => number;
}

/**
 * Exponential, mean m: the MLE is the sample mean, m̂ = Σx / n; ℓ = −n (ln m̂ + 1); the mean's
 * standard error is m̂/√n (the inverse Fisher information n/m²).
 */
export function fitExponential(s: SampleSummary): FamilyFit {
  const m = s.sum / s.n;
  return {
    parameters: { family: 'exponential', meanSec: m },
    parameterCount: 1,
    meanSec: m,
    meanSe: m / Math.sqrt(s.n),
    cv: 1,
    logLikelihood: -s.n * (Math.log(m) + 1),
    cdf: (x) => (x <= 0 ? 0 : -Math.expm1(-x / m)),
  };
}

/** Φ(z) = ½ (1 ± P(½, z²/2)): the standard normal distribution function through the incomplete gamma function (A&S 7.1.22, 26.2.29). */
function normalCdf(z: number): number {
  const p = gammaP(0.5, (z * z) / 2);
  return z >= 0 ? 0.5 + 0.5 * p : 0.5 - 0.5 * p;
}

/**
 * Lognormal: ln X ~ N(μ, σ²); the MLEs are the mean and the 1/n variance of the logs. With
 * σ̂² = Σ(ln x − μ̂)²/n, ℓ = −Σ ln x − (n/2) ln(2πσ̂²) − n/2. The mean exp(μ + σ²/2) has,
 * by the delta method with Var μ̂ = σ²/n and Var σ̂² = 2σ⁴/n (independent), the standard
 * error mean · √(σ²/n + σ⁴/(2n)). Needs σ̂ > 0 (two different values at least).
 */
export function fitLognormal(s: SampleSummary): FamilyFit {
  const mu = s.sumLog / s.n;
  const s2 = Math.max(0, s.sumLogSquares / s.n - mu * mu);
  const sigma = Math.sqrt(s2);
  const mean = Math.exp(mu + s2 / 2);
  return {
    parameters: { family: 'lognormal', mu, sigma },
    parameterCount: 2,
    meanSec: mean,
    meanSe: mean * Math.sqrt(s2 / s.n + (s2 * s2) / (2 * s.n)),
    cv: Math.sqrt(Math.expm1(s2)),
    logLikelihood: -s.sumLog - (s.n / 2) * Math.log(2 * Math.PI * s2) - s.n / 2,
    cdf: (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)),
  };
}

const SHAPE_TOLERANCE = 1e-12;
const MAX_NEWTON_STEPS = 100;

/**
 * The gamma shape k that solves ln k − ψ(k) = t, t = ln(x̄) − mean(ln x) > 0 (the profile
 * likelihood's equation), by the generalized Newton iteration of Minka (2002, "Estimating a
 * Gamma distribution", §2): from k₀ = (3 − t + √((t − 3)² + 24t)) / (12t),
 * 1/k ← 1/k + (ln k − ψ(k) − t) / (k² (1/k − ψ′(k))). It converges in a handful of steps from
 * any t > 0; the iteration stops when a step changes k by less than 1e-12 relative.
 */
export function gammaShape(t: number): number {
  let k = (3 - t + Math.sqrt((t - 3) * (t - 3) + 24 * t)) / (12 * t);
  for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
    const next = 1 / (1 / k + (Math.log(k) - digamma(k) - t) / (k * k * (1 / k - trigamma(k))));
    const done = Math.abs(next - k) <= SHAPE_TOLERANCE * k;
    k = next;
    if (done) break;
  }
  return k;
}

/**
 * Gamma, shape k and scale θ: k̂ from `gammaShape`, θ̂ = x̄ / k̂, so the fitted mean is the
 * sample mean (its standard error √(k θ² / n) = x̄ / √(k̂ n), exact for the mean of a gamma
 * sample). ℓ = (k − 1) Σ ln x − Σx/θ − n k ln θ − n ln Γ(k). Needs t > 0 (two different values).
 */
export function fitGamma(s: SampleSummary): FamilyFit {
  const mean = s.sum / s.n;
  const k = gammaShape(Math.log(mean) - s.sumLog / s.n);
  const theta = mean / k;
  const lgk = logGamma(k);
  return {
    parameters: { family: 'gamma', shape: k, scaleSec: theta },
    parameterCount: 2,
    meanSec: mean,
    meanSe: mean / Math.sqrt(k * s.n),
    cv: 1 / Math.sqrt(k),
    logLikelihood: (k - 1) * s.sumLog - s.sum / theta - s.n * k * Math.log(theta) - s.n * lgk,
    cdf: (x) => (x <= 0 ? 0 : gammaP(k, x / theta, lgk)),
  };
}
