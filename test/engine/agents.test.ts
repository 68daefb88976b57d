// The agent pool (engine/agents.ts): agents numbered group by group, their starting state,
// stamps that retire old ring entries, the idle ring (longest idle first), the open-slot
// rings of chat agents (one per group and load), and reset.
import { describe, expect, it } from 'vitest';
import { AgentPool } from '../../engine/agents.js';

/** Puts agent a on chat channel ch with n sessions and lists it at that load. */
function holdSessions(pool: AgentPool, a: number, ch: number, n: number, now: number): void {
  pool.sessions[a] = n;
  pool.sessionChannel[a] = ch;
  pool.listOpenSlot(a, now);
}

/** Two agents as a new (or reset) pool holds them: off duty (1 reason), nothing in hand (channel −1), no shift end or overtime, no stamp. */
function expectFresh(pool: AgentPool): void {
    expect(Array.from(pool.offReasons)).toEqual([1, 1]);
    expect(Array.from(pool.sessions)).toEqual([0, 0]);
    expect(Array.from(pool.sessionChannel)).toEqual([-1, -1]);
    expect(Array.from(pool.shiftEndSec)).toEqual([Infinity, Infinity]);
    expect(Array.from(pool.overtimeFrom)).toEqual([Infinity, Infinity]);
    expect(Array.from(pool.stamp)).toEqual([0, 0]);
}

describe('AgentPool: construction', () => {
  it('numbers the agents group by group: counts [2, 0, 3] → groups 0 0 2 2 2', () => {
    const pool = new AgentPool([2, 0, 3]);
    expect(pool.size).toBe(5);
    expect(Array.from(pool.group)).toEqual([0, 0, 2, 2, 2]);
    expect(pool.idle.length).toBe(3);
  });

  it('starts every agent off duty (1 reason), with nothing in hand (channel −1), and no shift end or overtime (Infinity)', () => {
    const pool = new AgentPool([1, 1]);
    expectFresh(pool);
  });

  it('has no idle agent in any group before one is listed', () => {
    const pool = new AgentPool([2, 3]);
    expect([pool.longestIdle(0), pool.longestIdle(1)]).toEqual([-1, -1]);
  });
});

describe('AgentPool: stamps and the idle ring', () => {
  it('gives each change of state a new stamp, 1, 2, 3… across agents', () => {
    const pool = new AgentPool([3]);
    pool.unlist(2);
    pool.listIdle(0, 5);
    pool.unlist(2);
    expect(Array.from(pool.stamp)).toEqual([2, 0, 3]);
  });

  it('lists an idle agent at the tail of its own group’s ring, with the time it went idle', () => {
    const pool = new AgentPool([2, 2]);
    pool.listIdle(3, 10);
    pool.listIdle(2, 20);
    pool.listIdle(1, 30);
    expect([pool.longestIdle(0), pool.longestIdle(1)]).toEqual([1, 3]);
    expect(pool.idle[1].validAgents(pool.stamp)).toEqual([3, 2]);
    expect(Array.from(pool.idleSince)).toEqual([0, 30, 20, 10]);
  });

  it('moves a re-listed agent to the tail: idle 0, 1, then 0 again → the longest idle is 1', () => {
    const pool = new AgentPool([2]);
    pool.listIdle(0, 1);
    pool.listIdle(1, 2);
    pool.listIdle(0, 3);
    expect(pool.longestIdle(0)).toBe(1);
    expect(pool.idle[0].validAgents(pool.stamp)).toEqual([1, 0]);
  });

  it('drops an unlisted agent from the idle ring', () => {
    const pool = new AgentPool([2]);
    pool.listIdle(0, 1);
    pool.listIdle(1, 2);
    pool.unlist(0);
    expect(pool.longestIdle(0)).toBe(1);
    pool.unlist(1);
    expect(pool.longestIdle(0)).toBe(-1);
  });
});

