/**
 * The close (issue 12 item 9): at the horizon, the live contacts still waiting on a channel with
 * `atClose: disconnect` are cut off — calls and chats at tier 1, transfers waiting at tiers 2–3 —
 * counted `disconnected` (neither answered nor abandoned) and their lines freed. Deferred work
 * (email, social, callbacks, tickets) is not disconnected: it stays as the backlog carried into
 * tomorrow. Contacts in service are finished. With `atClose: serve` (the default) agents on duty
 * stay until the live queues drain, as before.
 *
 * It runs in the horizon's boundary event, which comes first at that instant (engine/calendar.ts):
 * a contact whose agent frees at the very instant of the close is disconnected.
 */
import { ContactState } from '../contacts.js';
import { StageOutcome } from '../trace.js';
import { releaseLine } from './lines.js';
import { leaveQueue } from './queueing.js';
import type { KernelState } from './state.js';

/** Disconnects every contact waiting in a live queue of the channels that disconnect at the close. */
export function disconnectAtClose(k: KernelState, now: number): void {
  const R = k.routing;
  const P = k.contacts;
  const channels = k.tables.disconnectAtClose;
  if (channels.length === 0) return;
  for (let q = 0; q < R.queueCount; q++) {
    const queue = k.queues[q];
    if (queue.live === 0 || R.queueDeferred[q] === 1 || !channels.includes(R.queueChannel[q])) continue;
    queue.forEach((c, token) => {
      if (P.token[c] === token && P.state[c] === ContactState.Waiting) disconnect(k, c, now);
    });
  }
}

function disconnect(k: KernelState, c: number, now: number): void {
  const P = k.contacts;
  const ch = P.channel[c];
  const tier = P.tier[c];
  const iv = P.interval[c];
  leaveQueue(k, c, now);
  releaseLine(k, c, now);
  if (k.tracer !== null) k.tracer.ended(P, c, now, StageOutcome.Disconnected);
  if (tier === 1) {
    k.totals.disconnected[ch]++;
    if (iv >= 0) k.recorder.count('disconnected', ch, iv);
  } else {
    k.totals.tierDisconnected[tier - 1]++;
  }
  P.release(c);
}
