// The router's agent selection and its two orders (issue 12 item 6), rule by rule, on scripted
// days (fixed arrival times, constant handle times) whose outcome is worked out in the comments:
// which group's agent takes which contact, read off the busy time of each group on each channel
// in each 100-second interval (`busy[g,ch,iv]`) and the waits. A random pick is checked against
// the same rule applied by hand to the numbers of its own stream (the test lists the candidates
// itself), and a single group of identical agents against longest idle: every contact's wait is
// the same under any selection, replication by replication.
import { describe, expect, it } from 'vitest';
import type { AgentSelectionName, Model, SkillModel } from '../../engine/model.js';
import { Stream } from '../../engine/random.js';
import { routingOf } from '../../engine/routing.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { simulateReplication } from '../../engine/simulate.js';
import { constant, exp, model, withChannel } from '../support/model.js';

const DAY = { horizonSec: 300, intervalSec: 100 };

const skill = (channel: number, rank = 1, groupRank?: number): SkillModel => ({ channel, type: -1, rank, afterSec: 0, ...(groupRank === undefined ? {} : { groupRank }) });

/** Busy seconds of group g on channel ch in each of the three intervals. */
function busy(r: ReplicationCounters, g: number, ch: number): number[] {
  const I = r.intervalCount, C = r.channelCount;
  return Array.from({ length: I }, (_, iv) => r.busySec[(g * C + ch) * I + iv]!);
}

const total = (a: ArrayLike<number>): number => Array.from(a).reduce((s, x) => s + x, 0);

const select = (m: Model, agentSelection: AgentSelectionName): Model => ({ ...m, agentSelection });

describe('the routing table keeps the two orders', () => {
  it('sorts a queue\'s groups by groupRank and a group\'s queues by rank', () => {
    // X: voice rank 1 but groupRank 3, email rank 2; Y: voice rank 2, groupRank 1. Voice's tier-1
    // queue (0) lists Y (1) before X (3); X still takes voice (rank 1) before email (rank 2).
    const m = withChannel(model({
      ...DAY,
      channels: [{ id: 'voice' }, { id: 'email', targetSec: 3600 }],
      groups: [
        { id: 'X', channels: [0, 1], count: 1, skills: [skill(0, 1, 3), skill(1, 2)] },
        { id: 'Y', channels: [0], count: 1, skills: [skill(0, 2, 1)] },
      ],
    }), 1, { kind: 'email', deferred: true });
    const R = routingOf(m);
    const q = R.queueOf(0, 0, 1);
    const groupsOf = (queue: number): number[] => Array.from(R.queueGroups.subarray(R.queueGroupStart[queue], R.queueGroupStart[queue + 1]));
    expect(groupsOf(q)).toEqual([1, 0]);
    expect(Array.from(R.queueGroupRank.subarray(R.queueGroupStart[q], R.queueGroupStart[q + 1]))).toEqual([1, 3]);
    const xQueues = Array.from(R.groupQueues.subarray(R.groupQueueStart[0], R.groupQueueStart[1]));
    expect(xQueues.map((x) => R.queueChannel[x])).toEqual([0, 1]);
  });
});

