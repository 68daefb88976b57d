/**
 * The Recorder: streaming counters of one replication (STYLE habit 8 — the engine records,
 * `reports/` turns counters into KPIs). Memory is fixed by the model's shape (channels ×
 * groups × intervals), never by the horizon's length in contacts: waits go to bounded-memory
 * HDR histograms (engine/waitHistograms.ts).
 *
 * Contact-based figures (offered, answered, waits, abandons, escalations…) are attributed to
 * the interval in which the contact *arrived*, as WFM reports do; time-based figures (busy,
 * available, scheduled, overtime, chat session time, the queue's time integral and its
 * maximum) to the interval in which the time was spent.
 *
 * The interval being recorded is set by the kernel's boundary events (`openInterval`): −1 in
 * the warm-up and after the horizon, when nothing time-based is recorded.
 */
import type { CampaignCounter } from './kernel/campaigns.js';
import { recordTicks, TICKS_PER_SEC, WAIT_PERCENTILES, writePercentiles, type Histogram, type WaitHistograms } from './waitHistograms.js';

/** Counters kept per channel × interval (index `ch * intervalCount + iv`). */
export const CHANNEL_COUNTERS = [
  'offered', 'handled', 'abandoned', 'answeredWithinTarget', 'abandonedWithinTarget', 'queued', 'waited',
  'waitSumSec', 'handleSumSec', 'maxQueue', 'deflected', 'repeats', 'retrials', 'callbacks', 'escalated',
  'overflowed', 'backlogMax', 'backlogAgeP90Sec',
  // Contacts still open at the end whose target deadline lies beyond the horizon (censored).
  'pending',
  // Time abandoners waited, summed (for the mean wait over every contact that left the queue).
  'abandonWaitSumSec',
  // ∫ live queue length dt over the interval (its time average is this ÷ the interval length).
  'queueAreaSec',
  // Chat session time (concurrent channels only), summed over sessions.
  'sessionSec',
  // Arrivals refused for want of a line or queue room (never offered), and the time the
  // interval's arrivals held a trunk line, summed (carried trunk traffic × interval length).
  'blocked', 'lineHoldSec',
  // Retrials as the same caller (engine/kernel/sameCaller.ts), in the interval of the first
  // attempt: callers, those answered, answered within T of the first attempt, their waits summed.
  'customers', 'customersAnswered', 'customersWithinTarget', 'customerWaitSumSec',
  // Contacts that reached the channel's maximum wait (either way out), those of them that left a
  // message, and live contacts cut off at the close (engine/kernel/maxWait.ts, closing.ts).
  'maxWaitExits', 'messages', 'disconnected',
  // After-contact work (wrap-up) of the Tier-1 answers, summed; it is also inside handleSumSec
  // (AHT = talk + wrap-up), so talk time is handleSumSec − acwSumSec.
  'acwSumSec',
  // Transfers of the channel's contacts dropped at Tier 2/3 for want of a free agent (ifNoAgent: disconnect).
  'transferDisconnected',
  // Conferences (engine/kernel/conference.ts): calls a second agent joined, calls that wanted one
  // and found none idle, and the second agents' time on the calls, summed.
  'conferences', 'conferencesSkipped', 'conferenceSumSec',
] as const;
export type ChannelCounter = (typeof CHANNEL_COUNTERS)[number];

/** Counters kept per contact type (index into the flattened list of every channel's types). */
export const TYPE_COUNTERS = [
  'offered', 'handled', 'abandoned', 'answeredWithinTarget', 'abandonedWithinTarget', 'queued', 'waitSumSec',
  'handleSumSec', 'escalated', 'repeats', 'pending',
] as const;
export type TypeCounter = (typeof TYPE_COUNTERS)[number];

