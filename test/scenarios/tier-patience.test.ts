// patienceByTier in the scenario format (issue 12 item 11): the field, its rules (live
// channels; tiers that receive transfers), and what the compiled model holds.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/load.js';
import { scenarioProblems } from '../support/problems.js';

const scenario = (channelExtra: string, tiers = '', kind = 'voice'): string => `name: tiers
horizon: 8h
${tiers}channels:
  - id: line
    kind: ${kind}
    arrivals: { perHour: 100 }
    handle: { dist: exponential, mean: 5m }
${kind === 'email' ? '' : '    patience: { dist: exponential, mean: 1m }\n'}    escalate: { tier2: { probability: 0.2 }, tier3: { probability: 0.5 } }
${channelExtra}agents:
  - { id: front, channels: [line], count: 12 }
  - { id: second, channels: [line], count: 3, tier: 2 }
  - { id: third, channels: [line], count: 2, tier: 3 }
`;

const problemsIn = scenarioProblems;

describe('patienceByTier', () => {
  it('compiles a tier’s own patience, null for never abandoning, and the channel’s patience for a tier left out', () => {
    const { model } = loadScenarioText(scenario('    patienceByTier: { 2: { dist: exponential, mean: 10m } }\n'), 'x.yaml');
    expect(model.channels[0]?.patienceByTier).toEqual([{ dist: 'exponential', mean: 600 }, { dist: 'exponential', mean: 60 }]);
    const never = loadScenarioText(scenario('    patienceByTier: { 2: null, 3: { dist: constant, mean: 2m } }\n', 'tiers: { 3: { mode: transfer } }\n'), 'x.yaml');
    expect(never.model.channels[0]?.patienceByTier).toEqual([null, { dist: 'constant', mean: 120 }]);
  });

  it('leaves the model as before when the field is absent', () => {
    const { model } = loadScenarioText(scenario(''), 'x.yaml');
    expect(model.channels.every((c) => !('patienceByTier' in c))).toBe(true);
  });

  it('refuses a ticket tier, a deferred channel, an unknown tier and a bad distribution, each at its place', () => {
    expect(problemsIn(scenario('    patienceByTier: { 3: { dist: exponential, mean: 10m } }\n'))).toEqual([
      'x.yaml:10:23 channels[0].patienceByTier.3: must be left out: Tier 3 receives tickets (tiers.3.mode is ticket), nobody waits on the line there to abandon (set tiers.3.mode: transfer, or remove it)',
    ]);
    expect(problemsIn(scenario('    patienceByTier: { 2: { dist: exponential, mean: 10m } }\n', '', 'email'))).toEqual([
      'x.yaml:9:5 channels[0].patienceByTier: applies to live channels only (voice, chat, messaging): email is deferred work, its customers do not abandon',
    ]);
    expect(problemsIn(scenario('    patienceByTier: { 1: { dist: exponential, mean: 10m } }\n'))).toEqual([
      'x.yaml:10:23 channels[0].patienceByTier.1: unknown key (did you mean "2"?)',
    ]);
    expect(problemsIn(scenario('    patienceByTier: { 2: { dist: exponential, mean: -3m } }\n'))).toEqual([
      'x.yaml:10:53 channels[0].patienceByTier.2.mean: must be a positive duration (got "-3m")',
    ]);
  });
});
