// Scripted end-to-end cases: fixed arrival times, constant handle times and patience, so every
// counter of the replication is known in advance. Each case compares *every* non-zero channel,
// group and busy counter (and the tier counters where tiers are in play) with a list worked
// out by hand in the comments: a counter added to the wrong interval, a boundary moved by one
// (`<` for `<=`), a statement dropped, all fail. Days of three 100-second intervals; channel
// target 20 s unless told. These extend kernel-exact and kernel-counting (not repeated here):
// events at one instant, overflow steps, shifts and breaks with work in hand, open hours,
// censoring at the exact deadline, escalation through tiers 2 and 3, chat slots across a
// break, callbacks, retrials, repeats, self-service returns and the initial backlog.
import { describe, expect, it } from 'vitest';
import type { GroupBasics } from '../../engine/defaults.js';
import type { ContactTypeModel, DistSpec, Model, ShiftModel, SkillModel } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { simulateReplication } from '../../engine/simulate.js';
import { constant, model, tweak, withChannel, type ChannelOptions } from '../support/model.js';
import { nonZeroCounters } from '../support/counterMap.js';

const DAY = { horizonSec: 300, intervalSec: 100 };

/** A day with the given channels and groups (default: one always-on agent serving every channel). */
function center(channels: ChannelOptions[], groups?: GroupBasics[]): Model {
  return model({ ...DAY, channels, agents: 1, ...(groups ? { groups } : {}) });
}

/** One agent on the given shift. */
function onShift(startSec: number, endSec: number, breaks: ShiftModel['breaks'] = []): Pick<GroupBasics, 'count' | 'agentShifts' | 'agentKeys'> {
  return { count: 1, agentShifts: [[{ startSec, endSec, breaks }]], agentKeys: ['0'] };
}

const skill = (channel: number, rank = 1, afterSec = 0): SkillModel => ({ channel, type: -1, rank, afterSec });

function type(handle: [DistSpec, DistSpec | null, DistSpec | null], escalation: [number, number] = [0, 0], fcr = 1): ContactTypeModel {
  return { id: 'issue', share: 1, priority: 3, handleByTier: handle, escalation, fcr };
}


/** The tier counters as lists over tiers 1–3. */
function tiers(r: ReplicationCounters): Record<string, number[]> {
  return Object.fromEntries(Object.entries(r.tier).map(([name, a]) => [name, Array.from(a)]));
}

/** One always-on agent of group g: 100 s available and scheduled in each of the three intervals. */
const fullDay = (g: number, sec = 100): Record<string, number> => ({
  [`group.availableSec[${g},0]`]: sec, [`group.availableSec[${g},1]`]: sec, [`group.availableSec[${g},2]`]: sec,
  [`group.scheduledSec[${g},0]`]: sec, [`group.scheduledSec[${g},1]`]: sec, [`group.scheduledSec[${g},2]`]: sec,
});

describe('events at one instant', () => {
  it('closes the interval, then frees the agent for the oldest caller, then routes the new arrival', () => {
    // One agent, handle 100 s; calls at 0, 50, 100, 200. At 100: the boundary (interval 1
    // inherits the caller of 50), the release (the agent takes the caller of 50: wait 50), the
    // arrival (waits until 200: 100). At 200 likewise (the caller of 100 answered, the one of
    // 200 waits until 300: 100). Queue: 1 over [50, 100), [100, 200), [200, 300).
    const r = simulateReplication(center([{ arrivalTimesSec: [0, 50, 100, 200], handle: constant(100) }]), 1, 0);
    expect(r.contacts).toBe(4);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 2, 'offered[0,1]': 1, 'offered[0,2]': 1,
      'handled[0,0]': 2, 'handled[0,1]': 1, 'handled[0,2]': 1,
      'waitSumSec[0,0]': 50, 'waitSumSec[0,1]': 100, 'waitSumSec[0,2]': 100,
      'answeredWithinTarget[0,0]': 1,
      'queued[0,0]': 1, 'queued[0,1]': 1, 'queued[0,2]': 1,
      'waited[0,0]': 1, 'waited[0,1]': 1, 'waited[0,2]': 1,
      'handleSumSec[0,0]': 200, 'handleSumSec[0,1]': 100, 'handleSumSec[0,2]': 100,
      'maxQueue[0,0]': 1, 'maxQueue[0,1]': 1, 'maxQueue[0,2]': 1,
      'queueAreaSec[0,0]': 50, 'queueAreaSec[0,1]': 100, 'queueAreaSec[0,2]': 100,
      'busy[0,0,0]': 100, 'busy[0,0,1]': 100, 'busy[0,0,2]': 100,
      'group.handled[0,0]': 2, 'group.handled[0,1]': 1, 'group.handled[0,2]': 1,
      'group.handleSumSec[0,0]': 200, 'group.handleSumSec[0,1]': 100, 'group.handleSumSec[0,2]': 100,
      ...fullDay(0),
    });
  });

  it('answers within target a wait of exactly T, and counts an abandonment after exactly T as short', () => {
    // One agent, handle 100 s, patience 20 s = T. Calls at 0 (answered), 10 (abandons at 30
    // after 20 s: short), 80 (its patience ends at 100 as the agent frees: answered after 20 s,
    // within T), 100 (arrives after that release; abandons at 120 after 20 s: short), 181
    // (answered at 200 after 19 s, before its patience ends at 201).
    // Queue: [10, 30) and [80, 100) in interval 0 (40 s); interval 1 inherits the caller of 80
    // (gone at once), then [100, 120) and [181, 200) (39 s); interval 2 inherits the caller of
    // 181, answered at its first instant.
    const m = center([{ arrivalTimesSec: [0, 10, 80, 100, 181], handle: constant(100), patience: constant(20) }]);
    const r = simulateReplication(m, 1, 0);
    expect(r.contacts).toBe(5);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 3, 'offered[0,1]': 2,
      'handled[0,0]': 2, 'handled[0,1]': 1,
      'abandoned[0,0]': 1, 'abandoned[0,1]': 1,
      'abandonedWithinTarget[0,0]': 1, 'abandonedWithinTarget[0,1]': 1,
      'abandonWaitSumSec[0,0]': 20, 'abandonWaitSumSec[0,1]': 20,
      'answeredWithinTarget[0,0]': 2, 'answeredWithinTarget[0,1]': 1,
      'queued[0,0]': 2, 'queued[0,1]': 2,
      'waited[0,0]': 1, 'waited[0,1]': 1,
      'waitSumSec[0,0]': 20, 'waitSumSec[0,1]': 19,
      'handleSumSec[0,0]': 200, 'handleSumSec[0,1]': 100,
      'maxQueue[0,0]': 1, 'maxQueue[0,1]': 1, 'maxQueue[0,2]': 1,
      'queueAreaSec[0,0]': 40, 'queueAreaSec[0,1]': 39,
      'busy[0,0,0]': 100, 'busy[0,0,1]': 100, 'busy[0,0,2]': 100,
      'group.handled[0,0]': 2, 'group.handled[0,1]': 1,
      'group.handleSumSec[0,0]': 200, 'group.handleSumSec[0,1]': 100,
      ...fullDay(0),
    });
  });
});

describe('the warm-up', () => {
  it('records no contact figure of a warm-up arrival, on any channel, but the time its work takes after 0', () => {
    // Warm-up 100 s. Channel a (group A): a call at 50. Channel b (group B, patience 75 s):
    // calls at −90 (answered −90 to −30), −80 (waits; answered at −30 after 50 s, −30 to 30),
    // −10 (waits; answered at 30, 30–90), −5 (waits; abandons at 70 after 75 s). None of b's
    // is recorded — they arrived before 0 — although two are answered and one abandons in the
    // day; their queue and busy time from 0 on are: queue 2 over [0, 30), 1 over [30, 70);
    // busy 0–90. Handle 60 s everywhere.
    const base = model({
      ...DAY, warmupSec: 100,
      channels: [{ id: 'a', arrivalTimesSec: [50], handle: constant(60) }, { id: 'b', arrivalTimesSec: [-90, -80, -10, -5], handle: constant(60), patience: constant(75) }],
      groups: [{ id: 'A', channels: [0], count: 1 }, { id: 'B', channels: [1], count: 1 }],
    });
    const r = simulateReplication(base, 1, 0);
    expect(r.contacts).toBe(5);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 1, 'handled[0,0]': 1, 'answeredWithinTarget[0,0]': 1, 'handleSumSec[0,0]': 60,
      'maxQueue[1,0]': 2, 'queueAreaSec[1,0]': 2 * 30 + 1 * 40,
      'busy[0,0,0]': 50, 'busy[0,0,1]': 10, 'busy[1,1,0]': 90,
      'group.handled[0,0]': 1, 'group.handleSumSec[0,0]': 60,
      ...fullDay(0), ...fullDay(1),
    });
  });
});

