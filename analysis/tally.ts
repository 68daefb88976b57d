/**
 * Sums of one replication's counters over a scope (one channel in one interval, one channel
 * over the day, all channels...), from which the KPIs of DESIGN §3 are computed. Counts add
 * up across intervals and channels; percentiles do not, so they are looked up per scope.
 */
import type { ReplicationCounters } from '../engine/recorder.js';

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
  deflected: number;
  repeats: number;
  retrials: number;
  callbacks: number;
  escalated: number;
  overflowed: number;
  backlogMax: number;
  /** The worst (largest) interval-end p90 backlog age in the scope; NaN without backlog. */
  backlogAgeP90Sec: number;
  busySec: number;
  /** Agent time and cost attributed to this scope (see `addChannel`). */
  availableSec: number;
  scheduledSec: number;
  overtimeSec: number;
  cost: number;
  /** Contacts still open at the end with their deadline past the horizon (censored). */
  pending: number;
  abandonWaitSumSec: number;
  /** ∫ live queue length dt. */
  queueAreaSec: number;
  /** Session time (chat) or busy time (one session per agent), and the session slots' time. */
  sessionSec: number;
  slotCapacitySec: number;
  /** Arrivals refused for want of a line or queue room; the time arrivals held trunk lines. */
  blocked: number;
  lineHoldSec: number;
  /** Contacts that reached the maximum wait, those of them that left a message, and those disconnected at the close. */
  maxWaitExits: number;
  messages: number;
  disconnected: number;
  /** After-contact work of the answers, summed (also inside handleSumSec: AHT = talk + wrap-up). */
  acwSumSec: number;
  /** Transfers of the scope's contacts dropped at Tier 2/3 for want of a free agent. */
  transferDisconnected: number;
  /** Calls a second agent joined, calls that found none idle, and the second agents' time on them. */
  conferences: number;
  conferencesSkipped: number;
  conferenceSumSec: number;
}

export function emptyTally(): Tally {
  return {
    offered: 0, handled: 0, abandoned: 0, answeredWithinTarget: 0, abandonedWithinTarget: 0, queued: 0, waited: 0,
    waitSumSec: 0, handleSumSec: 0, maxQueue: 0, deflected: 0, repeats: 0, retrials: 0, callbacks: 0, escalated: 0,
    overflowed: 0, backlogMax: 0, backlogAgeP90Sec: NaN, busySec: 0, availableSec: 0, scheduledSec: 0, overtimeSec: 0, cost: 0,
    pending: 0, abandonWaitSumSec: 0, queueAreaSec: 0, sessionSec: 0, slotCapacitySec: 0, blocked: 0, lineHoldSec: 0,
    maxWaitExits: 0, messages: 0, disconnected: 0, acwSumSec: 0, transferDisconnected: 0,
    conferences: 0, conferencesSkipped: 0, conferenceSumSec: 0,
  };
}

const SUMMED = [
  'offered', 'handled', 'abandoned', 'answeredWithinTarget', 'abandonedWithinTarget', 'queued', 'waited', 'waitSumSec',
  'handleSumSec', 'deflected', 'repeats', 'retrials', 'callbacks', 'escalated', 'overflowed', 'pending',
  'abandonWaitSumSec', 'queueAreaSec', 'blocked', 'lineHoldSec', 'maxWaitExits', 'messages', 'disconnected', 'acwSumSec', 'transferDisconnected',
  'conferences', 'conferencesSkipped', 'conferenceSumSec',
] as const;

/** The shape of a model the tallies need: who serves which channel, and what an agent-hour costs. */
export interface Staffing {
  /** Groups serving each channel. */
  readonly servedBy: readonly (readonly number[])[];
  /** Number of channels each group serves. */
  readonly channelsOfGroup: readonly number[];
  readonly costPerHour: readonly number[];
  /** Sessions an agent holds at once, per channel (1 but for chat and messaging). */
  readonly concurrency: readonly number[];
}

