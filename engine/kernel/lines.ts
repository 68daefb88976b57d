/**
 * Admission limits (issue 12 item 1): trunk lines and queue capacity. A live contact of a
 * channel in a line group holds one of the group's lines from arrival until it leaves —
 * waiting, talking, transferred to tier 2 or 3 — and frees it when it is resolved, abandons,
 * or hangs up for a callback. An arrival that finds every line held, or no free agent and
 * the channel's queue at capacity, is **blocked** (a busy signal): counted apart, never
 * offered, and calling again as an abandoner would (the channel's `retrial`).
 *
 * With lines = agents and no queue this is Erlang's loss system (Erlang B); with N lines and
 * c agents it is M/M/c/N (test/engine/kernel-vs-erlang.test.ts checks both).
 */
import { Flag, Origin } from '../contacts.js';
import { StageOutcome } from '../trace.js';
import { scheduleRearrival } from './admission.js';
import { agentFree } from './router.js';
import type { KernelState } from './state.js';

/** Takes a line of channel ch's group for contact c; false when every line is held (or true when the channel has none). */
export function seizeLine(k: KernelState, c: number, ch: number): boolean {
  const g = k.tables.lineGroupOf[ch];
  if (g < 0) return true;
  if (k.linesHeld[g] >= k.tables.lineCount[g]) return false;
  k.linesHeld[g]++;
  k.contacts.flags[c] |= Flag.HoldsLine;
  return true;
}

/** Whether some line of channel ch's group is free (always, without lines). */
export function lineFree(k: KernelState, ch: number): boolean {
  const g = k.tables.lineGroupOf[ch];
  return g < 0 || k.linesHeld[g] < k.tables.lineCount[g];
}

/** Whether a contact for queue q of channel ch may enter: below the queue capacity, or an agent free to take it now. */
export function roomInQueue(k: KernelState, ch: number, q: number, now: number): boolean {
  return k.liveWaiting[ch] < k.tables.queueCapacity[ch] || agentFree(k, q, 0, now);
}

/** Contact c leaves the system: the line it holds (if any) is freed and its holding time recorded in its arrival interval. */
export function releaseLine(k: KernelState, c: number, now: number): void {
  const P = k.contacts;
  if ((P.flags[c] & Flag.HoldsLine) === 0) return;
  P.flags[c] &= ~Flag.HoldsLine;
  const ch = P.channel[c];
  k.linesHeld[k.tables.lineGroupOf[ch]]--;
  const iv = P.interval[c];
  if (iv >= 0) k.recorder.count('lineHoldSec', ch, iv, now - P.arrivalSec[c]);
}

/** Contact c (channel ch, arrival interval iv) is refused at the door; it may call again. */
export function block(k: KernelState, c: number, ch: number, iv: number, now: number): void {
  const P = k.contacts;
  releaseLine(k, c, now);
  k.totals.blocked[ch]++;
  if (iv >= 0) k.recorder.count('blocked', ch, iv);
  if (k.tracer !== null) k.tracer.ended(P, c, now, StageOutcome.Blocked);
  if ((P.flags[c] & Flag.Retries) !== 0) scheduleRearrival(k, ch, P.type[c], Origin.Retrial, now + P.retrialDelaySec[c], c);
  P.release(c);
}
