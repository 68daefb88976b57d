// The Erlang baseline of `ccsim run` (analysis/baseline.ts) on hand-built compiled models: Erlang
// figures against published values or the birth–death chain of test/support/birthDeath.ts,
// agents and loads against counts done by hand.
import { describe, expect, it } from 'vitest';
import { completeModel, type ChannelBasics, type GroupBasics } from '../../engine/defaults.js';
import { distMean } from '../../engine/distributions.js';
import { CHAT_APPROXIMATION } from '../../engine/erlang/index.js';
import type { DistSpec, Model } from '../../engine/model.js';
import { agentsByChannel, availableAgents, erlangBaseline } from '../../analysis/baseline.js';
import { stationary } from '../support/birthDeath.js';

function channel(id: string, ratePerSec: number[], handle: DistSpec, patience: DistSpec | null = null): ChannelBasics {
  return { id, kind: 'voice', ratePerSec, handle, patience, targetSec: 20, targetLevel: 0.8 };
}

function model(channels: ChannelBasics[], groups: GroupBasics[]): Model {
  return completeModel({
    name: 'test',
    seed: 1,
    replications: 1,
    horizonSec: 1800 * channels[0]!.ratePerSec.length,
    warmupSec: 0,
    intervalSec: 1800,
    intervalCount: channels[0]!.ratePerSec.length,
    serviceLevelDefinition: 'offered',
    channels,
    groups,
  });
}

describe('distMean', () => {
  it('is the mean of each distribution family', () => {
    expect(distMean({ dist: 'gamma', mean: 180, cv: 0.5 })).toBe(180);
    expect(distMean({ dist: 'uniform', min: 60, max: 300 })).toBe(180);
    expect(distMean({ dist: 'triangular', min: 60, mode: 120, max: 360 })).toBe(180);
    expect(distMean({ dist: 'empirical', values: [100, 200, 240] })).toBe(180);
  });
});

describe('erlangBaseline', () => {
  it('reproduces the published Erlang C figures for 100 calls per 30 min, AHT 180 s, 14 agents', () => {
    const m = model([channel('voice', [100 / 1800, 0], { dist: 'uniform', min: 120, max: 240 })], [{ id: 'g', channels: [0], count: 14 }]);
    const [voice] = erlangBaseline(m);
    const first = voice!.intervals[0]!;
    expect(first.model).toBe('erlangC');
    expect(first.pWait).toBeCloseTo(0.1741319336, 9);
    expect(first.serviceLevel).toBeCloseTo(0.8883500192, 9);
    expect(first.asaSec).toBeCloseTo(7.8359370118, 8);
    expect(first.agentsRequired).toBe(14);
    expect(first.pAbandon).toBeUndefined();
    expect(voice!.intervals[1]).toMatchObject({ pWait: 0, serviceLevel: 1, agentsRequired: 0, occupancy: 0 });
    // Overall: the mean rate over the two intervals, 5 Erlangs on 14 agents.
    expect(voice!.overall.loadErlangs).toBeCloseTo(5, 12);
  });

  it('leaves the intervals out when asked (a long run reported per day), keeping the overall figures', () => {
    const m = model([channel('voice', [100 / 1800, 0], { dist: 'uniform', min: 120, max: 240 })], [{ id: 'g', channels: [0], count: 14 }]);
    const [all] = erlangBaseline(m, { intervals: true });
    const [none] = erlangBaseline(m, { intervals: false });
    expect(all!.intervals).toHaveLength(2);
    expect(none!.intervals).toEqual([]);
    expect(none!.overall).toEqual(all!.overall);
  });

  it('uses Erlang A with θ = 1 / mean patience and the model’s SL definition', () => {
    const m = model([channel('voice', [100 / 1800], { dist: 'exponential', mean: 180 }, { dist: 'exponential', mean: 300 })], [{ id: 'g', channels: [0], count: 14 }]);
    const figures = erlangBaseline(m)[0]!.intervals[0]!;
    expect(figures.model).toBe('erlangA');
    expect(figures.serviceLevel).toBeCloseTo(0.9168, 4);
    expect(figures.pAbandon).toBeCloseTo(0.013984, 6);
  });

  it('splits a shared group between its channels in proportion to offered load', () => {
    const voice = channel('voice', [0.1], { dist: 'exponential', mean: 300 }); // 30 Erlangs
    const chat = channel('chat', [0.05], { dist: 'exponential', mean: 200 }); // 10 Erlangs
    const m = model([voice, chat], [
      { id: 'shared', channels: [0, 1], count: 40 },
      { id: 'voiceOnly', channels: [0], count: 5 },
    ]);
    expect(agentsByChannel(m, [30, 10])).toEqual([35, 10]);
    const [v, c] = erlangBaseline(m);
    expect(v!.intervals[0]!.agents).toBe(35);
    expect(c!.intervals[0]!.agents).toBe(10);
    expect(c!.intervals[0]!.pWait).toBe(1); // 10 agents for 10 Erlangs: unstable
    expect(c!.intervals[0]!.asaSec).toBe(Infinity);
  });
});