describe('overflow', () => {
  it('lets each backup group in exactly at its delay, steps through the delays, and lets a freed backup take an overflow contact', () => {
    // Groups P (rank 1), B1 (rank 2 after 30 s), B2 (rank 3 after 60 s), one agent each; handle
    // 1000 s. Thresholds of the queue: 30, 60 s. Calls:
    //   0: P answers (0–1000).
    //  10: waits; at 40 (30 s) B1 answers through overflow (wait 30; B1 busy 40–1040).
    //  20: waits; at 50 (30 s) B1 is busy, next threshold at 20 + 60 = 80: B2 answers (wait 60; 80–1080).
    //  40: arrives after the overflow of that instant took B1; thresholds at 70 and 100 find
    //      nobody; P takes it at 1000 (wait 960, not overflow).
    //  90: thresholds at 120, 150 find nobody; B1 frees at 1040 and takes it through its
    //      overflow link (wait 950, overflow).
    // Queue: 1 [10, 20), 2 [20, 80) (the call of 10 leaves at 40 as the one of 40 joins),
    // 1 [80, 90), 2 [90, 300): areas 10 + 120 + 10 + 20 = 160, then 200, 200.
    const groups: GroupBasics[] = [
      { id: 'P', channels: [0], count: 1 },
      { id: 'B1', channels: [0], count: 1, skills: [skill(0, 2, 30)] },
      { id: 'B2', channels: [0], count: 1, skills: [skill(0, 3, 60)] },
    ];
    const r = simulateReplication(center([{ arrivalTimesSec: [0, 10, 20, 40, 90], handle: constant(1000) }], groups), 1, 0);
    expect(r.contacts).toBe(5);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 5, 'handled[0,0]': 5,
      'waitSumSec[0,0]': 0 + 30 + 60 + 960 + 950,
      'answeredWithinTarget[0,0]': 1, 'queued[0,0]': 4, 'waited[0,0]': 4, 'overflowed[0,0]': 3,
      'handleSumSec[0,0]': 5000,
      'maxQueue[0,0]': 2, 'maxQueue[0,1]': 2, 'maxQueue[0,2]': 2,
      'queueAreaSec[0,0]': 160, 'queueAreaSec[0,1]': 200, 'queueAreaSec[0,2]': 200,
      // P busy from 0, B1 from 40, B2 from 80, all past the horizon.
      'busy[0,0,0]': 100, 'busy[0,0,1]': 100, 'busy[0,0,2]': 100,
      'busy[1,0,0]': 60, 'busy[1,0,1]': 100, 'busy[1,0,2]': 100,
      'busy[2,0,0]': 20, 'busy[2,0,1]': 100, 'busy[2,0,2]': 100,
      'group.handled[0,0]': 2, 'group.handleSumSec[0,0]': 2000,
      'group.handled[1,0]': 2, 'group.handleSumSec[1,0]': 2000,
      'group.handled[2,0]': 1, 'group.handleSumSec[2,0]': 1000,
      ...fullDay(0), ...fullDay(1), ...fullDay(2),
    });
  });
});

describe('shifts and breaks', () => {
  it('finishes the contact in hand before a break and after the shift end (overtime)', () => {
    // One agent on shift [0, 250) with a break [100, 160); handle 60 s. Calls at 80, 105, 230.
    //  80: answered (80–140), through the start of the break; off at 140 (available 0–140).
    // 105: waits; taken when the break ends at 160 (wait 55; 160–220).
    // 230: answered (230–290); the shift ends at 250 with it in hand: overtime 250–290,
    //      available 160–290.
    const m = center([{ arrivalTimesSec: [80, 105, 230], handle: constant(60) }], [
      { id: 'team', channels: [0], ...onShift(0, 250, [{ startSec: 100, endSec: 160 }]) },
    ]);
    const r = simulateReplication(m, 1, 0);
    expect(r.contacts).toBe(3);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 1, 'offered[0,1]': 1, 'offered[0,2]': 1,
      'handled[0,0]': 1, 'handled[0,1]': 1, 'handled[0,2]': 1,
      'answeredWithinTarget[0,0]': 1, 'answeredWithinTarget[0,2]': 1,
      'queued[0,1]': 1, 'waited[0,1]': 1, 'waitSumSec[0,1]': 55,
      'handleSumSec[0,0]': 60, 'handleSumSec[0,1]': 60, 'handleSumSec[0,2]': 60,
      'maxQueue[0,1]': 1, 'queueAreaSec[0,1]': 55,
      // 80–140: 20 + 40; 160–220: 40 + 20; 230–290: 60.
      'busy[0,0,0]': 20, 'busy[0,0,1]': 80, 'busy[0,0,2]': 80,
      'group.handled[0,0]': 1, 'group.handled[0,1]': 1, 'group.handled[0,2]': 1,
      'group.handleSumSec[0,0]': 60, 'group.handleSumSec[0,1]': 60, 'group.handleSumSec[0,2]': 60,
      // Available [0, 140) and [160, 290); scheduled the shift [0, 250), its break included.
      'group.availableSec[0,0]': 100, 'group.availableSec[0,1]': 80, 'group.availableSec[0,2]': 90,
      'group.scheduledSec[0,0]': 100, 'group.scheduledSec[0,1]': 100, 'group.scheduledSec[0,2]': 50,
      'group.overtimeSec[0,2]': 40,
    });
  });

  it('lets an agent whose shift starts mid-interval take waiting work at once, and a call at that instant', () => {
    // Group late (listed first): shift [150, 300); group early: shift [50, 300). Handle 100 s.
    // The call at 10 waits for early's start at 50 (wait 40; 50–150). At 150 late starts and
    // early frees before the call of 150 is routed: both idle since 150, the tie goes to late
    // (listed first): 150–250.
    const m = center([{ arrivalTimesSec: [10, 150], handle: constant(100) }], [
      { id: 'late', channels: [0], ...onShift(150, 300) },
      { id: 'early', channels: [0], ...onShift(50, 300) },
    ]);
    const r = simulateReplication(m, 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 1, 'offered[0,1]': 1, 'handled[0,0]': 1, 'handled[0,1]': 1,
      'waitSumSec[0,0]': 40, 'answeredWithinTarget[0,1]': 1, 'queued[0,0]': 1, 'waited[0,0]': 1,
      'handleSumSec[0,0]': 100, 'handleSumSec[0,1]': 100,
      'maxQueue[0,0]': 1, 'queueAreaSec[0,0]': 40,
      'group.handled[1,0]': 1, 'group.handleSumSec[1,0]': 100, 'group.handled[0,1]': 1, 'group.handleSumSec[0,1]': 100,
      'busy[1,0,0]': 50, 'busy[1,0,1]': 50, 'busy[0,0,1]': 50, 'busy[0,0,2]': 50,
      'group.availableSec[0,1]': 50, 'group.availableSec[0,2]': 100, 'group.scheduledSec[0,1]': 50, 'group.scheduledSec[0,2]': 100,
      'group.availableSec[1,0]': 50, 'group.availableSec[1,1]': 100, 'group.availableSec[1,2]': 100,
      'group.scheduledSec[1,0]': 50, 'group.scheduledSec[1,1]': 100, 'group.scheduledSec[1,2]': 100,
    });
  });
});

