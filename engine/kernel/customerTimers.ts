/**
 * Customer timers while waiting, each an event kind with its own priority (engine/calendar.ts):
 * an overflow threshold passing, a callback offer, patience running out (the maximum wait is
 * maxWait.ts). A timer whose contact has since been answered, moved or replaced in its slot is
 * stale (its sequence number no longer matches) and does nothing: cancellation is lazy.
 */
import { EventKind, EventPriority } from '../calendar.js';
import { ContactState, Flag, Origin } from '../contacts.js';
import { StageOutcome } from '../trace.js';
import { scheduleRearrival } from './admission.js';
import { releaseLine } from './lines.js';
import { leaveQueue, route } from './queueing.js';
import { findAgent, NO_PICK, pickedIndex, viaOverflow } from './router.js';
import { startHandling } from './service.js';
import type { KernelState } from './state.js';

/** Patience runs out: the customer abandons (tier 1: perhaps to call again). */
export function abandon(k: KernelState, c: number, now: number, seq: number): void {
  const P = k.contacts;
  if (P.state[c] !== ContactState.Waiting || P.abandonSeq[c] !== seq) return;
  const ch = P.channel[c];
  const tier = P.tier[c];
  const iv = P.interval[c];
  leaveQueue(k, c, now);
  releaseLine(k, c, now);
  if (k.tracer !== null) k.tracer.ended(P, c, now, StageOutcome.Abandoned);
  if (tier === 1) {
    k.totals.gaveUp[ch]++;
    const waited = now - P.arrivalSec[c];
    if (iv >= 0) k.recorder.abandon(ch, iv, P.type[c], waited, waited <= k.targetSec[ch]);
    if ((P.flags[c] & Flag.Retries) !== 0) scheduleRearrival(k, ch, P.type[c], Origin.Retrial, now + P.retrialDelaySec[c], c);
  } else {
    k.totals.tierGaveUp[tier - 1]++;
    if (iv >= 0) k.recorder.tier.abandoned[tier - 1]++;
  }
  P.release(c);
}

/** Virtual hold: the caller accepts a callback and leaves the line for the callback queue. */
export function offerCallback(k: KernelState, c: number, now: number, seq: number): void {
  const P = k.contacts;
  if (P.state[c] !== ContactState.Waiting || P.callbackSeq[c] !== seq) return;
  moveToCallback(k, c, now);
}

/**
 * Waiting contact c leaves the live queue to be called back (an accepted callback offer, or the
 * maximum wait with `then: callback`): deferred work in the callback queue of its channel and type.
 */
export function moveToCallback(k: KernelState, c: number, now: number): void {
  const P = k.contacts;
  const ch = P.channel[c];
  leaveQueue(k, c, now);
  // The caller hangs up to be called back: the line is free again.
  releaseLine(k, c, now);
  if (k.tracer !== null) k.tracer.calledBack(P, c, now);
  if (P.interval[c] >= 0) k.recorder.count('callbacks', ch, P.interval[c]);
  route(k, c, k.routing.callbackQueueOf(ch, P.type[c]), now);
}

/** An overflow threshold passes: backup groups may now take the contact; else the next threshold is set. */
export function overflow(k: KernelState, c: number, now: number, seq: number): void {
  const P = k.contacts;
  const R = k.routing;
  if (P.state[c] !== ContactState.Waiting || P.overflowSeq[c] !== seq) return;
  const q = P.queue[c];
  const p = findAgent(k, q, now - P.enqueueSec[c], now);
  if (p !== NO_PICK) {
    leaveQueue(k, c, now);
    startHandling(k, pickedIndex(p), c, now, viaOverflow(p));
    return;
  }
  const step = ++P.overflowStep[c];
  const at = R.overflowStart[q] + step;
  if (at < R.overflowStart[q + 1]) {
    P.overflowSeq[c] = k.calendar.schedule(P.enqueueSec[c] + R.overflowSec[at], EventPriority.Overflow, EventKind.Overflow, c);
  }
}
