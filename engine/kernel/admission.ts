/**
 * Admission: how contacts enter — fresh arrivals (the next one scheduled as each comes), the
 * initial backlog at time 0, follow-ups coming back (retrials, repeats, returns from
 * self-service) — then their draws, self-service (deflection), admission limits (trunk lines,
 * queue capacity: lines.ts), and routing to tier 1.
 */
import { EventKind, EventPriority } from '../calendar.js';
import type { ContactFactory } from '../contactFactory.js';
import { ContactState, Origin } from '../contacts.js';
import { StageOutcome } from '../trace.js';
import { block, lineFree, roomInQueue, seizeLine } from './lines.js';
import { route } from './queueing.js';
import { countCustomer, fillCaller, keepCaller } from './sameCaller.js';
import type { KernelState } from './state.js';

/** Schedules channel ch's next fresh arrival after `now` (none after the horizon). */
export function scheduleNextArrival(k: KernelState, ch: number, now: number): void {
  const t = k.arrivals[ch].next(now, k.arrivalStreams[ch]);
  if (t !== Infinity) k.calendar.schedule(t, EventPriority.Arrival, EventKind.Arrival, ch);
}

/** A fresh contact arrives on channel ch. */
export function arrive(k: KernelState, ch: number, now: number): void {
  scheduleNextArrival(k, ch, now);
  const draws = k.fresh;
  admit(k, -1, ch, k.tables.typesPerChannel[ch] === 1 ? 0 : draws.drawType(ch), Origin.Fresh, now, draws);
}

/** The initial backlog of channel ch joins its queue at time 0. */
export function seedBacklog(k: KernelState, ch: number, now: number): void {
  const n = k.model.channels[ch].initialBacklog;
  const draws = k.backlogContacts;
  for (let i = 0; i < n; i++) admit(k, -1, ch, draws.drawType(ch), Origin.Backlog, now, draws);
}

/** A retrial, repeat or return from self-service (slot c, scheduled by `scheduleRearrival`) comes back. */
export function rearrive(k: KernelState, c: number, now: number): void {
  const P = k.contacts;
  admit(k, c, P.channel[c], P.type[c], P.origin[c], now, k.followUps);
}

/**
 * Schedules a contact of (ch, type) to come back at `at` (dropped when that is past the
 * horizon); `from` is the slot of the contact it follows up (for a trace; it may have been
 * released, and may be the slot the follow-up takes).
 */
export function scheduleRearrival(k: KernelState, ch: number, type: number, origin: number, at: number, from: number): void {
  if (at >= k.horizonSec) return;
  const P = k.contacts;
  const c = P.take();
  P.channel[c] = ch;
  P.type[c] = type;
  P.origin[c] = origin;
  P.state[c] = ContactState.Pending;
  if (origin === Origin.Retrial && k.tables.sameCaller[ch] === 1) keepCaller(P, from, c);
  if (k.tracer !== null) k.tracer.followUp(P, from, c);
  k.calendar.schedule(at, EventPriority.Arrival, EventKind.Rearrival, c);
}

/**
 * The contact's draws, then self-service, then routing to tier 1. `slot` < 0: take a new
 * slot. A contained contact draws like any other (and discards the numbers), so self-service
 * never shifts the next contacts' handle times or patience (common random numbers). A channel
 * with trunk lines, a queue capacity or same-caller retrials is admitted by `admitLimited`, so
 * that the plain path reads one byte for all three.
 */
function admit(k: KernelState, slot: number, ch: number, type: number, origin: number, now: number, draws: ContactFactory): void {
  if (k.limitedAdmission[ch] === 1) {
    admitLimited(k, slot, ch, type, origin, now, draws);
    return;
  }
  const iv = k.recorder.intervalOf(now);
  const c = place(k, slot, ch, type, origin, now, iv);
  draws.fill(k.contacts, c, ch, type, origin === Origin.DeflectionReturn, iv);
  const contained = k.hasDeflection[ch] === 1 && origin !== Origin.DeflectionReturn && draws.drawDeflected(ch);
  seen(k, c, ch, type, origin, now, contained);
  if (contained) {
    contain(k, c, ch, type, iv, now, draws);
    return;
  }
  offer(k, ch, type, origin, iv);
  route(k, c, k.routing.queueOf(ch, type, 1), now);
}