describe('open hours and censoring', () => {
  it('opens mid-interval, closes at the end instant, judges resolution at exactly T, and leaves later work pending', () => {
    // Email (deferred, target 170 s) open [150, 250); one agent, handle 40 s. Emails at 20, 30
    // wait for the opening: 20 is taken at 150 (wait 130) and finished at 190 — 170 s after
    // arrival, exactly T: met; 30 at 190 (wait 160), finished at 230 — 200 s: missed. The
    // email of 250 arrives at the closing instant with the agent idle: not workable, it waits;
    // at the end its deadline 250 + 170 lies beyond the horizon: pending.
    // Backlog: 2 over [30, 150), 1 until 190, then 0; 1 from 250. Ages at the boundaries:
    // at 100 {80, 70} → p90 80; at 200 none; at 300 {50}.
    const m = withChannel(center([{ id: 'email', arrivalTimesSec: [20, 30, 250], handle: constant(40), targetSec: 170 }]), 0, {
      kind: 'email', deferred: true, openHours: { startSec: 150, endSec: 250 },
    });
    const r = simulateReplication(m, 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 2, 'offered[0,2]': 1, 'handled[0,0]': 2,
      'waitSumSec[0,0]': 130 + 160, 'waited[0,0]': 2, 'answeredWithinTarget[0,0]': 1,
      'queued[0,0]': 2, 'queued[0,2]': 1, 'handleSumSec[0,0]': 80, 'pending[0,2]': 1,
      'backlogMax[0,0]': 2, 'backlogMax[0,1]': 2, 'backlogMax[0,2]': 1,
      'backlogAgeP90Sec[0,0]': 80, 'backlogAgeP90Sec[0,2]': 50,
      'busy[0,0,1]': 50, 'busy[0,0,2]': 30,
      'group.handled[0,0]': 2, 'group.handleSumSec[0,0]': 80,
      'waitingAtEnd[0]': 1,
      ...fullDay(0),
    });
  });

  it('counts open work pending only when its deadline lies strictly beyond the horizon, never warm-up work', () => {
    // Nobody works today (the only agent starts at 1000). e1 (target 100 s): emails at 150
    // (deadline 250: missed), 200 (deadline 300 = the horizon: missed), 201 (301: pending).
    // e2 (target 1000 s): one email in the warm-up at −50 (not recorded) and one at 10 (pending).
    // Backlog ages at the boundaries (from arrival): e1 at 200 {50}, at 300 {150, 100, 99} → p90
    // 150 (the 3rd of 3); e2 at 100 {150, 90} → 150, at 200 → 250, at 300 → 350.
    const base = model({
      ...DAY, warmupSec: 100,
      channels: [{ id: 'e1', arrivalTimesSec: [150, 200, 201], targetSec: 100 }, { id: 'e2', arrivalTimesSec: [-50, 10], targetSec: 1000 }],
      groups: [{ id: 'team', channels: [0, 1], ...onShift(1000, 1100) }],
    });
    const email = { kind: 'email' as const, deferred: true };
    const r = simulateReplication(withChannel(withChannel(base, 0, email), 1, email), 1, 0);
    expect(r.contacts).toBe(5);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,1]': 1, 'offered[0,2]': 2, 'queued[0,1]': 1, 'queued[0,2]': 2, 'pending[0,2]': 1,
      'offered[1,0]': 1, 'queued[1,0]': 1, 'pending[1,0]': 1,
      'backlogMax[0,1]': 1, 'backlogMax[0,2]': 3, 'backlogMax[1,0]': 2, 'backlogMax[1,1]': 2, 'backlogMax[1,2]': 2,
      'backlogAgeP90Sec[0,1]': 50, 'backlogAgeP90Sec[0,2]': 150,
      'backlogAgeP90Sec[1,0]': 150, 'backlogAgeP90Sec[1,1]': 250, 'backlogAgeP90Sec[1,2]': 350,
      'waitingAtEnd[0]': 3, 'waitingAtEnd[1]': 2,
    });
  });

  it('counts a ticket pending only when escalation + the tier target lies beyond the horizon', () => {
    // Calls at 0 and 1, handle 50 s at tiers 1 and 2, every one escalated to a tier-3 ticket
    // (target 200 s) that nobody works today. Tickets open at 100 (deadline 300: missed) and
    // 101 (deadline 301: pending). Two agents at tiers 1 and 2: nobody waits before tier 3.
    const base = model({
      ...DAY, channels: [{ arrivalTimesSec: [0, 1], handle: constant(50) }],
      groups: [
        { id: 't1', channels: [0], count: 2 },
        { id: 't2', channels: [0], count: 2, tier: 2 },
        { id: 't3', channels: [0], tier: 3, ...onShift(1000, 1100) },
      ],
    });
    const m: Model = {
      ...withChannel(base, 0, { types: [type([constant(50), constant(50), constant(100)], [1, 1])] }),
      tiers: [base.tiers[0], base.tiers[1], { tier: 3, mode: 'ticket', targetSec: 200 }],
    };
    const r = simulateReplication(m, 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 2, 'handled[0,0]': 2, 'answeredWithinTarget[0,0]': 2, 'handleSumSec[0,0]': 100, 'escalated[0,0]': 2,
      // Tickets wait from 100 and 101; ages count from arrival: at 200 {200, 199}, at 300 {300, 299}.
      'backlogMax[0,1]': 2, 'backlogMax[0,2]': 2, 'backlogAgeP90Sec[0,1]': 200, 'backlogAgeP90Sec[0,2]': 300,
      'busy[0,0,0]': 100, 'busy[1,0,0]': 50 + 49, 'busy[1,0,1]': 1,
      'group.handled[0,0]': 2, 'group.handleSumSec[0,0]': 100, 'group.handled[1,0]': 2, 'group.handleSumSec[1,0]': 100,
      ...fullDay(0, 200), ...fullDay(1, 200),
      'waitingAtEnd[0]': 2,
    });
    expect(tiers(r)).toEqual({
      entered: [2, 2, 2], handled: [2, 2, 0], abandoned: [0, 0, 0], withinTarget: [2, 2, 0], abandonedWithinTarget: [0, 0, 0],
      resolved: [0, 0, 0], escalated: [2, 2, 0], waitSumSec: [0, 0, 0], handleSumSec: [100, 100, 0], pending: [0, 0, 1], transferDisconnected: [0, 0, 0],
    });
  });
});

