// afterContactWork in the scenario format (issue 13 item 4): a channel's wrap-up is the default
// of its types, a type's own replaces it, a scenario without it compiles as before; mistakes are
// reported at the field with file:line:col.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/load.js';
import { scenarioProblems } from '../support/problems.js';
import { MINIMAL_SCENARIO, withChannelLine } from '../support/scenarioText.js';

const typed = (channelLine: string, typeA: string): string => `name: wrap
horizon: 8h
channels:
  - id: voice
    kind: voice
    arrivals: { perHour: 100 }
    handle: { dist: exponential, mean: 5m }
${channelLine}    types:
      - { id: billing, share: 0.5${typeA} }
      - { id: tech, share: 0.5 }
agents:
  - { id: team, channels: [voice], count: 12 }
`;

describe('afterContactWork', () => {
  it('compiles the channel’s wrap-up into its one type, in seconds', () => {
    const { model } = loadScenarioText(withChannelLine(MINIMAL_SCENARIO, 'voice', 'afterContactWork: { dist: constant, mean: 45s }'), 'x.yaml');
    expect(model.channels[0]?.types[0]?.afterContactWork).toEqual({ dist: 'constant', mean: 45 });
  });

  it('gives every type the channel’s wrap-up unless the type has its own', () => {
    const { model } = loadScenarioText(typed('    afterContactWork: { dist: exponential, mean: 1m }\n', ', afterContactWork: { dist: uniform, min: 10s, max: 2m }'), 'x.yaml');
    expect(model.channels[0]?.types.map((t) => t.afterContactWork)).toEqual([{ dist: 'uniform', min: 10, max: 120 }, { dist: 'exponential', mean: 60 }]);
    const own = loadScenarioText(typed('', ', afterContactWork: { dist: constant, mean: 30s }'), 'x.yaml').model;
    expect(own.channels[0]?.types.map((t) => t.afterContactWork)).toEqual([{ dist: 'constant', mean: 30 }, undefined]);
    expect('afterContactWork' in own.channels[0]!.types[1]!).toBe(false);
  });

  it('leaves the model as before when the field is absent', () => {
    const { model } = loadScenarioText(MINIMAL_SCENARIO, 'x.yaml');
    expect(model.channels.every((c) => c.types.every((t) => !('afterContactWork' in t)))).toBe(true);
  });

  it('refuses a bad distribution, a misspelt key and a bare duration, each at its place', () => {
    expect(scenarioProblems(withChannelLine(MINIMAL_SCENARIO, 'voice', 'afterContactWork: { dist: exponential, mean: -3m }'))).toEqual([
      'x.yaml:8:50 channels[0].afterContactWork.mean: must be a positive duration (got "-3m")',
    ]);
    expect(scenarioProblems(withChannelLine(MINIMAL_SCENARIO, 'voice', 'afterContactWrok: { dist: constant, mean: 30s }'))).toEqual([
      'x.yaml:8:5 channels[0].afterContactWrok: unknown key (did you mean "afterContactWork"?)',
    ]);
    expect(scenarioProblems(typed('', ', afterContactWork: 30s'))).toEqual([
      'x.yaml:9:54 channels[0].types[0].afterContactWork: must be a mapping like { dist: exponential, mean: 6m } (got "30s")',
    ]);
    expect(scenarioProblems(typed('', ', afterContactWork: { dist: constant, mean: 1m, cv: 2 }'))).toEqual([
      'x.yaml:9:82 channels[0].types[0].afterContactWork.cv: unknown key',
    ]);
  });
});