/** Agent busy time of group g in interval iv, over all its channels. */
function groupBusy(r: ReplicationCounters, g: number, iv: number): number {
  let busy = 0;
  for (let ch = 0; ch < r.channelCount; ch++) busy += r.busySec[(g * r.channelCount + ch) * r.intervalCount + iv];
  return busy;
}

/** Cost of group g's agents in interval iv: scheduled plus overtime hours at the hourly rate. */
function groupCost(r: ReplicationCounters, s: Staffing, g: number, iv: number): number {
  const k = g * r.intervalCount + iv;
  return ((r.group.scheduledSec[k] + r.group.overtimeSec[k]) / 3600) * (s.costPerHour[g] ?? 0);
}

/**
 * Adds channel ch in intervals [from, to). Agent time and cost are attributed to a channel in
 * proportion to the busy time each group spent on it (a group idle the whole interval splits
 * its time evenly between the channels it serves), so a channel's occupancy is its busy time
 * over the agent time it drew on; with one channel per group this is exactly the group's.
 *
 * Each counter is looked up by name once per call, not once per interval (a week of hourly
 * intervals made the lookups most of a sweep's report time); every sum still runs interval
 * by interval, so the figures are the same to the last bit as adding one interval at a time.
 */
export function addChannelIntervals(t: Tally, r: ReplicationCounters, ch: number, from: number, to: number, s: Staffing): void {
  const base = ch * r.intervalCount;
  for (const name of SUMMED) {
    const counts = r.channel[name];
    let sum = t[name];
    for (let iv = from; iv < to; iv++) sum += counts[base + iv];
    t[name] = sum;
  }
  const { maxQueue, backlogMax, backlogAgeP90Sec, sessionSec } = r.channel;
  const slots = s.concurrency[ch] ?? 1;
  for (let iv = from; iv < to; iv++) {
    const k = base + iv;
    t.maxQueue = Math.max(t.maxQueue, maxQueue[k]);
    t.backlogMax = Math.max(t.backlogMax, backlogMax[k]);
    const age = backlogAgeP90Sec[k];
    if (Number.isFinite(age) && !(age <= t.backlogAgeP90Sec)) t.backlogAgeP90Sec = age;
    // The kernel records session time for concurrent channels; otherwise a session is the agent's busy time.
    if (slots > 1) t.sessionSec += sessionSec[k] ?? 0;
    for (const g of s.servedBy[ch] ?? []) {
      const busy = r.busySec[(g * r.channelCount + ch) * r.intervalCount + iv];
      const total = groupBusy(r, g, iv);
      const share = total > 0 ? busy / total : 1 / (s.channelsOfGroup[g] ?? 1);
      const gk = g * r.intervalCount + iv;
      t.busySec += busy;
      if (slots === 1) t.sessionSec += busy;
      t.slotCapacitySec += r.group.availableSec[gk] * share * slots;
      t.availableSec += r.group.availableSec[gk] * share;
      t.scheduledSec += r.group.scheduledSec[gk] * share;
      t.overtimeSec += r.group.overtimeSec[gk] * share;
      t.cost += groupCost(r, s, g, iv) * share;
    }
  }
}

/** Adds channel ch in interval iv (`addChannelIntervals` over that one interval). */
export function addChannel(t: Tally, r: ReplicationCounters, ch: number, iv: number, s: Staffing): void {
  addChannelIntervals(t, r, ch, iv, iv + 1, s);
}

/** Adds group g in interval iv (time-based figures, cost and the contacts it answered). */
export function addGroup(t: Tally, r: ReplicationCounters, g: number, iv: number, s: Staffing): void {
  const k = g * r.intervalCount + iv;
  t.handled += r.group.handled[k];
  t.handleSumSec += r.group.handleSumSec[k];
  t.busySec += groupBusy(r, g, iv);
  t.availableSec += r.group.availableSec[k];
  t.scheduledSec += r.group.scheduledSec[k];
  t.overtimeSec += r.group.overtimeSec[k];
  t.cost += groupCost(r, s, g, iv);
}
