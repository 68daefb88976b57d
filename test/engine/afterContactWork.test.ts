// After-contact work (wrap-up, issue 13 item 4) in the kernel: scripted days whose every counter
// is worked out by hand (the customer leaves at the end of the talk, the agent stays busy for the
// wrap-up and only then takes the next contact; a chat's wrap-up holds its slot; a transfer goes
// on at the end of the talk while the Tier-1 agent wraps up; a wrap-up past the shift end is
// overtime), a property (busy time = talk + wrap-up of every answer, so occupancy is their sum
// over available time), common random numbers (the wrap-up of a channel's n-th contact is the
// n-th number of its own stream, whatever the staffing, and moves no other draw), and the Erlang
// view (holding time = talk + wrap-up).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Origin } from '../../engine/contacts.js';
import type { GroupBasics } from '../../engine/defaults.js';
import { erlangView } from '../../engine/erlang/channelView.js';
import type { ContactTypeModel, DistSpec, Model, ShiftModel } from '../../engine/model.js';
import { simulateReplication } from '../../engine/simulate.js';
import type { ContactTracer } from '../../engine/trace.js';
import { constant, exp, model, sum, withChannel, type ChannelOptions } from '../support/model.js';
import { propertyRuns } from '../support/runs.js';
import { nonZeroCounters } from '../support/counterMap.js';

const DAY = { horizonSec: 300, intervalSec: 100 };

function center(channels: ChannelOptions[], groups?: GroupBasics[]): Model {
  return model({ ...DAY, channels, agents: 1, ...(groups ? { groups } : {}) });
}

/** One type with Tier-1 talk `talk`, after-contact work `acw`, and optionally a Tier-2 transfer. */
function wrapped(talk: DistSpec, acw: DistSpec | undefined, tier2: DistSpec | null = null): ContactTypeModel {
  return {
    id: 'issue', share: 1, priority: 3, handleByTier: [talk, tier2, null], escalation: [tier2 === null ? 0 : 1, 0], fcr: 1,
    ...(acw === undefined ? {} : { afterContactWork: acw }),
  };
}


/** One always-on agent of group g: 100 s available and scheduled in each of the three intervals. */
const fullDay = (g: number): Record<string, number> => ({
  [`group.availableSec[${g},0]`]: 100, [`group.availableSec[${g},1]`]: 100, [`group.availableSec[${g},2]`]: 100,
  [`group.scheduledSec[${g},0]`]: 100, [`group.scheduledSec[${g},1]`]: 100, [`group.scheduledSec[${g},2]`]: 100,
});

/** When each contact's stage ended (the customer left or moved on), by arrival time. */
function endings(m: Model): [number, number][] {
  const out: [number, number][] = [];
  const tracer: ContactTracer = {
    arrived() {}, followUp() {}, calledBack() {}, answered() {},
    ended(P, c, now) { out.push([P.arrivalSec[c]!, now]); },
  };
  simulateReplication(m, 1, 0, null, tracer);
  return out;
}