describe('escalation', () => {
  it('transfers to tier 2 (judged on the wait, exactly T met), tickets to tier 3 (judged on resolution)', () => {
    // Channels a (escalates to tier 2 only) and b (to tier 2, then a tier-3 ticket). Handle
    // 50 s at tier 1, 60 s at tier 2, 100 s at tier 3; one agent per tier. Tier 2: transfer,
    // target 20 s; tier 3: ticket, target 200 s. Calls: a1 at 0, b1 at 5, a2 at 10.
    //   T1: a1 0–50; b1 50–100 (wait 45, older than a2); a2 100–150 (wait 90).
    //   T2: a1 50–110 (wait 0); b1 joins at 100, taken at 110 (wait 10) 110–170;
    //       a2 joins at 150, taken at 170 (wait 20 = T: met) 170–230.
    //   T3: b1's ticket at 170, answered at once (not judged then) 170–270: resolved after
    //       100 s ≤ 200: met.
    // Resolved at tier 2: a1, a2; at tier 3: b1.
    const base = model({
      ...DAY,
      channels: [{ id: 'a', arrivalTimesSec: [0, 10], handle: constant(50) }, { id: 'b', arrivalTimesSec: [5], handle: constant(50) }],
      groups: [
        { id: 't1', channels: [0, 1], count: 1 },
        { id: 't2', channels: [0, 1], count: 1, tier: 2 },
        { id: 't3', channels: [0, 1], count: 1, tier: 3 },
      ],
    });
    const m: Model = {
      ...withChannel(withChannel(base, 0, { types: [type([constant(50), constant(60), null], [1, 0])] }), 1, {
        types: [type([constant(50), constant(60), constant(100)], [1, 1])],
      }),
      tiers: [base.tiers[0], { tier: 2, mode: 'transfer', targetSec: 20 }, { tier: 3, mode: 'ticket', targetSec: 200 }],
    };
    const r = simulateReplication(m, 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 2, 'handled[0,0]': 2, 'waitSumSec[0,0]': 90, 'answeredWithinTarget[0,0]': 1, 'queued[0,0]': 1,
      'waited[0,0]': 1, 'handleSumSec[0,0]': 100, 'escalated[0,0]': 2,
      'offered[1,0]': 1, 'handled[1,0]': 1, 'waitSumSec[1,0]': 45, 'queued[1,0]': 1, 'waited[1,0]': 1,
      'handleSumSec[1,0]': 50, 'escalated[1,0]': 1,
      // Live queues include the transfers waiting: a2 [10, 100) at tier 1, [150, 170) at tier 2;
      // b1 [5, 50) at tier 1, [100, 110) at tier 2 (it joins after the boundary of 100).
      'maxQueue[0,0]': 1, 'maxQueue[0,1]': 1, 'queueAreaSec[0,0]': 90, 'queueAreaSec[0,1]': 20,
      'maxQueue[1,0]': 1, 'maxQueue[1,1]': 1, 'queueAreaSec[1,0]': 45, 'queueAreaSec[1,1]': 10,
      // T1: a 0–50, b 50–100, a 100–150. T2: a 50–110, b 110–170, a 170–230. T3: b 170–270.
      'busy[0,0,0]': 50, 'busy[0,1,0]': 50, 'busy[0,0,1]': 50,
      'busy[1,0,0]': 50, 'busy[1,0,1]': 10 + 30, 'busy[1,0,2]': 30, 'busy[1,1,1]': 60,
      'busy[2,1,1]': 30, 'busy[2,1,2]': 70,
      // Each group counts the work it did, by arrival interval.
      'group.handled[0,0]': 3, 'group.handleSumSec[0,0]': 150,
      'group.handled[1,0]': 3, 'group.handleSumSec[1,0]': 180,
      'group.handled[2,0]': 1, 'group.handleSumSec[2,0]': 100,
      ...fullDay(0), ...fullDay(1), ...fullDay(2),
    });
    expect(tiers(r)).toEqual({
      entered: [3, 3, 1], handled: [3, 3, 1], abandoned: [0, 0, 0], withinTarget: [1, 3, 1], abandonedWithinTarget: [0, 0, 0],
      resolved: [0, 2, 1], escalated: [3, 1, 0], waitSumSec: [0 + 45 + 90, 0 + 10 + 20, 0], handleSumSec: [150, 180, 100], pending: [0, 0, 0], transferDisconnected: [0, 0, 0],
    });
  });
  it('lets a caller waiting for a tier-2 transfer abandon on a patience of its own, counted at tier 2', () => {
    // Patience 45 s at each tier; handle 50 s at tier 1, 100 s at tier 2; every call goes on
    // to tier 2 (transfer). A at 0: tier 1 0–50, tier 2 50–150. B at 10: waits for tier 1
    // until 50 (40 s), is transferred at 100, waits for tier 2 (busy until 150) and hangs up at
    // 145, after 45 s — an abandonment at tier 2, not at the channel.
    const base = model({
      ...DAY, channels: [{ arrivalTimesSec: [0, 10], handle: constant(50), patience: constant(45) }],
      groups: [{ id: 't1', channels: [0], count: 1 }, { id: 't2', channels: [0], count: 1, tier: 2 }],
    });
    const m = withChannel(base, 0, { types: [type([constant(50), constant(100), null], [1, 0])] });
    const r = simulateReplication(m, 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 2, 'handled[0,0]': 2, 'waitSumSec[0,0]': 40, 'answeredWithinTarget[0,0]': 1,
      'queued[0,0]': 1, 'waited[0,0]': 1, 'handleSumSec[0,0]': 100, 'escalated[0,0]': 2,
      // B waits [10, 50) at tier 1 and [100, 145) at tier 2 (after the boundary of 100).
      'maxQueue[0,0]': 1, 'maxQueue[0,1]': 1, 'queueAreaSec[0,0]': 40, 'queueAreaSec[0,1]': 45,
      'busy[0,0,0]': 100, 'busy[1,0,0]': 50, 'busy[1,0,1]': 50,
      'group.handled[0,0]': 2, 'group.handleSumSec[0,0]': 100, 'group.handled[1,0]': 1, 'group.handleSumSec[1,0]': 100,
      ...fullDay(0), ...fullDay(1),
    });
    expect(tiers(r)).toEqual({
      entered: [2, 2, 0], handled: [2, 1, 0], abandoned: [0, 1, 0], withinTarget: [1, 1, 0], abandonedWithinTarget: [0, 0, 0],
      resolved: [0, 1, 0], escalated: [2, 0, 0], waitSumSec: [40, 0, 0], handleSumSec: [100, 100, 0], pending: [0, 0, 0], transferDisconnected: [0, 0, 0],
    });
  });

  it('gives a caller waiting for a tier-2 transfer the tier’s own patience (patienceByTier), longer than the channel’s', () => {
    // The case above with patienceByTier [60 s, never]: B waits for tier 2 from 100 and is
    // answered at 150 (50 s < 60 s), served 150–250. Tier 2 handles both (A waited 0, within the
    // channel's T of 20 s; B waited 50), resolves both; busy at tier 2: 50–100 | 100–200 | 200–250.
    const base = model({
      ...DAY, channels: [{ arrivalTimesSec: [0, 10], handle: constant(50), patience: constant(45) }],
      groups: [{ id: 't1', channels: [0], count: 1 }, { id: 't2', channels: [0], count: 1, tier: 2 }],
    });
    const m = withChannel(base, 0, { types: [type([constant(50), constant(100), null], [1, 0])], patienceByTier: [constant(60), null] });
    const r = simulateReplication(m, 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 2, 'handled[0,0]': 2, 'waitSumSec[0,0]': 40, 'answeredWithinTarget[0,0]': 1,
      'queued[0,0]': 1, 'waited[0,0]': 1, 'handleSumSec[0,0]': 100, 'escalated[0,0]': 2,
      'maxQueue[0,0]': 1, 'maxQueue[0,1]': 1, 'queueAreaSec[0,0]': 40, 'queueAreaSec[0,1]': 50,
      'busy[0,0,0]': 100, 'busy[1,0,0]': 50, 'busy[1,0,1]': 100, 'busy[1,0,2]': 50,
      'group.handled[0,0]': 2, 'group.handleSumSec[0,0]': 100, 'group.handled[1,0]': 2, 'group.handleSumSec[1,0]': 200,
      ...fullDay(0), ...fullDay(1),
    });
    expect(tiers(r)).toEqual({
      entered: [2, 2, 0], handled: [2, 2, 0], abandoned: [0, 0, 0], withinTarget: [1, 1, 0], abandonedWithinTarget: [0, 0, 0],
      resolved: [0, 2, 0], escalated: [2, 0, 0], waitSumSec: [40, 50, 0], handleSumSec: [100, 200, 0], pending: [0, 0, 0], transferDisconnected: [0, 0, 0],
    });
  });
});

describe('retrials as the same caller', () => {
  it('counts a caller once, in its first interval, and its answer’s wait from the first attempt', () => {
    // One agent, handle 100 s, patience 30 s, T 20 s; every abandoner retries after 50 s as the
    // same caller. A at 0: answered at once (0–100). B at 10: waits, hangs up at 40 (30 s), calls
    // again at 90 (a retrial, offered in interval 0), waits until 100 (10 s: within T for the
    // attempt) and is served 100–200. Attempts: 3 offered, 2 handled, 1 abandoned, 1 retrial.
    // Customers: A and B (the retrial is not a new one), both answered; A within T (0 s), B not:
    // its wait counts from 10, 90 s.
    const base = center([{ arrivalTimesSec: [0, 10], handle: constant(100), patience: constant(30) }]);
    const m = withChannel(base, 0, { retrial: { probability: 1, delay: constant(50), sameCaller: true } });
    const r = simulateReplication(m, 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 3, 'handled[0,0]': 2, 'abandoned[0,0]': 1, 'retrials[0,0]': 1,
      'answeredWithinTarget[0,0]': 2, 'queued[0,0]': 2, 'waited[0,0]': 1, 'waitSumSec[0,0]': 10, 'abandonWaitSumSec[0,0]': 30,
      'handleSumSec[0,0]': 200, 'maxQueue[0,0]': 1, 'maxQueue[0,1]': 1, 'queueAreaSec[0,0]': 40,
      'busy[0,0,0]': 100, 'busy[0,0,1]': 100, 'group.handled[0,0]': 2, 'group.handleSumSec[0,0]': 200, ...fullDay(0),
      'customers[0,0]': 2, 'customersAnswered[0,0]': 2, 'customersWithinTarget[0,0]': 1, 'customerWaitSumSec[0,0]': 90,
    });
    // Without the option the attempts are the same here (constant draws), and no customer is counted.
    const fresh = simulateReplication(withChannel(base, 0, { retrial: { probability: 1, delay: constant(50) } }), 1, 0);
    const customerless = Object.fromEntries(Object.entries(nonZeroCounters(r)).filter(([k]) => !k.startsWith('customer')));
    expect(nonZeroCounters(fresh)).toEqual(customerless);
  });

  it('keeps the caller’s patience across attempts and counts the wait over every attempt and the gaps', () => {
    // Handle 200 s, patience 30 s, retry after 50 s. A at 0: served 0–200. B at 10: hangs up at 40;
    // calls again at 90 with the same 30 s: hangs up at 120; calls again at 170: its patience
    // would end at 200, but at one instant the release comes before the patience timer, so it is
    // answered at 200 (the attempt waited 30 s) and served 200–400 (agents stay to drain).
    // Attempts: 4 offered (interval 0: A, B, B'; interval 1: B''), 2 abandoned (B, B': interval 0,
    // 30 s each), 2 retrials (B' in interval 0, B'' in 1). Customer B: waited from 10 to 200 =
    // 190 s, counted in interval 0 with A (answered at once, within T).
    const base = center([{ arrivalTimesSec: [0, 10], handle: constant(200), patience: constant(30) }]);
    const m = withChannel(base, 0, { retrial: { probability: 1, delay: constant(50), sameCaller: true } });
    const r = simulateReplication(m, 1, 0);
    const got = nonZeroCounters(r);
    expect({
      offered: [got['offered[0,0]'], got['offered[0,1]']], abandoned: [got['abandoned[0,0]'], got['abandoned[0,1]']],
      retrials: [got['retrials[0,0]'], got['retrials[0,1]']], handled: [got['handled[0,0]'], got['handled[0,1]']],
      waitSumSec: got['waitSumSec[0,1]'], abandonWaitSumSec: got['abandonWaitSumSec[0,0]'],
      customers: got['customers[0,0]'], customersAnswered: got['customersAnswered[0,0]'],
      customersWithinTarget: got['customersWithinTarget[0,0]'] ?? 0, customerWaitSumSec: got['customerWaitSumSec[0,0]'],
      customersLater: Object.keys(got).filter((k) => k.startsWith('customer') && !k.endsWith('[0,0]')),
    }).toEqual({
      offered: [3, 1], abandoned: [2, undefined], retrials: [1, 1], handled: [1, 1],
      waitSumSec: 30, abandonWaitSumSec: 60,
      customers: 2, customersAnswered: 2, customersWithinTarget: 1, customerWaitSumSec: 190,
      customersLater: [],
    });
  });
});

