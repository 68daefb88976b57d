// When the staffed count drops (issue 12 item 8): by identity (the agent whose shift ends leaves
// after its contact, in overtime) against idle agents first (an idle colleague leaves in its
// stead; with none idle, the first to free up). Scripted days of three 100-second intervals,
// per-interval counts, constant handle times: every figure worked out in the comments, and the
// two rules compared on the same day, where they differ in available time, overtime, occupancy
// and the wait of a caller.
import { describe, expect, it } from 'vitest';
import type { Model, WhenCountDrops } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { simulateReplication } from '../../engine/simulate.js';
import { fromCounts } from '../../scenarios/compile/schedule.js';
import { constant, model } from '../support/model.js';

const TIMING = { horizonSec: 300, warmupSec: 0, intervalSec: 100, dayStartSec: 0 };

/**
 * A day with one group staffed by per-interval `counts` (agent k on duty where the count
 * exceeds k, as a scenario's count list compiles) and the given calls, [arrival, handle time]
 * in seconds; each call is a channel of its own so that each has its own constant handle time.
 */
function center(counts: number[], calls: [number, number][], rule?: WhenCountDrops): Model {
  const { agentShifts, agentKeys, peak } = fromCounts(counts, TIMING);
  const m = model({ horizonSec: 300, intervalSec: 100, channels: calls.map(([t, h], i) => ({ id: `c${i}`, arrivalTimesSec: [t], handle: constant(h) })) });
  const channels = calls.map((_, i) => i);
  return { ...m, groups: [{ ...m.groups[0]!, channels, skills: channels.map((channel) => ({ channel, type: -1, rank: 1, afterSec: 0 })), count: peak, agentShifts, agentKeys, ...(rule === undefined ? {} : { whenCountDrops: rule }) }] };
}

const list = (a: ArrayLike<number>): number[] => Array.from(a);

/** The group's time figures per interval, busy time per interval over every channel, the waits and answers. */
function summed(r: ReplicationCounters) {
  const I = r.intervalCount, C = r.channelCount;
  const byInterval = (a: ArrayLike<number>): number[] => Array.from({ length: I }, (_, iv) => { let s = 0; for (let ch = 0; ch < C; ch++) s += a[ch * I + iv]!; return s; });
  const total = (a: ArrayLike<number>): number => list(a).reduce((x, y) => x + y, 0);
  return {
    available: list(r.group.availableSec),
    scheduled: list(r.group.scheduledSec),
    overtime: list(r.group.overtimeSec),
    busy: byInterval(r.busySec),
    waitSum: total(r.channel.waitSumSec),
    handled: total(r.channel.handled),
  };
}

const run = (counts: number[], calls: [number, number][], rule?: WhenCountDrops) => summed(simulateReplication(center(counts, calls, rule), 1, 0));

describe('when the count drops while the agent whose shift ends is busy and a colleague is idle', () => {
  // Counts [2, 1, 1]: agent 0 on duty all day, agent 1 in interval 0 only. Calls: 10 (60 s: agent
  // 0, 10–70), 20 (130 s: agent 1, 20–150), 120 (50 s). At 100 agent 1's shift ends while it is
  // busy until 150; agent 0 has been idle since 70.
  const calls: [number, number][] = [[10, 60], [20, 130], [120, 50]];

  it('byIdentity: agent 1 finishes in overtime (100–150) while agent 0 stays; the call of 120 is answered at once', () => {
    // Agent 0 answers 120 at once (120–170). Available: interval 0 both agents 200; interval 1
    // agent 0 100 + agent 1 50 = 150; interval 2 agent 0 100. Busy: 60 + 80 | 50 + 50 | 0.
    expect(run([2, 1, 1], calls)).toEqual({
      available: [200, 150, 100], scheduled: [200, 100, 100], overtime: [0, 50, 0],
      busy: [140, 100, 0], waitSum: 0, handled: 3,
    });
  });

  it('idleFirst: agent 0 (idle) goes off at 100 instead, agent 1 works on without overtime; the call of 120 waits for it', () => {
    // At 100 agent 0 goes off in agent 1's stead; the call of 120 finds nobody idle and waits.
    // At 150 agent 1 finishes and leaves; agent 0 comes back and takes the call (wait 30;
    // 150–200). Available: interval 1 agent 1 100–150 + agent 0 150–200 = 100 (the count: one
    // agent); no overtime; busy 100 of 100 in interval 1 (occupancy 1 instead of 2/3).
    expect(run([2, 1, 1], calls, 'idleFirst')).toEqual({
      available: [200, 100, 100], scheduled: [200, 100, 100], overtime: [0, 0, 0],
      busy: [140, 100, 0], waitSum: 30, handled: 3,
    });
  });
});

