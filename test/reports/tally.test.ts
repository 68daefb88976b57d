// Tallies over a run of intervals: summing counter by counter must give exactly (to the
// bit) what adding one interval at a time gives, whatever the model — shared groups
// included, where agent time is split by busy shares.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../engine/simulate.js';
import { staffingOf } from '../../reports/result.js';
import { addChannel, addChannelIntervals, emptyTally } from '../../reports/tally.js';
import { loadScenarioText } from '../../scenarios/load.js';

const bundled = (name: string) => {
  const path = fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));
  return loadScenarioText(readFileSync(path, 'utf8'), path).model;
};

describe('addChannelIntervals', () => {
  it.each(['saas-support.yaml', 'retail-omnichannel.yaml'])('equals adding each interval in turn, bit for bit (%s)', (file) => {
    const model = bundled(file);
    const r = simulateReplication(model, 7, 0);
    const by = staffingOf(model);
    const I = model.intervalCount;
    for (let ch = 0; ch < model.channels.length; ch++) {
      const spans = [[0, I], [3, Math.min(I, 17)], [I - 1, I]] as const;
      for (const [from, to] of spans) {
        const one = emptyTally();
        for (let iv = from; iv < to; iv++) addChannel(one, r, ch, iv, by);
        const span = emptyTally();
        addChannelIntervals(span, r, ch, from, to, by);
        expect(span).toStrictEqual(one);
        expect(span.offered).toBeGreaterThanOrEqual(0);
      }
    }
    // The whole run adds up to something: the comparison is not between two empty tallies.
    const all = emptyTally();
    addChannelIntervals(all, r, 0, 0, I, by);
    expect(all.offered).toBeGreaterThan(0);
    expect(all.availableSec).toBeGreaterThan(0);
  });
});