describe('chat slots', () => {
  it('takes no chat while on a break, then fills both slots at the return, the second one slowed', () => {
    // One agent, 2 slots, handle factor 1.5, handle 100 s; shift [0, 300) with a break
    // [50, 150). Chats at 0, 60, 70, 80.
    //   0: first session 0–100 (the agent stays open for a second, but goes on a break at 50).
    //  60, 70, 80: wait. At 100 the agent frees and goes off (available 0–100).
    // 150: back: takes 60 (wait 90; alone: 100 s, 150–250) and at once 70 (wait 80; second
    //      session: 150 s, 150–300). At 250 it takes 80 (wait 170; second session: 150 s, 250–400).
    // Session time: 100 | 50 + 50 | 50 + 100 + 50 (clipped at 300). Busy (any session in hand):
    // 0–100 and 150–400. Queue: 1 [60, 70), 2 [70, 80), 3 [80, 150), 1 [150, 250).
    const m = withChannel(
      center([{ id: 'chat', arrivalTimesSec: [0, 60, 70, 80], handle: constant(100) }], [{ id: 'team', channels: [0], ...onShift(0, 300, [{ startSec: 50, endSec: 150 }]) }]),
      0, { kind: 'chat', concurrency: 2, concurrencyFactor: 1.5 },
    );
    const r = simulateReplication(m, 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 4, 'handled[0,0]': 4, 'waitSumSec[0,0]': 90 + 80 + 170, 'answeredWithinTarget[0,0]': 1,
      'queued[0,0]': 3, 'waited[0,0]': 3, 'handleSumSec[0,0]': 100 + 100 + 150 + 150,
      'maxQueue[0,0]': 3, 'maxQueue[0,1]': 3, 'maxQueue[0,2]': 1,
      'queueAreaSec[0,0]': 10 + 20 + 60, 'queueAreaSec[0,1]': 150 + 50, 'queueAreaSec[0,2]': 50,
      'sessionSec[0,0]': 100, 'sessionSec[0,1]': 100, 'sessionSec[0,2]': 200,
      'busy[0,0,0]': 100, 'busy[0,0,1]': 50, 'busy[0,0,2]': 100,
      'group.handled[0,0]': 4, 'group.handleSumSec[0,0]': 500,
      'group.availableSec[0,0]': 100, 'group.availableSec[0,1]': 50, 'group.availableSec[0,2]': 100,
      'group.scheduledSec[0,0]': 100, 'group.scheduledSec[0,1]': 100, 'group.scheduledSec[0,2]': 100,
    });
  });

  it('fills a free slot at once when the agent returns from a break with a session still in hand', () => {
    // One agent, 2 slots, factor 1, handle 100 s; shift [0, 300), break [50, 90). Chats at 0,
    // 60, 70. The first session (0–100) outlasts the break; at 90 the agent is back with room
    // and takes 60 (wait 30; 90–190); at 100 the first session ends and it takes 70 (wait 30;
    // 100–200). Busy 0–200 without a gap, available all day (never off with nothing in hand).
    const m = withChannel(
      center([{ id: 'chat', arrivalTimesSec: [0, 60, 70], handle: constant(100) }], [{ id: 'team', channels: [0], ...onShift(0, 300, [{ startSec: 50, endSec: 90 }]) }]),
      0, { kind: 'chat', concurrency: 2, concurrencyFactor: 1 },
    );
    const r = simulateReplication(m, 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 3, 'handled[0,0]': 3, 'waitSumSec[0,0]': 60, 'answeredWithinTarget[0,0]': 1,
      'queued[0,0]': 2, 'waited[0,0]': 2, 'handleSumSec[0,0]': 300,
      // Queue 1 [60, 70), 2 [70, 90), 1 [90, 100); interval 1 inherits the chat of 70.
      'maxQueue[0,0]': 2, 'maxQueue[0,1]': 1, 'queueAreaSec[0,0]': 60,
      'sessionSec[0,0]': 100 + 10, 'sessionSec[0,1]': 90 + 100,
      'busy[0,0,0]': 100, 'busy[0,0,1]': 100,
      'group.handled[0,0]': 3, 'group.handleSumSec[0,0]': 300,
      ...fullDay(0),
    });
  });
  it('offers the free slot of an agent whose other session ended to the next new chat', () => {
    // One agent, 2 slots, factor 2, handle 100 s. Chats at 0 (0–100) and 10 (second session:
    // 200 s, 10–210). At 100 the first ends: the agent keeps one session and has a free slot;
    // the chat of 150 takes it at once (second session again: 200 s, 150–350). Busy 0–350.
    // Session time: 100 + 90 | 100 + 50 | 10 + 100 (clipped at 300).
    const m = withChannel(center([{ id: 'chat', arrivalTimesSec: [0, 10, 150], handle: constant(100) }]), 0, {
      kind: 'chat', concurrency: 2, concurrencyFactor: 2,
    });
    const r = simulateReplication(m, 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 2, 'offered[0,1]': 1, 'handled[0,0]': 2, 'handled[0,1]': 1,
      'answeredWithinTarget[0,0]': 2, 'answeredWithinTarget[0,1]': 1, 'handleSumSec[0,0]': 300, 'handleSumSec[0,1]': 200,
      'sessionSec[0,0]': 190, 'sessionSec[0,1]': 150, 'sessionSec[0,2]': 110,
      'busy[0,0,0]': 100, 'busy[0,0,1]': 100, 'busy[0,0,2]': 100,
      'group.handled[0,0]': 2, 'group.handleSumSec[0,0]': 300, 'group.handled[0,1]': 1, 'group.handleSumSec[0,1]': 200,
      ...fullDay(0),
    });
  });
});