describe('after-contact work: scripted days', () => {
  it('keeps the agent busy for the wrap-up after the customer has left, and counts it in AHT and busy time, not in waits', () => {
    // One agent; talk 50 s, wrap-up 30 s; calls at 0, 10, 150 (target 20 s).
    //   0: answered, talk 0–50 (the customer leaves at 50), wrap-up 50–80.
    //  10: waits until the wrap-up ends at 80 (wait 70): talk 80–130, wrap-up 130–160.
    // 150: waits until 160 (wait 10): talk 160–210, wrap-up 210–240.
    // AHT counts talk + wrap-up (80 s each); busy 0–240 without a gap.
    const m = withChannel(center([{ arrivalTimesSec: [0, 10, 150], handle: constant(50) }]), 0, { types: [wrapped(constant(50), constant(30))] });
    const r = simulateReplication(m, 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 2, 'offered[0,1]': 1, 'handled[0,0]': 2, 'handled[0,1]': 1,
      'waitSumSec[0,0]': 70, 'waitSumSec[0,1]': 10, 'answeredWithinTarget[0,0]': 1, 'answeredWithinTarget[0,1]': 1,
      'queued[0,0]': 1, 'queued[0,1]': 1, 'waited[0,0]': 1, 'waited[0,1]': 1,
      'handleSumSec[0,0]': 160, 'handleSumSec[0,1]': 80, 'acwSumSec[0,0]': 60, 'acwSumSec[0,1]': 30,
      'maxQueue[0,0]': 1, 'maxQueue[0,1]': 1, 'queueAreaSec[0,0]': 70, 'queueAreaSec[0,1]': 10,
      'busy[0,0,0]': 100, 'busy[0,0,1]': 100, 'busy[0,0,2]': 40,
      'group.handled[0,0]': 2, 'group.handled[0,1]': 1, 'group.handleSumSec[0,0]': 160, 'group.handleSumSec[0,1]': 80,
      ...fullDay(0),
    });
    // The customers leave at the end of their talk, not of the wrap-up.
    expect(endings(m)).toEqual([[0, 50], [10, 130], [150, 210]]);
  });

  it('holds the agent as one handle time of talk + wrap-up would: the same waits, AHT and busy time', () => {
    const day = (type: ContactTypeModel): Model => withChannel(center([{ arrivalTimesSec: [0, 10, 150], handle: constant(50) }]), 0, { types: [type] });
    const split = nonZeroCounters(simulateReplication(day(wrapped(constant(50), constant(30))), 1, 0));
    const whole = nonZeroCounters(simulateReplication(day(wrapped(constant(80), undefined)), 1, 0));
    expect(Object.fromEntries(Object.entries(split).filter(([k]) => !k.startsWith('acwSumSec')))).toEqual(whole);
  });

  it('holds a chat session’s slot through its wrap-up: the waiting chat gets the first slot freed', () => {
    // One agent, 2 slots (no slowdown); talk 50 s, wrap-up 30 s. Chats at 0, 0, 10.
    //   0: both slots taken (talk 0–50, wrap-ups 50–80); the chat of 10 waits.
    //  80: the first wrap-up ends: the waiting chat takes that slot (wait 70; talk 80–130,
    //      wrap-up 130–160); the second wrap-up ends at 80 too, leaving one slot open.
    // Session (slot) time runs to each wrap-up's end: 80 + 80 + 20 | 60. Busy 0–160.
    const m = withChannel(center([{ id: 'chat', arrivalTimesSec: [0, 0, 10], handle: constant(50) }]), 0, {
      kind: 'chat', concurrency: 2, types: [wrapped(constant(50), constant(30))],
    });
    const r = simulateReplication(m, 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 3, 'handled[0,0]': 3, 'waitSumSec[0,0]': 70, 'answeredWithinTarget[0,0]': 2, 'queued[0,0]': 1, 'waited[0,0]': 1,
      'handleSumSec[0,0]': 240, 'acwSumSec[0,0]': 90, 'maxQueue[0,0]': 1, 'queueAreaSec[0,0]': 70,
      'sessionSec[0,0]': 180, 'sessionSec[0,1]': 60,
      'busy[0,0,0]': 100, 'busy[0,0,1]': 60,
      'group.handled[0,0]': 3, 'group.handleSumSec[0,0]': 240,
      ...fullDay(0),
    });
  });

  it('sends a transfer on at the end of the talk while the Tier-1 agent wraps up; the Tier-2 session has no wrap-up of its own', () => {
    // Tier 1: talk 50 s, wrap-up 30 s; every call goes on to Tier 2 (40 s). One call at 0.
    //   T1: talk 0–50, wrap-up 50–80. T2: answers at 50 (wait 0), 50–90.
    const base = model({
      ...DAY,
      channels: [{ arrivalTimesSec: [0], handle: constant(50) }],
      groups: [{ id: 't1', channels: [0], count: 1 }, { id: 't2', channels: [0], count: 1, tier: 2 }],
    });
    const m = withChannel(base, 0, { types: [wrapped(constant(50), constant(30), constant(40))] });
    const r = simulateReplication(m, 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 1, 'handled[0,0]': 1, 'answeredWithinTarget[0,0]': 1, 'handleSumSec[0,0]': 80, 'acwSumSec[0,0]': 30, 'escalated[0,0]': 1,
      'busy[0,0,0]': 80, 'busy[1,0,0]': 40,
      'group.handled[0,0]': 1, 'group.handleSumSec[0,0]': 80, 'group.handled[1,0]': 1, 'group.handleSumSec[1,0]': 40,
      ...fullDay(0), ...fullDay(1),
    });
    expect([Array.from(r.tier.handled), Array.from(r.tier.handleSumSec)]).toEqual([[1, 1, 0], [80, 40, 0]]);
    expect(endings(m)).toEqual([[0, 50], [0, 90]]);
  });

  it('finishes the wrap-up after the shift has ended, as overtime', () => {
    // One agent on shift [0, 250); a call at 200: talk 200–230, wrap-up 230–270 (overtime 250–270).
    const shift: ShiftModel = { startSec: 0, endSec: 250, breaks: [] };
    const m = withChannel(
      center([{ arrivalTimesSec: [200], handle: constant(30) }], [{ id: 'team', channels: [0], count: 1, agentShifts: [[shift]], agentKeys: ['0'] }]),
      0, { types: [wrapped(constant(30), constant(40))] },
    );
    expect(nonZeroCounters(simulateReplication(m, 1, 0))).toEqual({
      'offered[0,2]': 1, 'handled[0,2]': 1, 'answeredWithinTarget[0,2]': 1, 'handleSumSec[0,2]': 70, 'acwSumSec[0,2]': 40,
      'busy[0,0,2]': 70, 'group.handled[0,2]': 1, 'group.handleSumSec[0,2]': 70,
      'group.availableSec[0,0]': 100, 'group.availableSec[0,1]': 100, 'group.availableSec[0,2]': 70,
      'group.scheduledSec[0,0]': 100, 'group.scheduledSec[0,1]': 100, 'group.scheduledSec[0,2]': 50,
      'group.overtimeSec[0,2]': 20,
    });
  });
});

