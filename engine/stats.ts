/**
 * The Recorder: streaming counters of one replication (STYLE habit 8 — the engine records,
 * `reports/` turns counters into KPIs). Memory is fixed by the model's shape (channels ×
 * groups × intervals), never by the horizon or the number of contacts: waits go to
 * bounded-memory HDR histograms (hdr-histogram-js; see `newHistogram` for units and precision).
 *
 * Contact-based figures (offered, answered, waits, abandons) are attributed to the interval
 * in which the contact *arrived*, as WFM reports do; time-based figures (busy, available)
 * to the interval in which the time was spent.
 */
import * as hdr from 'hdr-histogram-js';

/** Percentiles kept per histogram, in this order (values in seconds). */
export const WAIT_PERCENTILES = [50, 90, 95, 99] as const;

/** Counters of one replication: plain data (typed arrays), safe to send between threads. */
export interface ReplicationCounters {
  readonly replication: number;
  readonly seed: number;
  readonly events: number;
  readonly contacts: number;
  readonly channelCount: number;
  readonly groupCount: number;
  readonly intervalCount: number;
  /** Per channel × interval, index `ch * intervalCount + iv`. */
  readonly offered: Float64Array;
  readonly handled: Float64Array;
  readonly abandoned: Float64Array;
  readonly answeredWithinTarget: Float64Array;
  readonly abandonedWithinTarget: Float64Array;
  /** Found no idle agent and queued (for P(wait), as Erlang C and A define it: per offered contact). */
  readonly queued: Float64Array;
  /** Answered after a positive wait. */
  readonly waited: Float64Array;
  readonly waitSumSec: Float64Array;
  readonly handleSumSec: Float64Array;
  readonly maxQueue: Float64Array;
  /** Per group × channel × interval, index `(g * channelCount + ch) * intervalCount + iv`. */
  readonly busySec: Float64Array;
  /** Per group × interval: agent time logged in and not shrunk / agent time scheduled. */
  readonly availableSec: Float64Array;
  readonly scheduledSec: Float64Array;
  readonly groupHandled: Float64Array;
  readonly groupHandleSumSec: Float64Array;
  /** Wait percentiles of answered contacts, seconds (NaN: nobody answered there). */
  readonly waitPctInterval: Float64Array; // (ch * intervalCount + iv) * 4 + p
  readonly waitPctChannel: Float64Array; // ch * 4 + p
  readonly waitPctOverall: Float64Array; // p
  /** Contacts still waiting when the run ended (after draining, normally 0). */
  readonly waitingAtEnd: Float64Array; // per channel
}

type Histogram = ReturnType<typeof hdr.build>;

/**
 * Waits are recorded in tenths of a second (a planner never needs finer, and small integers
 * keep the histograms short, so reading percentiles is quick). Interval histograms keep 2
 * significant digits (1%: ample for a half-hour's p90), channel histograms 3 (exact below
 * 204.8 s). Both start sized for an hour's wait and grow only if needed.
 */
const TICKS_PER_SEC = 10;

function newHistogram(digits: 2 | 3): Histogram {
  return hdr.build({
    bitBucketSize: 32,
    autoResize: true,
    highestTrackableValue: 3600 * TICKS_PER_SEC,
    numberOfSignificantValueDigits: digits,
    useWebAssembly: false,
  });
}

export class Recorder {
  readonly C: number;
  readonly G: number;
  readonly I: number;
  private readonly intervalSec: number;
  private readonly horizonSec: number;
  private readonly targetSec: Float64Array;
  readonly offered: Float64Array;
  readonly handled: Float64Array;
  readonly abandoned: Float64Array;
  readonly answeredWithinTarget: Float64Array;
  readonly abandonedWithinTarget: Float64Array;
  readonly queued: Float64Array;
  readonly waited: Float64Array;
  readonly waitSumSec: Float64Array;
  readonly handleSumSec: Float64Array;
  readonly maxQueue: Float64Array;
  readonly busySec: Float64Array;
  readonly availableSec: Float64Array;
  readonly scheduledSec: Float64Array;
  readonly groupHandled: Float64Array;
  readonly groupHandleSumSec: Float64Array;
  private readonly histograms: Histogram[];
  private readonly channelHistograms: Histogram[];

  constructor(channels: number, groups: number, intervals: number, intervalSec: number, targetSec: readonly number[]) {
    this.C = channels; this.G = groups; this.I = intervals;
    this.intervalSec = intervalSec;
    this.horizonSec = intervals * intervalSec;
    this.targetSec = Float64Array.from(targetSec);
    const ci = channels * intervals;
    this.offered = new Float64Array(ci);
    this.handled = new Float64Array(ci);
    this.abandoned = new Float64Array(ci);
    this.answeredWithinTarget = new Float64Array(ci);
    this.abandonedWithinTarget = new Float64Array(ci);
    this.queued = new Float64Array(ci);
    this.waited = new Float64Array(ci);
    this.waitSumSec = new Float64Array(ci);
    this.handleSumSec = new Float64Array(ci);
    this.maxQueue = new Float64Array(ci);
    this.busySec = new Float64Array(groups * channels * intervals);
    this.availableSec = new Float64Array(groups * intervals);
    this.scheduledSec = new Float64Array(groups * intervals);
    this.groupHandled = new Float64Array(groups * intervals);
    this.groupHandleSumSec = new Float64Array(groups * intervals);
    this.histograms = [];
    for (let i = 0; i < ci; i++) this.histograms.push(newHistogram(2));
    this.channelHistograms = [];
    for (let i = 0; i < channels; i++) this.channelHistograms.push(newHistogram(3));
  }