/** `admit` for a channel with lines, a queue capacity or same-caller retrials. */
function admitLimited(k: KernelState, slot: number, ch: number, type: number, origin: number, now: number, draws: ContactFactory): void {
  const iv = k.recorder.intervalOf(now);
  const c = place(k, slot, ch, type, origin, now, iv);
  // A same-caller channel's first attempt starts the customer; its retrials keep the caller's draws.
  const caller = k.tables.sameCaller[ch] === 1;
  if (caller) fillCaller(k, c, ch, type, origin, iv, now, draws);
  else draws.fill(k.contacts, c, ch, type, origin === Origin.DeflectionReturn, iv);
  const firstAttempt = caller && origin !== Origin.Retrial;
  const contained = k.hasDeflection[ch] === 1 && origin !== Origin.DeflectionReturn && draws.drawDeflected(ch);
  seen(k, c, ch, type, origin, now, contained);
  // Lines are taken at the switch, before self-service: a caller who finds none hears a busy signal.
  const limited = k.admissionLimited[ch] === 1;
  if (limited && !lineFree(k, ch)) {
    if (firstAttempt) countCustomer(k, c);
    block(k, c, ch, iv, now);
    return;
  }
  if (contained) {
    contain(k, c, ch, type, iv, now, draws);
    return;
  }
  const q = k.routing.queueOf(ch, type, 1);
  if (limited) {
    if (!roomInQueue(k, ch, q, now)) {
      if (firstAttempt) countCustomer(k, c);
      block(k, c, ch, iv, now);
      return;
    }
    seizeLine(k, c, ch);
  }
  if (firstAttempt) countCustomer(k, c);
  offer(k, ch, type, origin, iv);
  route(k, c, q, now);
}

/** Counts an arrival on channel ch and gives it a slot (`slot`, or a new one) with what is known of it. */
function place(k: KernelState, slot: number, ch: number, type: number, origin: number, now: number, iv: number): number {
  k.arrived[ch]++;
  const P = k.contacts;
  const c = slot >= 0 ? slot : P.take();
  P.arrivalSec[c] = now;
  P.channel[c] = ch;
  P.type[c] = type;
  P.tier[c] = 1;
  P.origin[c] = origin;
  P.interval[c] = iv;
  return c;
}

/** Tells the observer and the tracer (when there are) of contact c's arrival. */
function seen(k: KernelState, c: number, ch: number, type: number, origin: number, now: number, contained: boolean): void {
  const P = k.contacts;
  if (k.observer !== null) k.observer.admitted(ch, type, origin, now, contained ? NaN : P.handle1Sec[c], contained ? NaN : P.patienceSec[c]);
  if (k.tracer !== null) k.tracer.arrived(P, c, now);
}

/** A contact of (ch, type) is offered in interval iv (none in the warm-up): retrials and repeats counted as such. */
function offer(k: KernelState, ch: number, type: number, origin: number, iv: number): void {
  if (iv < 0) return;
  const R = k.recorder;
  R.offer(ch, iv, type);
  if (origin === Origin.Retrial) R.count('retrials', ch, iv);
  else if (origin === Origin.Repeat) R.repeat(ch, iv, type);
}

/** Self-service contains contact c; some come back later. */
function contain(k: KernelState, c: number, ch: number, type: number, iv: number, now: number, draws: ContactFactory): void {
  k.totals.deflected[ch]++;
  if (iv >= 0) k.recorder.count('deflected', ch, iv);
  const delay = draws.drawReturnDelay(ch);
  if (k.tracer !== null) k.tracer.ended(k.contacts, c, now, StageOutcome.Deflected);
  k.contacts.release(c);
  if (delay >= 0) scheduleRearrival(k, ch, type, Origin.DeflectionReturn, now + delay, c);
}
