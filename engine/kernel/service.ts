/**
 * Service: an agent starts on a contact (one call, or one chat session among several), the
 * answer is recorded, and when the session ends the contact escalates, is resolved (perhaps to
 * come back as a repeat), and the agent takes its next work or goes idle — after its
 * after-contact work (wrap-up), when the contact has some: the customer has left at the end of
 * the talk (its outcome, escalation or repeat happen then), the agent stays busy until the
 * wrap-up ends (`WrapUp` event), and only then closes the session. A chat agent's wrap-up holds
 * that session's slot: what an ACD does when the agent must disposition each chat before the slot
 * is offered again (the simplest rule that never lets wrap-up time vanish from occupancy).
 */
import { EventKind, EventPriority } from '../calendar.js';
import { ContactState, Flag, OUTCOME_FLAGS, Origin } from '../contacts.js';
import { StageOutcome } from '../trace.js';
import { scheduleRearrival } from './admission.js';
import { stopWorking } from './duty.js';
import { releaseLine } from './lines.js';
import { customerAnswered } from './sameCaller.js';
import { route, takeFromQueue } from './queueing.js';
import { findWork, NO_PICK } from './router.js';
import { freedAgent } from './outbound.js';
import { answerOrDrop } from './transferDrop.js';
import { joinConference } from './conference.js';
import type { KernelState } from './state.js';

/**
 * Agent a starts on contact c (`overflow`: the agent's group took it through an overflow
 * rule). The plain case (tier 1, one session, no overflow, every speed 1, a fresh contact per
 * attempt) stays small enough to inline.
 */
export function startHandling(k: KernelState, a: number, c: number, now: number, overflow: boolean): void {
  const P = k.contacts;
  const ch = P.channel[c];
  if (P.tier[c] !== 1 || k.specialService[ch] !== 0 || overflow) {
    startSpecialHandling(k, a, c, now, overflow);
    return;
  }
  const A = k.agents;
  A.busySince[a] = now;
  A.sessionChannel[a] = ch;
  A.sessions[a] = 1;
  A.unlist(a);
  P.state[c] = ContactState.InService;
  P.agent[c] = a;
  const handle = P.handle1Sec[c];
  recordAnswer(k, c, P.queue[c], A.group[a], handle, now);
  if (k.tracer !== null) k.tracer.answered(P, c, now, A.group[a], handle);
  k.calendar.schedule(now + handle, EventPriority.Finish, EventKind.Finish, c);
}

/** Tiers 2–3, chat sessions, overflow answers, groups of their own speed. */
function startSpecialHandling(k: KernelState, a: number, c: number, now: number, overflow: boolean): void {
  const P = k.contacts;
  const A = k.agents;
  const q = P.queue[c];
  const ch = P.channel[c];
  const tier = P.tier[c];
  if (overflow) P.flags[c] |= Flag.Overflowed;
  if (A.sessions[a] === 0) {
    A.busySince[a] = now;
    A.sessionChannel[a] = ch;
  }
  const n = ++A.sessions[a];
  let handle = tier === 1 ? P.handle1Sec[c] : tier === 2 ? P.handle2Sec[c] : P.handle3Sec[c];
  // Proficiency: the same draw, scaled by who serves it (engine/proficiency.ts).
  if (k.proficiency !== null) handle /= k.proficiency.speed[A.group[a] * k.proficiency.queueCount + q];
  if (k.concurrency[ch] > 1) handle *= takeSession(k, a, ch, n, now);
  else A.unlist(a);
  P.state[c] = ContactState.InService;
  P.agent[c] = a;
  P.serviceStartSec[c] = now;
  if (tier === 1) {
    recordWrappedAnswer(k, c, q, A.group[a], handle, now);
    recordSpecialAnswer(k, c, now);
    if ((P.flags[c] & Flag.Conferences) !== 0) joinConference(k, c, ch, handle, now);
  } else {
    recordTierAnswer(k, c, q, A.group[a], handle, now);
  }
  if (k.tracer !== null) k.tracer.answered(P, c, now, A.group[a], handle);
  k.calendar.schedule(now + handle, EventPriority.Finish, EventKind.Finish, c);
}

/**
 * Chat: agent a now holds n sessions of channel ch. It stays open for more while it has room;
 * returns the handle-time multiplier 1 + (factor − 1)·(n − 1) of the new session.
 */
