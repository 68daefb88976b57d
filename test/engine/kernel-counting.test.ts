// Each contact and each second counted where it belongs: hand-computable scripted cases
// (fixed arrival times, constant handle times) for the figures the review of issue 11 found
// wrong — each case failed on the kernel before the fix.
import { describe, expect, it } from 'vitest';
import type { GroupModel, Model } from '../../engine/model.js';
import { simulateReplication } from '../../engine/simulate.js';
import { constant, model, sum, withChannel } from '../support/model.js';

const onDuty = (startSec: number, endSec: number, agents: number): Pick<GroupModel, 'agentShifts' | 'agentKeys' | 'count'> => ({
  agentShifts: Array.from({ length: agents }, () => [{ startSec, endSec, breaks: [] }]),
  agentKeys: Array.from({ length: agents }, (_, k) => String(k)),
  count: agents,
});

describe('P(wait) counts a contact once', () => {
  it('does not count a caller again when it moves to the callback queue', () => {
    // One agent, handle 100 s; calls at 0, 10, 20. Calls 2 and 3 wait; after 5 s each accepts
    // a callback (share 1) and moves to the callback queue. Queued: 2 of 3 (not 4 of 3).
    const m = withChannel(model({ horizonSec: 3600, intervalSec: 3600, agents: 1, channels: [{ arrivalTimesSec: [0, 10, 20], handle: constant(100) }] }), 0, {
      callback: { afterSec: 5, share: 1, targetSec: 3600 },
    });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.offered[0]).toBe(3);
    expect(r.channel.callbacks[0]).toBe(2);
    expect(r.channel.queued[0]).toBe(2);
    expect(r.channel.handled[0]).toBe(3);
  });
});

describe('tier-2 and tier-3 groups count the work they do', () => {
  it('gives a tier-2 group its handled contacts and handle time', () => {
    // Two calls at 0 and 500, tier-1 handle 100 s, every one escalated to tier 2 (200 s).
    const base = model({ horizonSec: 3600, intervalSec: 3600, agents: 1, channels: [{ arrivalTimesSec: [0, 500], handle: constant(100) }] });
    const m: Model = {
      ...withChannel(base, 0, { types: [{ id: 'issue', share: 1, priority: 3, handleByTier: [constant(100), constant(200), null], escalation: [1, 0], fcr: 1 }] }),
      groups: [base.groups[0]!, { ...base.groups[0]!, id: 'tier2', tier: 2 }],
    };
    const r = simulateReplication(m, 1, 0);
    expect(r.group.handled[0]).toBe(2); // tier 1
    expect(r.group.handled[1]).toBe(2); // tier 2
    expect(r.group.handleSumSec[1]).toBe(400);
    expect(r.tier.handled[1]).toBe(2);
    expect(r.tier.handleSumSec[1]).toBe(400);
    expect(r.tier.withinTarget[1]).toBe(2); // answered at once, within the channel's 20 s
  });
});

describe('chat sessions go to any agent with a free slot', () => {
  it('finds a free slot behind an agent holding another chat channel\'s sessions', () => {
    // One group serves chat a and chat b (2 sessions each). Agent 0 takes a's chat at 0,
    // agent 1 b's chat at 1; b's second chat at 2 must go to agent 1's free slot, not wait.
    const base = model({
      horizonSec: 3600, intervalSec: 3600, agents: 2,
      channels: [{ id: 'a', arrivalTimesSec: [0], handle: constant(100) }, { id: 'b', arrivalTimesSec: [1, 2], handle: constant(100) }],
    });
    const chat = { kind: 'chat' as const, concurrency: 2, concurrencyFactor: 1 };
    const m = withChannel(withChannel(base, 0, chat), 1, chat);
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.queued[1]).toBe(0);
    expect(r.channel.waitSumSec[1]).toBe(0);
  });

  it('gives a new chat to the least-loaded agent, then to the one at that load longest', () => {
    // Agents 0 and 1, 3 slots each, sessions of 1000 s. Chats at 0, 1, 2, 3, 4:
    // 0 → agent 0 (idle longest, listed first); 1 → agent 1 (idle); 2 → agent 0 (both hold 1,
    // agent 0 since 0); 3 → agent 1 (holds 1 against 2); 4 → agent 0 (both hold 2, agent 0 since 2).
    const base = model({ horizonSec: 3600, intervalSec: 3600, channels: [{ id: 'chat', arrivalTimesSec: [0, 1, 2, 3, 4], handle: constant(1000) }] });
    const m: Model = {
      ...withChannel(base, 0, { kind: 'chat', concurrency: 3, concurrencyFactor: 1 }),
      groups: [{ ...base.groups[0]!, id: 'first', ...onDuty(0, 3600, 1) }, { ...base.groups[0]!, id: 'second', ...onDuty(0, 3600, 1) }],
    };
    const r = simulateReplication(m, 1, 0);
    expect([r.group.handled[0], r.group.handled[1]]).toEqual([3, 2]);
    expect(r.channel.queued[0]).toBe(0);
  });
});

