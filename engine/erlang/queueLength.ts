/**
 * The queue of M/M/n+M (Erlang A) as a birth–death chain (Garnett, Mandelbaum & Reiman 2002,
 * "Designing a call center with impatient customers", MSOM 4(3), §3). States 0..n are busy
 * agents with birth rate λ and death rate jμ; beyond n, k contacts wait and the death rate is
 * nμ + kθ (a service or one of k abandonments, θ = 1/mean patience). Relative to π_n,
 *   π_{n+k} / π_n = w_k = Π_{i=1..k} λ / (nμ + iθ).
 * A tagged arrival that finds k waiting moves up at rate nμ + mθ while m are ahead and abandons at
 * rate θ, so from state m it leaves at rate nμ + (m+1)θ. Reaching the head has probability
 * (nμ+θ)/(nμ+(k+1)θ) (the product telescopes), being served nμ/(nμ+(k+1)θ), and — sojourns of
 * competing exponentials being independent of which clock rings — the mean wait of a served
 * contact is H_k = Σ_{m=0..k} 1/(nμ + (m+1)θ).
 *
 * Sums run until the remaining tail, bounded by a geometric series once the term ratio drops
 * below 1, is under 1e-16 of the sum. They are kept scaled (`logScale`) so that overloaded
 * queues with e^{700+}-sized weights stay finite.
 */
import { InputError } from '../errors.js';

/** Scaled sums over queue lengths k ≥ 0; each true value is the field × e^{logScale}. */
export interface QueueSums {
  readonly logScale: number;
  /** Σ w_k. */
  readonly total: number;
  /** Σ k·w_k (mean queue length × 1/π_n). */
  readonly length: number;
  /** Σ w_k · P(served | k ahead). */
  readonly served: number;
  /** Σ w_k · P(served | k) · E[wait | served, k]. */
  readonly servedWait: number;
}

const RESCALE_ABOVE = 1e250;
const TAIL_TOLERANCE = 1e-16;
/** Terms beyond this mean patience so long, under overload, that the queue is near-infinite. */
const MAX_TERMS = 50_000_000;

function tooLong(): never {
  throw new InputError(`patience: too long for an overloaded queue (the Erlang A queue would exceed ${MAX_TERMS} contacts); use Erlang C`);
}

/** Bound on Σ_{m≥1} (k+m)·term·q^m, the tail of a k-weighted series whose ratio stays ≤ q < 1. */
function weightedTail(term: number, k: number, q: number): number {
  return term * ((k * q) / (1 - q) + q / ((1 - q) * (1 - q)));
}

/** The queue-length sums of M/M/n+M; `serviceRate` = nμ, `abandonRate` = θ > 0. */
export function queueSums(arrivalRate: number, serviceRate: number, abandonRate: number): QueueSums {
  // The weights grow while λ > nμ + kθ: the peak queue, (λ − nμ)/θ, bounds the work up front.
  if ((arrivalRate - serviceRate) / abandonRate > MAX_TERMS) tooLong();
  let logScale = 0;
  let term = 1;
  let wait = 1 / (serviceRate + abandonRate);
  let total = 1;
  let length = 0;
  let served = serviceRate * wait;
  let servedWait = served * wait;
  for (let k = 1; ; k++) {
    if (k > MAX_TERMS) tooLong();
    term *= arrivalRate / (serviceRate + k * abandonRate);
    const leave = serviceRate + (k + 1) * abandonRate;
    wait += 1 / leave;
    total += term;
    length += k * term;
    served += (term * serviceRate) / leave;
    servedWait += ((term * serviceRate) / leave) * wait;
    if (total > RESCALE_ABOVE) {
      [term, total, length, served, servedWait] = [term, total, length, served, servedWait].map((x) => x / RESCALE_ABOVE) as [number, number, number, number, number];
      logScale += Math.log(RESCALE_ABOVE);
    }
    const q = arrivalRate / (serviceRate + (k + 1) * abandonRate);
    if (q < 1 && weightedTail(term, k + 1, q) <= TAIL_TOLERANCE * Math.min(total, length)) break;
  }
  return { logScale, total, length, served, servedWait };
}

/** log Σ_{k≥0} Π_{i=1..k} x / (base + iθ): the same chain's weights with a thinned birth rate x. */
export function logWeightSeries(x: number, base: number, abandonRate: number): number {
  let logScale = 0;
  let term = 1;
  let total = 1;
  for (let k = 1; ; k++) {
    if (k > MAX_TERMS) tooLong();
    term *= x / (base + k * abandonRate);
    total += term;
    if (total > RESCALE_ABOVE) {
      term /= RESCALE_ABOVE;
      total /= RESCALE_ABOVE;
      logScale += Math.log(RESCALE_ABOVE);
    }
    const q = x / (base + (k + 1) * abandonRate);
    if (q < 1 && (term * q) / (1 - q) <= TAIL_TOLERANCE * total) break;
    if (term === 0) break;
  }
  return logScale + Math.log(total);
}
