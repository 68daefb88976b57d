/**
 * Where a run's waits go: HDR histograms (hdr-histogram-js), bounded in memory whatever the
 * number of contacts, one per channel × interval, per channel and for the whole center, kept
 * with the kernel's workspace and reset between runs; and the percentiles read from them.
 */
import { createRequire } from 'node:module';

/** Percentiles kept per histogram, in this order (values in seconds). */
export const WAIT_PERCENTILES = [50, 90, 95, 99] as const;

// hdr-histogram-js's 32-bit JS histogram alone: the package's index also loads its
// WebAssembly build and compression codecs, which took 65 of the kernel's 90 ms of module
// loading — paid again by every worker thread of a sweep. Loaded with require: it is a
// CommonJS module whose class is `exports.default`, and require reads it the same way under
// Node and under the test runner's module interop.
type Int32HistogramClass = typeof import('hdr-histogram-js/dist/Int32Histogram.js').default;
const Int32Histogram = (createRequire(import.meta.url)('hdr-histogram-js/dist/Int32Histogram.js') as { default: Int32HistogramClass }).default;
export type Histogram = InstanceType<Int32HistogramClass>;

/**
 * The wait histograms of a run: per channel × interval (2 digits) — or per channel × period
 * of several intervals (a day) when a long run reports per period — per channel (3 digits) and
 * one for the whole center. Kept with the kernel's workspace and reset between runs: building
 * them costs more than a short replication's events.
 */
export class WaitHistograms {
  /**
   * Per channel × interval (index `ch * intervals + iv`). With a `periodSec` longer than an
   * interval, the intervals of one period share one histogram (the same object at each index),
   * so the recorder's hot path is unchanged and the memory is a histogram a channel a period.
   */
  readonly interval: Histogram[] = [];
  readonly channel: Histogram[] = [];
  /** Over the live channels, and over the deferred ones. */
  readonly overall: Histogram = newHistogram(3);
  readonly deferred: Histogram = newHistogram(3);
  /** The distinct histograms behind `interval`. */
  private readonly periods: Histogram[] = [];

  /**
   * `periodSec`: the arrivals whose waits one histogram holds, from time 0 (default: one
   * interval). An interval belongs to the period its start lies in.
   */
  constructor(channels: number, intervals: number, intervalSec = 1, periodSec = intervalSec) {
    const periodOf = (iv: number): number => (periodSec <= intervalSec ? iv : Math.floor((iv * intervalSec) / periodSec));
    const count = intervals > 0 ? periodOf(intervals - 1) + 1 : 0;
    for (let i = 0; i < channels * count; i++) this.periods.push(newHistogram(2));
    for (let ch = 0; ch < channels; ch++) {
      for (let iv = 0; iv < intervals; iv++) this.interval.push(this.periods[ch * count + periodOf(iv)] as Histogram);
    }
    for (let i = 0; i < channels; i++) this.channel.push(newHistogram(3));
  }

  reset(): void {
    for (const h of this.periods) h.reset();
    for (const h of this.channel) h.reset();
    this.overall.reset();
    this.deferred.reset();
  }
}

/**
 * Waits are recorded in tenths of a second (a planner never needs finer, and small integers
 * keep the histograms short, so reading percentiles is quick). Interval histograms keep 2
 * significant digits (1%: ample for a half-hour's p90), channel histograms 3 (exact below
 * 204.8 s). Both start sized for an hour's wait and grow only if needed.
 */
export const TICKS_PER_SEC = 10;

export function newHistogram(digits: 2 | 3): Histogram {
  // What hdr-histogram-js's build() makes for { bitBucketSize: 32, autoResize: true }.
  const h = new Int32Histogram(1, 3600 * TICKS_PER_SEC, digits);
  h.autoResize = true;
  // recordTicks indexes by integer arithmetic that holds for a lowest discernible value of 1 only.
  if (h.unitMagnitude !== 0) throw new Error(`wait histogram: unit magnitude ${h.unitMagnitude}, recordTicks needs 0`);
  return h;
}

/** The largest tick count `recordTicks` indexes itself (a wait of about 6.8 years). */
const MAX_FAST_TICKS = 0x7fff_ffff;

/**
 * Records `ticks` (a whole number ≥ 0) in h, a histogram of `newHistogram`: the same as
 * `h.recordValue(ticks)`, with the counts index found by integer arithmetic instead of the
 * library's `Math.log2` and `Math.pow` (its index functions took about 8% of a CPU profile of the
 * M/M/c case; with the calendar's lazy sequence number, 5.2% of its instructions were saved —
 * docs/decisions.md). HdrHistogram's layout (Tene,
 * HdrHistogram, `countsArrayIndex`): with a lowest discernible value of 1 (as `newHistogram`
 * makes them) the bucket is how many bits the value has above the sub-bucket half range
 * (`subBucketHalfCountMagnitude`), never below 0; the sub-bucket is the value shifted right by
 * the bucket; the index is `(bucket + 1) · halfCount + subBucket − halfCount`. A value past the
 * array (the histogram must grow) takes the library's own path.
 */
export function recordTicks(h: Histogram, ticks: number): void {
  const m = h.subBucketHalfCountMagnitude;
  const over = 31 - Math.clz32(ticks) - m;
  const bucket = over > 0 ? over : 0;
  const index = ((bucket + 1) << m) + (ticks >>> bucket) - h.subBucketHalfCount;
  if (ticks > MAX_FAST_TICKS || index >= h.countsArrayLength) {
    h.recordValue(ticks);
    return;
  }
  h.incrementCountAtIndex(index);
  h.updateMinAndMax(ticks);
  h.incrementTotalCount();
}

/** Writes h's WAIT_PERCENTILES, in seconds, to out[at…] (NaN when h is empty). */
export function writePercentiles(h: Histogram, out: Float64Array, at: number): void {
  const empty = h.totalCount === 0;
  for (let p = 0; p < WAIT_PERCENTILES.length; p++) {
    out[at + p] = empty ? NaN : h.getValueAtPercentile(WAIT_PERCENTILES[p]) / TICKS_PER_SEC;
  }
}
