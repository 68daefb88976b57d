// `conference` in the scenario format (issue 13 item 4): compiled with its group as an index,
// absent when not written; voice only, a group of the scenario, each mistake at its place.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/load.js';
import { scenarioProblems } from '../support/problems.js';

const scenario = (conference: string, kind = 'voice'): string => `name: conf
horizon: 8h
channels:
  - id: line
    kind: ${kind}
    arrivals: { perHour: 100 }
    handle: { dist: exponential, mean: 5m }
${conference}agents:
  - { id: front, channels: [line], count: 12 }
  - { id: supervisors, skills: [{ channel: line, rank: 2 }], count: 2 }
`;

describe('conference', () => {
  it('compiles the share, the group as its index and the duration in seconds', () => {
    const { model } = loadScenarioText(scenario('    conference: { probability: 0.1, group: supervisors, duration: { dist: exponential, mean: 2m } }\n'), 'x.yaml');
    expect(model.channels[0]?.conference).toEqual({ probability: 0.1, group: 1, duration: { dist: 'exponential', mean: 120 } });
  });

  it('leaves the model as before when the field is absent', () => {
    expect('conference' in loadScenarioText(scenario(''), 'x.yaml').model.channels[0]!).toBe(false);
  });

  it('refuses a group that does not exist, a channel that is not voice and a bad share, each at its place', () => {
    expect(scenarioProblems(scenario('    conference: { probability: 0.1, group: supervisor, duration: { dist: exponential, mean: 2m } }\n'))).toEqual([
      'x.yaml:8:44 channels[0].conference.group: must name an agent group of this scenario (its groups: front, supervisors) (did you mean "supervisors"?) (got "supervisor")',
    ]);
    expect(scenarioProblems(scenario('    conference: { probability: 0.1, group: supervisors, duration: { dist: exponential, mean: 2m } }\n', 'chat'))).toEqual([
      'x.yaml:8:5 channels[0].conference: applies to voice channels only (this one is chat): a second agent joins a call',
    ]);
    expect(scenarioProblems(scenario('    conference: { probability: 1.5, group: supervisors, duration: { dist: exponential, mean: 2m } }\n'))).toEqual([
      'x.yaml:8:32 channels[0].conference.probability: must be a share 0 or more and at most 1 (got 1.5)',
    ]);
  });
});
