// The figures of the maximum wait and the close (issue 12 items 3, 9) in a run result and in every
// format: worked out by hand on scripted days, written only for scenarios that use the mechanism.
import { describe, expect, it } from 'vitest';
import type { Model } from '../../engine/model.js';
import { simulateReplication } from '../../engine/simulate.js';
import { EXIT_METRICS } from '../../analysis/kpi.js';
import { renderReport } from '../../reports/run/render.js';
import { buildRunResult } from '../../analysis/run/result.js';
import { constant, model, withChannel } from '../support/model.js';

// One agent, calls of 100 s at 0, 10, 20, 280 and 285 s of a 300-second day (intervals of 100 s).
// With a 30 s maximum wait, calls 2 and 3 leave messages (at 40 and 50); call 4 is answered at
// once; call 5 is still waiting at the close (its maximum would come at 315).
const day = (fields: Partial<Model['channels'][number]>): Model =>
  withChannel(model({ agents: 1, horizonSec: 300, intervalSec: 100, channels: [{ arrivalTimesSec: [0, 10, 20, 280, 285], handle: constant(100) }] }), 0, fields);

const resultOf = (m: Model, replications = 2) =>
  buildRunResult({ ...m, replications }, m.seed, Array.from({ length: replications }, (_, r) => simulateReplication(m, m.seed, r)));

describe('the exit figures', () => {
  const m = day({ maxWait: { afterSec: 30, then: 'message' }, atClose: 'disconnect' });
  const result = resultOf(m);

  it('counts the messages, the maximum-wait share and the disconnections, per channel and per interval', () => {
    const voice = result.summary.channels.voice!;
    // 5 offered: 2 messages (2 ÷ 5 sent away at the maximum), 1 disconnected, 2 answered; no abandons.
    expect([voice.offered.mean, voice.handled.mean, voice.abandoned.mean]).toEqual([5, 2, 0]);
    expect([voice.maxWaitExits?.mean, voice.maxWaitRate?.mean, voice.messages?.mean, voice.disconnected?.mean]).toEqual([2, 0.4, 2, 1]);
    expect(voice.abandonRate.mean).toBe(0);
    // Service level (excludeShortAbandons): answered within 20 s (calls 1 and 4) ÷ offered 5.
    expect(voice.serviceLevel.mean).toBe(2 / 5);
    const iv = result.intervals.map((i) => [i.channels.voice!.messages?.mean, i.channels.voice!.disconnected?.mean, i.channels.voice!.maxWaitRate?.mean]);
    expect(iv).toEqual([[2, 0, 2 / 3], [0, 0, null], [0, 1, 0]]);
    expect(result.summary.overall.messages?.mean).toBe(2);
  });

  it('shows them in every format: JSON keys, CSV rows, text, Markdown and HTML columns', async () => {
    const json = JSON.parse((await renderReport(result, 'json')).text) as typeof result;
    for (const metric of EXIT_METRICS) expect(json.summary.channels.voice![metric], metric).toBeDefined();
    const csv = (await renderReport(result, 'csv')).text.split('\n');
    expect(csv.filter((l) => /,channels,voice,,,messages,estimate,2,/.test(l))).toHaveLength(1);
    expect(csv.filter((l) => /,channels,voice,,,disconnected,estimate,1,/.test(l))).toHaveLength(1);
    for (const format of ['text', 'md', 'html'] as const) {
      const text = (await renderReport(result, format)).text;
      for (const label of ['max wait reached', 'max wait share', 'messages', 'disconnected']) expect(text, `${format}: ${label}`).toContain(label);
    }
  });

  it('writes none of them for a scenario without the mechanisms, and only the close\'s for a scenario that only disconnects', () => {
    const plain = resultOf(day({}));
    for (const metric of EXIT_METRICS) expect(metric in plain.summary.channels.voice!, metric).toBe(false);
    const closing = resultOf(day({ atClose: 'disconnect' })).summary.channels.voice!;
    expect(Object.keys(closing).filter((k) => (EXIT_METRICS as readonly string[]).includes(k))).toEqual(['disconnected']);
    const serving = resultOf(day({ atClose: 'serve' })).summary.channels.voice!;
    expect(Object.keys(serving).filter((k) => (EXIT_METRICS as readonly string[]).includes(k))).toEqual([]);
  });
});
