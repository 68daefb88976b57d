/**
 * The Recorder: streaming counters of one replication (STYLE habit 8 — the engine records,
 * `reports/` turns counters into KPIs). Memory is fixed by the model's shape (channels ×
 * groups × intervals), never by the horizon's length in contacts: waits go to bounded-memory
 * HDR histograms (engine/waitHistograms.ts).
 *
 * Contact-based figures (offered, answered, waits, abandons, escalations…) are attributed to
 * the interval in which the contact *arrived*, as WFM reports do; time-based figures (busy,
 * available, scheduled, overtime) to the interval in which the time was spent.
 */
import { TICKS_PER_SEC, WAIT_PERCENTILES, writePercentiles, type Histogram, type WaitHistograms } from './waitHistograms.js';

/** Counters kept per channel × interval (index `ch * intervalCount + iv`). */
export const CHANNEL_COUNTERS = [
  'offered', 'handled', 'abandoned', 'answeredWithinTarget', 'abandonedWithinTarget', 'queued', 'waited',
  'waitSumSec', 'handleSumSec', 'maxQueue', 'deflected', 'repeats', 'retrials', 'callbacks', 'escalated',
  'overflowed', 'backlogMax', 'backlogAgeP90Sec',
] as const;
export type ChannelCounter = (typeof CHANNEL_COUNTERS)[number];

/** Counters kept per contact type (index into the flattened list of every channel's types). */
export const TYPE_COUNTERS = [
  'offered', 'handled', 'abandoned', 'answeredWithinTarget', 'abandonedWithinTarget', 'queued', 'waitSumSec',
  'handleSumSec', 'escalated', 'repeats',
] as const;
export type TypeCounter = (typeof TYPE_COUNTERS)[number];

/** Counters kept per tier (index 0–2 for tiers 1–3). */
export const TIER_COUNTERS = [
  'entered', 'handled', 'abandoned', 'withinTarget', 'abandonedWithinTarget', 'resolved', 'escalated',
  'waitSumSec', 'handleSumSec',
] as const;
export type TierCounter = (typeof TIER_COUNTERS)[number];

/** Counters kept per group × interval. */
export const GROUP_COUNTERS = ['availableSec', 'scheduledSec', 'overtimeSec', 'handled', 'handleSumSec'] as const;
export type GroupCounter = (typeof GROUP_COUNTERS)[number];

/** Counters of one replication: plain data (typed arrays), safe to send between threads. */
export interface ReplicationCounters {
  readonly replication: number;
  readonly seed: number;
  readonly events: number;
  readonly contacts: number;
  readonly channelCount: number;
  readonly groupCount: number;
  readonly intervalCount: number;
  readonly typeCount: number;
  readonly channel: Readonly<Record<ChannelCounter, Float64Array>>;
  readonly type: Readonly<Record<TypeCounter, Float64Array>>;
  readonly tier: Readonly<Record<TierCounter, Float64Array>>;
  readonly group: Readonly<Record<GroupCounter, Float64Array>>;
  /** Per group × channel × interval, index `(g * channelCount + ch) * intervalCount + iv`. */
  readonly busySec: Float64Array;
  /** Wait percentiles of answered contacts, seconds (NaN: nobody answered there). */
  readonly waitPctInterval: Float64Array; // (ch * intervalCount + iv) * 4 + p
  readonly waitPctChannel: Float64Array; // ch * 4 + p
  readonly waitPctOverall: Float64Array; // p
  /** Contacts still waiting when the run ended, per channel (deferred backlog, stranded calls). */
  readonly waitingAtEnd: Float64Array;
}

/**
 * Carves every counter of a replication out of one ArrayBuffer: one allocation instead of
 * dozens (they matter on short days), and one buffer to copy when results cross threads.
 */
class Arena {
  private readonly block: Float64Array;
  private used = 0;
  constructor(size: number) {
    this.block = new Float64Array(size);
  }
  take(size: number): Float64Array {
    const a = this.block.subarray(this.used, this.used + size);
    this.used += size;
    return a;
  }
}

function counters<K extends string>(names: readonly K[], size: number, arena: Arena): Record<K, Float64Array> {
  const out = {} as Record<K, Float64Array>;
  for (const n of names) out[n] = arena.take(size);
  return out;
}

export class Recorder {
  readonly C: number;
  readonly G: number;
  readonly I: number;
  private readonly intervalSec: number;
  private readonly horizonSec: number;
  readonly channel: Record<ChannelCounter, Float64Array>;
  readonly type: Record<TypeCounter, Float64Array>;
  readonly tier: Record<TierCounter, Float64Array>;
  readonly group: Record<GroupCounter, Float64Array>;
  readonly busySec: Float64Array;
  private readonly histograms: Histogram[];
  private readonly channelHistograms: Histogram[];
  private readonly overallHistogram: Histogram;
  // Hot counters, held directly so the kernel's most frequent updates skip a lookup.
  private readonly offered: Float64Array;
  private readonly handled: Float64Array;
  private readonly waited: Float64Array;
  private readonly waitSum: Float64Array;
  private readonly handleSum: Float64Array;
  private readonly withinTarget: Float64Array;

