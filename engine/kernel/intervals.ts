/**
 * Time of day: interval boundaries (one event at the start of every interval and one at the
 * horizon) and channel openings (open hours, one event per day and channel).
 */
import { EventKind, EventPriority } from '../calendar.js';
import { DAY_SEC } from '../time.js';
import { disconnectAtClose } from './closing.js';
import { takeFromQueue } from './queueing.js';
import { runDialer } from './dialer.js';
import { findWork, NO_PICK } from './router.js';
import { fillSlots } from './service.js';
import type { KernelState } from './state.js';

/**
 * Interval i begins (i = intervalCount: the recorded day ends): the backlog's age closes
 * interval i − 1, the queues it hands over count in interval i's maxima; at the horizon
 * deferred work stops being picked up, and channels that disconnect at the close cut off their
 * waiting live contacts (closing.ts).
 */
export function beginInterval(k: KernelState, i: number, now: number): void {
  const I = k.model.intervalCount;
  if (i > 0) {
    for (let ch = 0; ch < k.model.channels.length; ch++) {
      if (k.backlog[ch] > 0) k.recorder.channel.backlogAgeP90Sec[ch * I + i - 1] = k.backlogAges.p90(k.routing, k.queues, k.contacts, ch, now);
    }
  }
  k.recorder.openInterval(i, now, k.liveWaiting, k.backlog);
  if (i >= I) {
    k.closed = true;
    disconnectAtClose(k, now);
    return;
  }
  k.calendar.schedule((i + 1) * k.model.intervalSec, EventPriority.Boundary, EventKind.Boundary, i + 1);
  // A new interval: a new dial-rate budget (and at a day's start a new list) for the campaigns.
  if (k.outbound !== null) runDialer(k, now);
}

/** Schedules channel ch's first opening at or after `from` (open hours recur daily; none at or after the horizon). */
export function scheduleOpening(k: KernelState, ch: number, from: number): void {
  const open = k.model.channels[ch].openHours;
  if (open === null) return;
  let at = Math.floor(from / DAY_SEC) * DAY_SEC + open.startSec;
  if (at < from) at += DAY_SEC;
  if (at < k.horizonSec) k.calendar.schedule(at, EventPriority.Opening, EventKind.Opening, ch);
}

/** Channel ch opens: its waiting work becomes workable at this instant, for idle agents and open chat slots. */
export function open(k: KernelState, ch: number, now: number): void {
  const A = k.agents;
  for (const g of k.tables.groupsOfChannel[ch]) {
    for (const a of A.idle[g].validAgents(A.stamp)) {
      const p = findWork(k, a, now);
      if (p === NO_PICK) continue;
      takeFromQueue(k, a, p, now);
      fillSlots(k, a, now);
    }
    for (const a of A.openSlotAgents(g)) fillSlots(k, a, now);
  }
  scheduleOpening(k, ch, now + 1);
}
