// The wait histograms (engine/waitHistograms.ts): how many, at what precision, their reset,
// and the percentiles written out in seconds. Waits are recorded in tenths of a second; a
// percentile is HDR's nearest rank (the ⌈p/100·n⌉-th smallest value) reported as the highest
// value of its bucket. With 3 significant digits buckets are one tick wide below 2048 ticks; with
// 2 digits one tick below 256 and two ticks from 256 to 511 (so 300 ticks reads back as 301).
import { describe, expect, it } from 'vitest';
import { newHistogram, recordTicks, TICKS_PER_SEC, WAIT_PERCENTILES, WaitHistograms, writePercentiles, type Histogram } from '../../engine/waitHistograms.js';

const p50 = (h: Histogram): number => h.getValueAtPercentile(50);

describe('wait histogram constants', () => {
  it('keeps the 50th, 90th, 95th and 99th percentiles, in that order', () => {
    expect(WAIT_PERCENTILES).toEqual([50, 90, 95, 99]);
  });

  it('records waits in tenths of a second', () => {
    expect(TICKS_PER_SEC).toBe(10);
  });
});

describe('newHistogram', () => {
  it('starts sized for an hour’s wait (36 000 ticks) and grows for a longer one (11 h)', () => {
    const h = newHistogram(3);
    expect(h.highestTrackableValue).toBe(36_000);
    expect(h.autoResize).toBe(true);
    h.recordValue(11 * 3600 * 10);
    expect([h.totalCount, h.maxValue]).toEqual([1, 396_000]);
  });

  it('keeps 3 significant digits or 2, as asked: 300 ticks read back as 300 and as 301', () => {
    const fine = newHistogram(3);
    const coarse = newHistogram(2);
    fine.recordValue(300);
    coarse.recordValue(300);
    expect([fine.numberOfSignificantValueDigits, p50(fine)]).toEqual([3, 300]);
    expect([coarse.numberOfSignificantValueDigits, p50(coarse)]).toEqual([2, 301]);
  });
});

describe('WaitHistograms', () => {
  it('has one histogram per channel × interval (2 channels × 3 intervals = 6), one per channel, and two for the center', () => {
    const w = new WaitHistograms(2, 3);
    expect(w.interval.length).toBe(6);
    expect(w.channel.length).toBe(2);
    expect(new Set([...w.interval, ...w.channel, w.overall, w.deferred]).size).toBe(10);
  });

  it('keeps 2 digits per interval and 3 per channel and for the center', () => {
    const w = new WaitHistograms(1, 2);
    const all = [...w.interval, ...w.channel, w.overall, w.deferred];
    for (const h of all) h.recordValue(300);
    expect(all.map(p50)).toEqual([301, 301, 300, 300, 300]);
  });

  it('empties every histogram on reset', () => {
    const w = new WaitHistograms(2, 2);
    const all = [...w.interval, ...w.channel, w.overall, w.deferred];
    all.forEach((h, i) => h.recordValue(10 + i));
    w.reset();
    expect(all.map((h) => h.totalCount)).toEqual(Array.from({ length: 8 }, () => 0));
  });
});

describe('writePercentiles', () => {
  it('writes NaN in the four places from `at` for an empty histogram, and nothing else', () => {
    const out = new Float64Array(8).fill(-7);
    writePercentiles(newHistogram(3), out, 3);
    expect(Array.from(out)).toEqual([-7, -7, -7, NaN, NaN, NaN, NaN, -7]);
  });

  it('writes p50, p90, p95, p99 in seconds: waits 0.1 s … 10.0 s (ticks 1…100) → 5, 9, 9.5, 9.9', () => {
    const h = newHistogram(3);
    for (let ticks = 1; ticks <= 100; ticks++) h.recordValue(ticks);
    const out = new Float64Array(7).fill(-7);
    writePercentiles(h, out, 2);
    expect(Array.from(out)).toEqual([-7, -7, 5, 9, 9.5, 9.9, -7]);
  });

  it('takes the nearest rank: nine waits of 2 s and one of 60 s → p50 = p90 = 2 s (ranks 5, 9), p95 = p99 = 60 s (rank 10)', () => {
    const h = newHistogram(3);
    for (let i = 0; i < 9; i++) h.recordValue(20);
    h.recordValue(600);
    const out = new Float64Array(4);
    writePercentiles(h, out, 0);
    expect(Array.from(out)).toEqual([2, 2, 60, 60]);
  });
});

describe('recordTicks (the integer counts index)', () => {
  /** Every count, the total, the extremes and the percentiles of h. */
  const state = (h: Histogram): unknown => ({
    counts: Array.from({ length: h.countsArrayLength }, (_, i) => h.getCountAtIndex(i)),
    total: h.totalCount, max: h.maxValue, min: h.minNonZeroValue, range: h.highestTrackableValue,
    pct: WAIT_PERCENTILES.map((p) => h.getValueAtPercentile(p)),
  });

  it('puts a value where HdrHistogram’s layout says, worked by hand at 2 digits', () => {
    // 2 digits: 256 sub-buckets, half 128 (magnitude 7). 300 has 9 bits, one above the half
    // range: bucket 1, sub-bucket 300 >> 1 = 150, index 2·128 + 150 − 128 = 278; 301 shares it.
    const h = newHistogram(2);
    expect([h.subBucketHalfCount, h.subBucketHalfCountMagnitude]).toEqual([128, 7]);
    recordTicks(h, 300);
    recordTicks(h, 301);
    recordTicks(h, 127);
    expect(h.getCountAtIndex(278)).toBe(2);
    expect(h.getCountAtIndex(127)).toBe(1);
    expect([h.totalCount, h.maxValue, h.minNonZeroValue]).toEqual([3, 301, 127]);
  });

  it.each([2, 3] as const)('leaves a %i-digit histogram exactly as recordValue does, growth and zero included', (digits) => {
    const ours = newHistogram(digits);
    const theirs = newHistogram(digits);
    // Every value up to 5,000 ticks, then a spread of larger ones (past the hour it starts sized
    // for, so both grow), a zero, and one beyond 2^31 (the library's own path).
    const values: number[] = [0];
    for (let v = 0; v <= 5_000; v++) values.push(v);
    for (let v = 5_001; v < 2e8; v = Math.floor(v * 1.37) + 3) values.push(v);
    values.push(2 ** 31 - 1, 2 ** 31 + 5);
    for (const v of values) {
      recordTicks(ours, v);
      theirs.recordValue(v);
    }
    expect(state(ours)).toEqual(state(theirs));
  });
});