  /** Per channel: its global type index when it has a single type (counted from channel sums), else −1. */
  private readonly singleType: Int32Array;

  /**
   * `singleType[ch]`: the global type index of a channel with one contact type, −1 otherwise.
   * Such a type's counters, and tier 1's, equal sums of channel counters: they are filled in
   * at the end instead of counted contact by contact (the kernel passes type −1 for them).
   */
  constructor(channels: number, groups: number, intervals: number, intervalSec: number, types: number, singleType: Int32Array, waits: WaitHistograms) {
    this.singleType = singleType;
    this.C = channels; this.G = groups; this.I = intervals;
    this.intervalSec = intervalSec;
    this.horizonSec = intervals * intervalSec;
    const ci = channels * intervals;
    const arena = new Arena(
      CHANNEL_COUNTERS.length * ci + TYPE_COUNTERS.length * types + TIER_COUNTERS.length * 3 +
        GROUP_COUNTERS.length * groups * intervals + groups * channels * intervals,
    );
    this.channel = counters(CHANNEL_COUNTERS, ci, arena);
    this.channel.backlogAgeP90Sec.fill(NaN);
    this.type = counters(TYPE_COUNTERS, types, arena);
    this.tier = counters(TIER_COUNTERS, 3, arena);
    this.group = counters(GROUP_COUNTERS, groups * intervals, arena);
    this.busySec = arena.take(groups * channels * intervals);
    this.histograms = waits.interval;
    this.channelHistograms = waits.channel;
    this.overallHistogram = waits.overall;
    this.offered = this.channel.offered;
    this.handled = this.channel.handled;
    this.waited = this.channel.waited;
    this.waitSum = this.channel.waitSumSec;
    this.handleSum = this.channel.handleSumSec;
    this.withinTarget = this.channel.answeredWithinTarget;
  }

  /** Interval of a time in the recorded day; −1 before 0 (warm-up) or at/after the horizon. */
  intervalOf(t: number): number {
    if (t < 0 || t >= this.horizonSec) return -1;
    return Math.floor(t / this.intervalSec);
  }

  /** Adds 1 (or `n`) to a channel × interval counter. */
  count(name: ChannelCounter, ch: number, iv: number, n = 1): void {
    this.channel[name][ch * this.I + iv] += n;
  }

  offer(ch: number, iv: number, type: number): void {
    this.offered[ch * this.I + iv] += 1;
    if (type >= 0) this.type.offered[type] += 1;
  }

  /** A contact is answered at tier 1 after `waitSec`; `withinTarget` for live queues only. */
  answer(ch: number, iv: number, type: number, g: number, waitSec: number, handleSec: number, withinTarget: boolean): void {
    const k = ch * this.I + iv;
    this.handled[k] += 1;
    this.waitSum[k] += waitSec;
    this.handleSum[k] += handleSec;
    if (withinTarget) this.withinTarget[k] += 1;
    if (type >= 0) {
      const T = this.type;
      if (withinTarget) T.answeredWithinTarget[type] += 1;
      T.handled[type] += 1;
      T.waitSumSec[type] += waitSec;
      T.handleSumSec[type] += handleSec;
    }
    // Most answered contacts wait 0 s: they are counted in `handled − waited` and added to
    // the histograms in one call at the end, which keeps the hot path out of the library.
    if (waitSec > 0) {
      this.waited[k] += 1;
      const ticks = Math.round(waitSec * TICKS_PER_SEC);
      this.histograms[k].recordValue(ticks);
      this.channelHistograms[ch].recordValue(ticks);
    }
    const gk = g * this.I + iv;
    this.group.handled[gk] += 1;
    this.group.handleSumSec[gk] += handleSec;
  }

  /** A deferred tier-1 contact (email) is finished: its service level counts resolution time. */
  resolveDeferred(ch: number, iv: number, type: number): void {
    this.withinTarget[ch * this.I + iv] += 1;
    if (type >= 0) this.type.answeredWithinTarget[type] += 1;
  }

  abandon(ch: number, iv: number, type: number, withinTarget: boolean): void {
    const k = ch * this.I + iv;
    this.channel.abandoned[k] += 1;
    if (withinTarget) this.channel.abandonedWithinTarget[k] += 1;
    if (type >= 0) {
      this.type.abandoned[type] += 1;
      if (withinTarget) this.type.abandonedWithinTarget[type] += 1;
    }
  }

  /** A contact of arrival interval iv queued at tier 1 (it found no free agent). */
  queue(ch: number, iv: number, type: number): void {
    this.channel.queued[ch * this.I + iv] += 1;
    if (type >= 0) this.type.queued[type] += 1;
  }

