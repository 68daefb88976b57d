/**
 * Blind transfers that find nobody (issue 13 item 4): a tier with `ifNoAgent: disconnect` takes a
 * transfer only if an agent is free for it at that instant (the overflow groups that need a wait
 * are not); otherwise the call is dropped — the customer is cut off, as an ACD's blind transfer to
 * a group with no agent available and no queue does. The dropped contact is its own outcome at
 * the tier (`transferDisconnected`: the tier's balance in engine/conservation.ts, and a channel
 * figure in the contact's arrival interval); it frees its line and does not come back (a customer
 * who calls again is a new contact of the arrival process, as after an abandonment without retrial).
 * Nothing is drawn, so no stream moves.
 */
import { StageOutcome } from '../trace.js';
import { releaseLine } from './lines.js';
import { findAgent, NO_PICK, pickedIndex, viaOverflow } from './router.js';
import { startHandling } from './service.js';
import type { KernelState } from './state.js';

/** Transfer c reaches queue q of its (new) tier: answered by a free agent now, or dropped. */
export function answerOrDrop(k: KernelState, c: number, q: number, now: number): void {
  const P = k.contacts;
  P.queue[c] = q;
  P.enqueueSec[c] = now;
  const p = findAgent(k, q, 0, now);
  if (p !== NO_PICK) {
    startHandling(k, pickedIndex(p), c, now, viaOverflow(p));
    return;
  }
  const tier = P.tier[c];
  const iv = P.interval[c];
  k.totals.tierTransferDisconnected[tier - 1]++;
  if (iv >= 0) {
    k.recorder.tier.transferDisconnected[tier - 1]++;
    k.recorder.count('transferDisconnected', P.channel[c], iv);
  }
  if (k.tracer !== null) k.tracer.ended(P, c, now, StageOutcome.Disconnected);
  releaseLine(k, c, now);
  P.release(c);
}
