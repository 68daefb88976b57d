/**
 * An outbound call's life (issue 13 items 1–3), after the dialer placed it (dialer.ts):
 *
 * - the ring ends (`dialResult`): no right party (probability 1 − reach) — the call ends
 *   `unreached` and a held agent is free again; or the party answers (`reached`): its talk
 *   time and patience are drawn, and it is connected to its held agent, or (predictive) to the
 *   campaign's groups' agent idle longest, or it waits;
 * - a waiting party is taken by the first agent of the campaign's groups freed with no inbound
 *   work (`offerOutbound`), oldest first; or its patience runs out (`outboundAbandon`): it is
 *   dropped — an abandoned ("nuisance") call, the figure regulators cap (Ofcom: 3% of
 *   live-answered calls a campaign, an answered call not connected to an agent within 2 s);
 * - the talk ends (`finishOutbound`): the agent takes inbound work first, then outbound.
 *
 * Conservation per campaign: dialed = unreached + connected + abandoned + calls alive at the end.
 */
import { SimulationError } from '../errors.js';
import { EventKind, EventPriority } from '../calendar.js';
import { CallState } from '../outboundCalls.js';
import { stopWorking } from './duty.js';
import { holdAgent, longestIdle, runDialer } from './dialer.js';
import { takeFromQueue } from './queueing.js';
import { findWork, NO_PICK } from './router.js';
import { fillSlots } from './service.js';
import { standInIfLate } from './standIns.js';
import type { KernelState } from './state.js';
import type { Campaigns } from './campaigns.js';

function campaignsOf(k: KernelState): Campaigns {
  return k.outbound as Campaigns;
}

/** Call c's ring ends: nobody (the right party) answered, or someone did. */
export function dialResult(k: KernelState, c: number, now: number): void {
  const O = campaignsOf(k);
  const calls = O.calls;
  const cp = calls.campaign[c];
  const a = calls.agent[c];
  const I = k.model.intervalCount;
  if (a < 0) O.ringing[cp]--;
  if (calls.reached[c] === 0) {
    O.totals[cp].unreached++;
    calls.release(c);
    if (a >= 0) releaseAgent(k, a, cp, now);
    else runDialer(k, now);
    return;
  }
  O.count('reached', cp, calls.interval[c], I);
  calls.handleSec[c] = O.talk[cp].draw(O.handle[cp]);
  const patience = O.wait[cp].draw(O.patience[cp]);
  if (a >= 0) {
    connect(k, O, c, a, now);
    return;
  }
  const b = longestIdle(k, O, cp);
  if (b >= 0) {
    holdAgent(k, b, now);
    connect(k, O, c, b, now);
    return;
  }
  calls.state[c] = CallState.Waiting;
  const token = O.nextToken++;
  calls.token[c] = token;
  O.waiting[cp].push(c, token);
  calls.abandonSeq[c] = k.calendar.schedule(now + patience, EventPriority.OutboundAbandon, EventKind.OutboundAbandon, c);
}

/** Answered call c is connected to agent a (already held): the talk starts. */
function connect(k: KernelState, O: Campaigns, c: number, a: number, now: number): void {
  const calls = O.calls;
  const cp = calls.campaign[c];
  calls.state[c] = CallState.Talking;
  calls.agent[c] = a;
  O.totals[cp].connected++;
  O.count('connected', cp, calls.interval[c], k.model.intervalCount);
  k.calendar.schedule(now + calls.handleSec[c], EventPriority.Finish, EventKind.OutboundFinish, c);
}

/** Call c's talk ends; its agent is free. */
export function finishOutbound(k: KernelState, c: number, now: number): void {
  const O = campaignsOf(k);
  const calls = O.calls;
  const a = calls.agent[c];
  const cp = calls.campaign[c];
  if (calls.state[c] !== CallState.Talking) throw new SimulationError(`outbound call ${c} finished while not talking`, now);
  calls.release(c);
  releaseAgent(k, a, cp, now);
}

/** Waiting party c's patience runs out: dropped, an abandoned (nuisance) call. Stale timers do nothing. */
export function outboundAbandon(k: KernelState, c: number, now: number, seq: number): void {
  const O = campaignsOf(k);
  const calls = O.calls;
  if (calls.state[c] !== CallState.Waiting || calls.abandonSeq[c] !== seq) return;
  const cp = calls.campaign[c];
  O.waiting[cp].live--;
  O.totals[cp].abandoned++;
  O.count('abandoned', cp, calls.interval[c], k.model.intervalCount);
  calls.release(c);
}

/** Agent a ends its outbound work for campaign cp: its time is recorded; it leaves if off duty, else takes its next work. */
function releaseAgent(k: KernelState, a: number, cp: number, now: number): void {
  const A = k.agents;
  const O = campaignsOf(k);
  O.agentTime(cp, A.busySince[a], now, k.model.intervalSec, k.model.intervalCount);
  A.sessions[a] = 0;
  A.sessionChannel[a] = -1;
  if (A.offReasons[a] > 0) {
    stopWorking(k, a, now);
    return;
  }
  if (k.standIns !== null && standInIfLate(k, a, now)) return;
  // Back from outbound as an agent comes on duty (duty.ts `startWorking`): inbound work first, its chat slots filled.
  const p = findWork(k, a, now);
  if (p !== NO_PICK) {
    takeFromQueue(k, a, p, now);
    fillSlots(k, a, now);
  } else {
    offerOutbound(k, a, now);
  }
}

/**
 * Agent a is free with nothing in hand (its last contact ended) and its group works campaigns
 * or drops idle agents first: a stand-in first (standIns.ts), then inbound work (`findWork`),
 * then outbound. Returns false only for the stand-in rule alone, when the caller goes on as
 * without it (service.ts `endSession`).
 */
export function freedAgent(k: KernelState, a: number, now: number): boolean {
  if (k.standIns !== null && standInIfLate(k, a, now)) return true;
  if (k.outbound === null) return false;
  // As service.ts `endSession` goes on without outbound: the next inbound contact, else outbound.
  const p = findWork(k, a, now);
  if (p !== NO_PICK) takeFromQueue(k, a, p, now);
  else offerOutbound(k, a, now);
  return true;
}

/**
 * Available agent a has no inbound work: it takes the oldest answered party waiting of its
 * group's campaigns (in the scenario's order), or goes idle and the dialer is asked.
 */
export function offerOutbound(k: KernelState, a: number, now: number): void {
  const O = campaignsOf(k);
  const A = k.agents;
  const mine = O.ofGroup[A.group[a]];
  for (const cp of mine) {
    const c = waitingHead(O, cp);
    if (c < 0) continue;
    O.waiting[cp].shift();
    O.waiting[cp].live--;
    holdAgent(k, a, now);
    connect(k, O, c, a, now);
    return;
  }
  A.listIdle(a, now);
  if (mine.length > 0) runDialer(k, now);
}

/** The oldest party of campaign cp still waiting (stale entries dropped), or −1. */
function waitingHead(O: Campaigns, cp: number): number {
  const queue = O.waiting[cp];
  const calls = O.calls;
  while (queue.length > 0) {
    const c = queue.headId();
    if (calls.state[c] === CallState.Waiting && calls.token[c] === queue.headStamp()) return c;
    queue.shift();
  }
  return -1;
}
