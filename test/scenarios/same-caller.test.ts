// retrial.sameCaller in the scenario format (issue 12 item 10): the field, its error, and the
// compiled model; and the customer view in the run result (summary.customers) only when used.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/load.js';
import { buildRunResult } from '../../analysis/run/result.js';
import { runReplications } from '../../workers/replications.js';
import { problemsOf } from '../support/problems.js';

const scenario = (retrial: string): string => `name: callers
horizon: 2h
channels:
  - id: line
    kind: voice
    arrivals: { perHour: 120 }
    handle: { dist: exponential, mean: 5m }
    patience: { dist: exponential, mean: 1m }
    retrial: ${retrial}
agents:
  - { id: team, channels: [line], count: 9 }
`;

describe('retrial.sameCaller', () => {
  it('compiles true into the model and leaves the model as before when absent', () => {
    const same = loadScenarioText(scenario('{ probability: 0.5, delay: { dist: exponential, mean: 5m }, sameCaller: true }'), 'x.yaml');
    expect(same.model.channels[0]?.retrial).toEqual({ probability: 0.5, delay: { dist: 'exponential', mean: 300 }, sameCaller: true });
    const plain = loadScenarioText(scenario('{ probability: 0.5, delay: { dist: exponential, mean: 5m } }'), 'x.yaml');
    expect(plain.model.channels[0]?.retrial).toEqual({ probability: 0.5, delay: { dist: 'exponential', mean: 300 } });
  });

  it('refuses a value that is not true or false, at its place', () => {
    expect(problemsOf(() => loadScenarioText(scenario('{ probability: 0.5, delay: { dist: exponential, mean: 5m }, sameCaller: yes please }'), 'x.yaml'))).toEqual([
      'x.yaml:9:86 channels[0].retrial.sameCaller: must be true or false (got "yes please")',
    ]);
  });

  it('adds summary.customers to the result only for a channel with same-caller retrials', () => {
    const run = (retrial: string) => {
      const { model } = loadScenarioText(scenario(retrial), 'x.yaml');
      return buildRunResult(model, 1, runReplications(model, 1, 3));
    };
    const same = run('{ probability: 0.5, delay: { dist: exponential, mean: 5m }, sameCaller: true }');
    const customers = same.summary.customers?.line;
    expect(Object.keys(customers ?? {})).toEqual(['customers', 'answered', 'serviceLevel', 'asaSec', 'unansweredRate']);
    // Every customer's first attempt is offered (no lines): customers = offered − retrials attempts that got in.
    const line = same.summary.channels.line!;
    expect(customers!.customers.mean).toBeCloseTo(line.offered.mean! - line.retrials.mean!, 9);
    // A customer's wait from the first attempt is at least its answered attempt's.
    expect(customers!.asaSec.mean!).toBeGreaterThanOrEqual(line.asaSec.mean!);
    expect('customers' in run('{ probability: 0.5, delay: { dist: exponential, mean: 5m } }').summary).toBe(false);
  });
});
