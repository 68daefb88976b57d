// Trunk lines and queue capacity in the scenario format (issue 12 item 1): fields, the rules
// that relate them (live channels only, one line group per channel, channels that exist), and
// what the compiled model holds.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/load.js';
import { scenarioProblems } from '../support/problems.js';
import { withChannelLine } from '../support/scenarioText.js';

const HEAD = `name: lines
horizon: 8h
`;
const CHANNELS = `channels:
  - id: sales
    kind: voice
    arrivals: { perHour: 200 }
    handle: { dist: exponential, mean: 5m }
  - id: service
    kind: voice
    arrivals: { perHour: 150 }
    handle: { dist: exponential, mean: 6m }
  - id: mail
    kind: email
    arrivals: { perHour: 20 }
    handle: { dist: exponential, mean: 10m }
agents:
  - { id: team, channels: [sales, service, mail], count: 30 }
`;

const problemsIn = scenarioProblems;

/** The scenario with `extra` added under the channel `id` (after its handle line). */
const withChannelField = (id: string, extra: string, head = HEAD): string => head + withChannelLine(CHANNELS, id, extra);

describe('lines, queueCapacity and lineGroups', () => {
  it('compiles a channel’s own lines to a group of one, named after it, and shared groups to their channels', () => {
    const text = withChannelField('service', 'queueCapacity: 5', `${HEAD}lineGroups:\n  - { id: carrier, lines: 40, channels: [sales] }\n`).replace('kind: voice\n    arrivals: { perHour: 150 }', 'kind: voice\n    lines: 12\n    arrivals: { perHour: 150 }');
    const { model } = loadScenarioText(text, 'x.yaml');
    expect(model.lineGroups).toEqual([
      { id: 'service', lines: 12, channels: [1] },
      { id: 'carrier', lines: 40, channels: [0] },
    ]);
    expect(model.channels.map((c) => c.queueCapacity)).toEqual([undefined, 5, undefined]);
  });

  it('leaves the model as before when nothing has lines', () => {
    const { model } = loadScenarioText(HEAD + CHANNELS, 'x.yaml');
    expect('lineGroups' in model).toBe(false);
    expect(model.channels.every((c) => !('queueCapacity' in c))).toBe(true);
  });

  it('names every mistake at its place', () => {
    const text = withChannelField('mail', 'lines: 5', `${HEAD}lineGroups:\n  - { id: carrier, lines: 0, channels: [sales, servce, mail] }\n  - { id: second, lines: 10, channels: [sales] }\n`)
      .replace('mean: 5m }\n', 'mean: 5m }\n    lines: 20\n')
      .replace('mean: 6m }\n', 'mean: 6m }\n    queueCapacity: -1\n');
    expect(problemsIn(text)).toEqual([
      'x.yaml:4:27 lineGroups[0].lines: must be a whole number of lines from 1 to 1,000,000 (got 0)',
      'x.yaml:4:48 lineGroups[0].channels[1]: must name a channel of this scenario (its channels: sales, service, mail) (did you mean "service"?) (got "servce")',
      'x.yaml:4:56 lineGroups[0].channels[2]: must be a live channel (voice, chat, messaging): mail is email, a backlog (got "mail")',
      'x.yaml:5:41 lineGroups[1].channels[0]: is already in line group carrier: a channel holds lines of one group (got "sales")',
      'x.yaml:11:5 channels[0].lines: must be left out: channel sales holds the lines of line group carrier',
      'x.yaml:16:20 channels[1].queueCapacity: must be a whole number of contacts from 0 to 1,000,000 (got -1)',
      'x.yaml:21:5 channels[2].lines: applies to live channels only (voice, chat, messaging): email is a backlog, not a line',
    ]);
  });

  it('lets callers who were blocked retry without patience, and still refuses a retrial nobody can trigger', () => {
    const retrial = 'retrial: { probability: 0.5, delay: { dist: exponential, mean: 3m } }';
    expect(() => loadScenarioText(withChannelField('sales', `${retrial}\n    lines: 30`), 'x.yaml')).not.toThrow();
    expect(() => loadScenarioText(withChannelField('sales', `${retrial}\n    queueCapacity: 3`), 'x.yaml')).not.toThrow();
    expect(problemsIn(withChannelField('sales', retrial))).toEqual([
      expect.stringMatching(/channels\[0\]\.retrial: has no effect without patience or lines: nobody abandons or is blocked/),
    ]);
  });
});