describe('follow-ups and the initial backlog', () => {
  it('serves live calls before callbacks, answers a callback with the wait from the first arrival, and leaves one open at the end', () => {
    // One agent, handle 100 s; a caller still waiting after 30 s takes a callback (share 1).
    //   0: answered (0–100).
    //  10: takes a callback at 40 (leaves the live queue for the callback queue).
    //  90: waits live; at 100 it is taken before the older callback (callbacks come after
    //      every priority): wait 10, within T (100–200).
    // The callback is made at 200: wait 190 from the first arrival, not within T (200–300).
    // 250: takes a callback at 280; at 300 deferred work stops: it stays open, its deadline
    //      (250 + T) passed: neither pending nor met.
    // Callback backlog 1 over [40, 200] and from 280; ages at 100, 200, 300: 90, 190, 50.
    const m = withChannel(center([{ arrivalTimesSec: [0, 10, 90, 250], handle: constant(100) }]), 0, {
      callback: { afterSec: 30, share: 1, targetSec: 3600 },
    });
    const r = simulateReplication(m, 1, 0);
    expect(r.contacts).toBe(4);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 3, 'offered[0,2]': 1, 'handled[0,0]': 3, 'waitSumSec[0,0]': 0 + 10 + 190, 'waited[0,0]': 2,
      'answeredWithinTarget[0,0]': 2, 'queued[0,0]': 2, 'queued[0,2]': 1, 'handleSumSec[0,0]': 300,
      'callbacks[0,0]': 1, 'callbacks[0,2]': 1,
      'maxQueue[0,0]': 1, 'maxQueue[0,1]': 1, 'maxQueue[0,2]': 1,
      'queueAreaSec[0,0]': 30 + 10, 'queueAreaSec[0,2]': 30,
      'backlogMax[0,0]': 1, 'backlogMax[0,1]': 1, 'backlogMax[0,2]': 1,
      'backlogAgeP90Sec[0,0]': 90, 'backlogAgeP90Sec[0,1]': 190, 'backlogAgeP90Sec[0,2]': 50,
      'busy[0,0,0]': 100, 'busy[0,0,1]': 100, 'busy[0,0,2]': 100,
      'group.handled[0,0]': 3, 'group.handleSumSec[0,0]': 300,
      'waitingAtEnd[0]': 1,
      ...fullDay(0),
    });
  });

  it('brings an abandoner back as a retrial, offered again in its own arrival interval', () => {
    // One agent, handle 100 s, patience 10 s; abandoners call again after 50 s (probability 1).
    //   0: answered (0–100). 20: abandons at 30 (10 s: short), calls again at 80: offered,
    //   a retrial; waits; abandons at 90; calls again at 140 (interval 1): answered at once (140–240).
    const m = withChannel(center([{ arrivalTimesSec: [0, 20], handle: constant(100), patience: constant(10) }]), 0, {
      retrial: { probability: 1, delay: constant(50) },
    });
    const r = simulateReplication(m, 1, 0);
    expect(r.contacts).toBe(4);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 3, 'offered[0,1]': 1, 'retrials[0,0]': 1, 'retrials[0,1]': 1,
      'abandoned[0,0]': 2, 'abandonedWithinTarget[0,0]': 2, 'abandonWaitSumSec[0,0]': 20,
      'handled[0,0]': 1, 'handled[0,1]': 1, 'answeredWithinTarget[0,0]': 1, 'answeredWithinTarget[0,1]': 1,
      'queued[0,0]': 2, 'handleSumSec[0,0]': 100, 'handleSumSec[0,1]': 100,
      'maxQueue[0,0]': 1, 'queueAreaSec[0,0]': 20,
      'busy[0,0,0]': 100, 'busy[0,0,1]': 60, 'busy[0,0,2]': 40,
      'group.handled[0,0]': 1, 'group.handled[0,1]': 1, 'group.handleSumSec[0,0]': 100, 'group.handleSumSec[0,1]': 100,
      ...fullDay(0),
    });
  });

  it('brings an unresolved contact back as a repeat, unless it is due at or after the horizon', () => {
    // Nobody is resolved first time (fcr 0); repeats come back after 150 s; handle 50 s.
    // 0: 0–50, back at 200 (interval 2: a repeat, 200–250, back at 400: dropped).
    // 100: 100–150, back at 300 = the horizon: dropped.
    const m = withChannel(center([{ arrivalTimesSec: [0, 100], handle: constant(50) }]), 0, {
      types: [type([constant(50), null, null], [0, 0], 0)], repeatDelay: constant(150),
    });
    const r = simulateReplication(m, 1, 0);
    expect(r.contacts).toBe(3);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 1, 'offered[0,1]': 1, 'offered[0,2]': 1, 'repeats[0,2]': 1,
      'handled[0,0]': 1, 'handled[0,1]': 1, 'handled[0,2]': 1,
      'answeredWithinTarget[0,0]': 1, 'answeredWithinTarget[0,1]': 1, 'answeredWithinTarget[0,2]': 1,
      'handleSumSec[0,0]': 50, 'handleSumSec[0,1]': 50, 'handleSumSec[0,2]': 50,
      'busy[0,0,0]': 50, 'busy[0,0,1]': 50, 'busy[0,0,2]': 50,
      'group.handled[0,0]': 1, 'group.handled[0,1]': 1, 'group.handled[0,2]': 1,
      'group.handleSumSec[0,0]': 50, 'group.handleSumSec[0,1]': 50, 'group.handleSumSec[0,2]': 50,
      ...fullDay(0),
    });
  });

  it('counts contacts contained by self-service as deflected, and those coming back as offered at their full handle time', () => {
    // Self-service contains every fresh contact (share 1); each comes back after 30 s (share 1),
    // skipping self-service, at the full handle time (100 s; the residual factor 2 applies only
    // to contacts that got through). Contacts at 0, 10, 270: returns at 30 (30–130), 40 (waits
    // 90; 130–230) and 300 (the horizon: dropped).
    const m = withChannel(center([{ arrivalTimesSec: [0, 10, 270], handle: constant(100) }]), 0, {
      deflection: 1, residualHandleFactor: 2, deflectionReturn: { share: 1, delay: constant(30) },
    });
    const r = simulateReplication(m, 1, 0);
    expect(r.contacts).toBe(5);
    expect(nonZeroCounters(r)).toEqual({
      'deflected[0,0]': 2, 'deflected[0,2]': 1,
      'offered[0,0]': 2, 'handled[0,0]': 2, 'waitSumSec[0,0]': 90, 'answeredWithinTarget[0,0]': 1,
      'queued[0,0]': 1, 'waited[0,0]': 1, 'handleSumSec[0,0]': 200,
      'maxQueue[0,0]': 1, 'maxQueue[0,1]': 1, 'queueAreaSec[0,0]': 60, 'queueAreaSec[0,1]': 30,
      'busy[0,0,0]': 70, 'busy[0,0,1]': 30 + 70, 'busy[0,0,2]': 30,
      'group.handled[0,0]': 2, 'group.handleSumSec[0,0]': 200,
      ...fullDay(0),
    });
  });

  it('contains contacts for good when self-service has no returns', () => {
    // Share 1, no returns: the contacts at 0 and 150 are deflected and never offered.
    const m = withChannel(center([{ arrivalTimesSec: [0, 150], handle: constant(100) }]), 0, { deflection: 1 });
    const r = simulateReplication(m, 1, 0);
    expect(r.contacts).toBe(2);
    expect(nonZeroCounters(r)).toEqual({ 'deflected[0,0]': 1, 'deflected[0,1]': 1, ...fullDay(0) });
  });

  it('contains each contact by its own draw at a share below 1', () => {
    // Share 0.5, 40 contacts: each is contained with probability 1/2 from its own number of
    // the self-service stream, so all or none would happen with probability 2 · 2^−40. Every
    // contact is either deflected or offered.
    const arrivals = Array.from({ length: 40 }, (_, i) => i * 5);
    const m = withChannel(center([{ arrivalTimesSec: arrivals, handle: constant(1) }]), 0, { deflection: 0.5 });
    const r = simulateReplication(m, 1, 0);
    const deflected = r.channel.deflected.reduce((s, x) => s + x, 0);
    const offered = r.channel.offered.reduce((s, x) => s + x, 0);
    expect(deflected).toBeGreaterThan(0);
    expect(deflected).toBeLessThan(40);
    expect(deflected + offered).toBe(40);
  });

  it('puts the initial backlog in the queue at time 0, ahead of later arrivals', () => {
    // Two contacts waiting at 0, one call at 5; one agent, handle 100 s. The first backlog
    // contact is answered at 0, the second at 100 (wait 100), the call at 200 (wait 195).
    // Queue: 1 [0, 5), 2 [5, 100) — interval 1 inherits 2 — 1 [100, 200), interval 2 inherits 1.
    const m = withChannel(center([{ arrivalTimesSec: [5], handle: constant(100) }]), 0, { initialBacklog: 2 });
    const r = simulateReplication(m, 1, 0);
    expect(r.contacts).toBe(3);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 3, 'handled[0,0]': 3, 'waitSumSec[0,0]': 100 + 195, 'answeredWithinTarget[0,0]': 1,
      'queued[0,0]': 2, 'waited[0,0]': 2, 'handleSumSec[0,0]': 300,
      'maxQueue[0,0]': 2, 'maxQueue[0,1]': 2, 'maxQueue[0,2]': 1,
      'queueAreaSec[0,0]': 5 + 190, 'queueAreaSec[0,1]': 100,
      'busy[0,0,0]': 100, 'busy[0,0,1]': 100, 'busy[0,0,2]': 100,
      'group.handled[0,0]': 3, 'group.handleSumSec[0,0]': 300,
      ...fullDay(0),
    });
  });
});