describe('after-contact work: busy time is talk + wrap-up of every answer', () => {
  // Over random days whose work all ends before the horizon (no warm-up, nothing cut at the
  // end): Σ busy = Σ AHT (talk + wrap-up, `handleSumSec`) exactly, so occupancy = (talk +
  // wrap-up) × answered ÷ available; and Σ talk (handleSumSec − acwSumSec) is what the same day
  // without wrap-up would have summed — the talk draws are the contacts' own.
  const dayArb = fc.record({
    arrivals: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 25 }),
    agents: fc.integer({ min: 1, max: 4 }),
    talkMean: fc.integer({ min: 5, max: 60 }),
    acw: fc.oneof(
      fc.integer({ min: 1, max: 40 }).map((mean): DistSpec => ({ dist: 'constant', mean })),
      fc.integer({ min: 1, max: 40 }).map((max): DistSpec => ({ dist: 'uniform', min: 0, max })),
    ),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  });

  it('Σ busy = Σ (talk + wrap-up), and Σ talk equals the talk of the day without wrap-up', () => {
    fc.assert(
      fc.property(dayArb, (d) => {
        const talk: DistSpec = { dist: 'uniform', min: 1, max: 2 * d.talkMean };
        const base = model({ horizonSec: 8000, intervalSec: 2000, agents: d.agents, channels: [{ arrivalTimesSec: [...d.arrivals].sort((a, b) => a - b), handle: talk }] });
        const r = simulateReplication(withChannel(base, 0, { types: [wrapped(talk, d.acw)] }), d.seed, 0);
        const plain = simulateReplication(withChannel(base, 0, { types: [wrapped(talk, undefined)] }), d.seed, 0);
        expect(sum(r.channel.handled)).toBe(d.arrivals.length);
        expect(sum(r.busySec)).toBeCloseTo(sum(r.channel.handleSumSec), 6);
        expect(sum(r.channel.handleSumSec) - sum(r.channel.acwSumSec)).toBeCloseTo(sum(plain.channel.handleSumSec), 6);
        expect(sum(plain.channel.acwSumSec)).toBe(0);
      }),
      propertyRuns(60),
    );
  });
});