/** Counters kept per tier (index 0–2 for tiers 1–3). */
export const TIER_COUNTERS = [
  'entered', 'handled', 'abandoned', 'withinTarget', 'abandonedWithinTarget', 'resolved', 'escalated',
  'waitSumSec', 'handleSumSec', 'pending', 'transferDisconnected',
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
  /** Over the live channels (voice, chat, messaging), and over the deferred ones (email, social). */
  readonly waitPctOverall: Float64Array; // p
  readonly waitPctDeferred: Float64Array; // p
  /** Contacts still waiting when the run ended, per channel (deferred backlog, stranded calls). */
  readonly waitingAtEnd: Float64Array;
  /** Outbound campaigns (issue 13): how many, and their counters per campaign × interval (engine/kernel/campaigns.ts); absent without campaigns. */
  readonly campaignCount?: number;
  readonly campaign?: Readonly<Record<CampaignCounter, Float64Array>>;
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

/**
 * One typed array per name. Built in one step (`Object.fromEntries`), not by adding the names
 * one at a time: V8 turns an object that gains more than a dozen properties through computed
 * keys into a hash table (dictionary mode), and then every `channel.queued` or
 * `channel.queueAreaSec` on the kernel's path is a hash lookup — it cost about 3.4% of the M/M/c
 * case's instructions. The test in test/engine/recorder.test.ts checks the shape stays fast.
 */
function counters<K extends string>(names: readonly K[], size: number, arena: Arena): Record<K, Float64Array> {
  return Object.fromEntries(names.map((n) => [n, arena.take(size)])) as Record<K, Float64Array>;
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
  private readonly deferredHistogram: Histogram;
  /** Per channel: 1 for deferred work (email, social). */
  private readonly deferred: Uint8Array;
  /** The interval whose time-based figures are being recorded; −1 outside the recorded day. */
  private current = -1;
  /** Per channel: the live queue's length and since when, for its time integral. */
  private readonly liveLevel: Float64Array;
  private readonly liveSince: Float64Array;
  // Hot counters, held directly so the kernel's most frequent updates skip a lookup.
  private readonly offered: Float64Array;
  private readonly handled: Float64Array;
  private readonly waited: Float64Array;
  private readonly waitSum: Float64Array;
  private readonly handleSum: Float64Array;
  private readonly withinTarget: Float64Array;

  /**
   * Per channel: the global index of its first type (types are numbered channel by channel).
   * Methods take a channel's *own* type index. A single-type channel's type counters (and
   * tier 1's) equal sums of its channel counters, so they are filled in at the end instead of
   * counted contact by contact (`fillDerivedCounters`) — a saving on the hottest path that
   * stays inside the recorder (`countsTypes` says which channels count per contact).
   */
  private readonly firstType: Int32Array;
  private readonly countsTypes: Uint8Array;

  /** `typesPerChannel[ch]`: how many contact types channel ch has (≥ 1); `deferred[ch]` 1 for email-like work. */
  constructor(channels: number, groups: number, intervals: number, intervalSec: number, typesPerChannel: Int32Array, deferred: Uint8Array, waits: WaitHistograms) {
    this.firstType = new Int32Array(channels);
    this.countsTypes = new Uint8Array(channels);
    let types = 0;
    for (let ch = 0; ch < channels; ch++) {
      this.firstType[ch] = types;
      this.countsTypes[ch] = typesPerChannel[ch] > 1 ? 1 : 0;
      types += typesPerChannel[ch];
    }
    this.deferred = deferred;
    this.liveLevel = new Float64Array(channels);
    this.liveSince = new Float64Array(channels);
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
    this.deferredHistogram = waits.deferred;
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

  /** The global type index of channel ch's type `ownType`, or −1 when the channel's one type is counted at the end. */
  private typeOf(ch: number, ownType: number): number {
    return this.countsTypes[ch] === 1 ? this.firstType[ch] + ownType : -1;
  }

  /** A repeat contact (not resolved first time) of arrival interval iv comes back. */
  repeat(ch: number, iv: number, ownType: number): void {
    this.channel.repeats[ch * this.I + iv] += 1;
    const type = this.typeOf(ch, ownType);
    if (type >= 0) this.type.repeats[type] += 1;
  }

  /** A contact of arrival interval iv escalates from tier `fromTier` (1 or 2) to the next. */
  escalation(fromTier: number, ch: number, iv: number, ownType: number): void {
    const T = this.tier;
    T.escalated[fromTier - 1] += 1;
    T.entered[fromTier] += 1;
    if (fromTier !== 1) return;
    this.channel.escalated[ch * this.I + iv] += 1;
    const type = this.typeOf(ch, ownType);
    if (type >= 0) this.type.escalated[type] += 1;
  }

  /** Adds 1 (or `n`) to a channel × interval counter. */
  count(name: ChannelCounter, ch: number, iv: number, n = 1): void {
    this.channel[name][ch * this.I + iv] += n;
  }

  offer(ch: number, iv: number, ownType: number): void {
    const type = this.typeOf(ch, ownType);
    this.offered[ch * this.I + iv] += 1;
    if (type >= 0) this.type.offered[type] += 1;
  }

  /** A contact is answered at tier 1 after `waitSec`; `withinTarget` for live queues only. */
  answer(ch: number, iv: number, ownType: number, g: number, waitSec: number, handleSec: number, withinTarget: boolean): void {
    const type = this.typeOf(ch, ownType);
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
      recordTicks(this.histograms[k], ticks);
      recordTicks(this.channelHistograms[ch], ticks);
    }
    this.groupAnswer(g, iv, handleSec);
  }

  /** Group g answered a contact of arrival interval iv (at any tier). */
  private groupAnswer(g: number, iv: number, handleSec: number): void {
    const gk = g * this.I + iv;
    this.group.handled[gk] += 1;
    this.group.handleSumSec[gk] += handleSec;
  }

  /** An answer at tier 2 or 3 (index 1–2) by group g: `waitSec` counts from the escalation. */
  answerAtTier(tierIndex: number, g: number, iv: number, waitSec: number, handleSec: number, withinTarget: boolean): void {
    const T = this.tier;
    T.handled[tierIndex] += 1;
    T.waitSumSec[tierIndex] += waitSec;
    T.handleSumSec[tierIndex] += handleSec;
    if (withinTarget) T.withinTarget[tierIndex] += 1;
    this.groupAnswer(g, iv, handleSec);
  }

  /** A deferred tier-1 contact (email) is finished: its service level counts resolution time. */
  resolveDeferred(ch: number, iv: number, ownType: number): void {
    const type = this.typeOf(ch, ownType);
    this.withinTarget[ch * this.I + iv] += 1;
    if (type >= 0) this.type.answeredWithinTarget[type] += 1;
  }

  abandon(ch: number, iv: number, ownType: number, waitSec: number, withinTarget: boolean): void {
    const type = this.typeOf(ch, ownType);
    const k = ch * this.I + iv;
    this.channel.abandoned[k] += 1;
    this.channel.abandonWaitSumSec[k] += waitSec;
    if (withinTarget) this.channel.abandonedWithinTarget[k] += 1;
    if (type >= 0) {
      this.type.abandoned[type] += 1;
      if (withinTarget) this.type.abandonedWithinTarget[type] += 1;
    }
  }

  /** A contact of arrival interval iv queued at tier 1 (it found no free agent). */
  queue(ch: number, iv: number, ownType: number): void {
    const type = this.typeOf(ch, ownType);
    this.channel.queued[ch * this.I + iv] += 1;
    if (type >= 0) this.type.queued[type] += 1;
  }

  /** A contact of arrival interval iv is still open at the end with its deadline past the horizon. */
  pending(ch: number, iv: number, ownType: number): void {
    const type = this.typeOf(ch, ownType);
    this.channel.pending[ch * this.I + iv] += 1;
    if (type >= 0) this.type.pending[type] += 1;
  }

  /**
   * Interval k begins at `now` (k = intervalCount: the recorded day ends). The live queues'
   * time integrals are closed up to now, and the queue and backlog a new interval inherits
   * count towards its maxima: a backlog carried over with no new arrivals is still a backlog.
   */
  openInterval(k: number, now: number, live: Float64Array, backlog: Float64Array): void {
    for (let ch = 0; ch < this.C; ch++) this.liveQueue(ch, now, this.liveLevel[ch]);
    this.current = k < this.I ? k : -1;
    if (this.current < 0) return;
    for (let ch = 0; ch < this.C; ch++) {
      this.liveQueue(ch, now, live[ch]);
      this.backlogLevel(ch, backlog[ch]);
    }
  }

  /** Channel ch's live queue is now `length` long: its time integral and maximum are updated. */
  liveQueue(ch: number, now: number, length: number): void {
    const iv = this.current;
    if (iv >= 0) {
      const k = ch * this.I + iv;
      this.channel.queueAreaSec[k] += this.liveLevel[ch] * (now - this.liveSince[ch]);
      if (length > this.channel.maxQueue[k]) this.channel.maxQueue[k] = length;
    }
    this.liveLevel[ch] = length;
    this.liveSince[ch] = now;
  }

  /** Channel ch's deferred backlog is now `length` long. */
  backlogLevel(ch: number, length: number): void {
    const iv = this.current;
    if (iv < 0) return;
    const k = ch * this.I + iv;
    if (length > this.channel.backlogMax[k]) this.channel.backlogMax[k] = length;
  }

  /** Single-type channels' type counters and tier 1's, from the channel counters (see the constructor). */
  private fillDerivedCounters(): void {
    const c = this.channel;
    const I = this.I;
    const pairs: [TypeCounter, ChannelCounter][] = [
      ['offered', 'offered'], ['handled', 'handled'], ['abandoned', 'abandoned'], ['answeredWithinTarget', 'answeredWithinTarget'],
      ['abandonedWithinTarget', 'abandonedWithinTarget'], ['queued', 'queued'], ['waitSumSec', 'waitSumSec'],
      ['handleSumSec', 'handleSumSec'], ['escalated', 'escalated'], ['repeats', 'repeats'], ['pending', 'pending'],
    ];
    for (let ch = 0; ch < this.C; ch++) {
      if (this.countsTypes[ch] === 1) continue;
      for (const [tn, cn] of pairs) this.type[tn][this.firstType[ch]] = channelSum(c[cn], I, ch);
    }
    const T = this.tier;
    T.entered[0] = channelSum(c.offered, I, -1);
    T.handled[0] = channelSum(c.handled, I, -1);
    T.abandoned[0] = channelSum(c.abandoned, I, -1);
    T.withinTarget[0] = channelSum(c.answeredWithinTarget, I, -1);
    T.abandonedWithinTarget[0] = channelSum(c.abandonedWithinTarget, I, -1);
    T.waitSumSec[0] = channelSum(c.waitSumSec, I, -1);
    T.handleSumSec[0] = channelSum(c.handleSumSec, I, -1);
    T.pending[0] = channelSum(c.pending, I, -1);
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

  /** A chat session of channel ch ran over [from, to) (slot occupancy), clipped to the recorded day. */
  session(ch: number, from: number, to: number): void {
    this.spread(this.channel.sessionSec, ch * this.I, from, to);
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
    for (let ch = 0; ch < this.C; ch++) {
      const channel = this.channelHistograms[ch];
      let zeros = 0;
      for (let iv = 0; iv < this.I; iv++) {
        const k = ch * this.I + iv;
        const z = this.handled[k] - this.waited[k];
        if (z > 0) this.histograms[k].recordValueWithCount(0, z);
        zeros += z;
      }
      // Read after every zero is in: intervals of one period may share a histogram
      // (engine/waitHistograms.ts), and then each of them gets the period's percentiles.
      for (let iv = 0; iv < this.I; iv++) {
        const k = ch * this.I + iv;
        if (iv > 0 && this.histograms[k] === this.histograms[k - 1]) waitPctInterval.copyWithin(k * P, (k - 1) * P, k * P);
        else writePercentiles(this.histograms[k], waitPctInterval, k * P);
      }
      if (zeros > 0) channel.recordValueWithCount(0, zeros);
      writePercentiles(channel, waitPctChannel, ch * P);
    }
    const waitPctOverall = this.mergedPercentiles(0, this.overallHistogram, waitPctChannel);
    const waitPctDeferred = this.mergedPercentiles(1, this.deferredHistogram, waitPctChannel);
    this.fillDerivedCounters();
    return {
      ...meta,
      channelCount: this.C, groupCount: this.G, intervalCount: this.I, typeCount: this.type.offered.length,
      channel: this.channel, type: this.type, tier: this.tier, group: this.group, busySec: this.busySec,
      waitPctInterval, waitPctChannel, waitPctOverall, waitPctDeferred,
    };
  }

  /** Percentiles over the channels whose `deferred` flag is `kind` (one channel: its own, no merge). */
  private mergedPercentiles(kind: number, into: Histogram, perChannel: Float64Array): Float64Array {
    const P = WAIT_PERCENTILES.length;
    const out = new Float64Array(P).fill(NaN);
    const members: number[] = [];
    for (let ch = 0; ch < this.C; ch++) if (this.deferred[ch] === kind) members.push(ch);
    if (members.length === 1) out.set(perChannel.subarray(members[0] * P, members[0] * P + P));
    else if (members.length > 1) {
      for (const ch of members) into.add(this.channelHistograms[ch]);
      writePercentiles(into, out, 0);
    }
    return out;
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