describe('trunk lines and queue capacity', () => {
  it('blocks an arrival that finds every line held, frees a line when its caller abandons or is served', () => {
    // One agent, 2 lines, handle 100 s, patience 25 s, T 20 s.
    //   0: a line; answered at once (0–100): holds its line 100 s.
    //  10: a line; waits; abandons at 35 (25 s > T): held 25 s.
    //  20: both lines held: blocked — counted, never offered.
    // 150: a line (the others were freed at 35 and 100); answered at once (150–250): 100 s.
    // 160: a line; waits; abandons at 185: 25 s.
    const m = tweak(center([{ arrivalTimesSec: [0, 10, 20, 150, 160], handle: constant(100), patience: constant(25) }]), {}, {}, {
      lineGroups: [{ id: 'trunk', lines: 2, channels: [0] }],
    });
    const r = simulateReplication(m, 1, 0);
    expect(r.contacts).toBe(5);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 2, 'offered[0,1]': 2, 'blocked[0,0]': 1,
      'handled[0,0]': 1, 'handled[0,1]': 1, 'answeredWithinTarget[0,0]': 1, 'answeredWithinTarget[0,1]': 1,
      'abandoned[0,0]': 1, 'abandoned[0,1]': 1, 'abandonWaitSumSec[0,0]': 25, 'abandonWaitSumSec[0,1]': 25,
      'queued[0,0]': 1, 'queued[0,1]': 1, 'handleSumSec[0,0]': 100, 'handleSumSec[0,1]': 100,
      'maxQueue[0,0]': 1, 'maxQueue[0,1]': 1, 'queueAreaSec[0,0]': 25, 'queueAreaSec[0,1]': 25,
      'lineHoldSec[0,0]': 100 + 25, 'lineHoldSec[0,1]': 100 + 25,
      'busy[0,0,0]': 100, 'busy[0,0,1]': 50, 'busy[0,0,2]': 50,
      'group.handled[0,0]': 1, 'group.handled[0,1]': 1, 'group.handleSumSec[0,0]': 100, 'group.handleSumSec[0,1]': 100,
      ...fullDay(0),
    });
  });

  it('blocks an arrival that finds no free agent and a full queue; the blocked call again, as abandoners do', () => {
    // One agent, queue capacity 1, handle 100 s, no patience; callers retry after 50 s (probability 1).
    //   0: answered (0–100).  10: the queue has room: waits until 100 (wait 90), served 100–200.
    //  20: agent busy, queue full: blocked; calls again at 70: still full, blocked again; calls
    //      again at 120 (interval 1): the queue is empty, waits until 200 (wait 80), served 200–300.
    // A blocked attempt is not offered, so only the attempt of 120 counts as a retrial.
    const m = withChannel(center([{ arrivalTimesSec: [0, 10, 20], handle: constant(100) }]), 0, {
      queueCapacity: 1, retrial: { probability: 1, delay: constant(50) },
    });
    const r = simulateReplication(m, 1, 0);
    expect(r.contacts).toBe(5);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 2, 'offered[0,1]': 1, 'retrials[0,1]': 1, 'blocked[0,0]': 2,
      'handled[0,0]': 2, 'handled[0,1]': 1, 'answeredWithinTarget[0,0]': 1, 'waitSumSec[0,0]': 90, 'waitSumSec[0,1]': 80,
      'waited[0,0]': 1, 'waited[0,1]': 1, 'queued[0,0]': 1, 'queued[0,1]': 1, 'handleSumSec[0,0]': 200, 'handleSumSec[0,1]': 100,
      'maxQueue[0,0]': 1, 'maxQueue[0,1]': 1, 'queueAreaSec[0,0]': 90, 'queueAreaSec[0,1]': 80,
      // The caller of 120 still waits at the boundary of 200: interval 2 starts with a queue of 1.
      'maxQueue[0,2]': 1,
      'busy[0,0,0]': 100, 'busy[0,0,1]': 100, 'busy[0,0,2]': 100,
      // A group's handled contacts count in their arrival interval, like the channel's.
      'group.handled[0,0]': 2, 'group.handled[0,1]': 1, 'group.handleSumSec[0,0]': 200, 'group.handleSumSec[0,1]': 100,
      ...fullDay(0),
    });
  });

  it('frees the line of a caller who takes a callback: the next caller gets it', () => {
    // One agent, 2 lines, handle 100 s; callers still waiting after 30 s take a callback.
    //   0: answered (0–100), holds 100 s.  10: waits; takes a callback at 40 and hangs up: held 30 s.
    //  80: finds a line (freed at 40; kept, it would be blocked); waits live; answered at 100
    //      before the older callback (wait 20), served 100–200: held 120 s.  The callback is
    //      made at 200 (wait 190), 200–300, on no inbound line.
    const m = tweak(center([{ arrivalTimesSec: [0, 10, 80], handle: constant(100) }]), { callback: { afterSec: 30, share: 1, targetSec: 3600 } }, {}, {
      lineGroups: [{ id: 'trunk', lines: 2, channels: [0] }],
    });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.blocked.reduce((a, b) => a + b, 0)).toBe(0);
    expect(Array.from(r.channel.lineHoldSec)).toEqual([100 + 30 + 120, 0, 0]);
    expect(Array.from(r.channel.handled)).toEqual([3, 0, 0]);
    expect(Array.from(r.channel.callbacks)).toEqual([1, 0, 0]);
  });
});

describe('proficiency: a group’s speed divides the handle times it serves', () => {
  it('serves a billing call in 80 s at a specialist’s speed 1.25, in 125 s at a generalist’s 0.8, and a sales call at the generalist’s own 1', () => {
    // Channel 0 (billing, its one type) and channel 1 (sales), constant handle 100 s, one agent
    // per group. S (listed first) takes billing only, at speed 1.25; G takes billing at 0.8
    // and sales at 1. Calls:
    //   0: billing; S and G idle since the start, the tie to the group listed first: S answers,
    //      0–80 (100 ÷ 1.25).
    //  10: billing; G answers, 10–135 (100 ÷ 0.8).
    //  20: sales; S is not skilled for it and G is busy: waits until G frees at 135 (wait 115),
    //      served 135–235 (100 ÷ 1). S frees at 80 and stays idle.
    // Busy: S on billing 80 in interval 0; G on billing 90 + 35, on sales 65 + 35.
    // Queue: one sales call from 20 to 135: areas 80 and 35, max 1 in intervals 0 and 1.
    const billing: ContactTypeModel = { id: 'billing', share: 1, priority: 3, handleByTier: [constant(100), null, null], escalation: [0, 0], fcr: 1 };
    const groups: GroupBasics[] = [
      { id: 'S', channels: [0], count: 1, skills: [{ channel: 0, type: 0, rank: 1, afterSec: 0, speed: 1.25 }] },
      { id: 'G', channels: [0, 1], count: 1, skills: [{ ...skill(0), speed: 0.8 }, skill(1)] },
    ];
    const base = center([{ id: 'billing', arrivalTimesSec: [0, 10], handle: constant(100) }, { id: 'sales', arrivalTimesSec: [20], handle: constant(100) }], groups);
    const r = simulateReplication(withChannel(base, 0, { types: [billing] }), 1, 0);
    expect(r.contacts).toBe(3);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 2, 'offered[1,0]': 1, 'handled[0,0]': 2, 'handled[1,0]': 1,
      'answeredWithinTarget[0,0]': 2, 'waitSumSec[1,0]': 115, 'queued[1,0]': 1, 'waited[1,0]': 1,
      'handleSumSec[0,0]': 80 + 125, 'handleSumSec[1,0]': 100,
      'maxQueue[1,0]': 1, 'maxQueue[1,1]': 1, 'queueAreaSec[1,0]': 80, 'queueAreaSec[1,1]': 35,
      'busy[0,0,0]': 80, 'busy[1,0,0]': 90, 'busy[1,0,1]': 35, 'busy[1,1,1]': 65, 'busy[1,1,2]': 35,
      'group.handled[0,0]': 1, 'group.handleSumSec[0,0]': 80, 'group.handled[1,0]': 2, 'group.handleSumSec[1,0]': 125 + 100,
      ...fullDay(0), ...fullDay(1),
    });
  });
});