  /** The longest live queue and backlog seen in the interval containing t. */
  queueLengths(ch: number, t: number, live: number, backlog: number): void {
    const iv = this.intervalOf(t);
    if (iv < 0) return;
    const k = ch * this.I + iv;
    if (live > this.channel.maxQueue[k]) this.channel.maxQueue[k] = live;
    if (backlog > this.channel.backlogMax[k]) this.channel.backlogMax[k] = backlog;
  }

  /** Single-type channels' type counters and tier 1's, from the channel counters (see the constructor). */
  private fillDerivedCounters(): void {
    const c = this.channel;
    const I = this.I;
    const pairs: [TypeCounter, ChannelCounter][] = [
      ['offered', 'offered'], ['handled', 'handled'], ['abandoned', 'abandoned'], ['answeredWithinTarget', 'answeredWithinTarget'],
      ['abandonedWithinTarget', 'abandonedWithinTarget'], ['queued', 'queued'], ['waitSumSec', 'waitSumSec'],
      ['handleSumSec', 'handleSumSec'], ['escalated', 'escalated'], ['repeats', 'repeats'],
    ];
    for (let ch = 0; ch < this.C; ch++) {
      const t = this.singleType[ch];
      if (t >= 0) for (const [tn, cn] of pairs) this.type[tn][t] = channelSum(c[cn], I, ch);
    }
    const T = this.tier;
    T.entered[0] = channelSum(c.offered, I, -1);
    T.handled[0] = channelSum(c.handled, I, -1);
    T.abandoned[0] = channelSum(c.abandoned, I, -1);
    T.withinTarget[0] = channelSum(c.answeredWithinTarget, I, -1);
    T.abandonedWithinTarget[0] = channelSum(c.abandonedWithinTarget, I, -1);
    T.waitSumSec[0] = channelSum(c.waitSumSec, I, -1);
    T.handleSumSec[0] = channelSum(c.handleSumSec, I, -1);
    T.resolved[0] = T.handled[0] - T.escalated[0];
  }

  /** Adds agent busy time on a channel over [from, to), clipped to the recorded day, split by interval. */
  busy(g: number, ch: number, from: number, to: number): void {
    // Most busy periods lie inside one recorded interval: add them without the general walk.
    if (from >= 0 && to <= this.horizonSec) {
      const iv = Math.floor(from / this.intervalSec);
      if (to <= (iv + 1) * this.intervalSec) {
        this.busySec[(g * this.C + ch) * this.I + iv] += to - from;
        return;
      }
    }
    this.spread(this.busySec, (g * this.C + ch) * this.I, from, to);
  }

  available(g: number, from: number, to: number): void {
    this.spread(this.group.availableSec, g * this.I, from, to);
  }

  scheduled(g: number, from: number, to: number): void {
    this.spread(this.group.scheduledSec, g * this.I, from, to);
  }

  overtime(g: number, from: number, to: number): void {
    this.spread(this.group.overtimeSec, g * this.I, from, to);
  }

  private spread(target: Float64Array, base: number, from: number, to: number): void {
    let a = from < 0 ? 0 : from;
    const b = to > this.horizonSec ? this.horizonSec : to;
    while (a < b) {
      const iv = Math.floor(a / this.intervalSec);
      const end = Math.min(b, (iv + 1) * this.intervalSec);
      target[base + iv] += end - a;
      a = end;
    }
  }

  /** Freezes the counters into plain data; the histograms are reduced to percentiles. */
  finish(meta: { replication: number; seed: number; events: number; contacts: number; waitingAtEnd: Float64Array }): ReplicationCounters {
    const P = WAIT_PERCENTILES.length;
    const waitPctInterval = new Float64Array(this.C * this.I * P);
    const waitPctChannel = new Float64Array(this.C * P);
    const overall = this.overallHistogram;
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
      if (this.C > 1) overall.add(channel);
    }
    const waitPctOverall = new Float64Array(P);
    if (this.C > 1) writePercentiles(overall, waitPctOverall, 0);
    else waitPctOverall.set(waitPctChannel.subarray(0, P)); // one channel: the center is the channel
    this.fillDerivedCounters();
    return {
      ...meta,
      channelCount: this.C, groupCount: this.G, intervalCount: this.I, typeCount: this.type.offered.length,
      channel: this.channel, type: this.type, tier: this.tier, group: this.group, busySec: this.busySec,
      waitPctInterval, waitPctChannel, waitPctOverall,
    };
  }
}

/** Sum of a channel × interval counter over channel ch (all channels when ch < 0). */
function channelSum(a: Float64Array, I: number, ch: number): number {
  let s = 0;
  const from = ch < 0 ? 0 : ch * I;
  const to = ch < 0 ? a.length : from + I;
  for (let k = from; k < to; k++) s += a[k];
  return s;
}