describe('open hours', () => {
  it('makes waiting work workable at the opening instant, not at the next interval boundary', () => {
    // Email opens at 01:30 (intervals of 1 h). An email at 00:10 is started at 01:30: wait 80 min.
    const base = model({ horizonSec: 4 * 3600, intervalSec: 3600, agents: 1, channels: [{ id: 'email', arrivalTimesSec: [600], handle: constant(60), targetSec: 86_400 }] });
    const m = withChannel(base, 0, { kind: 'email', deferred: true, openHours: { startSec: 5400, endSec: 4 * 3600 } });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.handled[0]).toBe(1);
    expect(r.channel.waitSumSec[0]).toBe(4800);
  });
});

describe('queue and backlog maxima over time', () => {
  it('counts a live queue carried into an interval with no arrivals', () => {
    // One agent, handle 3600 s; calls at 0, 1, 2: two wait from 2 s to 3600 s, one from 3600 s
    // to 7200 s. Intervals of 30 min: the second has no arrivals but a queue of 2 throughout;
    // the third inherits 2 at its first instant (the boundary comes before the release at
    // 3600 s, EventPriority), the fourth 1.
    const m = model({ horizonSec: 2 * 3600, intervalSec: 1800, agents: 1, channels: [{ arrivalTimesSec: [0, 1, 2], handle: constant(3600) }] });
    const r = simulateReplication(m, 1, 0);
    expect(Array.from(r.channel.maxQueue)).toEqual([2, 2, 2, 1]);
  });

  it('counts a deferred backlog carried into an interval with no arrivals', () => {
    // No agent on duty until 3 h: three emails at 0, 60, 120 wait; the backlog is 3 in every
    // interval, the fourth inheriting 3 at its first instant before the agent starts (3 h).
    const base = model({ horizonSec: 4 * 3600, intervalSec: 3600, channels: [{ id: 'email', arrivalTimesSec: [0, 60, 120], handle: constant(1200), targetSec: 86_400 }] });
    const m: Model = {
      ...withChannel(base, 0, { kind: 'email', deferred: true }),
      groups: [{ ...base.groups[0]!, ...onDuty(3 * 3600, 4 * 3600, 1) }],
    };
    const r = simulateReplication(m, 1, 0);
    expect(Array.from(r.channel.backlogMax)).toEqual([3, 3, 3, 3]);
    expect(Array.from(r.channel.maxQueue)).toEqual([0, 0, 0, 0]);
  });
});

