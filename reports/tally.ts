/**
 * Sums of one replication's counters over a scope (one channel in one interval, one channel
 * over the day, all channels...), from which the KPIs of DESIGN §3 are computed. Counts add
 * up across intervals and channels; percentiles do not, so they are looked up per scope.
 */
import type { ReplicationCounters } from '../engine/stats.js';

export interface Tally {
  offered: number;
  handled: number;
  abandoned: number;
  answeredWithinTarget: number;
  abandonedWithinTarget: number;
  queued: number;
  waited: number;
  waitSumSec: number;
  handleSumSec: number;
  maxQueue: number;
  busySec: number;
  /** Available and scheduled agent time attributed to this scope (see `addChannel`). */
  availableSec: number;
  scheduledSec: number;
}

export function emptyTally(): Tally {
  return {
    offered: 0, handled: 0, abandoned: 0, answeredWithinTarget: 0, abandonedWithinTarget: 0,
    queued: 0, waited: 0, waitSumSec: 0, handleSumSec: 0, maxQueue: 0, busySec: 0, availableSec: 0, scheduledSec: 0,
  };
}

/** Agent busy time of group g in interval iv, over all its channels. */
function groupBusy(r: ReplicationCounters, g: number, iv: number): number {
  let busy = 0;
  for (let ch = 0; ch < r.channelCount; ch++) busy += r.busySec[(g * r.channelCount + ch) * r.intervalCount + iv];
  return busy;
}

/**
 * Adds channel ch in interval iv. Agent time is attributed to a channel in proportion to the
 * busy time each group spent on it (a group idle the whole interval splits its time evenly
 * between the channels it serves), so a channel's occupancy is its busy time over the agent
 * time it drew on; with one channel per group this is exactly the group's occupancy.
 */
export function addChannel(t: Tally, r: ReplicationCounters, ch: number, iv: number, servedBy: readonly number[][]): void {
  const k = ch * r.intervalCount + iv;
  t.offered += r.offered[k];
  t.handled += r.handled[k];
  t.abandoned += r.abandoned[k];
  t.answeredWithinTarget += r.answeredWithinTarget[k];
  t.abandonedWithinTarget += r.abandonedWithinTarget[k];
  t.queued += r.queued[k];
  t.waited += r.waited[k];
  t.waitSumSec += r.waitSumSec[k];
  t.handleSumSec += r.handleSumSec[k];
  t.maxQueue = Math.max(t.maxQueue, r.maxQueue[k]);
  for (const g of servedBy[ch] ?? []) {
    const busy = r.busySec[(g * r.channelCount + ch) * r.intervalCount + iv];
    const total = groupBusy(r, g, iv);
    const share = total > 0 ? busy / total : 1 / channelsOfGroup(servedBy, g);
    t.busySec += busy;
    t.availableSec += r.availableSec[g * r.intervalCount + iv] * share;
    t.scheduledSec += r.scheduledSec[g * r.intervalCount + iv] * share;
  }
}

function channelsOfGroup(servedBy: readonly number[][], g: number): number {
  let n = 0;
  for (const groups of servedBy) if (groups.includes(g)) n++;
  return n;
}

/** Adds group g in interval iv (time-based figures and contacts it answered). */
export function addGroup(t: Tally, r: ReplicationCounters, g: number, iv: number): void {
  const k = g * r.intervalCount + iv;
  t.handled += r.groupHandled[k];
  t.handleSumSec += r.groupHandleSumSec[k];
  t.busySec += groupBusy(r, g, iv);
  t.availableSec += r.availableSec[k];
  t.scheduledSec += r.scheduledSec[k];
}