describe('when the count drops while everyone is busy', () => {
  // Counts [3, 2, 2]: agent 2's shift ends at 100. Calls: 0 (120 s: agent 0, 0–120), 1 (249 s:
  // agent 1, 1–250), 2 (178 s: agent 2, 2–180), 130 (10 s). Nobody is idle at 100.
  const calls: [number, number][] = [[0, 120], [1, 249], [2, 178], [130, 10]];

  it('byIdentity: agent 2 is in overtime until it finishes at 180; agent 0, free at 120, answers the call of 130', () => {
    // Agent 0: 130–140. Available interval 1: 100 + 100 + 80 = 280; overtime 100–180 = 80.
    // Busy interval 0: 100 + 99 + 98; interval 1: agent 0 20 + 10, agent 1 100, agent 2 80 = 210; interval 2: agent 1 50.
    expect(run([3, 2, 2], calls)).toEqual({
      available: [300, 280, 200], scheduled: [300, 200, 200], overtime: [0, 80, 0],
      busy: [297, 210, 50], waitSum: 0, handled: 4,
    });
  });

  it('idleFirst: agent 2 is late only until agent 0 frees at 120 and goes off in its stead; the call of 130 waits for 180', () => {
    // Overtime 100–120 = 20. Agent 0 off 120–180; at 180 agent 2 finishes and leaves, agent 0
    // comes back and takes the call of 130 (wait 50; 180–190). Available interval 1: agent 0
    // 20 + 20, agent 1 100, agent 2 80 = 220. Busy interval 1: 20 + 100 + 80 + 10 = 210.
    expect(run([3, 2, 2], calls, 'idleFirst')).toEqual({
      available: [300, 220, 200], scheduled: [300, 200, 200], overtime: [0, 20, 0],
      busy: [297, 210, 50], waitSum: 50, handled: 4,
    });
  });
});

describe('when the count rises again before the late agent is free', () => {
  // Counts [2, 1, 2]: agent 1 off in interval 1, back at 200. Calls: 10 (20 s: agent 0, 10–30),
  // 20 (250 s: agent 1, 20–270). At 100 agent 1 is busy, agent 0 idle since 30.
  const calls: [number, number][] = [[10, 20], [20, 250]];

  it('byIdentity: agent 1 is in overtime from 100 until its shift starts again at 200', () => {
    // Available: 200 | agent 0 100 + agent 1 100 = 200 | 200. Overtime 100.
    expect(run([2, 1, 2], calls)).toEqual({
      available: [200, 200, 200], scheduled: [200, 100, 200], overtime: [0, 100, 0],
      busy: [100, 100, 70], waitSum: 0, handled: 2,
    });
  });

  it('idleFirst: agent 0 is off in its stead from 100 and comes back when agent 1\'s shift starts at 200', () => {
    // Available: 200 | agent 1 100 | 200. No overtime.
    expect(run([2, 1, 2], calls, 'idleFirst')).toEqual({
      available: [200, 100, 200], scheduled: [200, 100, 200], overtime: [0, 0, 0],
      busy: [100, 100, 70], waitSum: 0, handled: 2,
    });
  });
});

describe('when the stand-in\'s own shift ends first', () => {
  // Counts [3, 2, 1]: agent 2 on duty in interval 0, agent 1 in intervals 0–1, agent 0 all day.
  // Calls: 1 (10 s: agent 0, 1–11), 2 (5 s: agent 1, 2–7), 3 (260 s: agent 2, 3–263). At 100 agent
  // 2's shift ends while busy; agent 1 has been idle longest (since 7).
  const calls: [number, number][] = [[1, 10], [2, 5], [3, 260]];

  it('byIdentity: agent 2 is in overtime from 100 to 263; agent 1 leaves idle at 200', () => {
    // Available: 300 | 100 + 100 + 100 | agent 0 100 + agent 2 63. Busy: 10 + 5 + 97 | 100 | 63.
    expect(run([3, 2, 1], calls)).toEqual({
      available: [300, 300, 163], scheduled: [300, 200, 100], overtime: [0, 100, 63],
      busy: [112, 100, 63], waitSum: 0, handled: 3,
    });
  });

  it('idleFirst: agent 1 goes off at 100 in agent 2\'s stead; when its shift ends at 200, agent 0 takes over as stand-in until 263', () => {
    // Available: 300 | agent 0 100 + agent 2 100 | agent 2 63 + agent 0 37 (back at 263): the count.
    expect(run([3, 2, 1], calls, 'idleFirst')).toEqual({
      available: [300, 200, 100], scheduled: [300, 200, 100], overtime: [0, 0, 0],
      busy: [112, 100, 63], waitSum: 0, handled: 3,
    });
  });
});

describe('the rules agree where no busy agent\'s shift ends', () => {
  it('gives byIdentity\'s figures when the agent leaving is idle', () => {
    // Counts [2, 1, 1]; one call at 10 (30 s, agent 0). At 100 agent 1 is idle and leaves under both rules.
    const calls: [number, number][] = [[10, 30]];
    expect(run([2, 1, 1], calls, 'idleFirst')).toEqual(run([2, 1, 1], calls));
  });
});
