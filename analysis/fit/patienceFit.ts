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
import { kaplanMeier, type KaplanMeierCurve, type KaplanMeierStep, type SurvivalTime } from './kaplanMeier.js';

export interface PatienceOptions {
  /** Level of every interval. @default 0.95 */
  readonly confidence?: number;
  /** Fewer abandons than this draw a warning that the mean is poorly known. @default 30 */
  readonly minAbandons?: number;
  /** The curve is compared with the exponential only where at least this many calls are at risk. @default 20 */
  readonly minAtRisk?: number;
  /** A gap of more standard errors than this between the two curves draws a warning. @default 3.5 */
  readonly gapZ?: number;
}

export interface ExponentialPatience {
  /** θ̂ = T/D, seconds; `null` with no abandons (the likelihood grows without bound). */
  readonly meanSec: number | null;
  /** Interval of the mean; `upperSec` is Infinity with no abandons. */
  readonly lowerSec: number;
  readonly upperSec: number;
}

/** Where the Kaplan–Meier curve is furthest from the fitted exponential's e^{−t/θ̂}, in standard errors. */
export interface ExponentialGap {
  readonly atSec: number;
  readonly kaplanMeier: number;
  readonly exponential: number;
  /** (Ŝ − e^{−t/θ̂}) ÷ the standard error of the difference. */
  readonly z: number;
}

export interface PatienceFit {
  readonly calls: number;
  readonly abandons: number;
  /** Σ waits of every call, seconds: the exposure of the exponential likelihood. */
  readonly totalWaitSec: number;
  readonly confidence: number;
  readonly exponential: ExponentialPatience;
  readonly kaplanMeier: KaplanMeierCurve;
  /** `null` when there is no exponential to compare or no step with enough calls at risk. */
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
    upperSec: d > 0 ? total / gammaQuantile(d, alpha / 2) : Infinity,
  };
  const gap = exponential.meanSec === null ? null : largestGap(curve.steps, exponential.meanSec, d, options.minAtRisk ?? 20);
  const warnings: string[] = [];
  const level = `${Math.round(confidence * 100)}%`;
  if (d === 0) {
    warnings.push(`no abandons among ${calls.length} calls: patience cannot be fitted; the waits say only that its mean is at least ${seconds(exponential.lowerSec)} (${level} lower bound); Erlang C (no abandonment) may serve`);
  } else if (exponential.meanSec === null) {
    warnings.push(`every one of the ${d} abandons is at 0 s with no waiting at all: that is balking at the queue, not patience, and no exponential mean can be fitted`);
  } else if (d < (options.minAbandons ?? 30)) {
    warnings.push(`only ${d} abandons: the mean patience ${seconds(exponential.meanSec)} is known to within ${seconds(exponential.lowerSec)}–${seconds(exponential.upperSec)} (${level})`);
  }
  if (gap !== null && Math.abs(gap.z) > (options.gapZ ?? 3.5)) {
    warnings.push(
      `the Kaplan–Meier curve departs from exponential patience: at ${seconds(gap.atSec)} ${(gap.kaplanMeier * 100).toFixed(1)}% are still waiting against ${(gap.exponential * 100).toFixed(1)}% for the exponential (${Math.abs(gap.z).toFixed(1)} standard errors); the patience hazard is not constant — consider a mixture or another family`,
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
 * The largest standardized gap between Ŝ and e^{−t/θ̂} at the event times with at least
 * `minAtRisk` calls at risk, on both sides of each step (Ŝ jumps there; the exponential does
 * not). The standard error combines Greenwood's with the exponential's own by the delta
 * method: d e^{−t/θ}/dθ = e^{−t/θ} t/θ² and Var θ̂ ≈ θ²/D, so Var e^{−t/θ̂} ≈ (e^{−t/θ} t/θ)² / D. Adding the two
 * ignores their positive correlation, so it overstates the spread and the test is cautious.
 */
function largestGap(steps: readonly KaplanMeierStep[], theta: number, d: number, minAtRisk: number): ExponentialGap | null {
  let best: ExponentialGap | null = null;
  let before = { survival: 1, se: 0 };
  for (const s of steps) {
    if (s.atRisk < minAtRisk) break;
    const e = Math.exp(-s.timeSec / theta);
    const eSe = (e * (s.timeSec / theta)) / Math.sqrt(d);
    for (const side of [before, s]) {
      const spread = Math.sqrt(side.se * side.se + eSe * eSe);
      if (!(spread > 0)) continue;
      const z = (side.survival - e) / spread;
      if (best === null || Math.abs(z) > Math.abs(best.z)) best = { atSec: s.timeSec, kaplanMeier: side.survival, exponential: e, z };
    }
    before = s;
  }
  return best;
}