  /** Interval of a time in the recorded day; −1 before 0 (warm-up) or at/after the horizon. */
  intervalOf(t: number): number {
    if (t < 0 || t >= this.horizonSec) return -1;
    return Math.floor(t / this.intervalSec);
  }

  offer(ch: number, iv: number): void {
    this.offered[ch * this.I + iv] += 1;
  }

  answer(ch: number, iv: number, g: number, waitSec: number, handleSec: number): void {
    const k = ch * this.I + iv;
    this.handled[k] += 1;
    this.waitSumSec[k] += waitSec;
    this.handleSumSec[k] += handleSec;
    if (waitSec > 0) this.waited[k] += 1;
    if (waitSec <= this.targetSec[ch]) this.answeredWithinTarget[k] += 1;
    // Most answered contacts wait 0 s: they are counted in `handled − waited` and added to
    // the histograms in one call at the end, which keeps the hot path out of the library.
    if (waitSec > 0) {
      const ticks = Math.round(waitSec * TICKS_PER_SEC);
      this.histograms[k].recordValue(ticks);
      this.channelHistograms[ch].recordValue(ticks);
    }
    const gk = g * this.I + iv;
    this.groupHandled[gk] += 1;
    this.groupHandleSumSec[gk] += handleSec;
  }

  abandon(ch: number, iv: number, waitSec: number): void {
    const k = ch * this.I + iv;
    this.abandoned[k] += 1;
    if (waitSec <= this.targetSec[ch]) this.abandonedWithinTarget[k] += 1;
  }

  /**
   * A contact of arrival interval `iv` (−1: warm-up) joins a queue now `length` long. The
   * longest queue is attributed to the interval in which it was seen.
   */
  enqueue(ch: number, iv: number, t: number, length: number): void {
    if (iv >= 0) this.queued[ch * this.I + iv] += 1;
    const seen = this.intervalOf(t);
    if (seen < 0) return;
    const k = ch * this.I + seen;
    if (length > this.maxQueue[k]) this.maxQueue[k] = length;
  }

  /** Adds agent busy time on a channel over [from, to), clipped to the recorded day, split by interval. */
  busy(g: number, ch: number, from: number, to: number): void {
    this.spread(this.busySec, (g * this.C + ch) * this.I, from, to, 1);
  }

  /** Adds `agents` agents' logged-in time over [from, to) to a group's available and scheduled time. */
  staffed(g: number, from: number, to: number, agents: number): void {
    this.spread(this.availableSec, g * this.I, from, to, agents);
    this.spread(this.scheduledSec, g * this.I, from, to, agents);
  }

  private spread(target: Float64Array, base: number, from: number, to: number, weight: number): void {
    let a = from < 0 ? 0 : from;
    const b = to > this.horizonSec ? this.horizonSec : to;
    while (a < b) {
      const iv = Math.floor(a / this.intervalSec);
      const end = Math.min(b, (iv + 1) * this.intervalSec);
      target[base + iv] += (end - a) * weight;
      a = end;
    }
  }

  /** Freezes the counters into plain data; the histograms are reduced to percentiles. */
  finish(meta: { replication: number; seed: number; events: number; contacts: number; waitingAtEnd: Float64Array }): ReplicationCounters {
    const P = WAIT_PERCENTILES.length;
    const waitPctInterval = new Float64Array(this.C * this.I * P);
    const waitPctChannel = new Float64Array(this.C * P);
    const overall = newHistogram(3);
    for (let ch = 0; ch < this.C; ch++) {
      const channel = this.channelHistograms[ch];
      let zeros = 0;
      for (let iv = 0; iv < this.I; iv++) {
        const k = ch * this.I + iv;
        const h = this.histograms[k];
        const z = this.handled[k] - this.waited[k];
        if (z > 0) h.recordValueWithCount(0, z);
        zeros += z;
        writePercentiles(h, waitPctInterval, k * P);
      }
      if (zeros > 0) channel.recordValueWithCount(0, zeros);
      writePercentiles(channel, waitPctChannel, ch * P);
      overall.add(channel);
    }
    const waitPctOverall = new Float64Array(P);
    writePercentiles(overall, waitPctOverall, 0);
    return {
      ...meta,
      channelCount: this.C, groupCount: this.G, intervalCount: this.I,
      offered: this.offered, handled: this.handled, abandoned: this.abandoned,
      answeredWithinTarget: this.answeredWithinTarget, abandonedWithinTarget: this.abandonedWithinTarget,
      queued: this.queued, waited: this.waited, waitSumSec: this.waitSumSec, handleSumSec: this.handleSumSec, maxQueue: this.maxQueue,
      busySec: this.busySec, availableSec: this.availableSec, scheduledSec: this.scheduledSec,
      groupHandled: this.groupHandled, groupHandleSumSec: this.groupHandleSumSec,
      waitPctInterval, waitPctChannel, waitPctOverall,
    };
  }
}

function writePercentiles(h: Histogram, out: Float64Array, at: number): void {
  const empty = h.totalCount === 0;
  for (let p = 0; p < WAIT_PERCENTILES.length; p++) {
    out[at + p] = empty ? NaN : h.getValueAtPercentile(WAIT_PERCENTILES[p]) / TICKS_PER_SEC;
  }
}