function takeSession(k: KernelState, a: number, ch: number, n: number, now: number): number {
  if (n < k.concurrency[ch]) k.agents.listOpenSlot(a, now);
  else k.agents.unlist(a);
  return 1 + (k.concurrencyFactor[ch] - 1) * (n - 1);
}

/** A tier-1 answer by group g: wait counted from arrival; live work (and callbacks) judged against T here. */
function recordAnswer(k: KernelState, c: number, q: number, g: number, handle: number, now: number): void {
  const P = k.contacts;
  const R = k.routing;
  const ch = P.channel[c];
  const iv = P.interval[c];
  k.answered[ch]++;
  if (iv < 0) return;
  const wait = now - P.arrivalSec[c];
  const live = R.queueDeferred[q] === 0 || R.queueIsCallback[q] === 1;
  k.recorder.answer(ch, iv, P.type[c], g, wait, handle, live && wait <= k.targetSec[ch]);
}

/** What only an answer off the plain path can add: an overflow answer, the customer view of a same-caller channel. */
function recordSpecialAnswer(k: KernelState, c: number, now: number): void {
  const P = k.contacts;
  const iv = P.interval[c];
  if (iv < 0) return;
  const ch = P.channel[c];
  if (k.tables.sameCaller[ch] === 1) customerAnswered(k, c, now);
  if ((P.flags[c] & Flag.Overflowed) !== 0) k.recorder.count('overflowed', ch, iv);
}

/**
 * A tier-1 answer off the plain path: its AHT counts the wrap-up to come (handle = talk +
 * after-contact work, as ACD reports define AHT), and the wrap-up is summed apart (`acwSumSec`).
 */
function recordWrappedAnswer(k: KernelState, c: number, q: number, g: number, handle: number, now: number): void {
  const wrap = wrapUpOf(k.contacts, c);
  recordAnswer(k, c, q, g, handle + wrap, now);
  const iv = k.contacts.interval[c];
  if (wrap > 0 && iv >= 0) k.recorder.count('acwSumSec', k.contacts.channel[c], iv, wrap);
}

/** Contact c's after-contact work still to come, seconds (0: none, or already begun). */
function wrapUpOf(P: KernelState['contacts'], c: number): number {
  return (P.flags[c] & Flag.WrapsUp) !== 0 ? P.acwSec[c] : 0;
}

/** An answer at tier 2 or 3 by group g: wait counted from the escalation. */
function recordTierAnswer(k: KernelState, c: number, q: number, g: number, handle: number, now: number): void {
  const P = k.contacts;
  const R = k.routing;
  const tier = P.tier[c];
  const iv = P.interval[c];
  const waitInQueue = now - P.enqueueSec[c];
  k.totals.tierAnswered[tier - 1]++;
  if (iv >= 0) {
    // A transfer meets its target when answered within it; a ticket when resolved (recordResolutionTime).
    const withinTarget = R.queueDeferred[q] === 0 && waitInQueue <= R.queueTargetSec[q];
    k.recorder.answerAtTier(tier - 1, g, iv, waitInQueue, handle, withinTarget);
  }
}

/** Contact c's session ends: it escalates, or is resolved (and may come back as a repeat). */
export function finishHandling(k: KernelState, c: number, now: number): void {
  const P = k.contacts;
  const a = P.agent[c];
  const ch = P.channel[c];
  // A chat session's slot is held through its wrap-up, so slot time runs to the wrap-up's end.
  if (k.concurrency[ch] > 1) k.recorder.session(ch, P.serviceStartSec[c], now + wrapUpOf(P, c));
  if ((P.flags[c] & OUTCOME_FLAGS) === 0 && k.routing.queueDeferred[P.queue[c]] === 0) {
    if (k.tracer !== null) k.tracer.ended(P, c, now, StageOutcome.Resolved);
    P.release(c); // resolved, no follow-up: the common case
  } else {
    const wrap = wrapUpOf(P, c);
    P.flags[c] &= ~Flag.WrapsUp; // a later tier's session has no wrap-up of this one's
    conclude(k, c, now);
    if (wrap > 0) {
      beginWrapUp(k, a, ch, wrap, now);
      return;
    }
  }
  endSession(k, a, ch, now);
}

/**
 * The customer of agent a's session on channel ch has left; the agent wraps up for `wrapSec`
 * and keeps the session (its slot, its busy time) until then.
 */
function beginWrapUp(k: KernelState, a: number, ch: number, wrapSec: number, now: number): void {
  k.totals.wrapUpsBegun[ch]++;
  k.calendar.schedule(now + wrapSec, EventPriority.Finish, EventKind.WrapUp, a);
}

