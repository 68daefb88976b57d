// Conferences (issue 13 item 4, a channel's `conference`): a scripted day with every counter by
// hand (a second agent joins at the answer for its drawn time, at most the talk; a call that finds
// no idle agent of the group goes on without one), a property (the second agents' busy time is the
// conference time, and the calls' own figures are those of the day without conferences when the
// second group serves nothing else), common random numbers (conferences move no other draw), and
// Erlang B: when nobody waits at the front line (M/M/80 at 30 erlangs, Erlang C's P(wait) < 1e-15)
// calls are answered as they arrive, so conference requests are a Poisson stream at λp, each
// holding a supervisor min(D, talk); supervisors who serve nothing else are then a loss system
// M/G/c/c, whose share of requests skipped is Erlang B at λp·E[min(D, talk)] (insensitivity).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Origin } from '../../engine/contacts.js';
import { erlangB } from '../../engine/erlang/index.js';
import type { ConferenceModel, DistSpec, Model } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { simulateReplication } from '../../engine/simulate.js';
import { constant, exp, model, sum, withChannel } from '../support/model.js';
import { runReplications } from '../../workers/replications.js';
import { propertyRuns } from '../support/runs.js';
import { expectNear, meanAndError, ratioAndError, testSeed } from '../support/statistics.js';
import { nonZeroCounters } from '../support/counterMap.js';

/** Group g's available and scheduled seconds in each of the three 100-second intervals: `sec` (agents × 100). */
const onDuty = (g: number, sec: number): Record<string, number> =>
  Object.fromEntries([0, 1, 2].flatMap((iv) => [[`group.availableSec[${g},${iv}]`, sec], [`group.scheduledSec[${g},${iv}]`, sec]]));

/** `front` agents answer the calls; `sup` agents of a group serving nothing join conferences. */
function center(arrivalTimesSec: number[], front: number, sup: number, conference: ConferenceModel | undefined, horizonSec = 300, talk: DistSpec = constant(50)): Model {
  const base = model({
    horizonSec, intervalSec: 100,
    channels: [{ arrivalTimesSec, handle: talk }],
    groups: [{ id: 'front', channels: [0], count: front }, { id: 'sup', channels: [], count: sup }],
  });
  return conference === undefined ? base : withChannel(base, 0, { conference });
}

