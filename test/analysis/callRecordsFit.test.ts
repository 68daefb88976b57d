// fitCallRecords (analysis/fit/callRecordsFit.ts) end to end: per-channel fits and warnings on
// records worked by hand, then ccsim's own traces (workers/contactTrace.ts, as `ccsim run --trace`
// writes them) read back with scenarios/callRecords.ts and fitted: the handle-time mean and the
// patience of the scenario that made them are recovered within 3.5 standard errors, at any seed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../analysis/fit/callRecord.js';
import { fitCallRecords } from '../../analysis/fit/callRecordsFit.js';
import type { Model } from '../../engine/model.js';
import { readCallRecords } from '../../scenarios/callRecords.js';
import { loadScenarioFile, loadScenarioText } from '../../scenarios/load.js';
import { writeTrace } from '../../workers/contactTrace.js';
import { testSeed } from '../support/statistics.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-fit-'));

const call = (channel: string | null, waitSec: number, handleSec: number | null): CallRecord => ({
  line: 0,
  arrivalSec: 0,
  channel,
  waitSec,
  outcome: handleSec === null ? 'abandoned' : 'answered',
  handleSec,
});

describe('fitCallRecords on records worked by hand', () => {
  const fits = fitCallRecords([
    call('voice', 10, 100), call('chat', 0, 300), call('voice', 30, null), call('voice', 20, 300), call('voice', 5, 0), call('chat', 60, null),
  ]);

  it('one fit per channel, in order of first appearance, with its counts', () => {
    expect(fits.map((f) => [f.channel, f.calls, f.answered, f.abandoned])).toEqual([['voice', 4, 3, 1], ['chat', 2, 1, 1]]);
  });

  it('handle times of 0 s are left out and said so; the rest are fitted (voice: 100 and 300 s, mean 200)', () => {
    const voice = fits[0];
    expect(voice?.handle).toMatchObject({ fitted: true, n: 2, sampleMeanSec: 200 });
    expect(voice?.warnings).toContain('channel voice: 1 answered call has no handle time above 0 s and is left out of the handle-time fit');
    expect(voice?.warnings).toContain('channel voice: only 2 answered calls: the handle-time family is chosen on little data (mean 200.0 ± 141.4 s, one standard error)');
  });

  it('patience from every wait: voice has 1 abandon in 10 + 30 + 20 + 5 = 65 s of waiting, θ̂ = 65 s', () => {
    expect(fits[0]?.patience.exponential.meanSec).toBe(65);
    expect(fits[0]?.patience.spec).toEqual({ dist: 'exponential', mean: 65 });
    expect(fits[0]?.warnings).toContainEqual(expect.stringMatching(/^channel voice: patience: only 1 abandons/));
  });

  it('a channel with one answered call has no handle fit, and says why', () => {
    expect(fits[1]?.handle).toEqual({ fitted: false, n: 1, reason: 'needs at least two different handle times (got one call)' });
    expect(fits[1]?.warnings).toContain('channel chat: handle time not fitted: needs at least two different handle times (got one call)');
  });

  it('a lognormal within 2 of AIC of the best is named as not told apart (handle times 12 … 410 s: exponential 96.37, lognormal 98.17)', () => {
    const records = [12, 30, 45, 60, 95, 180, 240, 410].map((h) => call('voice', 1, h));
    const [voice] = fitCallRecords(records);
    expect(voice?.warnings).toContain('channel voice: exponential and lognormal fit the handle times about equally well (AIC differs by 1.8 < 2)');
  });

  it('a file without channels gives one fit with channel null and warnings without a channel prefix', () => {
    const [only] = fitCallRecords([call(null, 1, 10), call(null, 2, 20)]);
    expect(only?.channel).toBeNull();
    expect(only?.warnings.every((w) => !w.startsWith('channel'))).toBe(true);
  });
});

/** The trace `ccsim run --trace` would write for replications 0 … n − 1 at the test seed, read back as call records. */
function traced(m: Model, name: string, replications: number) {
  const path = join(dir, `${name}.csv`);
  writeTrace(m, testSeed(), { path, format: 'csv', replications });
  return readCallRecords(path);
}

describe("ccsim's own trace, read as call records", () => {
  it('classic-80-20 (exponential handle of 6 min, no patience): the handle mean within 3.5 × 360/√n, the exponential within AIC noise of the best; no abandons, no patience spec', () => {
    const { model } = loadScenarioFile('scenarios/classic-80-20.yaml');
    const read = traced(model, 'classic', 2);
    expect(read.skipped).toEqual({ laterTier: 0, deflected: 0, blocked: 0, open: 0, callback: 0 });
    const [voice] = fitCallRecords(read.records);
    if (voice === undefined || !voice.handle.fitted) throw new Error('expected a handle fit');
    expect(voice.channel).toBe('voice');
    const exponential = voice.handle.candidates.find((c) => c.family === 'exponential');
    // The MLE is the sample mean, whose standard error is 360 s/√n for an exponential of mean 360 s.
    expect(Math.abs((exponential?.meanSec ?? 0) - 360)).toBeLessThan((3.5 * 360) / Math.sqrt(voice.handle.n));
    // Nested in the gamma (k = 1): ΔAIC = χ²₁ − 2, below 12.2 but for p ≈ 2e-4.
    expect(exponential?.deltaAic).toBeLessThan(12.2);
    expect(voice.patience.spec).toBeNull();
    expect(voice.warnings).toEqual([expect.stringContaining('channel voice: patience: no abandons among')]);
  });

  it('a center with exponential patience of 3 min (30 agents, 30 Erlangs): θ̂ within 3.5 θ/√D of 180 s, and the exponential is not rejected at 0.001', () => {
    const yaml = [
      'name: Patience recovery', 'seed: 1', 'horizon: 8h', 'warmup: 1h', 'interval: 30m',
      'channels:',
      '  - { id: voice, kind: voice, arrivals: { perHour: 300 }, handle: { dist: exponential, mean: 6m }, patience: { dist: exponential, mean: 3m }, target: { within: 20s, level: 0.8 } }',
      'agents:',
      '  - { id: team, channels: [voice], count: 30 }',
    ].join('\n');
    const { model } = loadScenarioText(yaml, 'patience.yaml');
    const [voice] = fitCallRecords(traced(model, 'patience', 3).records);
    const patience = voice?.patience;
    if (patience?.exponential.meanSec == null) throw new Error('expected a patience fit');
    // Patience is independent of when this caller would be answered (first come, first served), so
    // the censoring is independent; the MLE's standard error is θ/√D.
    expect(patience.abandons).toBeGreaterThan(100);
    expect(Math.abs(patience.exponential.meanSec - 180)).toBeLessThan((3.5 * 180) / Math.sqrt(patience.abandons));
    // A 95% interval misses the truth at 5% of seeds, so only its shape is checked here: around θ̂.
    expect(patience.exponential.lowerSec).toBeLessThan(patience.exponential.meanSec);
    expect(patience.exponential.upperSec ?? 0).toBeGreaterThan(patience.exponential.meanSec);
    expect(patience.exponentialGap?.pValue).toBeGreaterThan(0.001);
  });
});