describe('two orders: the contact\'s (groupRank) apart from the agent\'s (rank)', () => {
  // Voice (handle 100 s) and email (deferred, handle 50 s). Groups, one agent each, listed in
  // this order: specialist (voice at rank 1), blender (voice at rank 2, email at rank 1).
  // Calls at 0, 10, 30; an email at 20.
  function center(blenderVoiceGroupRank?: number, specialistGroupRank?: number): Model {
    const base = model({
      ...DAY,
      channels: [{ id: 'voice', arrivalTimesSec: [0, 10, 30], handle: constant(100) }, { id: 'email', arrivalTimesSec: [20], handle: constant(50), targetSec: 3600 }],
      groups: [
        { id: 'specialist', channels: [0], count: 1, skills: [skill(0, 1, specialistGroupRank)] },
        { id: 'blender', channels: [0, 1], count: 1, skills: [skill(0, 2, blenderVoiceGroupRank), skill(1, 1)] },
      ],
    });
    return withChannel(base, 1, { kind: 'email', deferred: true });
  }

  it('with one rank for both (groupRank absent), a call goes to the rank-1 specialist first, as before', () => {
    // 0: specialist (0–100). 10: specialist busy, the blender takes it (10–110). 20: the email
    // waits (the specialist has no email). 30: waits. 100: the specialist takes the call of 30
    // (wait 70; 100–200). 110: the blender takes the email (wait 90; 110–160).
    const r = simulateReplication(center(), 1, 0);
    expect(busy(r, 0, 0)).toEqual([100, 100, 0]);
    expect(busy(r, 1, 0)).toEqual([90, 10, 0]);
    expect(busy(r, 1, 1)).toEqual([0, 50, 0]);
    expect(total(r.channel.waitSumSec.subarray(0, 3))).toBe(70);
    expect(total(r.channel.waitSumSec.subarray(3, 6))).toBe(90);
  });

  it('with groupRank, a call tries the blender first, while a freed blender still takes email (its rank 1) before voice', () => {
    // Blender voice groupRank 1, specialist groupRank 2. 0: the blender (0–100), though the
    // specialist is listed first and rank 1 for voice. 10: the specialist (10–110). 20: the
    // email waits; 30: the call waits. 100: the freed blender takes the email (rank 1 for it)
    // rather than the older call (rank 2): wait 80, 100–150. 110: the specialist takes the call
    // (wait 80; 110–210). 150: the blender finds nothing waiting.
    const r = simulateReplication(center(1, 2), 1, 0);
    expect(busy(r, 1, 0)).toEqual([100, 0, 0]);
    expect(busy(r, 0, 0)).toEqual([90, 100, 10]);
    expect(busy(r, 1, 1)).toEqual([0, 50, 0]);
    expect(total(r.channel.waitSumSec.subarray(0, 3))).toBe(80);
    expect(total(r.channel.waitSumSec.subarray(3, 6))).toBe(80);
  });

  it('with equal groupRanks, the tie goes by the selection (here the group listed first at time 0)', () => {
    // Both groupRank 1 and idle since the start: longest idle ties, the group listed first (the
    // specialist) takes the call of 0 — the same day as with one rank.
    const r = simulateReplication(center(1, 1), 1, 0);
    expect(busy(r, 0, 0)).toEqual([100, 100, 0]);
    expect(busy(r, 1, 0)).toEqual([90, 10, 0]);
  });
});

