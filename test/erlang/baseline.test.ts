// The Erlang baseline of `ccsim run` (reports/baseline.ts) on hand-built compiled models.
import { describe, expect, it } from 'vitest';
import { completeModel, type ChannelBasics, type GroupBasics } from '../../engine/defaults.js';
import type { DistSpec, Model } from '../../engine/model.js';
import { agentsByChannel, distMean, erlangBaseline } from '../../reports/baseline.js';

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
