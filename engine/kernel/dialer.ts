/**
 * The dialer (issue 13 item 2): when and how many outbound calls each campaign places. It is
 * asked at the events that change what it may do — an agent freed with no inbound work or
 * coming on duty (outbound.ts `offerOutbound`), an unheld call's ring ending unanswered, an
 * interval boundary (a new rate budget, a new day's list) — and decides from the campaign's
 * groups' idle agents, its budgets and the inbound queues:
 *
 * - **preview / progressive**: while more than `reserve` agents of its groups are idle, the one
 *   idle longest is held for a call (preview: it reads the record for `previewSec` first) —
 *   the reserve is the blend's guarantee to inbound: that many idle agents stay for it;
 * - **predictive**: ⌈ratio × (idle − reserve)⌉ calls ringing at once, none holding an agent
 *   (the calls already ringing count against it); nothing when idle ≤ reserve;
 * - every mode dials only while the live inbound queues of the channels its groups serve hold at
 *   most `maxQueue` contacts, within `listPerDay` dials a day (days of 24 h from time 0) and at
 *   most ⌈dialsPerHour × interval⌉ dials in an interval, and never at or after the horizon.
 *
 * Campaigns are asked in the scenario's order, so the first one listed takes idle agents first.
 * Inbound first holds by construction: an agent is idle only when no inbound work waits for it
 * (router.ts `findWork` is asked before outbound is), and an answered outbound party takes an
 * agent only at its priority after the instant's inbound arrivals (engine/calendar.ts).
 */
import { EventKind, EventPriority } from '../calendar.js';
import { DAY_SEC } from '../time.js';
import type { Campaigns } from './campaigns.js';
import type { KernelState } from './state.js';

/** The agent's `sessionChannel` while it is held for or talking on an outbound call. */
export const OUTBOUND_SESSION = -2;

/** Asks every campaign to dial what it may now. */
export function runDialer(k: KernelState, now: number): void {
  const O = k.outbound;
  if (O === null || now >= k.horizonSec) return;
  for (let cp = 0; cp < O.list.length; cp++) dialCampaign(k, O, cp, now);
}

function dialCampaign(k: KernelState, O: Campaigns, cp: number, now: number): void {
  const c = O.list[cp];
  if (!queuesAllow(k, O, cp)) return;
  if (c.mode === 'predictive') {
    const spare = idleCount(k, O, cp) - c.reserve;
    if (spare <= 0) return;
    // A tolerance under the ceiling: 1.1 × 10 is 11.000000000000002 in floating point.
    let n = Math.ceil(c.ratio * spare - 1e-9) - O.ringing[cp];
    while (n-- > 0 && budgetAllows(k, O, cp, now)) dial(k, O, cp, -1, now);
    return;
  }
  while (idleCount(k, O, cp) > c.reserve && budgetAllows(k, O, cp, now)) dial(k, O, cp, longestIdle(k, O, cp), now);
}

/** Idle agents of campaign cp's groups. */
export function idleCount(k: KernelState, O: Campaigns, cp: number): number {
  let n = 0;
  for (const g of O.list[cp].groups) n += k.agents.idleCount(g);
  return n;
}

/** The agent of campaign cp's groups idle longest (ties: the group listed first), or −1. */
export function longestIdle(k: KernelState, O: Campaigns, cp: number): number {
  const A = k.agents;
  let best = -1;
  for (const g of O.list[cp].groups) {
    const a = A.longestIdle(g);
    if (a >= 0 && (best < 0 || A.idleSince[a] < A.idleSince[best])) best = a;
  }
  return best;
}

/** `maxQueue`: the live inbound queues of the channels campaign cp's groups serve hold at most that many. */
function queuesAllow(k: KernelState, O: Campaigns, cp: number): boolean {
  const limit = O.list[cp].maxQueue;
  if (limit === Infinity) return true;
  let waiting = 0;
  for (const ch of O.channelsOf[cp]) waiting += k.liveWaiting[ch];
  return waiting <= limit;
}

/** The day's list and the interval's dial rate leave room for one more dial. */
function budgetAllows(k: KernelState, O: Campaigns, cp: number, now: number): boolean {
  const c = O.list[cp];
  const day = Math.floor(now / DAY_SEC);
  if (O.day[cp] !== day) {
    O.day[cp] = day;
    O.dialedInDay[cp] = 0;
  }
  if (O.dialedInDay[cp] >= c.listPerDay) return false;
  if (c.dialsPerHour === null) return true;
  const intervalSec = k.model.intervalSec;
  const period = Math.floor(now / intervalSec);
  if (O.period[cp] !== period) {
    O.period[cp] = period;
    O.dialedInPeriod[cp] = 0;
  }
  return O.dialedInPeriod[cp] < c.dialsPerHour[clampInterval(k, period)] * (intervalSec / 3600);
}

/** The interval whose settings apply at period p (the warm-up uses the first, as arrivals do). */
export function clampInterval(k: KernelState, p: number): number {
  return p < 0 ? 0 : Math.min(p, k.model.intervalCount - 1);
}

/**
 * Dials one call of campaign cp, holding agent a for it (−1: none, predictive). Reach and ring
 * time are drawn now, one uniform each from the campaign's own streams.
 */
function dial(k: KernelState, O: Campaigns, cp: number, a: number, now: number): void {
  const c = O.list[cp];
  const calls = O.calls;
  const call = calls.take();
  const iv = k.recorder.intervalOf(now);
  calls.campaign[call] = cp;
  calls.agent[call] = a;
  calls.interval[call] = iv;
  const reach = c.reach[clampInterval(k, Math.floor(now / k.model.intervalSec))];
  calls.reached[call] = O.reach[cp].next() < reach ? 1 : 0;
  const ring = O.ringTime[cp].draw(O.ring[cp]);
  O.totals[cp].dialed++;
  O.dialedInDay[cp]++;
  O.dialedInPeriod[cp]++;
  O.count('dialed', cp, iv, k.model.intervalCount);
  if (a >= 0) holdAgent(k, a, now);
  else O.ringing[cp]++;
  k.calendar.schedule(now + c.previewSec + ring, EventPriority.DialResult, EventKind.DialResult, call);
}

/** Agent a is taken for outbound work: busy from now, out of the idle ring. */
export function holdAgent(k: KernelState, a: number, now: number): void {
  const A = k.agents;
  A.sessions[a] = 1;
  A.sessionChannel[a] = OUTBOUND_SESSION;
  A.busySince[a] = now;
  A.unlist(a);
}
