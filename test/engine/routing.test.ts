// Routing, directly: the compiled routing table (engine/routing.ts) — which queues exist, what
// each is, which groups may take each one in which order — and the router's choices
// (engine/kernel/router.ts) on a kernel state set up by hand: which agent a new contact goes
// to (rank, overflow delay met exactly at its boundary, longest idle, ties to the group listed
// first, chat slots least loaded) and which contact a freed agent takes (rank, priority,
// longest wait, overflow, open hours). Every expected value is worked out in the comments.
import { describe, expect, it } from 'vitest';
import { ContactState } from '../../engine/contacts.js';
import { KernelState } from '../../engine/kernel/state.js';
import { findAgent, findOpenSlot, findWork, isWorkable, NO_PICK, pickedIndex, viaOverflow } from '../../engine/kernel/router.js';
import type { ContactTypeModel, Model, SkillModel } from '../../engine/model.js';
import { CALLBACK_PRIORITY, routingOf } from '../../engine/routing.js';
import { constant, model, withChannel } from '../support/model.js';

const skill = (channel: number, rank = 1, afterSec = 0, type = -1): SkillModel => ({ channel, type, rank, afterSec });
const type = (id: string, priority: number): ContactTypeModel => ({ id, share: 1, priority, handleByTier: [constant(60), null, null], escalation: [0, 0], fcr: 1 });

/** Groups of one agent each, with the given skills (tier 1 unless told). */
function groups(...specs: { id: string; skills: SkillModel[]; tier?: 1 | 2 | 3 }[]) {
  return specs.map((s) => ({ id: s.id, channels: [...new Set(s.skills.map((k) => k.channel))], count: 1, skills: s.skills, tier: s.tier ?? 1 }));
}

const asList = (a: ArrayLike<number>): number[] => Array.from(a);

