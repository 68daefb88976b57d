/**
 * The Kaplan–Meier (product-limit) estimate of a survival function from right-censored
 * times (Kaplan & Meier 1958, "Nonparametric estimation from incomplete observations",
 * JASA 53), with Greenwood's variance (Greenwood 1926, "The natural duration of cancer",
 * Reports on Public Health and Medical Subjects 33), the restricted mean and the median with
 * its confidence interval. For patience, an abandon is the event and an answered call is
 * censored at its wait: its caller would have waited at least that long (Brown et al. 2005,
 * "Statistical analysis of a telephone call center", JASA 100, §6).
 *
 * At a time with both events and censored times, the events come first: a caller answered
 * at t was still waiting at t, so it is at risk there (the usual convention, Klein &
 * Moeschberger 2003, "Survival Analysis", §4.2).
 */

/** One time observed: an event (abandon) at `timeSec`, or censored there (answered). */
export interface SurvivalTime {
  readonly timeSec: number;
  readonly event: boolean;
}

/** The curve at one event time. */
export interface KaplanMeierStep {
  readonly timeSec: number;
  /** Observations with time ≥ timeSec. */
  readonly atRisk: number;
  readonly events: number;
  /** Ŝ(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ). */
  readonly survival: number;
  /** Greenwood: Var Ŝ(t) = Ŝ(t)² Σ_{tᵢ ≤ t} dᵢ / (nᵢ (nᵢ − dᵢ)); this is its square root. */
  readonly se: number;
}

export interface KaplanMeierMedian {
  /** The first event time with Ŝ(t) ≤ ½. */
  readonly valueSec: number;
  /** The confidence interval's ends, or `null` where the curve's band never crosses ½ (as R's survfit prints NA). */
  readonly lowerSec: number | null;
  readonly upperSec: number | null;
}

export interface KaplanMeierCurve {
  readonly n: number;
  readonly events: number;
  /** Steps at the event times, in time order. */
  readonly steps: readonly KaplanMeierStep[];
  /** τ: the largest time observed; the curve says nothing beyond it. */
  readonly horizonSec: number;
  /** ∫₀^τ Ŝ(t) dt: the mean of min(T, τ). */
  readonly restrictedMeanSec: number;
  /** Its standard error: Var = Σ Aᵢ² dᵢ / (nᵢ (nᵢ − dᵢ)), Aᵢ = ∫_{tᵢ}^τ Ŝ (Klein & Moeschberger §4.5). */
  readonly restrictedMeanSe: number;
  /** `null` when Ŝ stays above ½ over the data (the usual case for patience: most callers are answered first). */
  readonly median: KaplanMeierMedian | null;
}

/** Greenwood's sum for the log of Ŝ: Var ln Ŝ ≈ Σ d/(n(n − d)); infinite once Ŝ reaches 0. */
function greenwoodTerm(atRisk: number, events: number): number {
  return atRisk > events ? events / (atRisk * (atRisk - events)) : Infinity;
}

/**
 * The product-limit curve of the observations. `z` is the normal quantile of the median's
 * confidence interval, which is the set of t whose pointwise interval for Ŝ(t) holds ½
 * (Brookmeyer & Crowley 1982, "A confidence interval for the median survival time",
 * Biometrics 38), with the pointwise interval taken on the log scale, Ŝ exp(±z √Σ) — R's
 * survfit default (conf.type = "log"), so the 6-MP example's published figures can be checked.
 */
export function kaplanMeier(observations: readonly SurvivalTime[], z: number): KaplanMeierCurve {
  const sorted = [...observations].sort((a, b) => a.timeSec - b.timeSec || Number(b.event) - Number(a.event));
  const n = sorted.length;
  const steps: KaplanMeierStep[] = [];
  const sums: number[] = [];
  let atRisk = n, survival = 1, sum = 0, events = 0;
  for (let i = 0; i < n; ) {
    const t = (sorted[i] as SurvivalTime).timeSec;
    let d = 0, leaving = 0;
    for (; i < n && (sorted[i] as SurvivalTime).timeSec === t; i++, leaving++) if ((sorted[i] as SurvivalTime).event) d++;
    if (d > 0) {
      survival *= 1 - d / atRisk;
      sum += greenwoodTerm(atRisk, d);
      events += d;
      // Once Ŝ is 0 it is known to be 0 (Greenwood's sum is infinite there): no spread.
      steps.push({ timeSec: t, atRisk, events: d, survival, se: survival === 0 ? 0 : survival * Math.sqrt(sum) });
      sums.push(sum);
    }
    atRisk -= leaving;
  }
  const horizonSec = n === 0 ? 0 : (sorted[n - 1] as SurvivalTime).timeSec;
  const { mean, se } = restrictedMean(steps, horizonSec);
  return { n, events, steps, horizonSec, restrictedMeanSec: mean, restrictedMeanSe: se, median: median(steps, sums, z) };
}

/** ∫₀^τ Ŝ and its standard error, the areas Aᵢ summed from the last step back. */
function restrictedMean(steps: readonly KaplanMeierStep[], horizonSec: number): { mean: number; se: number } {
  let area = 0, variance = 0;
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i] as KaplanMeierStep;
    const end = i + 1 < steps.length ? (steps[i + 1] as KaplanMeierStep).timeSec : horizonSec;
    area += s.survival * (end - s.timeSec);
    const term = greenwoodTerm(s.atRisk, s.events);
    // Where Ŝ reaches 0 nothing lies beyond it: the area after is 0 and contributes no variance.
    if (area > 0) variance += area * area * term;
  }
  const first = steps[0];
  return { mean: area + (first === undefined ? horizonSec : first.timeSec), se: Math.sqrt(variance) };
}

function median(steps: readonly KaplanMeierStep[], sums: readonly number[], z: number): KaplanMeierMedian | null {
  const at = steps.find((s) => s.survival <= 0.5);
  if (at === undefined) return null;
  // Ŝ falls, so the band's lower edge meets ½ first (the interval's lower end), then its upper edge.
  const crossing = (sign: number): number | null => {
    const i = steps.findIndex((s, k) => s.survival === 0 || s.survival * Math.exp(sign * z * Math.sqrt(sums[k] as number)) <= 0.5);
    return i < 0 ? null : (steps[i] as KaplanMeierStep).timeSec;
  };
  return { valueSec: at.timeSec, lowerSec: crossing(-1), upperSec: crossing(1) };
}
