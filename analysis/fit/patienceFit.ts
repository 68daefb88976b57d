/**
 * Patience (how long a caller would wait before hanging up) from the waits of answered and
 * abandoned calls. An abandoned call shows its caller's patience; an answered one only that
 * patience exceeded its wait — a right-censored observation. Two estimates, from the same data:
 *
 * - **Kaplan–Meier** (kaplanMeier.ts): no assumption on the shape, but it only reaches as far
 *   as the waits do. With few abandons (a well-staffed center) the curve stays near 1, the
 *   median is not reached and the restricted mean is nearly the longest wait.
 * - **Exponential MLE with censoring**: the likelihood of D abandons and total waiting time
 *   T = Σ waits (all calls, answered and abandoned) is λ^D e^{−λT}, so λ̂ = D/T and the mean
 *   patience θ̂ = T/D (Cox & Oakes 1984, "Analysis of Survival Data", §3.3). It is also
 *   P(abandon) ÷ E[wait], the relation Mandelbaum & Zeltyn use for exponential patience
 *   ("Data-stories about (im)patient customers in tele-queues", Queueing Systems 75, 2013).
 *   Its interval treats D as Poisson with mean λT (Garwood 1936, "Fiducial limits for the
 *   Poisson distribution", Biometrika 28): λT lies in [½χ²₂D(α/2), ½χ²₂D₊₂(1 − α/2)].
 *
 * The exponential is what a scenario's patience is written as by default (Erlang A assumes
 * it); the warnings say when the data cannot identify it or when the Kaplan–Meier curve
 * departs from it.
 */
import { gammaQuantile } from '../../engine/gammaQuantile.js';
import type { DistSpec } from '../../engine/model.js';
import { normalQuantile } from '../../engine/normalQuantile.js';
import { ksPValue } from './goodnessOfFit.js';
import { kaplanMeier, type KaplanMeierCurve, type SurvivalTime } from './kaplanMeier.js';

export interface PatienceOptions {
  /** Level of every interval. @default 0.95 */
  readonly confidence?: number;
  /** Fewer abandons than this draw a warning that the mean is poorly known. @default 30 */
  readonly minAbandons?: number;
  /** A total-time-on-test p-value below this draws the warning that patience is not exponential. @default 0.001 */
  readonly exponentialP?: number;
}

export interface ExponentialPatience {
  /** θ̂ = T/D, seconds; `null` with no abandons (the likelihood grows without bound). */
  readonly meanSec: number | null;
  /** Interval of the mean. */
  readonly lowerSec: number;
  /** `null` with no abandons: the data set no upper bound (written so that JSON keeps it). */
  readonly upperSec: number | null;
}

/** Where the data depart most from the fitted exponential: abandons observed by a time against those it expects. */
export interface ExponentialGap {
  readonly atSec: number;
  /** Ŝ there (Kaplan–Meier), for the reader: the share still waiting. */
  readonly kaplanMeier: number;
  /** e^{−t/θ̂} there. */
  readonly exponential: number;
  /** Abandons by then, observed and expected under the exponential. */
  readonly observed: number;
  readonly expected: number;
  /** |observed − expected| ÷ D: the Kolmogorov–Smirnov distance of the total-time-on-test test. */
  readonly distance: number;
  /** Its p-value under exponential patience, from Kolmogorov's distribution (approximate for small D). */
  readonly pValue: number;
}

export interface PatienceFit {
  readonly calls: number;
  readonly abandons: number;
  /** Σ waits of every call, seconds: the exposure of the exponential likelihood. */
  readonly totalWaitSec: number;
  readonly confidence: number;
  readonly exponential: ExponentialPatience;
  readonly kaplanMeier: KaplanMeierCurve;
  /** `null` when there is no abandon (or no waiting) to test. */
  readonly exponentialGap: ExponentialGap | null;
  /** The scenario's `patience:` (exponential, mean θ̂), or `null` when the data cannot give one. */
  readonly spec: DistSpec | null;
  readonly warnings: readonly string[];
}

const seconds = (x: number): string => `${x < 10 ? x.toPrecision(2) : Math.round(x).toLocaleString('en-US')} s`;