describe('distMean of the families given by their mean', () => {
  it('is the mean parameter itself', () => {
    expect(distMean({ dist: 'exponential', mean: 180 })).toBe(180);
    expect(distMean({ dist: 'constant', mean: 180 })).toBe(180);
    expect(distMean({ dist: 'lognormal', mean: 180, cv: 1.2 })).toBe(180);
    expect(distMean({ dist: 'erlang', mean: 180, k: 3 })).toBe(180);
  });
});

describe('the agents Erlang is given', () => {
  it('counts only tier-1 groups: tiers 2 and 3 serve escalations, not the channel\'s arrivals', () => {
    const m = model([channel('voice', [0.1], { dist: 'exponential', mean: 300 }), channel('escalations', [0.01], { dist: 'exponential', mean: 300 })], [
      { id: 'front', channels: [0], count: 12 },
      { id: 'experts', channels: [0, 1], count: 4, tier: 2 },
    ]);
    // Voice: the 12 front-line agents only; the second channel has no tier-1 group at all.
    expect(agentsByChannel(m, [30, 3])).toEqual([12, 0]);
  });

  it('splits a shared group equally when none of its channels has load', () => {
    const m = model([channel('voice', [0], { dist: 'exponential', mean: 300 }), channel('chat', [0], { dist: 'exponential', mean: 200 })], [
      { id: 'shared', channels: [0, 1], count: 40 },
      { id: 'voiceOnly', channels: [0], count: 5 },
    ]);
    expect(agentsByChannel(m, [0, 0])).toEqual([40 / 2 + 5, 40 / 2]);
  });

  it('splits a shared group by each interval\'s load, and by the mean load for the overall figures', () => {
    // Voice 0.1/s × 300 s = 30 Erlangs in both intervals; chat 0.05/s and 0.15/s × 200 s =
    // 10 and 30 Erlangs, 20 on average. Shared group of 40, plus 5 voice-only agents.
    const m = model([channel('voice', [0.1, 0.1], { dist: 'exponential', mean: 300 }), channel('chat', [0.05, 0.15], { dist: 'exponential', mean: 200 })], [
      { id: 'shared', channels: [0, 1], count: 40 },
      { id: 'voiceOnly', channels: [0], count: 5 },
    ]);
    const [voice, chat] = erlangBaseline(m);
    expect(voice!.intervals[0]!.agents).toBeCloseTo(40 * 30 / (30 + 10) + 5, 9);
    expect(chat!.intervals[0]!.agents).toBeCloseTo(40 * 10 / (30 + 10), 9);
    expect(voice!.intervals[1]!.agents).toBeCloseTo(40 * 30 / (30 + 30) + 5, 9);
    expect(chat!.intervals[1]!.agents).toBeCloseTo(40 * 30 / (30 + 30), 9);
    expect(voice!.overall.agents).toBeCloseTo(40 * 30 / (30 + 20) + 5, 9);
    expect(chat!.overall.agents).toBeCloseTo(40 * 20 / (30 + 20), 9);
  });

  it('counts agent time on shift and off break in the window, times (1 − planned shrinkage)(1 − absenteeism)', () => {
    // Two 30-minute intervals. Agent A works [0, 3600) with a break [600, 1200); agent B works
    // [1800, 3600). Planned shrinkage 20 %, absenteeism 10 %: each available second counts 0.8 × 0.9.
    const shifts = [[{ startSec: 0, endSec: 3600, breaks: [{ startSec: 600, endSec: 1200 }] }], [{ startSec: 1800, endSec: 3600, breaks: [] }]];
    const m = model([channel('voice', [0.001, 0.001], { dist: 'exponential', mean: 300 })], [
      { id: 'g', channels: [0], count: 2, agentShifts: shifts, agentKeys: ['A', 'B'], shrinkage: { planned: 0.2, periodSec: 1800, absenteeism: 0.1 } },
    ]);
    const first = ((1800 - 600) / 1800) * 0.8 * 0.9; // A on shift 1800 s, 600 s of it on a break
    const second = ((1800 + 1800) / 1800) * 0.8 * 0.9; // both on shift the whole interval
    const day = ((3600 - 600 + 1800) / 3600) * 0.8 * 0.9;
    expect(availableAgents(m, 0, 1800)[0]).toBeCloseTo(first, 12);
    expect(availableAgents(m, 1800, 3600)[0]).toBeCloseTo(second, 12);
    expect(availableAgents(m, 0, 3600)[0]).toBeCloseTo(day, 12);
    const [voice] = erlangBaseline(m);
    expect(voice!.intervals.map((f) => f.agents)).toEqual([expect.closeTo(first, 12), expect.closeTo(second, 12)]);
    expect(voice!.overall.agents).toBeCloseTo(day, 12);
  });
});