describe('AgentPool: open-slot rings', () => {
  it('lists a chat agent at its group and load only, with the time it got that load', () => {
    // Two groups of two, up to 3 sessions: rings for (group, load) = (0, 1) (0, 2) (1, 1) (1, 2).
    const pool = new AgentPool([2, 2], 3);
    holdSessions(pool, 0, 4, 2, 7); // group 0, load 2
    holdSessions(pool, 3, 4, 1, 8); // group 1, load 1
    expect(pool.openSlot(0, 1, 4)).toBe(-1);
    expect(pool.openSlot(0, 2, 4)).toBe(0);
    expect(pool.openSlot(1, 1, 4)).toBe(3);
    expect(pool.openSlot(1, 2, 4)).toBe(-1);
    expect([pool.slotSince[0], pool.slotSince[3]]).toEqual([7, 8]);
  });

  it('finds only an agent whose sessions are on the channel asked for, the longest at that load first', () => {
    const pool = new AgentPool([3], 2);
    holdSessions(pool, 0, 1, 1, 0); // channel 1
    holdSessions(pool, 1, 2, 1, 1); // channel 2
    holdSessions(pool, 2, 2, 1, 2); // channel 2
    expect(pool.openSlot(0, 1, 2)).toBe(1);
    expect(pool.openSlot(0, 1, 1)).toBe(0);
    expect(pool.openSlot(0, 1, 3)).toBe(-1);
  });

  it('takes a chat agent out of the idle ring, and back out of the open-slot ring when it goes idle again', () => {
    const pool = new AgentPool([1], 3);
    pool.listIdle(0, 0);
    holdSessions(pool, 0, 0, 1, 5);
    expect(pool.longestIdle(0)).toBe(-1);
    expect(pool.openSlot(0, 1, 0)).toBe(0);
    pool.sessions[0] = 0;
    pool.listIdle(0, 9);
    expect(pool.openSlot(0, 1, 0)).toBe(-1);
    expect(pool.longestIdle(0)).toBe(0);
  });

  it('lists a group’s open-slot agents by load (1 first), then in ring order, skipping those that moved on', () => {
    const pool = new AgentPool([1, 4], 3);
    holdSessions(pool, 1, 0, 2, 0); // group 1, load 2
    holdSessions(pool, 2, 0, 1, 1); // group 1, load 1
    holdSessions(pool, 3, 0, 2, 2); // group 1, load 2
    holdSessions(pool, 4, 0, 1, 3); // group 1, load 1, then gone
    pool.unlist(4);
    holdSessions(pool, 0, 0, 1, 4); // group 0
    expect(pool.openSlotAgents(1)).toEqual([2, 1, 3]);
    expect(pool.openSlotAgents(0)).toEqual([0]);
  });

  it('has no open-slot agents when no channel takes more than one session', () => {
    const pool = new AgentPool([2]);
    pool.listIdle(0, 0);
    expect(pool.openSlotAgents(0)).toEqual([]);
  });
});

describe('AgentPool: reset', () => {
  it('puts every agent back off duty with nothing in hand, no shift end, no overtime and stamp 0', () => {
    const pool = new AgentPool([2], 2);
    pool.offReasons.fill(0);
    pool.sessions.fill(1);
    pool.sessionChannel.fill(3);
    pool.shiftEndSec.fill(60);
    pool.overtimeFrom.fill(60);
    pool.listIdle(0, 1);
    pool.listIdle(1, 1);
    pool.reset();
    expectFresh(pool);
  });

  it('numbers stamps from 1 again after a reset', () => {
    const pool = new AgentPool([2]);
    pool.unlist(0);
    pool.unlist(0);
    pool.reset();
    pool.unlist(1);
    expect(Array.from(pool.stamp)).toEqual([0, 1]);
  });

  it('empties the idle rings: an entry from before the reset never comes back, even when its stamp is reused', () => {
    const pool = new AgentPool([1], 2);
    pool.listIdle(0, 0); // entry (agent 0, stamp 1)
    pool.reset();
    expect(pool.idle[0].length).toBe(0);
    holdSessions(pool, 0, 0, 1, 5); // agent 0 gets stamp 1 again, with a session in hand
    expect(pool.longestIdle(0)).toBe(-1);
  });

  it('empties the open-slot rings: an entry from before the reset never comes back, even when its stamp is reused', () => {
    const pool = new AgentPool([1], 3);
    holdSessions(pool, 0, 0, 1, 0); // load-1 entry (agent 0, stamp 1)
    pool.reset();
    holdSessions(pool, 0, 0, 2, 5); // agent 0 gets stamp 1 again, at load 2
    expect(pool.openSlot(0, 1, 0)).toBe(-1);
    expect(pool.openSlotAgents(0)).toEqual([0]);
  });
});
