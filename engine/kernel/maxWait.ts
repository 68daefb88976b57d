/**
 * A maximum time in queue (issue 12 item 3): a tier-1 contact of a channel with `maxWait` still
 * waiting in the live queue `afterSec` after it arrived is taken out of it by the system — it
 * leaves a message (`then: message`: counted `messages`, an outcome of its own beside answered
 * and abandoned; it does not call again) or is turned into callback work (`then: callback`: the
 * callback queue of its channel and type, as an accepted callback offer is — customerTimers.ts
 * `moveToCallback`). Both count as `maxWaitExits`.
 *
 * The timer races the customer's own: whichever comes first ends the wait. At one instant the
 * order of engine/calendar.ts decides — a release first (the agent answers), then an overflow
 * threshold, the callback offer, the maximum wait, and patience last. Only tier 1's live queue
 * has the timer: transfers at tiers 2–3 and deferred work (email, callbacks) do not.
 *
 * Without other impatience the queue is M/M/c with a deterministic patience T (M/M/c+D): those
 * sent away no longer hold up the callers behind them, so the share is M/M/c+D's P(V > T)
 * (Baccelli & Hebuterne 1981; Zeltyn & Mandelbaum 2005), below Erlang C's tail C·e^{−(cμ−λ)T}
 * (test/engine/maxWait-vs-theory.test.ts).
 */
import { EventKind, EventPriority } from '../calendar.js';
import { ContactState } from '../contacts.js';
import { StageOutcome } from '../trace.js';
import { moveToCallback } from './customerTimers.js';
import { releaseLine } from './lines.js';
import { leaveQueue } from './queueing.js';
import type { KernelState } from './state.js';

/** Sets waiting tier-1 contact c's maximum-wait timer when channel ch has one (measured from its arrival). */
export function scheduleMaxWait(k: KernelState, c: number, ch: number): void {
  const after = k.tables.maxWaitSec[ch];
  if (after === Infinity) return;
  const P = k.contacts;
  P.maxWaitSeq[c] = k.calendar.schedule(P.arrivalSec[c] + after, EventPriority.MaxWait, EventKind.MaxWait, c);
}

/** Contact c has waited the channel's maximum: it leaves a message, or becomes callback work. */
export function reachMaxWait(k: KernelState, c: number, now: number, seq: number): void {
  const P = k.contacts;
  if (P.state[c] !== ContactState.Waiting || P.maxWaitSeq[c] !== seq) return;
  const ch = P.channel[c];
  const iv = P.interval[c];
  if (iv >= 0) k.recorder.count('maxWaitExits', ch, iv);
  if (k.tables.maxWaitCallback[ch] === 1) {
    moveToCallback(k, c, now);
    return;
  }
  leaveQueue(k, c, now);
  releaseLine(k, c, now);
  if (k.tracer !== null) k.tracer.ended(P, c, now, StageOutcome.Message);
  k.totals.messages[ch]++;
  if (iv >= 0) k.recorder.count('messages', ch, iv);
  P.release(c);
}