describe('deferred work open at the end of the horizon', () => {
  // An 8-hour day, email target 24 h, one agent from 07:00 handling one email per hour.
  const day = (arrivals: number[], agentFrom: number): Model => {
    const base = model({ horizonSec: 8 * 3600, intervalSec: 3600, channels: [{ id: 'email', arrivalTimesSec: arrivals, handle: constant(3600), targetSec: 86_400 }] });
    return {
      ...withChannel(base, 0, { kind: 'email', deferred: true }),
      groups: [{ ...base.groups[0]!, ...onDuty(agentFrom, 8 * 3600, 1) }],
    };
  };

  it('counts work whose deadline lies beyond the horizon as pending, neither met nor missed', () => {
    // Emails at 1 h, 2 h, 3 h; the agent works from 6 h: the first two are finished at 7 h and
    // 8 h, the third is still waiting at the end with its deadline (27 h) beyond the horizon.
    const r = simulateReplication(day([3600, 7200, 10_800], 6 * 3600), 1, 0);
    expect(sum(r.channel.offered)).toBe(3);
    expect(sum(r.channel.answeredWithinTarget)).toBe(2);
    expect(sum(r.channel.pending)).toBe(1);
    expect(r.channel.pending[3]).toBe(1); // its arrival interval
    expect(sum(r.waitingAtEnd)).toBe(1);
  });

  it('counts work whose deadline has passed as a miss, not as pending', () => {
    // Target 1 h: an email at 0 still waiting at 8 h has missed its 1-hour deadline.
    const m = withChannel(day([0, 100], 7.9 * 3600), 0, { targetSec: 3600 });
    const r = simulateReplication(m, 1, 0);
    expect(sum(r.channel.answeredWithinTarget)).toBe(0);
    expect(sum(r.channel.pending)).toBe(0);
  });

  it('counts a ticket open at the end with its deadline past the horizon as pending at its tier', () => {
    // A call at 0 escalates to a tier-3 ticket (target 2 days) that nobody works today.
    const base = model({ horizonSec: 3600, intervalSec: 3600, agents: 1, channels: [{ arrivalTimesSec: [0], handle: constant(60) }] });
    const m: Model = {
      ...withChannel(base, 0, { types: [{ id: 'bug', share: 1, priority: 2, handleByTier: [constant(60), constant(60), constant(600)], escalation: [1, 1], fcr: 1 }] }),
      groups: [base.groups[0]!, { ...base.groups[0]!, id: 't2', tier: 2 }, { ...base.groups[0]!, id: 't3', tier: 3, ...onDuty(7200, 7300, 1) }],
      tiers: [base.tiers[0], base.tiers[1], { tier: 3, mode: 'ticket', targetSec: 2 * 86_400 }],
    };
    const r = simulateReplication(m, 1, 0);
    expect(r.tier.entered[2]).toBe(1);
    expect(r.tier.pending[2]).toBe(1);
    expect(r.tier.withinTarget[2]).toBe(0);
  });
});

describe('chat slot time', () => {
  it('records session time apart from agent busy time', () => {
    // One agent with 2 slots, two 100 s chats at 0 and 50: busy 0–150 (150 s), sessions 200 s.
    const base = model({ horizonSec: 1000, intervalSec: 1000, agents: 1, channels: [{ id: 'chat', arrivalTimesSec: [0, 50], handle: constant(100) }] });
    const m = withChannel(base, 0, { kind: 'chat', concurrency: 2, concurrencyFactor: 1 });
    const r = simulateReplication(m, 1, 0);
    expect(sum(r.busySec)).toBe(150);
    expect(r.channel.sessionSec[0]).toBe(200);
  });
});

describe('time-average queue and the waits of abandoners', () => {
  it('integrates the live queue length over time (Little: the area equals the total wait)', () => {
    // One agent, handle 100 s, calls at 0, 10, 20: queue 1 over [10, 20), 2 over [20, 100),
    // 1 over [100, 200): area 10 + 160 + 100 = 270 s = waits 0 + 90 + 180.
    const m = model({ horizonSec: 3600, intervalSec: 3600, agents: 1, channels: [{ arrivalTimesSec: [0, 10, 20], handle: constant(100) }] });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.queueAreaSec[0]).toBe(270);
  });

  it('sums the time abandoners waited', () => {
    // One agent busy 0–100; calls at 10 and 15 with 30 s patience abandon at 40 and 45.
    const m = model({ horizonSec: 3600, intervalSec: 3600, agents: 1, channels: [{ arrivalTimesSec: [0, 10, 15], handle: constant(100), patience: constant(30) }] });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.abandoned[0]).toBe(2);
    expect(r.channel.abandonWaitSumSec[0]).toBe(60);
  });
});
