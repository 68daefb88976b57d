/**
 * Queueing: a contact that finds no free agent waits in the queue of its (channel, type, tier)
 * — or the callback queue — with its timers (patience, callback offer, overflow thresholds);
 * leaving the queue (answered, abandoned, moved) retires its entry and timers lazily.
 */
import { EventKind, EventPriority } from '../calendar.js';
import { ContactState, Flag } from '../contacts.js';
import { scheduleMaxWait } from './maxWait.js';
import { findAgent, NO_PICK, pickedIndex, viaOverflow } from './router.js';
import { startHandling } from './service.js';
import type { KernelState } from './state.js';

/** Sends contact c to a free eligible agent, or queues it in q with its timers. */
export function route(k: KernelState, c: number, q: number, now: number): void {
  const p = findAgent(k, q, 0, now);
  const P = k.contacts;
  P.queue[c] = q;
  P.enqueueSec[c] = now;
  if (p !== NO_PICK) startHandling(k, pickedIndex(p), c, now, viaOverflow(p));
  else enqueue(k, c, q, now);
}

/** No free agent: contact c waits in queue q, with its timers. */
function enqueue(k: KernelState, c: number, q: number, now: number): void {
  const P = k.contacts;
  const R = k.routing;
  const ch = R.queueChannel[q];
  const token = k.nextToken++;
  P.token[c] = token;
  P.state[c] = ContactState.Waiting;
  k.queues[q].push(c, token);
  if (R.queueDeferred[q] === 1) k.recorder.backlogLevel(ch, ++k.backlog[ch]);
  else k.recorder.liveQueue(ch, now, ++k.liveWaiting[ch]);
  const iv = P.interval[c];
  // P(wait) counts a contact once: a caller moved to the callback queue has already waited.
  if (P.tier[c] === 1 && iv >= 0 && (P.flags[c] & Flag.Queued) === 0) {
    P.flags[c] |= Flag.Queued;
    k.recorder.queue(ch, iv, P.type[c]);
  }
  setTimers(k, c, q, now);
}

/**
 * Contact c's timers in queue q: patience (live queues; a fresh patience per tier), the
 * callback offer (tier 1, callers who accept one), the maximum wait (tier 1, channels with
 * one: maxWait.ts), the first overflow threshold.
 */
function setTimers(k: KernelState, c: number, q: number, now: number): void {
  const P = k.contacts;
  const R = k.routing;
  const cal = k.calendar;
  P.abandonSeq[c] = -1;
  P.callbackSeq[c] = -1;
  P.overflowSeq[c] = -1;
  P.maxWaitSeq[c] = -1;
  if (R.queueDeferred[q] === 0) {
    const tier = P.tier[c];
    const patience = tier === 1 ? P.patienceSec[c] : tier === 2 ? P.patience2Sec[c] : P.patience3Sec[c];
    if (patience !== Infinity) P.abandonSeq[c] = cal.schedule(now + patience, EventPriority.Abandon, EventKind.Abandon, c);
    const callback = k.model.channels[R.queueChannel[q]].callback;
    if (callback !== null && tier === 1 && (P.flags[c] & Flag.AcceptsCallback) !== 0) {
      P.callbackSeq[c] = cal.schedule(now + callback.afterSec, EventPriority.CallbackOffer, EventKind.Callback, c);
    }
    if (tier === 1) scheduleMaxWait(k, c, R.queueChannel[q]);
  }
  const first = R.overflowStart[q];
  if (first < R.overflowStart[q + 1]) {
    P.overflowStep[c] = 0;
    P.overflowSeq[c] = cal.schedule(now + R.overflowSec[first], EventPriority.Overflow, EventKind.Overflow, c);
  }
}

/** Takes waiting contact c out of its queue (its entry goes stale; its timers too). */
export function leaveQueue(k: KernelState, c: number, now: number): void {
  const P = k.contacts;
  const q = P.queue[c];
  const ch = k.routing.queueChannel[q];
  k.queues[q].live--;
  if (k.routing.queueDeferred[q] === 1) k.backlog[ch]--;
  else k.recorder.liveQueue(ch, now, --k.liveWaiting[ch]);
  P.token[c] = -1;
  P.abandonSeq[c] = -1;
  P.callbackSeq[c] = -1;
  P.overflowSeq[c] = -1;
  P.maxWaitSeq[c] = -1;
}

/** Takes waiting contact c (the pick of `findWork`) out of its queue and gives it to agent a. */
export function takeFromQueue(k: KernelState, a: number, p: number, now: number): void {
  const c = pickedIndex(p);
  leaveQueue(k, c, now);
  startHandling(k, a, c, now, viaOverflow(p));
}
