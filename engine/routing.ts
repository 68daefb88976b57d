/**
 * Who can serve what, compiled once per model into flat arrays (CSR adjacency lists).
 *
 * Queues: one per (channel, contact type, tier) plus one callback queue per (channel, type).
 * For every queue, the groups that may take its contacts, by the skill's `groupRank` (the
 * contact's preference; `rank` when absent), then overflow delay, then the order the scenario
 * lists them; for every group, the queues it may take from, by the skill's `rank` (the agent's
 * preference) then priority. Two orders, as the Java ContactCenters library's type-to-group
 * and group-to-type rank matrices; one `rank` sets both unless `groupRank` is given. A freed agent picks the head of its best queue: lowest rank, then highest
 * priority (P1 first), then the contact that has waited longest — ties go to list order,
 * never to chance.
 */
import type { ChannelModel, Model } from './model.js';

/** Callback work is served after live contacts of every priority (P1–P4). */
export const CALLBACK_PRIORITY = 5;

const QUEUES_PER_TYPE = 4; // tiers 1–3, then the callback queue

const cache = new WeakMap<Model, RoutingTable>();

/** The routing table of a model, built once per model (it depends on nothing random). */
export function routingOf(model: Model): RoutingTable {
  let table = cache.get(model);
  if (table === undefined) {
    table = new RoutingTable(model);
    cache.set(model, table);
  }
  return table;
}

export class RoutingTable {
  readonly queueCount: number;
  readonly queueChannel: Int32Array;
  readonly queueType: Int32Array;
  /** 1–3. */
  readonly queueTier: Int32Array;
  readonly queuePriority: Int32Array;
  /** Deferred work: nobody abandons, service level counts contacts finished within the target. */
  readonly queueDeferred: Uint8Array;
  readonly queueIsCallback: Uint8Array;
  readonly queueTargetSec: Float64Array;
  /** Neither deferred nor limited to open hours: always workable (the kernel's fast path). */
  readonly queueAlwaysWorkable: Uint8Array;
  /** First queue of each channel. */
  private readonly channelBase: Int32Array;
  /** queueGroups[queueGroupStart[q] .. queueGroupStart[q + 1]) with the contact's rank of the group (`groupRank`) and overflow delay. */
  readonly queueGroupStart: Int32Array;
  readonly queueGroups: Int32Array;
  readonly queueGroupRank: Int32Array;
  readonly queueGroupAfterSec: Float64Array;
  /** groupQueues[groupQueueStart[g] .. groupQueueStart[g + 1]) with rank and overflow delay. */
  readonly groupQueueStart: Int32Array;
  readonly groupQueues: Int32Array;
  readonly groupQueueRank: Int32Array;
  readonly groupQueueAfterSec: Float64Array;
  /** Distinct positive overflow delays of each queue, ascending (CSR). */
  readonly overflowStart: Int32Array;
  readonly overflowSec: Float64Array;

