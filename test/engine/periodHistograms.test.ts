// Wait percentiles per period of several intervals (engine/waitHistograms.ts, used when a long
// run reports per day): the intervals of a period share one histogram, and every interval of
// the period reports the period's percentiles, zeros (answered at once) included.
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../engine/simulate.js';
import { WAIT_PERCENTILES, WaitHistograms } from '../../engine/waitHistograms.js';
import { constant, model } from '../support/model.js';

describe('WaitHistograms with a period of several intervals', () => {
  it('shares one histogram among the intervals of a period, per channel', () => {
    // 5 one-hour intervals in 2-hour periods: intervals 0–1, 2–3 and 4 → 3 histograms a channel.
    const w = new WaitHistograms(2, 5, 3600, 7200);
    const h = w.interval;
    expect(h).toHaveLength(10);
    expect(h[0]).toBe(h[1]);
    expect(h[2]).toBe(h[3]);
    expect(h[1]).not.toBe(h[2]);
    expect(h[3]).not.toBe(h[4]);
    expect(h[4]).not.toBe(h[5]); // channel 1 starts with its own
    expect(h[5]).toBe(h[6]);
    expect(new Set(h).size).toBe(6);
  });

  it('keeps one histogram an interval by default, and for a period no longer than an interval', () => {
    expect(new Set(new WaitHistograms(2, 5, 3600).interval).size).toBe(10);
    expect(new Set(new WaitHistograms(2, 5, 3600, 1800).interval).size).toBe(10);
    expect(new Set(new WaitHistograms(2, 5, 3600, 3600).interval).size).toBe(10);
    expect(new WaitHistograms(2, 0, 3600, 7200).interval).toHaveLength(0);
  });

  it('resets every period histogram', () => {
    const w = new WaitHistograms(1, 4, 60, 120);
    w.interval[0]?.recordValue(5);
    w.interval[3]?.recordValue(7);
    w.reset();
    expect(w.interval.every((x) => x.totalCount === 0)).toBe(true);
  });
});

describe('the recorder reads a period\'s percentiles into each of its intervals', () => {
  // One agent, calls of 10 s: at 0, 20, 40 (interval 0, each answered at once) and at 70, 71
  // (interval 1: the second waits 80 − 71 = 9 s). Waits by interval: {0, 0, 0} and {0, 9}.
  const base = model({ agents: 1, horizonSec: 240, intervalSec: 60, channels: [{ arrivalTimesSec: [0, 20, 40, 70, 71], handle: constant(10) }] });
  const P = WAIT_PERCENTILES.length;
  const pct = (m: typeof base, iv: number): number[] => Array.from(simulateReplication(m, 1, 0).waitPctInterval.slice(iv * P, (iv + 1) * P));

  it('per interval: interval 0 waited nothing, interval 1 had a 9 s wait in its top half', () => {
    expect(pct(base, 0)).toEqual(WAIT_PERCENTILES.map(() => 0));
    expect(Math.max(...pct(base, 1))).toBe(9);
  });

  it('per 2-minute period: intervals 0 and 1 both report the period {0, 0, 0, 0, 9} — median 0, the top percentiles 9', () => {
    const periods = { ...base, waitPercentileSec: 120 };
    const first = pct(periods, 0);
    expect(pct(periods, 1)).toEqual(first);
    expect(first[0]).toBe(0);
    expect(first[P - 1]).toBe(9);
    // Intervals 2–3 (the second period) had no calls.
    expect(pct(periods, 2)).toEqual(pct(periods, 3));
  });
});