describe('the load Erlang is given', () => {
  it('offers the contacts that get past self-service, with their residual handle time', () => {
    // 0.1/s arrive, a quarter contained by self-service; the rest take 0.8 × 200 s:
    // λ = 0.075/s, handle 160 s, 12 Erlangs on 20 agents. P(wait) from the birth–death chain.
    const m = model([{ ...channel('voice', [0.1], { dist: 'exponential', mean: 200 }), deflection: 0.25, residualHandleFactor: 0.8 }], [{ id: 'g', channels: [0], count: 20 }]);
    const figures = erlangBaseline(m)[0]!.intervals[0]!;
    expect(figures.loadErlangs).toBeCloseTo(0.075 * 160, 12);
    expect(figures.pWait).toBeCloseTo(stationary({ ratePerSec: 0.075, handleSec: 160, agents: 20, patienceSec: null }).pWait, 6);
    expect(figures.occupancy).toBeCloseTo(12 / 20, 12);
  });

  it('ignores a residual handle factor when nothing is deflected, as the simulation does', () => {
    const m = model([{ ...channel('voice', [0.1], { dist: 'exponential', mean: 200 }), deflection: 0, residualHandleFactor: 0.5 }], [{ id: 'g', channels: [0], count: 25 }]);
    expect(erlangBaseline(m)[0]!.intervals[0]!.loadErlangs).toBeCloseTo(0.1 * 200, 12);
  });
});

describe('the chat baseline', () => {
  it('is Erlang C on agents × concurrency session slots, and rounds the slots required up to whole agents', () => {
    // λ = 0.05/s, 200 s per session: 10 Erlangs of sessions; 7 agents × 2 slots = 14 servers.
    const m = model([{ ...channel('chat', [0.05], { dist: 'exponential', mean: 200 }), kind: 'chat', concurrency: 2, targetLevel: 0.9 }], [{ id: 'g', channels: [0], count: 7 }]);
    const figures = erlangBaseline(m)[0]!.intervals[0]!;
    // M/M/s from the birth–death chain: P(wait), and SL = 1 − P(wait)·e^{−(sμ − λ)T}, T = 20 s.
    const sl = (servers: number): number =>
      1 - stationary({ ratePerSec: 0.05, handleSec: 200, agents: servers, patienceSec: null }).pWait * Math.exp(-(servers / 200 - 0.05) * 20);
    expect(figures.model).toBe('erlangC');
    expect(figures.approximation).toBe(CHAT_APPROXIMATION);
    expect(figures.agents).toBe(7);
    expect(figures.pWait).toBeCloseTo(stationary({ ratePerSec: 0.05, handleSec: 200, agents: 14, patienceSec: null }).pWait, 6);
    expect(figures.serviceLevel).toBeCloseTo(sl(14), 6);
    expect(figures.slotOccupancy).toBeCloseTo(10 / 14, 12);
    expect(figures.occupancy).toBeNaN();
    // The fewest slots meeting 90 % within 20 s (the chain says 15: 0.938 against 0.883 at
    // 14), held by ⌈15 / 2⌉ = 8 agents.
    let slots = 11; // the first stable count above 10 Erlangs
    while (sl(slots) < 0.9) slots++;
    expect(slots).toBe(15);
    expect(figures.agentsRequired).toBe(Math.ceil(15 / 2));
  });
});