describe('the routing table', () => {
  // voice: types urgent (P1) and normal (P3), callbacks (target 900 s); email: deferred, one
  // type; chat: open hours, one type. Tier 2 transfer (target 60 s), tier 3 ticket (no target).
  // Groups: late (normal voice at rank 1 after 60 s), front (voice rank 1, email rank 2),
  // backup (normal voice rank 2 after 60 s, urgent voice rank 2 after 30 s, normal voice
  // rank 3 after 45 s), tier2 (email, then voice, at tier 2), chat.
  function table() {
    const base = model({
      horizonSec: 3600, intervalSec: 3600,
      channels: [{ id: 'voice', targetSec: 20 }, { id: 'email', targetSec: 3600 }, { id: 'chat', targetSec: 30 }],
      groups: groups(
        { id: 'late', skills: [skill(0, 1, 60, 1)] },
        { id: 'front', skills: [skill(0), skill(1, 2)] },
        { id: 'backup', skills: [skill(0, 2, 60, 1), skill(0, 2, 30, 0), skill(0, 3, 45, 1)] },
        { id: 'tier2', skills: [skill(1), skill(0)], tier: 2 },
        { id: 'chat', skills: [skill(2)] },
      ),
    });
    let m: Model = withChannel(base, 0, { types: [type('urgent', 1), type('normal', 3)], callback: { afterSec: 30, share: 1, targetSec: 900 } });
    m = withChannel(m, 1, { kind: 'email', deferred: true });
    m = withChannel(m, 2, { kind: 'chat', openHours: { startSec: 0, endSec: 3600 } });
    m = { ...m, tiers: [m.tiers[0], { tier: 2, mode: 'transfer', targetSec: 60 }, { tier: 3, mode: 'ticket', targetSec: null }] };
    return routingOf(m);
  }

  it('numbers four queues per type — tiers 1–3, then callbacks — channel by channel', () => {
    const R = table();
    // voice: 2 types × 4 = queues 0–7; email 8–11; chat 12–15.
    expect(R.queueCount).toBe(16);
    expect([R.queueOf(0, 0, 1), R.queueOf(0, 0, 2), R.queueOf(0, 0, 3), R.callbackQueueOf(0, 0)]).toEqual([0, 1, 2, 3]);
    expect([R.queueOf(0, 1, 1), R.queueOf(0, 1, 3), R.callbackQueueOf(0, 1)]).toEqual([4, 6, 7]);
    expect([R.queueOf(1, 0, 1), R.queueOf(1, 0, 2), R.callbackQueueOf(1, 0), R.queueOf(2, 0, 1), R.callbackQueueOf(2, 0)]).toEqual([8, 9, 11, 12, 15]);
    expect(asList(R.queueChannel)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    expect(asList(R.queueType)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(asList(R.queueTier)).toEqual([1, 2, 3, 1, 1, 2, 3, 1, 1, 2, 3, 1, 1, 2, 3, 1]);
    expect(asList(R.queueIsCallback)).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('gives each queue its priority (callbacks after P4), deferred flag, workability and target', () => {
    const R = table();
    const P = CALLBACK_PRIORITY;
    expect(P).toBe(5);
    // Priorities: the type's, callbacks 5 (email and chat types default to P3).
    expect(asList(R.queuePriority)).toEqual([1, 1, 1, P, 3, 3, 3, P, 3, 3, 3, P, 3, 3, 3, P]);
    // Deferred: tier-3 tickets, callbacks, every email queue; tier-2 transfers are live.
    expect(asList(R.queueDeferred)).toEqual([0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1]);
    // Always workable: live and without open hours (chat has open hours).
    expect(asList(R.queueAlwaysWorkable)).toEqual([1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // Targets: tier 1 the channel's; tier 2 the tier's 60 s; tier 3 none → the channel's;
    // callbacks the callback target (voice 900 s) or, without callbacks, the channel's.
    expect(asList(R.queueTargetSec)).toEqual([20, 60, 20, 900, 20, 60, 20, 900, 3600, 60, 3600, 3600, 30, 60, 30, 30]);
  });

  it('lists each queue\'s groups by rank, then overflow delay, then group order — tier by tier', () => {
    const R = table();
    // q0 urgent: front (1, 0 s), backup (2, 30 s). q1, q5 (tier 2): tier2. q3 = q0's callbacks.
    // q4 normal: front (1, 0 s) before late (1, 60 s) although late is listed first; backup
    // (2, 60 s), backup (3, 45 s). q7 likewise. q8 email: front (2). q9: tier2. q12: chat.
    // No group at tier 3, and email and chat have no callback queue links.
    expect(asList(R.queueGroupStart)).toEqual([0, 2, 3, 3, 5, 9, 10, 10, 14, 15, 16, 16, 16, 17, 17, 17, 17]);
    expect(asList(R.queueGroups)).toEqual([1, 2, 3, 1, 2, 1, 0, 2, 2, 3, 1, 0, 2, 2, 1, 3, 4]);
    expect(asList(R.queueGroupRank)).toEqual([1, 2, 1, 1, 2, 1, 1, 2, 3, 1, 1, 1, 2, 3, 2, 1, 1]);
    expect(asList(R.queueGroupAfterSec)).toEqual([0, 30, 0, 0, 30, 0, 60, 60, 45, 0, 0, 60, 60, 45, 0, 0, 0]);
    expect([0, 1, 2, 3, 4, 6, 8, 9, 10, 11, 12, 13].map((q) => R.isServed(q))).toEqual([true, true, false, true, true, false, true, true, false, false, true, false]);
  });

  it('lists each group\'s queues by rank, then priority, then skill order, then queue', () => {
    const R = table();
    // late: q4 (P3), q7 (callbacks, P5).
    // front: rank 1 q0 (P1), q4 (P3), q3 (P5), q7 (P5); rank 2 q8.
    // backup: rank 2 q0 (P1), q4 (P3), then P5: q7 (skill 0) before q3 (skill 1); rank 3 q4, q7.
    // tier2: q1 (P1); then P3: q9 (skill 0) before q5 (skill 1). chat: q12.
    expect(asList(R.groupQueueStart)).toEqual([0, 2, 7, 13, 16, 17]);
    expect(asList(R.groupQueues)).toEqual([4, 7, 0, 4, 3, 7, 8, 0, 4, 7, 3, 4, 7, 1, 9, 5, 12]);
    expect(asList(R.groupQueueRank)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 1, 1, 1, 1]);
    expect(asList(R.groupQueueAfterSec)).toEqual([60, 60, 0, 0, 0, 0, 0, 30, 60, 60, 30, 45, 45, 0, 0, 0, 0]);
  });

  it('keeps each queue\'s distinct positive overflow delays, ascending', () => {
    const R = table();
    // q0 and q3: 30; q4 and q7: 60 (twice) and 45 → 45, 60.
    expect(asList(R.overflowStart)).toEqual([0, 1, 1, 1, 2, 4, 4, 4, 6, 6, 6, 6, 6, 6, 6, 6, 6]);
    expect(asList(R.overflowSec)).toEqual([30, 30, 45, 60, 45, 60]);
  });

  it('is built once per model', () => {
    const m = model({ horizonSec: 3600, intervalSec: 3600 });
    expect(routingOf(m)).toBe(routingOf(m));
    expect(routingOf({ ...m })).not.toBe(routingOf(m));
  });
});

// ——— the router on a hand-set kernel state ———

function kernel(m: Model): KernelState {
  return new KernelState(m, 1, 0, null);
}

/** Agent a is available and idle since t. */
function idle(k: KernelState, a: number, t: number): void {
  k.agents.offReasons[a] = 0;
  k.agents.listIdle(a, t);
}

/** Agent a is available, holding n sessions of channel ch with room for more since t. */
function holding(k: KernelState, a: number, n: number, ch: number, t: number): void {
  const A = k.agents;
  A.offReasons[a] = 0;
  A.sessions[a] = n;
  A.sessionChannel[a] = ch;
  A.listOpenSlot(a, t);
}

/** A contact waiting in queue q since t; returns its slot. */
function waiting(k: KernelState, q: number, t: number): number {
  const P = k.contacts;
  const c = P.take();
  P.arrivalSec[c] = t;
  P.enqueueSec[c] = t;
  P.queue[c] = q;
  P.state[c] = ContactState.Waiting;
  const token = k.nextToken++;
  P.token[c] = token;
  k.queues[q].push(c, token);
  return c;
}

/** The pick as [index, via overflow], or null for NO_PICK. */
const picked = (p: number): [number, boolean] | null => (p === NO_PICK ? null : [pickedIndex(p), viaOverflow(p)]);

describe('a new contact looking for an agent (findAgent)', () => {
  // One voice queue (q0). Agents 0–3, one per group: A rank 1, B rank 1, C rank 2, D rank 1
  // after 60 s. The queue's list: A, B, D (60 s), C.
  const m = model({
    horizonSec: 3600, intervalSec: 3600,
    groups: groups({ id: 'A', skills: [skill(0)] }, { id: 'B', skills: [skill(0)] }, { id: 'C', skills: [skill(0, 2)] }, { id: 'D', skills: [skill(0, 1, 60)] }),
  });

  it('takes the best rank before the longest idle', () => {
    const k = kernel(m);
    idle(k, 2, 0);
    idle(k, 0, 100);
    expect(picked(findAgent(k, 0, 0, 200))).toEqual([0, false]);
  });

  it('falls to a worse rank only when no better-ranked agent is idle', () => {
    const k = kernel(m);
    idle(k, 2, 100);
    expect(picked(findAgent(k, 0, 0, 200))).toEqual([2, false]);
  });

  it('takes the longest-idle agent across the groups of the best rank', () => {
    const k = kernel(m);
    idle(k, 0, 100);
    idle(k, 1, 50);
    expect(picked(findAgent(k, 0, 0, 200))).toEqual([1, false]);
  });

  it('breaks a tie in idle time in favour of the group listed first', () => {
    const k = kernel(m);
    idle(k, 1, 50);
    idle(k, 0, 50);
    expect(picked(findAgent(k, 0, 0, 200))).toEqual([0, false]);
  });

  it('lets an overflow group in once the contact has waited exactly its delay, marked as overflow', () => {
    const k = kernel(m);
    idle(k, 3, 0);
    expect(findAgent(k, 0, 59.999, 200)).toBe(NO_PICK);
    expect(picked(findAgent(k, 0, 60, 200))).toEqual([3, true]);
  });

  it('prefers a better-ranked overflow group whose delay is met to a worse rank idle longer', () => {
    const k = kernel(m);
    idle(k, 2, 0);
    idle(k, 3, 10);
    expect(picked(findAgent(k, 0, 30, 200))).toEqual([2, false]); // D not yet eligible
    expect(picked(findAgent(k, 0, 60, 200))).toEqual([3, true]);
  });

  it('finds nobody when nobody is idle', () => {
    const k = kernel(m);
    expect(findAgent(k, 0, 1000, 200)).toBe(NO_PICK);
  });
});

describe('a new chat with no idle agent (findOpenSlot: least loaded)', () => {
  // chat (3 slots) and other (3 slots). Agents 0–3: A (chat and other, rank 1), B (chat,
  // rank 1), C (chat, rank 2), D (chat, rank 1 after 30 s). chat's list: A, B, D (30 s), C.
  const base = model({
    horizonSec: 3600, intervalSec: 3600,
    channels: [{ id: 'chat' }, { id: 'other' }],
    groups: groups({ id: 'A', skills: [skill(0), skill(1)] }, { id: 'B', skills: [skill(0)] }, { id: 'C', skills: [skill(0, 2)] }, { id: 'D', skills: [skill(0, 1, 30)] }),
  });
  const chat = { kind: 'chat' as const, concurrency: 3, concurrencyFactor: 1 };
  const m = withChannel(withChannel(base, 0, chat), 1, chat);
  const CHAT = 0, OTHER = 1;
  const q = 0; // chat's tier-1 queue

  it('takes the agent holding the fewest sessions', () => {
    const k = kernel(m);
    holding(k, 0, 2, CHAT, 0);
    holding(k, 1, 1, CHAT, 50);
    expect(picked(findOpenSlot(k, q, 0))).toEqual([1, false]);
    expect(picked(findAgent(k, q, 0, 100))).toEqual([1, false]); // no idle agent: the same rule
  });

  it('among equally loaded agents, takes the one at that load longest', () => {
    const k = kernel(m);
    holding(k, 0, 1, CHAT, 50);
    holding(k, 1, 1, CHAT, 10);
    expect(picked(findOpenSlot(k, q, 0))).toEqual([1, false]);
  });

  it('breaks a tie in load and time in favour of the group listed first', () => {
    const k = kernel(m);
    holding(k, 1, 1, CHAT, 10);
    holding(k, 0, 1, CHAT, 10);
    expect(picked(findOpenSlot(k, q, 0))).toEqual([0, false]);
  });

  it('takes the best rank before the lightest load', () => {
    const k = kernel(m);
    holding(k, 0, 2, CHAT, 0);
    holding(k, 2, 1, CHAT, 0);
    expect(picked(findOpenSlot(k, q, 0))).toEqual([0, false]);
  });

  it('passes over an agent holding another channel\'s sessions', () => {
    const k = kernel(m);
    holding(k, 0, 1, OTHER, 0);
    expect(findOpenSlot(k, q, 0)).toBe(NO_PICK);
    holding(k, 1, 2, CHAT, 5);
    expect(picked(findOpenSlot(k, q, 0))).toEqual([1, false]);
  });

  it('lets an overflow group\'s open slot in once the chat has waited exactly its delay', () => {
    const k = kernel(m);
    holding(k, 3, 1, CHAT, 0);
    expect(findOpenSlot(k, q, 29.5)).toBe(NO_PICK);
    expect(picked(findOpenSlot(k, q, 30))).toEqual([3, true]);
  });

  it('finds nothing when nobody has a free slot, however long the chat waited', () => {
    const k = kernel(m);
    expect(findOpenSlot(k, q, 1000)).toBe(NO_PICK);
    expect(findAgent(k, q, 1000, 100)).toBe(NO_PICK);
  });

  it('gives a new chat to an idle agent before any open slot', () => {
    const k = kernel(m);
    holding(k, 0, 1, CHAT, 0);
    idle(k, 1, 100);
    expect(picked(findAgent(k, q, 0, 200))).toEqual([1, false]);
  });

  it('lets an agent holding sessions take only work of its session channel', () => {
    const k = kernel(m);
    const older = waiting(k, 0, 0); // chat, waiting since 0
    const other = waiting(k, routingOf(m).queueOf(OTHER, 0, 1), 50);
    expect(picked(findWork(k, 0, 100))).toEqual([older, false]); // holding nothing: the older
    holding(k, 0, 1, OTHER, 60);
    expect(picked(findWork(k, 0, 100))).toEqual([other, false]);
  });
});

describe('a freed agent looking for work (findWork)', () => {
  // voice: urgent (P1, q0), normal (P3, q4), other (P3, q8); email (deferred, q12). Agent 0
  // (front): voice rank 1, email rank 2. Agent 1 (backup): voice rank 1 after 60 s.
  const base = model({
    horizonSec: 3600, intervalSec: 3600,
    channels: [{ id: 'voice' }, { id: 'email', targetSec: 86_400 }],
    groups: groups({ id: 'front', skills: [skill(0), skill(1, 2)] }, { id: 'backup', skills: [skill(0, 1, 60)] }),
  });
  const m = withChannel(withChannel(base, 0, { types: [type('urgent', 1), type('normal', 3), type('other', 3)] }), 1, { kind: 'email', deferred: true });
  const URGENT = 0, NORMAL = 4, OTHER = 8, EMAIL = 12;
  const now = 1000;

  it('takes the highest priority before the longest wait', () => {
    const k = kernel(m);
    const p1 = waiting(k, URGENT, 900);
    waiting(k, NORMAL, 100);
    expect(picked(findWork(k, 0, now))).toEqual([p1, false]);
  });

  it('takes rank-1 work before rank-2 work that waited longer, and rank-2 work when no other waits', () => {
    const k = kernel(m);
    waiting(k, EMAIL, 0);
    const call = waiting(k, NORMAL, 500);
    expect(picked(findWork(k, 0, now))).toEqual([call, false]);
    const k2 = kernel(m);
    const only = waiting(k2, EMAIL, 0);
    expect(picked(findWork(k2, 0, now))).toEqual([only, false]);
  });

  it('takes the longest wait among queues of one rank and priority, ties to the queue listed first', () => {
    const k = kernel(m);
    waiting(k, NORMAL, 300);
    const older = waiting(k, OTHER, 200);
    expect(picked(findWork(k, 0, now))).toEqual([older, false]);
    const k2 = kernel(m);
    const first = waiting(k2, NORMAL, 200);
    waiting(k2, OTHER, 200);
    expect(picked(findWork(k2, 0, now))).toEqual([first, false]);
  });

  it('lets an overflow link take the head once it has waited exactly the delay, marked as overflow', () => {
    const k = kernel(m);
    waiting(k, NORMAL, now - 59);
    expect(findWork(k, 1, now)).toBe(NO_PICK);
    const k2 = kernel(m);
    const c = waiting(k2, NORMAL, now - 60);
    expect(picked(findWork(k2, 1, now))).toEqual([c, true]);
    expect(picked(findWork(k2, 0, now))).toEqual([c, false]); // the primary group: no overflow
  });

  it('skips contacts that left the queue another way', () => {
    const k = kernel(m);
    const gone = waiting(k, NORMAL, 100);
    const next = waiting(k, NORMAL, 500);
    k.contacts.token[gone] = -1; // answered elsewhere: its entry is stale
    k.queues[NORMAL]!.live--;
    expect(picked(findWork(k, 0, now))).toEqual([next, false]);
    k.contacts.state[next] = ContactState.InService;
    k.queues[NORMAL]!.live--;
    expect(findWork(k, 0, now)).toBe(NO_PICK);
  });

  it('stops taking deferred work at the horizon, but still takes live work', () => {
    const k = kernel(m);
    waiting(k, EMAIL, 0);
    k.closed = true;
    expect(findWork(k, 0, now)).toBe(NO_PICK);
    const call = waiting(k, NORMAL, 900);
    expect(picked(findWork(k, 0, now))).toEqual([call, false]);
  });
});

describe('open hours (isWorkable)', () => {
  // voice open 01:00–02:00; email (deferred, always open); chat with neither.
  const base = model({ horizonSec: 3600, intervalSec: 3600, channels: [{ id: 'voice' }, { id: 'email' }, { id: 'chat' }] });
  const m = withChannel(withChannel(base, 0, { openHours: { startSec: 3600, endSec: 7200 } }), 1, { kind: 'email', deferred: true });
  const VOICE = 0, EMAIL = 4, CHAT = 8;

  it('works a channel from the opening instant up to, not including, the closing one — every day', () => {
    const k = kernel(m);
    const at = (t: number): boolean => isWorkable(k, VOICE, t);
    expect([at(3599), at(3600), at(7199.5), at(7200), at(86_400 + 3599), at(86_400 + 3600), at(-86_400 + 5000)]).toEqual([false, true, true, false, false, true, true]);
  });

  it('works deferred work until the horizon only; live work always', () => {
    const k = kernel(m);
    expect([isWorkable(k, EMAIL, 100), isWorkable(k, CHAT, 100)]).toEqual([true, true]);
    k.closed = true;
    expect([isWorkable(k, EMAIL, 100), isWorkable(k, CHAT, 100), isWorkable(k, VOICE, 3700)]).toEqual([false, true, true]);
  });

  it('routes no contact to an idle agent while its queue is closed', () => {
    const k = kernel(m);
    idle(k, 0, 0);
    expect(findAgent(k, VOICE, 0, 100)).toBe(NO_PICK);
    expect(picked(findAgent(k, VOICE, 0, 3600))).toEqual([0, false]);
  });
});