describe('conferences: a scripted day', () => {
  it('brings the second agent in at the answer for its time (at most the talk), and skips it when none is idle', () => {
    // Two front agents, one supervisor; every call asks for one for 60 s; talk 50 s. Calls at 0, 10, 150.
    //   0: front A answers (0–50); the supervisor joins 0–50 (60 s capped at the talk).
    //  10: front B answers (10–60); the supervisor is on the first call: skipped.
    // 150: A (idle longest) answers (150–200); the supervisor joins 150–200.
    const r = simulateReplication(center([0, 10, 150], 2, 1, { probability: 1, group: 1, duration: constant(60) }), 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 2, 'offered[0,1]': 1, 'handled[0,0]': 2, 'handled[0,1]': 1,
      'answeredWithinTarget[0,0]': 2, 'answeredWithinTarget[0,1]': 1, 'handleSumSec[0,0]': 100, 'handleSumSec[0,1]': 50,
      'conferences[0,0]': 1, 'conferences[0,1]': 1, 'conferencesSkipped[0,0]': 1, 'conferenceSumSec[0,0]': 50, 'conferenceSumSec[0,1]': 50,
      'busy[0,0,0]': 100, 'busy[0,0,1]': 50, 'busy[1,0,0]': 50, 'busy[1,0,1]': 50,
      // The supervisor's time is busy time of its group, not an answer of it.
      'group.handled[0,0]': 2, 'group.handled[0,1]': 1, 'group.handleSumSec[0,0]': 100, 'group.handleSumSec[0,1]': 50,
      ...onDuty(0, 200), ...onDuty(1, 100),
    });
  });

  it('lets a conference shorter than the talk free the second agent for the next call', () => {
    // One front agent, one supervisor for 20 s; calls at 0 and 30 (the second waits until 50).
    // Supervisor: 0–20 and 50–70; both conferences held.
    const r = simulateReplication(center([0, 30], 1, 1, { probability: 1, group: 1, duration: constant(20) }), 1, 0);
    expect([sum(r.channel.conferences), sum(r.channel.conferencesSkipped), sum(r.channel.conferenceSumSec)]).toEqual([2, 0, 40]);
    expect([r.busySec[(1 * r.channelCount) * r.intervalCount]!, sum(r.channel.waitSumSec)]).toEqual([40, 20]);
  });

  it('takes agent 0 as the second agent when it is the group’s idle one', () => {
    // The supervisors' group listed first: its one agent is agent 0. A call at 0 (talk 50, front
    // agent 1) asks for 60 s: agent 0 joins 0–50.
    const m = withChannel(model({
      horizonSec: 300, intervalSec: 100,
      channels: [{ arrivalTimesSec: [0], handle: constant(50) }],
      groups: [{ id: 'sup', channels: [], count: 1 }, { id: 'front', channels: [0], count: 1 }],
    }), 0, { conference: { probability: 1, group: 0, duration: constant(60) } });
    const r = simulateReplication(m, 1, 0);
    expect(nonZeroCounters(r)).toEqual({
      'offered[0,0]': 1, 'handled[0,0]': 1, 'answeredWithinTarget[0,0]': 1, 'handleSumSec[0,0]': 50,
      'conferences[0,0]': 1, 'conferenceSumSec[0,0]': 50,
      'busy[0,0,0]': 50, 'busy[1,0,0]': 50, 'group.handled[1,0]': 1, 'group.handleSumSec[1,0]': 50,
      ...onDuty(0, 100), ...onDuty(1, 100),
    });
  });

  it('records no conference of a warm-up call, held or skipped, on any channel', () => {
    // Warm-up 100 s. Channel a (group A) has no calls; channel b (group B, two agents) asks a
    // supervisor (group S, one) for 60 s on every call; talk 50. Calls of b at −90 (supervisor
    // −90 to −40) and −85 (skipped: the supervisor is busy) arrived before 0: neither counts.
    // The call of 150: the supervisor joins 150–200, counted in b's interval 1.
    const base = model({
      horizonSec: 300, intervalSec: 100, warmupSec: 100,
      channels: [{ id: 'a', arrivalTimesSec: [] }, { id: 'b', arrivalTimesSec: [-90, -85, 150], handle: constant(50) }],
      groups: [{ id: 'A', channels: [0], count: 1 }, { id: 'B', channels: [1], count: 2 }, { id: 'S', channels: [], count: 1 }],
    });
    const r = simulateReplication(withChannel(base, 1, { conference: { probability: 1, group: 2, duration: constant(60) } }), 1, 0);
    expect([r.channel.conferences, r.channel.conferencesSkipped, r.channel.conferenceSumSec].map((a) => Array.from(a))).toEqual([
      [0, 0, 0, 0, 1, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 50, 0],
    ]);
  });
});