  constructor(model: Model) {
    const C = model.channels.length;
    this.channelBase = new Int32Array(C + 1);
    for (let ch = 0; ch < C; ch++) this.channelBase[ch + 1] = this.channelBase[ch] + model.channels[ch].types.length * QUEUES_PER_TYPE;
    const Q = this.channelBase[C];
    this.queueCount = Q;
    this.queueChannel = new Int32Array(Q);
    this.queueType = new Int32Array(Q);
    this.queueTier = new Int32Array(Q);
    this.queuePriority = new Int32Array(Q);
    this.queueDeferred = new Uint8Array(Q);
    this.queueIsCallback = new Uint8Array(Q);
    this.queueTargetSec = new Float64Array(Q);
    this.queueAlwaysWorkable = new Uint8Array(Q);
    model.channels.forEach((c, ch) => {
      c.types.forEach((t, ti) => {
        for (let k = 0; k < QUEUES_PER_TYPE; k++) {
          const q = this.channelBase[ch] + ti * QUEUES_PER_TYPE + k;
          const callback = k === 3;
          const tier = callback ? 1 : k + 1;
          const tierModel = model.tiers[tier - 1];
          this.queueChannel[q] = ch;
          this.queueType[q] = ti;
          this.queueTier[q] = tier;
          this.queueIsCallback[q] = callback ? 1 : 0;
          this.queuePriority[q] = callback ? CALLBACK_PRIORITY : t.priority;
          this.queueDeferred[q] = callback || c.deferred || (tier > 1 && tierModel.mode === 'ticket') ? 1 : 0;
          this.queueAlwaysWorkable[q] = this.queueDeferred[q] === 0 && c.openHours === null ? 1 : 0;
          this.queueTargetSec[q] = callback
            ? (c.callback?.targetSec ?? c.targetSec)
            : tier > 1 ? (tierModel.targetSec ?? c.targetSec) : c.targetSec;
        }
      });
    });

    type Link = { q: number; g: number; rank: number; groupRank: number; after: number; order: number };
    const links: Link[] = [];
    model.groups.forEach((group, g) => {
      group.skills.forEach((s, order) => {
        const types = s.type < 0 ? model.channels[s.channel].types.map((_, i) => i) : [s.type];
        for (const ti of types) {
          for (let k = 0; k < QUEUES_PER_TYPE; k++) {
            const q = this.channelBase[s.channel] + ti * QUEUES_PER_TYPE + k;
            // A callback queue only exists for channels that make callbacks (an offer, or the maximum wait's).
            if (k === 3 && !makesCallbacks(model.channels[s.channel])) continue;
            if (this.queueTier[q] === group.tier) links.push({ q, g, rank: s.rank, groupRank: s.groupRank ?? s.rank, after: s.afterSec, order });
          }
        }
      });
    });
    const byQueue = [...links].sort((a, b) => a.q - b.q || a.groupRank - b.groupRank || a.after - b.after || a.g - b.g || a.order - b.order);
    const byGroup = [...links].sort(
      (a, b) => a.g - b.g || a.rank - b.rank || this.queuePriority[a.q] - this.queuePriority[b.q] || a.order - b.order || a.q - b.q,
    );
    this.queueGroupStart = starts(byQueue.map((l) => l.q), Q);
    this.queueGroups = Int32Array.from(byQueue, (l) => l.g);
    this.queueGroupRank = Int32Array.from(byQueue, (l) => l.groupRank);
    this.queueGroupAfterSec = Float64Array.from(byQueue, (l) => l.after);
    this.groupQueueStart = starts(byGroup.map((l) => l.g), model.groups.length);
    this.groupQueues = Int32Array.from(byGroup, (l) => l.q);
    this.groupQueueRank = Int32Array.from(byGroup, (l) => l.rank);
    this.groupQueueAfterSec = Float64Array.from(byGroup, (l) => l.after);
    const delays: number[][] = Array.from({ length: Q }, () => []);
    for (const l of byQueue) if (l.after > 0 && !delays[l.q].includes(l.after)) delays[l.q].push(l.after);
    this.overflowStart = starts(delays.flatMap((d, q) => d.map(() => q)), Q);
    this.overflowSec = Float64Array.from(delays.flatMap((d) => d.sort((a, b) => a - b)));
  }

  /** The queue of (channel, type index, tier 1–3). */
  queueOf(ch: number, type: number, tier: number): number {
    return this.channelBase[ch] + type * QUEUES_PER_TYPE + tier - 1;
  }

  callbackQueueOf(ch: number, type: number): number {
    return this.channelBase[ch] + type * QUEUES_PER_TYPE + 3;
  }

  /** Whether some group can take contacts of this queue at all. */
  isServed(q: number): boolean {
    return this.queueGroupStart[q + 1] > this.queueGroupStart[q];
  }
}

/** CSR offsets for sorted keys in [0, n). */
function starts(sortedKeys: readonly number[], n: number): Int32Array {
  const out = new Int32Array(n + 1);
  for (const k of sortedKeys) out[k + 1]++;
  for (let i = 0; i < n; i++) out[i + 1] += out[i];
  return out;
}

/** Whether a channel's callback queue is used: callbacks offered, or the maximum wait turning into callbacks. */
function makesCallbacks(c: ChannelModel): boolean {
  return c.callback !== null || c.maxWait?.then === 'callback';
}