describe('Erlang A', () => {
  it('staffs a channel with patience by Erlang A, which needs fewer agents than Erlang C when callers abandon', () => {
    // λ = 0.1/s, handle 100 s (10 Erlangs), mean patience 60 s; the target is answering half the
    // calls at once (T = 0: SL = 1 − P(wait) under the 'offered' definition). From the
    // birth–death chain: with abandonment 10 agents give P(wait) 0.485 ≤ ½ and 9 give 0.599;
    // without it (Erlang C) 12 agents would be needed (P(wait) 0.449; 11 give 0.682).
    const voice = { ...channel('voice', [0.1], { dist: 'exponential', mean: 100 }, { dist: 'exponential', mean: 60 }), targetSec: 0, targetLevel: 0.5 };
    const m = model([voice], [{ id: 'g', channels: [0], count: 10 }]);
    const withPatience = (n: number) => stationary({ ratePerSec: 0.1, handleSec: 100, agents: n, patienceSec: 60 });
    let required = 1;
    while (1 - withPatience(required).pWait < 0.5) required++;
    expect(required).toBe(10);
    const figures = erlangBaseline(m)[0]!.intervals[0]!;
    expect(figures.model).toBe('erlangA');
    expect(figures.agentsRequired).toBe(10);
    expect(figures.serviceLevel).toBeCloseTo(1 - withPatience(10).pWait, 6);
    expect(figures.pWait).toBeCloseTo(withPatience(10).pWait, 6);
    expect(figures.pAbandon).toBeCloseTo(withPatience(10).pAbandon, 6);
  });

  it('gives no abandonment figure where nobody abandons (Erlang C)', () => {
    const m = model([channel('voice', [0.05], { dist: 'exponential', mean: 180 })], [{ id: 'g', channels: [0], count: 14 }]);
    const figures = erlangBaseline(m)[0]!.intervals[0]!;
    expect(figures.model).toBe('erlangC');
    expect('pAbandon' in figures).toBe(false);
  });
});

describe('the workload baseline of deferred work', () => {
  it('spreads the load arriving over the target window that starts in each interval, clipped to the day', () => {
    // Email, four 30-minute intervals, 720 s a contact; arrivals give 2, 4, 0 and 6 Erlangs.
    // Target 1 hour = two intervals: window loads (2 + 4)/2, (4 + 0)/2, (0 + 6)/2 and 6 alone
    // (the day ends). Four agents on shift for the first three intervals, none in the last.
    const rates = [2, 4, 0, 6].map((erlangs) => erlangs / 720);
    const email = { ...channel('email', rates, { dist: 'constant', mean: 720 }), kind: 'email' as const, targetSec: 3600 };
    const onDuty = Array.from({ length: 4 }, () => [{ startSec: 0, endSec: 5400, breaks: [] }]);
    const m = model([email], [{ id: 'mail', channels: [0], count: 4, agentShifts: onDuty, agentKeys: ['0', '1', '2', '3'] }]);
    const [baseline] = erlangBaseline(m);
    const intervals = baseline!.intervals;
    expect(intervals.map((f) => f.model)).toEqual(['workload', 'workload', 'workload', 'workload']);
    expect(intervals.map((f) => f.loadErlangs)).toEqual([2, 4, 0, 6].map((x) => expect.closeTo(x, 9)));
    expect(intervals.map((f) => f.agentsRequired)).toEqual([(2 + 4) / 2, (4 + 0) / 2, (0 + 6) / 2, 6]);
    expect(intervals.map((f) => f.agents)).toEqual([4, 4, 4, 0]);
    // Occupancy: load ÷ agents, at most 1; none without agents.
    expect(intervals.map((f) => f.occupancy)).toEqual([expect.closeTo(2 / 4, 9), 1, 0, NaN]);
    // Overall: the mean load, 3 Erlangs, on 4 agents × ¾ of the day.
    expect(baseline!.overall.loadErlangs).toBeCloseTo((2 + 4 + 0 + 6) / 4, 9);
    expect(baseline!.overall.agentsRequired).toBe(3);
    expect(baseline!.overall.agents).toBeCloseTo(4 * 3 / 4, 12);
  });

  it('takes a window shorter than an interval as that interval alone', () => {
    const rates = [2, 4].map((erlangs) => erlangs / 720);
    const email = { ...channel('email', rates, { dist: 'constant', mean: 720 }), kind: 'email' as const, targetSec: 600 };
    const m = model([email], [{ id: 'mail', channels: [0], count: 4 }]);
    expect(erlangBaseline(m)[0]!.intervals.map((f) => f.agentsRequired)).toEqual([2, 4]);
  });
});
