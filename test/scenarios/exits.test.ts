// The maximum wait and the close in the scenario format (issue 12 items 3, 9): the fields, their
// rules (live channels only; a callback on voice only), and what the compiled model holds.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/load.js';
import { scenarioProblems } from '../support/problems.js';
import { withChannelLine } from '../support/scenarioText.js';

const HEAD = `name: exits
horizon: 8h
`;
const CHANNELS = `channels:
  - id: sales
    kind: voice
    arrivals: { perHour: 200 }
    handle: { dist: exponential, mean: 5m }
  - id: web
    kind: chat
    arrivals: { perHour: 150 }
    handle: { dist: exponential, mean: 6m }
  - id: mail
    kind: email
    arrivals: { perHour: 20 }
    handle: { dist: exponential, mean: 10m }
agents:
  - { id: team, channels: [sales, web, mail], count: 30 }
`;

const problemsIn = scenarioProblems;

/** The scenario with `extra` added under the channel `id` (after its handle line). */
const withChannelField = (id: string, extra: string, text = HEAD + CHANNELS): string => withChannelLine(text, id, extra);

describe('maxWait and atClose', () => {
  it('compiles the maximum wait to seconds with its action (message by default) and the close as written', () => {
    const text = withChannelField('web', 'maxWait: { after: 90 }', withChannelField('sales', 'maxWait: { after: 3m, then: callback }\n    atClose: disconnect'));
    const { model } = loadScenarioText(text, 'x.yaml');
    expect(model.channels.map((c) => c.maxWait)).toEqual([{ afterSec: 180, then: 'callback' }, { afterSec: 90, then: 'message' }, undefined]);
    expect(model.channels.map((c) => c.atClose)).toEqual(['disconnect', undefined, undefined]);
  });

  it('leaves the model as before when neither is given', () => {
    const { model } = loadScenarioText(HEAD + CHANNELS, 'x.yaml');
    expect(model.channels.every((c) => !('maxWait' in c) && !('atClose' in c))).toBe(true);
  });

  it('names every mistake at its place: the duration, the action, the close, deferred channels, a callback off voice', () => {
    let text = withChannelField('sales', 'maxWait: { after: 0s, then: voicemail }\n    atClose: hangup');
    text = withChannelField('web', 'maxWait: { after: 1m, then: callback }', text);
    text = withChannelField('mail', 'maxWait: { after: 1h }\n    atClose: disconnect', text);
    expect(problemsIn(text)).toEqual([
      'x.yaml:8:23 channels[0].maxWait.after: must be a positive duration (got "0s")',
      'x.yaml:8:33 channels[0].maxWait.then: must be one of message, callback (got "voicemail")',
      'x.yaml:9:14 channels[0].atClose: must be one of serve, disconnect (got "hangup")',
      'x.yaml:14:33 channels[1].maxWait.then: callback applies to voice channels only (this one is chat); use message (got "callback")',
      'x.yaml:19:5 channels[2].maxWait: applies to live channels only (voice, chat, messaging): email is a backlog, nobody waits on a line',
      'x.yaml:20:5 channels[2].atClose: applies to live channels only (voice, chat, messaging): email is a backlog, nobody waits on a line',
    ]);
  });

  it('refuses a maximum wait without its duration, or with a field it does not know', () => {
    expect(problemsIn(withChannelField('sales', 'maxWait: { then: message, target: 4h }'))).toEqual([
      'x.yaml:8:14 channels[0].maxWait.after: is required (must be a duration: seconds or a string like "20s", "6m", "1.5h")',
      'x.yaml:8:31 channels[0].maxWait.target: unknown key',
    ]);
  });
});
