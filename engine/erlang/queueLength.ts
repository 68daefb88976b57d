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
 *
 * An overloaded, patient queue peaks far from empty: at k* = ⌊(λ − nμ)/θ⌋ waiting. Summing
 * from k = 0 would take k* steps before reaching the terms that matter, so past
 * `DIRECT_PEAK` the sums start at the peak instead, with w_k* = (λ/θ)^k* / (nμ/θ + 1)_k* in
 * closed form (a rising factorial, gammaRatios.ts), and run outwards both ways; the terms fall
 * off like a normal density of width ~√(λ/θ), so the work is O(√(λ/θ)) whatever k*
 * (issue 18: every Erlang answer in well under a second). Either way no sum runs more than
 * `MAX_SUM_TERMS` terms: a longer one is refused, as is a peak beyond `MAX_QUEUE`.
 */
import { InputError } from '../errors.js';
import { digammaDifference, logRising } from './gammaRatios.js';

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
/** A peak queue beyond this means patience so long, under overload, that the queue is near-infinite. */
const MAX_QUEUE = 50_000_000;
/** Terms of one sum, at most: about 10 ms of arithmetic. */
export const MAX_SUM_TERMS = 2_000_000;
/** Up to this peak the sums run from k = 0; beyond it they start at the peak. */
const DIRECT_PEAK = 10_000;

function tooLong(): never {
  throw new InputError(`patience: too long for an overloaded queue (the Erlang A queue would exceed ${MAX_QUEUE} contacts); use Erlang C`);
}

function tooManyTerms(arrivalRate: number, abandonRate: number): never {
  const contacts = arrivalRate / abandonRate;
  throw new InputError(
    `patience: too long for this arrival rate: the Erlang A sums would need more than ${MAX_SUM_TERMS.toLocaleString('en-US')} terms (arrival rate × mean patience = ${contacts.toPrecision(3)} contacts); use Erlang C, or a shorter patience`,
  );
}

/** The peak of w_k = Π_{i≤k} x/(a + i) (x = birth rate ÷ θ, a = base rate ÷ θ): where the ratio x/(a + k + 1) falls below 1. */
function peakOf(x: number, a: number): number {
  return Math.max(0, Math.floor(x - a));
}

/** Bound on Σ_{m≥1} (k+m)·term·q^m, the tail of a k-weighted series whose ratio stays ≤ q < 1. */
function weightedTail(term: number, k: number, q: number): number {
  return term * ((k * q) / (1 - q) + q / ((1 - q) * (1 - q)));
}

/** The queue-length sums of M/M/n+M; `serviceRate` = nμ, `abandonRate` = θ > 0. */
export function queueSums(arrivalRate: number, serviceRate: number, abandonRate: number): QueueSums {
  // The weights grow while λ > nμ + kθ: the peak queue is (λ − nμ)/θ.
  const peak = peakOf(arrivalRate / abandonRate, serviceRate / abandonRate);
  if (peak > MAX_QUEUE) tooLong();
  return peak <= DIRECT_PEAK ? sumsFromEmpty(arrivalRate, serviceRate, abandonRate) : sumsFromPeak(arrivalRate, serviceRate, abandonRate, peak);
}

function sumsFromEmpty(arrivalRate: number, serviceRate: number, abandonRate: number): QueueSums {
  let logScale = 0;
  let term = 1;
  let wait = 1 / (serviceRate + abandonRate);
  let total = 1;
  let length = 0;
  let served = serviceRate * wait;
  let servedWait = served * wait;
  for (let k = 1; ; k++) {
    if (k > MAX_SUM_TERMS) tooManyTerms(arrivalRate, abandonRate);
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

/**
 * The sums started at the peak k* (> 0), where w_k* is 1 and e^{logScale} is its true value:
 * upwards while the tail bound is not yet met, then downwards to k = 0 or until the rest is
 * negligible (below the peak the terms fall at least geometrically, by (a + k)/x per step).
 */
function sumsFromPeak(arrivalRate: number, serviceRate: number, abandonRate: number, peak: number): QueueSums {
  const x = arrivalRate / abandonRate;
  const a = serviceRate / abandonRate;
  const logScale = peak * Math.log(x) - logRising(a + 1, peak);
  // H_k = Σ_{m=0..k} 1/(nμ + (m+1)θ) = (ψ(a + k + 2) − ψ(a + 1)) / θ: the mean wait of a served contact found k ahead.
  const waitAtPeak = digammaDifference(a + 1, peak + 1) / abandonRate;
  let total = 0;
  let length = 0;
  let served = 0;
  let servedWait = 0;
  const add = (k: number, term: number, wait: number): void => {
    const servedShare = serviceRate / (serviceRate + (k + 1) * abandonRate);
    total += term;
    length += k * term;
    served += term * servedShare;
    servedWait += term * servedShare * wait;
  };
  let steps = 0;
  let term = 1;
  let wait = waitAtPeak;
  for (let k = peak; ; k++) {
    if (++steps > MAX_SUM_TERMS) tooManyTerms(arrivalRate, abandonRate);
    add(k, term, wait);
    // Past the peak the ratio q falls with k, so Σ_{m≥1} w_{k+m} ≤ w_k Σ q^m (weighted: weightedTail).
    const q = x / (a + k + 1);
    if (q < 1 && weightedTail(term, k, q) <= TAIL_TOLERANCE * Math.min(total, length)) break;
    term *= q;
    wait += 1 / (serviceRate + (k + 2) * abandonRate);
  }
  term = 1;
  wait = waitAtPeak;
  for (let k = peak; k > 0; k--) {
    if (++steps > MAX_SUM_TERMS) tooManyTerms(arrivalRate, abandonRate);
    const r = (a + k) / x;
    term *= r;
    wait -= 1 / (serviceRate + (k + 1) * abandonRate);
    add(k - 1, term, wait);
    // The terms below k − 1 fall by at most r each: their sum, and k times it, bound what is left.
    if (r < 1 && (term * r * k) / (1 - r) <= TAIL_TOLERANCE * Math.min(total, length)) break;
  }
  return { logScale, total, length, served, servedWait };
}

/**
 * log Σ_{k≥0} Π_{i=1..k} x / (base + iθ): the same chain's weights with a thinned birth rate x,
 * which is `queueSums`' total with x for λ and base for nμ (one summation, not a copy of it).
 */
export function logWeightSeries(x: number, base: number, abandonRate: number): number {
  const sums = queueSums(x, base, abandonRate);
  return sums.logScale + Math.log(sums.total);
}