/** Patience fitted from calls' waits: `event` is true for a call whose wait ended in a hang-up, false for an answered one. */
export function fitPatience(calls: readonly SurvivalTime[], options: PatienceOptions = {}): PatienceFit {
  const confidence = options.confidence ?? 0.95;
  const alpha = 1 - confidence;
  const z = normalQuantile(1 - alpha / 2);
  const curve = kaplanMeier(calls, z);
  let total = 0;
  for (const c of calls) total += c.timeSec;
  const d = curve.events;
  const exponential: ExponentialPatience = {
    meanSec: d > 0 && total > 0 ? total / d : null,
    lowerSec: total / gammaQuantile(d + 1, 1 - alpha / 2),
    upperSec: d > 0 ? total / gammaQuantile(d, alpha / 2) : null,
  };
  const gap = exponentialGap(calls, curve, total);
  const warnings: string[] = [];
  const level = `${Math.round(confidence * 100)}%`;
  if (d === 0) {
    warnings.push(`no abandons among ${calls.length} calls: patience cannot be fitted; the waits say only that its mean is at least ${seconds(exponential.lowerSec)} (${level} lower bound); Erlang C (no abandonment) may serve`);
  } else if (exponential.meanSec === null) {
    warnings.push(`every one of the ${d} abandons is at 0 s with no waiting at all: that is balking at the queue, not patience, and no exponential mean can be fitted`);
  } else if (d < (options.minAbandons ?? 30)) {
    warnings.push(`only ${d} abandons: the mean patience ${seconds(exponential.meanSec)} is known to within ${seconds(exponential.lowerSec)}–${seconds(exponential.upperSec ?? Infinity)} (${level})`);
  }
  if (gap !== null && gap.pValue < (options.exponentialP ?? 0.001)) {
    warnings.push(
      `the calls depart from exponential patience: by ${seconds(gap.atSec)} ${gap.observed} abandoned where the exponential expects ${gap.expected.toFixed(0)} (total-time-on-test p = ${gap.pValue.toExponential(1)}; Kaplan–Meier ${(gap.kaplanMeier * 100).toFixed(1)}% still waiting against ${(gap.exponential * 100).toFixed(1)}%): the hazard of hanging up is not constant — consider a mixture or another family`,
    );
  }
  return {
    calls: calls.length,
    abandons: d,
    totalWaitSec: total,
    confidence,
    exponential,
    kaplanMeier: curve,
    exponentialGap: gap,
    spec: exponential.meanSec === null ? null : { dist: 'exponential', mean: exponential.meanSec },
    warnings,
  };
}

/**
 * How far the abandons are from exponential patience, by the total-time-on-test test
 * (Epstein 1960, "Tests for the validity of the assumption that the underlying distribution
 * of life is exponential", Technometrics 2; Barlow & Proschan 1969; Barlow & Campo 1975). Under
 * exponential patience the abandons form a Poisson process in the calls' *exposure* — the total
 * waiting time on test, TTT(t) = Σ over calls of min(wait, t) — whatever the answering does,
 * since an answered call simply stops adding exposure. Given D abandons in the total T, their
 * exposures are then D uniform points on [0, T], and the largest gap between the share of
 * abandons observed by t and TTT(t)/T is a Kolmogorov–Smirnov distance with Kolmogorov's
 * distribution (goodnessOfFit.ts): no parameter is estimated, T/D is only the scale.
 * Observed against expected abandons, D·TTT(t)/T = TTT(t)/θ̂, say the same in counts.
 */
function exponentialGap(calls: readonly SurvivalTime[], curve: KaplanMeierCurve, total: number): ExponentialGap | null {
  const d = curve.events;
  if (d === 0 || !(total > 0)) return null;
  const times = Float64Array.from(calls, (c) => c.timeSec).sort();
  let best: { at: number; distance: number; survival: number; observed: number; expected: number } | null = null;
  let [left, sumLeft, observed, survivalBefore] = [0, 0, 0, 1];
  for (const s of curve.steps) {
    // Calls that left before this time add their whole wait to the exposure, the rest t each.
    for (; left < times.length && (times[left] as number) < s.timeSec; left++) sumLeft += times[left] as number;
    const share = (sumLeft + s.atRisk * s.timeSec) / total;
    // The empirical share jumps at the step: compare both its sides with the exposure share.
    for (const [count, survival] of [[observed, survivalBefore], [observed + s.events, s.survival]] as const) {
      const distance = Math.abs(count / d - share);
      if (best === null || distance > best.distance) best = { at: s.timeSec, distance, survival, observed: count, expected: share * d };
    }
    observed += s.events;
    survivalBefore = s.survival;
  }
  if (best === null) return null;
  return {
    atSec: best.at,
    kaplanMeier: best.survival,
    exponential: Math.exp((-best.at * d) / total),
    observed: best.observed,
    expected: best.expected,
    distance: best.distance,
    pValue: ksPValue(best.distance, d),
  };
}
