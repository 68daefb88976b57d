// A day-level busyness factor shared by several channels (issue 12 item 7) in the scenario
// format: the number form is unchanged, `{ cv, shared }` compiles to the factor's name, and
// the rules (members agree on the cv, a factor is shared by two channels or more) name the field.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/load.js';
import { scenarioProblems } from '../support/problems.js';

const scenario = (sales: string, service: string, mail = 'overdispersion: 0.1'): string => `name: busy day
horizon: 8h
channels:
  - id: sales
    kind: voice
    arrivals: { perHour: 200 }
    handle: { dist: exponential, mean: 5m }
    ${sales}
  - id: service
    kind: voice
    arrivals: { perHour: 150 }
    handle: { dist: exponential, mean: 6m }
    ${service}
  - id: mail
    kind: email
    arrivals: { perHour: 20 }
    handle: { dist: exponential, mean: 10m }
    ${mail}
agents:
  - { id: team, channels: [sales, service, mail], count: 30 }
`;

const problemsIn = scenarioProblems;

describe('overdispersion: { cv, shared }', () => {
  it('compiles a shared factor to its name and cv, and leaves the number form as it was', () => {
    const { model } = loadScenarioText(scenario('overdispersion: { cv: 0.15, shared: busyDay }', 'overdispersion: { cv: 0.15, shared: busyDay }'), 'x.yaml');
    expect(model.channels.map((c) => [c.overdispersion, c.overdispersionShared])).toEqual([[0.15, 'busyDay'], [0.15, 'busyDay'], [0.1, undefined]]);
    expect('overdispersionShared' in model.channels[2]!).toBe(false);
  });

  it('reads { cv } without a name as the channel’s own factor', () => {
    const { model } = loadScenarioText(scenario('overdispersion: { cv: 0.2 }', 'overdispersion: 0.2'), 'x.yaml');
    expect(model.channels[0]).toMatchObject({ overdispersion: 0.2 });
    expect('overdispersionShared' in model.channels[0]!).toBe(false);
  });

  it('names every mistake at its place', () => {
    expect(problemsIn(scenario('overdispersion: { cv: 0.2, shared: busyDay }', 'overdispersion: { cv: 0.3, shared: busyDay }', 'overdispersion: { cv: 0.2, shared: busyDya }'))).toEqual([
      'x.yaml:13:27 channels[1].overdispersion.cv: must equal the cv of the other channels sharing factor "busyDay" (sales gives 0.2): one multiplier a day has one cv (got 0.3)',
      'x.yaml:18:40 channels[2].overdispersion.shared: must name a factor shared with another channel: no other channel names "busyDya" (write a number for the channel’s own factor) (got "busyDya") (did you mean "busyDay"?)',
    ]);
    expect(problemsIn(scenario('overdispersion: { cv: 4, shared: x }', 'overdispersion: { cv: 0.1, shared: "x y", level: 2 }', 'overdispersion: { cv: 4, shared: x }'))).toEqual([
      'x.yaml:8:27 channels[0].overdispersion.cv: must be a coefficient of variation from 0 to 3 (got 4)',
      'x.yaml:13:40 channels[1].overdispersion.shared: must be an id: a letter, then letters, digits, "-" or "_" (got "x y")',
      'x.yaml:13:47 channels[1].overdispersion.level: unknown key',
      'x.yaml:18:27 channels[2].overdispersion.cv: must be a coefficient of variation from 0 to 3 (got 4)',
    ]);
    expect(problemsIn(scenario('overdispersion: high', 'overdispersion: 0.1'))).toEqual([
      'x.yaml:8:21 channels[0].overdispersion: must be a coefficient of variation from 0 to 3, or a mapping { cv, shared } (got "high")',
    ]);
  });
});