describe('conferences: properties', () => {
  const dayArb = fc.record({
    arrivals: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 25 }),
    front: fc.integer({ min: 1, max: 4 }),
    sup: fc.integer({ min: 1, max: 3 }),
    probability: fc.double({ min: 0, max: 1, noNaN: true }),
    duration: fc.integer({ min: 1, max: 90 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  });

  it('the second agents are busy exactly the conference time, and the calls’ own figures do not change', () => {
    fc.assert(
      fc.property(dayArb, (d) => {
        const arrivals = [...d.arrivals].sort((a, b) => a - b);
        const talk: DistSpec = { dist: 'uniform', min: 1, max: 60 };
        const conference: ConferenceModel = { probability: d.probability, group: 1, duration: exp(d.duration) };
        const r = simulateReplication(center(arrivals, d.front, d.sup, conference, 8000, talk), d.seed, 0);
        const plain = simulateReplication(center(arrivals, d.front, d.sup, undefined, 8000, talk), d.seed, 0);
        const supBusy = Array.from(r.busySec).slice(r.channelCount * r.intervalCount).reduce((s, x) => s + x, 0);
        expect(supBusy).toBeCloseTo(sum(r.channel.conferenceSumSec), 6);
        expect(sum(r.channel.conferences) + sum(r.channel.conferencesSkipped)).toBeLessThanOrEqual(arrivals.length);
        // The supervisors serve no channel: the front line's day is the day without conferences.
        for (const name of ['handled', 'waitSumSec', 'handleSumSec', 'answeredWithinTarget'] as const) expect(sum(r.channel[name])).toBe(sum(plain.channel[name]));
      }),
      propertyRuns(60),
    );
  });

  it('adding conferences moves no other draw (arrival times, types, handle times, patience)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 2, max: 12 }), (seed, probability, agents) => {
        const draws = (m: Model): number[][] => {
          const out: number[][] = [];
          simulateReplication(m, seed, 0, { admitted(_ch, type, origin, arrivalSec, handle, patience) { if (origin === Origin.Fresh) out.push([type, arrivalSec, handle, patience]); } });
          return out;
        };
        const base = withChannel(model({ agents, horizonSec: 3600, intervalSec: 1800, channels: [{ perHour: 100, patience: exp(120) }] }), 0, {});
        const withConference = withChannel(base, 0, { conference: { probability, group: 0, duration: exp(60) } });
        const a = draws(base);
        expect(draws(withConference)).toEqual(a);
        return a.length > 0;
      }),
      propertyRuns(25),
    );
  });
});

describe('conferences against Erlang B', () => {
  it('the share skipped and the supervisors’ occupancy match M/G/5/5 at λp·E[min(D, talk)]', () => {
    const day = 24 * 3600;
    const rate = 0.1, p = 0.5, talkSec = 300, durationSec = 120, supervisors = 5;
    const base = model({
      horizonSec: day, intervalSec: day, warmupSec: 3600, replications: 30,
      channels: [{ perHour: rate * 3600, handle: exp(talkSec) }],
      groups: [{ id: 'front', channels: [0], count: 80 }, { id: 'sup', channels: [], count: supervisors }],
    });
    const m = withChannel(base, 0, { conference: { probability: p, group: 1, duration: exp(durationSec) } });
    const reps = runReplications(m, testSeed(), m.replications);
    // min of two independent exponentials: exponential of rate 1/300 + 1/120.
    const hold = 1 / (1 / talkSec + 1 / durationSec);
    const load = rate * p * hold;
    const lost = erlangB(supervisors, load);
    const name = 'conference › M/G/5/5 of supervisors ›';
    expectNear(`${name} share skipped`, ratioAndError(reps.map((r) => [sum(r.channel.conferencesSkipped), sum(r.channel.conferences) + sum(r.channel.conferencesSkipped)] as const)), lost);
    expectNear(`${name} mean time`, ratioAndError(reps.map((r) => [sum(r.channel.conferenceSumSec), sum(r.channel.conferences)] as const)), hold);
    const occupancy = (r: ReplicationCounters): number => {
      const I = r.intervalCount, C = r.channelCount;
      let busy = 0;
      for (let iv = 0; iv < I; iv++) busy += r.busySec[(1 * C) * I + iv]!;
      return busy / sum(r.group.availableSec.subarray(I, 2 * I));
    };
    expectNear(`${name} occupancy`, meanAndError(reps.map(occupancy)), (load * (1 - lost)) / supervisors);
    expect(reps.every((r) => sum(r.channel.queued) === 0)).toBe(true);
  });
});
