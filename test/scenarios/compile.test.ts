import { describe, expect, it } from 'vitest';
import { completeModel } from '../../engine/defaults.js';
import type { Model } from '../../engine/model.js';
import { loadScenarioText } from '../../scenarios/load.js';

const yaml = `
name: Two lines
seed: 3
replications: 5
horizon: 2h
warmup: 15m
interval: 30m
serviceLevel: { definition: answered }
channels:
  - id: sales
    kind: voice
    arrivals: { perHour: 360 }
    handle: { dist: constant, value: 4.5m }
    target: { within: 30s, level: 0.9 }
  - id: service
    kind: voice
    arrivals: { volumes: [90, 180, 0, 45] }
    handle: { dist: erlang, mean: 6m, k: 3 }
    patience: { dist: triangular, min: 0, mode: 1m, max: 5m }
agents:
  - id: universal
    channels: [service, sales]
    count: 20
  - id: sales-team
    channels: [sales]
    count: 4
`;

describe('compileScenario', () => {
  const { model, scenario } = loadScenarioText(yaml, 'two-lines.yaml');

  it('turns every duration into seconds', () => {
    expect([model.horizonSec, model.warmupSec, model.intervalSec, model.intervalCount]).toEqual([7200, 900, 1800, 4]);
    expect(model.channels[0]?.handle).toEqual({ dist: 'constant', mean: 270 });
    expect(model.channels[1]?.handle).toEqual({ dist: 'erlang', mean: 360, k: 3 });
    expect(model.channels[1]?.patience).toEqual({ dist: 'triangular', min: 0, mode: 60, max: 300 });
    expect([model.channels[0]?.targetSec, model.channels[0]?.targetLevel]).toEqual([30, 0.9]);
  });

  it('fills the defaults: 20s / 0.8 target, no patience means null', () => {
    expect([model.channels[1]?.targetSec, model.channels[1]?.targetLevel]).toEqual([20, 0.8]);
    expect(model.channels[0]?.patience).toBeNull();
  });

  it('repeats perHour ÷ 3600 in every interval and spreads volumes over their interval', () => {
    expect(model.channels[0]?.ratePerSec).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(model.channels[1]?.ratePerSec).toEqual([0.05, 0.1, 0, 0.025]);
  });

  it('turns channel ids into indices, in the order the group lists them', () => {
    expect(model.groups).toMatchObject([
      { id: 'universal', channels: [1, 0], count: 20 },
      { id: 'sales-team', channels: [0], count: 4 },
    ]);
  });

  it('copies the run settings and the service-level definition', () => {
    expect([model.name, model.seed, model.replications, model.serviceLevelDefinition]).toEqual(['Two lines', 3, 5, 'answered']);
    expect(scenario.serviceLevel.definition).toBe('answered');
  });

  it('freezes the model, which the kernel trusts without copying', () => {
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.channels[0]?.ratePerSec)).toBe(true);
  });

  it('survives structured clone unchanged (it crosses to workers)', () => {
    expect(structuredClone(model)).toEqual(model);
  });
});

describe('compileScenario and engine/defaults.ts', () => {
  it('fill the same defaults for a scenario that uses none of the issue-4 mechanisms (except the P3 default priority)', () => {
    const { model } = loadScenarioText(yaml, 'two-lines.yaml');
    const bare = completeModel({
      ...model,
      channels: model.channels.map(({ id, kind, ratePerSec, handle, patience, targetSec, targetLevel }) => ({ id, kind, ratePerSec, handle, patience, targetSec, targetLevel })),
      groups: model.groups.map(({ id, channels, count }) => ({ id, channels, count })),
    });
    const withoutPriority = (m: Model) => ({ ...m, channels: m.channels.map((c) => ({ ...c, types: c.types.map((t) => ({ ...t, priority: 0 })) })) });
    expect(withoutPriority(model)).toEqual(withoutPriority(bare));
  });
});