/** Agent a's wrap-up ends: the session closes, and the agent takes new work if it still may. */
export function endWrapUp(k: KernelState, a: number, now: number): void {
  const ch = k.agents.sessionChannel[a];
  k.totals.wrapUpsEnded[ch]++;
  endSession(k, a, ch, now);
}

/** Contact c's session ends with something to do: record resolution time, escalate, or schedule a repeat. */
function conclude(k: KernelState, c: number, now: number): void {
  const P = k.contacts;
  const R = k.routing;
  const ch = P.channel[c];
  const q = P.queue[c];
  const tier = P.tier[c];
  const iv = P.interval[c];
  if (iv >= 0 && R.queueDeferred[q] === 1) recordResolutionTime(k, c, q, now);
  const escalates = tier < 3 && (P.flags[c] & (tier === 1 ? Flag.EscalatesToTier2 : Flag.EscalatesToTier3)) !== 0;
  const next = escalates ? R.queueOf(ch, P.type[c], tier + 1) : -1;
  if (next >= 0 && R.isServed(next)) {
    if (k.tracer !== null) k.tracer.ended(P, c, now, StageOutcome.Escalated);
    escalate(k, c, next, now);
  } else {
    if (k.tracer !== null) k.tracer.ended(P, c, now, StageOutcome.Resolved);
    if (iv >= 0 && tier > 1) k.recorder.tier.resolved[tier - 1]++;
    if ((P.flags[c] & Flag.Repeats) !== 0) scheduleRearrival(k, ch, P.type[c], Origin.Repeat, now + P.repeatDelaySec[c], c);
    releaseLine(k, c, now);
    P.release(c);
  }
}

/** Deferred work (email, tickets) meets its target when *finished* within it; callbacks are judged when answered. */
function recordResolutionTime(k: KernelState, c: number, q: number, now: number): void {
  const P = k.contacts;
  const R = k.routing;
  const tier = P.tier[c];
  if (tier === 1 && R.queueIsCallback[q] === 0) {
    if (now - P.arrivalSec[c] <= R.queueTargetSec[q]) k.recorder.resolveDeferred(P.channel[c], P.interval[c], P.type[c]);
  } else if (tier > 1 && now - P.enqueueSec[c] <= R.queueTargetSec[q]) {
    k.recorder.tier.withinTarget[tier - 1]++;
  }
}

/** Sends contact c on to the next tier's queue (transfer: the customer waits on the line, or is dropped when the tier says so and nobody is free). */
function escalate(k: KernelState, c: number, next: number, now: number): void {
  const P = k.contacts;
  const tier = P.tier[c];
  const iv = P.interval[c];
  P.tier[c] = tier + 1;
  k.totals.tierEntered[tier]++;
  if (iv >= 0) k.recorder.escalation(tier, P.channel[c], iv, P.type[c]);
  if (k.transferDisconnects[tier] === 1) answerOrDrop(k, c, next, now);
  else route(k, c, next, now);
}

/** Agent a closes a session on channel ch and takes new work if it still may. */
export function endSession(k: KernelState, a: number, ch: number, now: number): void {
  const A = k.agents;
  const left = --A.sessions[a];
  if (left === 0) {
    k.recorder.busy(A.group[a], ch, A.busySince[a], now);
    A.sessionChannel[a] = -1;
  }
  if (A.offReasons[a] > 0) {
    if (left === 0) stopWorking(k, a, now);
    return;
  }
  // idleFirst: a freed agent goes off in the stead of a colleague working past its shift; with
  // campaigns, it then takes inbound work or outbound (outbound.ts). One flag for both, so the
  // plain path reads no more than it did before campaigns existed.
  if (left === 0 && k.freedRules && freedAgent(k, a, now)) return;
  const p = findWork(k, a, now);
  if (p !== NO_PICK) {
    takeFromQueue(k, a, p, now);
  } else if (left === 0) {
    A.listIdle(a, now);
  } else if (k.concurrency[ch] > 1) {
    A.listOpenSlot(a, now);
  }
}

/** Available agent a holds chat sessions with room: it takes waiting work of that channel until full or none is left. */
export function fillSlots(k: KernelState, a: number, now: number): void {
  const A = k.agents;
  while (A.sessions[a] > 0 && A.sessions[a] < k.concurrency[A.sessionChannel[a]]) {
    const p = findWork(k, a, now);
    if (p === NO_PICK) return;
    takeFromQueue(k, a, p, now);
  }
}