describe('after-contact work: common random numbers', () => {
  /** Each fresh contact's wrap-up, by arrival time (unique with Poisson arrivals), and its other draws. */
  function wrapUps(m: Model, seed: number): { acw: Map<number, number>; draws: number[][] } {
    const acw = new Map<number, number>();
    const draws: number[][] = [];
    const tracer: ContactTracer = {
      arrived() {}, followUp() {}, calledBack() {}, ended() {},
      answered(P, c) { if (P.origin[c] === Origin.Fresh && P.tier[c] === 1) acw.set(P.arrivalSec[c]!, P.acwSec[c]!); },
    };
    simulateReplication(m, seed, 0, {
      admitted(_ch, type, origin, arrivalSec, handle1Sec, patienceSec) { if (origin === Origin.Fresh) draws.push([type, arrivalSec, handle1Sec, patienceSec]); },
    }, tracer);
    return { acw, draws };
  }

  const centerArb = fc.record({
    agents: fc.tuple(fc.integer({ min: 3, max: 12 }), fc.integer({ min: 3, max: 12 })),
    mean: fc.tuple(fc.integer({ min: 5, max: 300 }), fc.integer({ min: 5, max: 300 })),
    escalate: fc.double({ min: 0, max: 0.5, noNaN: true }),
    patient: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  });

  function build(agents: number, acw: DistSpec | undefined, escalate: number, patient: boolean): Model {
    const base = model({ agents, horizonSec: 2 * 3600, intervalSec: 1800, channels: [{ perHour: 100, patience: patient ? exp(120) : null }] });
    const type: ContactTypeModel = { ...wrapped(exp(240), acw), handleByTier: [exp(240), exp(300), null], escalation: [escalate, 0] };
    return { ...withChannel(base, 0, { types: [type, { ...type, id: 'other', priority: 1 }].map((t) => ({ ...t, share: 0.5 })) }), groups: [base.groups[0]!, { ...base.groups[0]!, id: 't2', tier: 2 }] };
  }

  it('adding or changing the wrap-up moves no other draw: arrival times, types, handle times and patience stay', () => {
    fc.assert(
      fc.property(centerArb, (c) => {
        const none = wrapUps(build(c.agents[0], undefined, c.escalate, c.patient), c.seed).draws;
        const one = wrapUps(build(c.agents[0], exp(c.mean[0]), c.escalate, c.patient), c.seed).draws;
        const other = wrapUps(build(c.agents[0], { dist: 'gamma', mean: c.mean[1], cv: 0.5 }, c.escalate, c.patient), c.seed).draws;
        expect(one).toEqual(none);
        expect(other).toEqual(none);
        return none.length > 0;
      }),
      propertyRuns(25),
    );
  });

  it('gives a contact the same wrap-up whatever the staffing (drawn at arrival from its own stream)', () => {
    fc.assert(
      fc.property(centerArb, (c) => {
        const acw = exp(c.mean[0]);
        const a = wrapUps(build(c.agents[0], acw, c.escalate, c.patient), c.seed).acw;
        const b = wrapUps(build(c.agents[1], acw, c.escalate, c.patient), c.seed).acw;
        let common = 0;
        for (const [arrival, w] of a) {
          const v = b.get(arrival);
          if (v === undefined) continue; // abandoned in one of the runs
          expect(v, `wrap-up of the contact arriving at ${arrival}`).toBe(w);
          expect(w).toBeGreaterThan(0);
          common++;
        }
        return common > 0;
      }),
      propertyRuns(25),
    );
  });
});

describe('after-contact work: the Erlang view', () => {
  const base = model({ horizonSec: 3600, intervalSec: 1800, channels: [{ perHour: 100 }] }).channels[0]!;

  it('holds the server for talk + wrap-up: each type’s mean wrap-up is added to its handle time, by interval too', () => {
    const types = [wrapped(exp(240), constant(60)), { ...wrapped(exp(120), undefined), id: 'quick' }].map((t, i) => ({ ...t, share: i === 0 ? 0.25 : 0.75 }));
    const view = erlangView({ ...base, types, handleMeanByIntervalSec: [100, 200] });
    // Talk: 0.25·240 + 0.75·120 = 150 s (the mean of `handle`, 360 s, is what ahtByInterval scales:
    // ×100/360 and ×200/360); wrap-up 0.25·60 = 15 s, never scaled.
    const talk = 0.25 * 240 + 0.75 * 120;
    expect(view.handleSecByInterval).toEqual([talk * (100 / 360) + 15, talk * (200 / 360) + 15]);
    expect(erlangView({ ...base, types }).dayHandleSec).toBe(talk + 15);
  });

  it('is unchanged, to the bit, without wrap-up', () => {
    const types = [wrapped(exp(240), undefined)];
    expect(erlangView({ ...base, types }).dayHandleSec).toBe(240);
  });
});