describe('a maximum time in queue', () => {
  // One agent, handle 100 s, T 20 s; a caller still waiting 30 s after arriving leaves a message.
  //   0: answered at once (0–100).
  //  10: waits; leaves a message at 40.   20: waits; leaves a message at 50.
  // 150: answered at once (150–250).
  // Queue: 1 over [10, 20), 2 over [20, 40), 1 over [40, 50): area 10 + 40 + 10 = 60.
  const messages = {
    'offered[0,0]': 3, 'offered[0,1]': 1, 'handled[0,0]': 1, 'handled[0,1]': 1,
    'answeredWithinTarget[0,0]': 1, 'answeredWithinTarget[0,1]': 1, 'queued[0,0]': 2,
    'maxWaitExits[0,0]': 2, 'messages[0,0]': 2,
    'handleSumSec[0,0]': 100, 'handleSumSec[0,1]': 100, 'maxQueue[0,0]': 2, 'queueAreaSec[0,0]': 60,
    'busy[0,0,0]': 100, 'busy[0,0,1]': 50, 'busy[0,0,2]': 50,
    'group.handled[0,0]': 1, 'group.handled[0,1]': 1, 'group.handleSumSec[0,0]': 100, 'group.handleSumSec[0,1]': 100,
    ...fullDay(0),
  };
  const day = (fields: Partial<Model['channels'][number]>): Model =>
    withChannel(center([{ arrivalTimesSec: [0, 10, 20, 150], handle: constant(100) }]), 0, { maxWait: { afterSec: 30, then: 'message' }, ...fields });

  it('takes a caller out of the queue at the maximum wait: a message, neither answered nor abandoned', () => {
    const r = simulateReplication(day({}), 1, 0);
    expect(r.contacts).toBe(4);
    expect(nonZeroCounters(r)).toEqual(messages);
  });

  it('lets the maximum wait win over a patience that ends at the same instant, and a caller who left a message does not call again', () => {
    // Patience exactly 30 s: the maximum wait fires first (engine/calendar.ts), so nobody abandons;
    // retrials (probability 1) are for abandoners and the blocked, not for messages.
    const r = simulateReplication(day({ patience: constant(30), retrial: { probability: 1, delay: constant(5) } }), 1, 0);
    expect(r.contacts).toBe(4);
    expect(nonZeroCounters(r)).toEqual(messages);
  });

  it('lets a shorter patience end the wait first: an abandonment, no message', () => {
    const r = simulateReplication(day({ patience: constant(29) }), 1, 0);
    const c = nonZeroCounters(r);
    expect(c['abandoned[0,0]']).toBe(2);
    expect(c['abandonWaitSumSec[0,0]']).toBe(58);
    expect(c['messages[0,0]']).toBeUndefined();
    expect(c['maxWaitExits[0,0]']).toBeUndefined();
  });

  it('answers a caller whose agent frees at the very instant the maximum wait passes', () => {
    // Calls at 0 and 70: the agent frees at 100 = 70 + 30; the release comes first, so the caller is answered after 30 s.
    const r = simulateReplication(withChannel(center([{ arrivalTimesSec: [0, 70], handle: constant(100) }]), 0, { maxWait: { afterSec: 30, then: 'message' } }), 1, 0);
    const c = nonZeroCounters(r);
    expect(c['handled[0,0]']).toBe(2);
    expect(c['waitSumSec[0,0]']).toBe(30);
    expect(c['messages[0,0]']).toBeUndefined();
  });

  it('turns a caller who reaches the maximum wait into callback work (then: callback), served after live calls', () => {
    // One agent, handle 100 s, maximum wait 30 s → callback; no `callback` offer on the channel.
    //   0: answered (0–100).  10: waits; becomes a callback at 40.
    // 100: the agent takes the callback (wait 90 from arrival), 100–200.
    // 150: waits; becomes a callback at 180.  200: the agent calls back (wait 50), 200–300.
    const m = withChannel(center([{ arrivalTimesSec: [0, 10, 150], handle: constant(100) }]), 0, { maxWait: { afterSec: 30, then: 'callback' } });
    const r = simulateReplication(m, 1, 0);
    const c = nonZeroCounters(r);
    expect(r.contacts).toBe(3);
    expect([c['handled[0,0]'], c['handled[0,1]'], c['waitSumSec[0,0]'], c['waitSumSec[0,1]']]).toEqual([2, 1, 90, 50]);
    expect([c['maxWaitExits[0,0]'], c['maxWaitExits[0,1]'], c['callbacks[0,0]'], c['callbacks[0,1]']]).toEqual([1, 1, 1, 1]);
    expect([c['queueAreaSec[0,0]'], c['queueAreaSec[0,1]'], c['messages[0,0]']]).toEqual([30, 30, undefined]);
    expect(Array.from(r.waitingAtEnd)).toEqual([0]);
  });

  it('frees the line of a caller who leaves a message: the next caller gets it', () => {
    // One agent, 2 lines. 0: answered, line held 100 s. 10: waits, message at 40: line held 30 s.
    // 75: finds the line freed at 40 (kept, it would be blocked); waits; answered at 100 (wait 25): held 125 s.
    const m = tweak(center([{ arrivalTimesSec: [0, 10, 75], handle: constant(100) }]), { maxWait: { afterSec: 30, then: 'message' } }, {}, {
      lineGroups: [{ id: 'trunk', lines: 2, channels: [0] }],
    });
    const r = simulateReplication(m, 1, 0);
    expect(Array.from(r.channel.blocked)).toEqual([0, 0, 0]);
    expect(Array.from(r.channel.messages)).toEqual([1, 0, 0]);
    expect(Array.from(r.channel.lineHoldSec)).toEqual([100 + 30 + 125, 0, 0]);
  });
});

describe('the close', () => {
  // One agent, handle 100 s, day of 300 s. 0: answered (0–100). 250: answered at once (250–350).
  // 280: waits; the close at 300 either disconnects it or (serve) the agent answers it at 350.
  const closing = (atClose: 'serve' | 'disconnect'): Model =>
    withChannel(center([{ arrivalTimesSec: [0, 250, 280], handle: constant(100) }]), 0, { atClose });

  it('disconnects a caller still waiting at the close: counted apart, neither answered nor abandoned', () => {
    const r = simulateReplication(closing('disconnect'), 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 1, 'offered[0,2]': 2, 'handled[0,0]': 1, 'handled[0,2]': 1,
      'answeredWithinTarget[0,0]': 1, 'answeredWithinTarget[0,2]': 1, 'queued[0,2]': 1, 'disconnected[0,2]': 1,
      'handleSumSec[0,0]': 100, 'handleSumSec[0,2]': 100, 'maxQueue[0,2]': 1, 'queueAreaSec[0,2]': 20,
      // The call in hand at the close is finished; agent time is counted within the day only.
      'busy[0,0,0]': 100, 'busy[0,0,2]': 50,
      'group.handled[0,0]': 1, 'group.handled[0,2]': 1, 'group.handleSumSec[0,0]': 100, 'group.handleSumSec[0,2]': 100,
      ...fullDay(0),
    });
  });

  it('serves a caller still waiting at the close by default (atClose: serve), as before', () => {
    const c = nonZeroCounters(simulateReplication(closing('serve'), 1, 0));
    expect([c['handled[0,2]'], c['waitSumSec[0,2]'], c['disconnected[0,2]']]).toEqual([2, 70, undefined]);
  });

  it('leaves callback work waiting at the close as backlog: only live contacts are disconnected', () => {
    // One agent, handle 200 s; callers still waiting after 50 s take a callback.
    //   0: answered (0–200).  10, 20: callbacks at 60 and 70.  200: the agent calls 10 back (200–400).
    // 260: waits live (its offer would come at 310); disconnected at 300.  The callback of 20 stays in the backlog.
    const m = withChannel(center([{ arrivalTimesSec: [0, 10, 20, 260], handle: constant(200) }]), 0, {
      atClose: 'disconnect', callback: { afterSec: 50, share: 1, targetSec: 3600 },
    });
    const r = simulateReplication(m, 1, 0);
    expect(Array.from(r.channel.disconnected)).toEqual([0, 0, 1]);
    expect(Array.from(r.channel.handled)).toEqual([2, 0, 0]);
    expect(Array.from(r.waitingAtEnd)).toEqual([1]);
  });

  it('disconnects a transfer waiting for tier 2 at the close, and the tiers still balance', () => {
    // Tier 1 (one agent) handles 100 s, then transfers to tier 2 (one agent, handle 250 s).
    //   0: tier 1 0–100, tier 2 100–350.  20: tier 1 100–200, waits for tier 2 from 200; disconnected at 300.
    const types = [type([constant(100), constant(250), null], [1, 0])];
    const m = withChannel(center([{ arrivalTimesSec: [0, 20], handle: constant(100) }], [
      { id: 't1', channels: [0], count: 1 },
      { id: 't2', channels: [0], count: 1, tier: 2 },
    ]), 0, { types, atClose: 'disconnect' });
    const r = simulateReplication(m, 1, 0);
    expect(tiers(r).entered).toEqual([2, 2, 0]);
    expect(tiers(r).handled).toEqual([2, 1, 0]);
    expect(tiers(r).abandoned).toEqual([0, 0, 0]);
    expect(Array.from(r.channel.disconnected)).toEqual([0, 0, 0]);
    expect(Array.from(r.waitingAtEnd)).toEqual([0]);
  });
});
