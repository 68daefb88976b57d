/**
 * Retrials as the same caller (issue 12 item 10; a channel's `retrial.sameCaller`). By default
 * every attempt is a fresh contact with fresh draws (ccsim's behaviour before the option, and
 * the ACD's view: each call is a call). With the option, a retrial is the same person calling
 * again about the same need: it keeps the caller's handle time at every tier, its patience at
 * every tier, whether it escalates, is resolved first time and accepts a callback, its agent's
 * after-contact work, its conference, and its first attempt's arrival time and interval. Only what happens *after* an attempt fails is
 * drawn afresh per attempt: whether the caller tries again, and after how long (a kept "retries"
 * would make a caller who retries once retry until the horizon).
 *
 * The customer view: each caller is counted once, in the interval of its first attempt, when
 * that attempt gets in or is refused at the switch (`customers`); when an attempt is answered
 * at Tier 1, its wait counts from the first attempt (`customerWaitSumSec`,
 * `customersWithinTarget`: within the channel's T of the first attempt).
 *
 * Common random numbers: a same-caller retrial draws every number a fresh follow-up draws and
 * then puts the caller's back, so the follow-up streams (shared with repeats and returns from
 * self-service) keep their positions whether or not the option is on.
 */
import type { ContactFactory } from '../contactFactory.js';
import { Flag, Origin, type ContactPool } from '../contacts.js';
import type { KernelState } from './state.js';

/** What a caller keeps across attempts, of the outcome flags. */
const KEPT_FLAGS = Flag.EscalatesToTier2 | Flag.EscalatesToTier3 | Flag.Repeats | Flag.AcceptsCallback | Flag.WrapsUp | Flag.Conferences;

/** A retrial scheduled in slot c follows the caller of slot `from` (still held): c takes the caller's draws. */
export function keepCaller(P: ContactPool, from: number, c: number): void {
  P.handle1Sec[c] = P.handle1Sec[from];
  P.handle2Sec[c] = P.handle2Sec[from];
  P.handle3Sec[c] = P.handle3Sec[from];
  P.patienceSec[c] = P.patienceSec[from];
  P.patience2Sec[c] = P.patience2Sec[from];
  P.patience3Sec[c] = P.patience3Sec[from];
  P.repeatDelaySec[c] = P.repeatDelaySec[from];
  P.acwSec[c] = P.acwSec[from];
  P.conferenceSec[c] = P.conferenceSec[from];
  P.flags[c] = P.flags[from] & KEPT_FLAGS;
  P.firstArrivalSec[c] = P.firstArrivalSec[from];
  P.firstInterval[c] = P.firstInterval[from];
}

/**
 * The draws of contact c of a same-caller channel: a first attempt's as any contact's (and
 * it starts the customer's clock); a retrial's drawn and discarded but for the next retry.
 */
export function fillCaller(k: KernelState, c: number, ch: number, type: number, origin: number, iv: number, now: number, draws: ContactFactory): void {
  const P = k.contacts;
  if (origin !== Origin.Retrial) {
    draws.fill(P, c, ch, type, origin === Origin.DeflectionReturn, iv);
    P.firstArrivalSec[c] = now;
    P.firstInterval[c] = iv;
    return;
  }
  const h1 = P.handle1Sec[c], h2 = P.handle2Sec[c], h3 = P.handle3Sec[c];
  const p1 = P.patienceSec[c], p2 = P.patience2Sec[c], p3 = P.patience3Sec[c];
  const repeatDelay = P.repeatDelaySec[c];
  const acw = P.acwSec[c];
  const conference = P.conferenceSec[c];
  const kept = P.flags[c];
  draws.fill(P, c, ch, type, false, iv);
  P.handle1Sec[c] = h1; P.handle2Sec[c] = h2; P.handle3Sec[c] = h3;
  P.patienceSec[c] = p1; P.patience2Sec[c] = p2; P.patience3Sec[c] = p3;
  P.repeatDelaySec[c] = repeatDelay;
  P.acwSec[c] = acw;
  P.conferenceSec[c] = conference;
  P.flags[c] = kept | (P.flags[c] & Flag.Retries);
}

/** A caller's first attempt got in, or was refused at the switch: one customer of its first interval. */
export function countCustomer(k: KernelState, c: number): void {
  const P = k.contacts;
  const iv = P.firstInterval[c];
  if (iv >= 0) k.recorder.count('customers', P.channel[c], iv);
}

/** An attempt of a same-caller channel is answered at Tier 1: the customer's wait runs from its first attempt. */
export function customerAnswered(k: KernelState, c: number, now: number): void {
  const P = k.contacts;
  const iv = P.firstInterval[c];
  if (iv < 0) return;
  const ch = P.channel[c];
  const wait = now - P.firstArrivalSec[c];
  k.recorder.count('customersAnswered', ch, iv);
  k.recorder.count('customerWaitSumSec', ch, iv, wait);
  if (wait <= k.targetSec[ch]) k.recorder.count('customersWithinTarget', ch, iv);
}