describe('agent selection among idle agents of the best groupRank', () => {
  // Groups A (listed first) and B, one agent each, one rank; handle 100 s; calls at 0, 150, 160.
  function twoGroups(): Model {
    return model({
      ...DAY,
      channels: [{ arrivalTimesSec: [0, 150, 160], handle: constant(100) }],
      groups: [{ id: 'A', channels: [0], count: 1 }, { id: 'B', channels: [0], count: 1 }],
    });
  }

  it('longestIdle: the agent idle longest, ties to the group listed first', () => {
    // 0: both idle since 0, A (listed first): 0–100. 150: B idle since 0, A since 100: B
    // (150–250). 160: A (160–260).
    const r = simulateReplication(twoGroups(), 1, 0);
    expect(busy(r, 0, 0)).toEqual([100, 40, 60]);
    expect(busy(r, 1, 0)).toEqual([0, 50, 50]);
  });

  it('groupOrder: the first group in the queue\'s order with an idle agent, however long the other has been idle', () => {
    // 0: A (0–100). 150: A is idle again (since 100): A (150–250), though B has been idle since 0.
    // 160: B (160–260).
    const r = simulateReplication(select(twoGroups(), 'groupOrder'), 1, 0);
    expect(busy(r, 0, 0)).toEqual([100, 50, 50]);
    expect(busy(r, 1, 0)).toEqual([0, 40, 60]);
  });

  it('groupOrder never passes over a better groupRank: a group listed first but ranked second waits its turn', () => {
    // A ranked 2 for the contact, B ranked 1. 0: B (0–100). 150: B again (idle since 100). 160: A.
    const base = twoGroups();
    const m = select({ ...base, groups: [{ ...base.groups[0]!, skills: [skill(0, 1, 2)] }, base.groups[1]!] }, 'groupOrder');
    const r = simulateReplication(m, 1, 0);
    expect(busy(r, 1, 0)).toEqual([100, 50, 50]);
    expect(busy(r, 0, 0)).toEqual([0, 40, 60]);
  });

  describe('random', () => {
    // Groups A (1 agent), B (2 agents) at groupRank 1, C (1 agent) at groupRank 2. Calls every
    // 20 s from 0 to 280, handle 10 s: every call finds A, B and C idle, so the pick is among
    // the three agents of A and B (never C), listed A's agent, then B's by idle time (longest
    // first): the ⌊3u⌋-th, u the next number of the stream `agentSelection:voice`.
    const calls = Array.from({ length: 15 }, (_, i) => 20 * i);
    function center(queueCapacity?: number): Model {
      const base = model({
        ...DAY,
        channels: [{ arrivalTimesSec: calls, handle: constant(10) }],
        groups: [
          { id: 'A', channels: [0], count: 1 },
          { id: 'B', channels: [0], count: 2 },
          { id: 'C', channels: [0], count: 1, skills: [skill(0, 1, 2)] },
        ],
      });
      const m = select(base, 'random');
      return queueCapacity === undefined ? m : withChannel(m, 0, { queueCapacity });
    }

    /** The groups' handled contacts by interval, worked out from the stream by the rule above. */
    function expected(seed: number): number[][] {
      const stream = new Stream(seed, 0, 'agentSelection:voice');
      // B's idle ring: agents 1 and 2, in the order they went idle (both at the start: 1, 2).
      let ringB = [1, 2];
      const handled = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
      for (const t of calls) {
        const candidates = [0, ...ringB];
        const a = candidates[Math.floor(stream.next() * candidates.length)]!;
        const g = a === 0 ? 0 : 1;
        handled[g]![Math.floor(t / 100)]!++;
        // The agent comes back 10 s later, at the tail of its group's ring.
        if (g === 1) ringB = [...ringB.filter((b) => b !== a), a];
      }
      return handled;
    }

    const handledByGroup = (r: ReplicationCounters): number[][] =>
      [0, 1, 2].map((g) => Array.from(r.group.handled.subarray(g * 3, g * 3 + 3)));

    it.each([1, 2, 3])('takes the ⌊u·n⌋-th idle agent of the best groupRank, one uniform per pick (seed %i)', (seed) => {
      const r = simulateReplication(center(), seed, 0);
      expect(handledByGroup(r)).toEqual(expected(seed));
      expect(total(r.group.handled.subarray(6, 9))).toBe(0);
      // Both A and B get calls at these seeds (15 picks; one group for all with probability < 0.3%).
      expect(total(r.group.handled.subarray(0, 3))).toBeGreaterThan(0);
      expect(total(r.group.handled.subarray(3, 6))).toBeGreaterThan(0);
    });

    it('draws nothing when admission only asks whether an agent is free (queue capacity)', () => {
      const r = simulateReplication(center(5), 1, 0);
      expect(handledByGroup(r)).toEqual(expected(1));
    });
  });
});

describe('one group of identical agents: the selection moves no contact\'s wait', () => {
  // Handle times belong to contacts, not agents, so with one group of identical agents on duty
  // all day any selection that leaves no agent idle while a contact waits gives every contact
  // the same wait: the channel's counters are equal replication by replication.
  it.each(['random', 'groupOrder'] as const)('%s gives longest idle\'s channel counters exactly (M/M/8+M, 2 hours)', (selection) => {
    const m = model({ agents: 8, horizonSec: 7200, channels: [{ perHour: 70, handle: exp(360), patience: exp(300) }] });
    for (const seed of [1, 2, 3]) {
      const a = simulateReplication(m, seed, 0);
      const b = simulateReplication(select(m, selection), seed, 0);
      expect(total(a.channel.offered)).toBeGreaterThan(100);
      for (const [name, values] of Object.entries(a.channel)) expect(Array.from(b.channel[name as keyof typeof a.channel]), name).toEqual(Array.from(values));
      expect(Array.from(b.group.availableSec)).toEqual(Array.from(a.group.availableSec));
    }
  });
});
