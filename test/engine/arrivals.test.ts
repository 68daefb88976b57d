// Arrivals by inversion of the cumulative rate (engine/arrivals.ts), on scripted uniforms so
// that every gap is worked by hand: a draw u gives E = −ln(1 − u) units of Λ, spent segment by
// segment at each segment's rate.
import { describe, expect, it } from 'vitest';
import { ArrivalProcess, ScriptedArrivals } from '../../engine/arrivals.js';
import { Stream } from '../../engine/random.js';

/** A stream that hands out the given uniforms in turn. */
class ScriptedStream extends Stream {
  private i = 0;
  constructor(private readonly uniforms: readonly number[]) {
    super(0, 0, 'scripted');
  }
  override next(): number {
    const u = this.uniforms[this.i++];
    if (u === undefined) throw new Error('scripted stream exhausted');
    return u;
  }
}

/** The uniform whose draw is E units of cumulative rate: u = 1 − e^{−E}. */
const forExp = (e: number): number => -Math.expm1(-e);

describe('ArrivalProcess', () => {
  it('at a constant rate r the gap is E / r: r = 0.1/s, E = 2 → first arrival at 20 s, the next 15 s later for E = 1.5', () => {
    const p = new ArrivalProcess([0.1, 0.1], 1800, 0);
    const s = new ScriptedStream([forExp(2), forExp(1.5)]);
    const first = p.next(0, s);
    expect(first).toBeCloseTo(20, 9);
    expect(p.next(first, s)).toBeCloseTo(35, 9);
  });

  it('carries the unused part of E across a rate change: rates 0.01 and 0.02 over 100 s intervals, E = 1.5 → 125 s', () => {
    // The first interval holds 0.01 × 100 = 1 unit; the remaining 0.5 takes 0.5 / 0.02 = 25 s.
    const p = new ArrivalProcess([0.01, 0.02], 100, 0);
    expect(p.next(0, new ScriptedStream([forExp(1.5)]))).toBeCloseTo(125, 9);
  });

  it('skips an interval with rate 0: rates 0 then 0.1, E = 1 → 100 + 10 = 110 s', () => {
    const p = new ArrivalProcess([0, 0.1], 100, 0);
    expect(p.next(0, new ScriptedStream([forExp(1)]))).toBeCloseTo(110, 9);
  });

  it('with u = 0 (E = 0) the arrival is where the rate first becomes positive', () => {
    const p = new ArrivalProcess([0, 0.1], 100, 0);
    expect(p.next(0, new ScriptedStream([0]))).toBe(100);
  });

  it('an E that exactly fills a segment arrives at its end, not after a following zero-rate one', () => {
    // u = ½: E = ln 2. Rates (ln 2, 0, ln 2) per second over 1 s intervals: the first interval
    // holds exactly ln 2 units, so the arrival is at 1 s (not 2 s, the start of the third).
    const e = -Math.log(1 - 0.5);
    const p = new ArrivalProcess([e, 0, e], 1, 0);
    expect(p.next(0, new ScriptedStream([0.5]))).toBe(1);
  });

  it('resumes from the segment of the last arrival: a later draw in the third interval is E / r from t', () => {
    // Rates 0.1, 0.2, 0.4 over 10 s intervals. E = 3 → 1 unit in [0, 10), 2 in [10, 20): 20 s.
    // Then from 20 s, E = 0.8 at 0.4/s: 22 s.
    const p = new ArrivalProcess([0.1, 0.2, 0.4], 10, 0);
    const s = new ScriptedStream([forExp(3), forExp(0.8)]);
    const first = p.next(0, s);
    expect(first).toBeCloseTo(20, 9);
    expect(p.next(first, s)).toBeCloseTo(22, 9);
  });

  it('gives Infinity after the horizon, and keeps giving it', () => {
    // One 100 s interval at 0.01/s holds 1 unit; E = 2 does not fit.
    const p = new ArrivalProcess([0.01], 100, 0);
    const s = new ScriptedStream([forExp(2), forExp(0.1)]);
    expect(p.next(0, s)).toBe(Infinity);
    expect(p.next(100, s)).toBe(Infinity);
  });

  it('runs the warm-up [−W, 0) at the first interval’s rate: W = 50, r = 0.02, E = 0.5 → −25 s', () => {
    const p = new ArrivalProcess([0.02, 0.5], 100, 50);
    expect(p.startSec).toBe(-50);
    expect(p.next(-50, new ScriptedStream([forExp(0.5)]))).toBeCloseTo(-25, 9);
  });

  it('a draw not used up by the warm-up continues into the day: W = 50, r = 0.02 then 0.5, E = 1.5 → 25 s', () => {
    // The warm-up holds 0.02 × 50 = 1 unit; the first interval is also at 0.02/s, so 0.5 more
    // units take 25 s.
    const p = new ArrivalProcess([0.02, 0.5], 100, 50);
    expect(p.next(-50, new ScriptedStream([forExp(1.5)]))).toBeCloseTo(25, 9);
  });

  it('starts at 0 without a warm-up, and never with no intervals', () => {
    expect(new ArrivalProcess([0.1], 100, 0).startSec).toBe(0);
    expect(new ArrivalProcess([], 100, 0).startSec).toBe(Infinity);
    expect(new ArrivalProcess([], 100, 0).next(0, new ScriptedStream([0.5]))).toBe(Infinity);
  });

  it('scales each day’s rates by its factor: day 1 at 3 × 0.001/s, E = 1 → 1/0.003 s into day 1', () => {
    // Two 12-hour intervals a day at 0.001/s; day 0 scaled by 0 (no arrivals), day 1 by 3.
    const p = new ArrivalProcess([0.001, 0.001, 0.001, 0.001], 43_200, 0, [0, 3]);
    expect(p.next(0, new ScriptedStream([forExp(1)]))).toBeCloseTo(86_400 + 1 / 0.003, 6);
  });

  it('leaves days beyond the factors given unscaled, and scales the warm-up by day 0’s factor', () => {
    // Day 0 factor 0: the warm-up and day 0 have no arrivals; day 1 (no factor) keeps 0.001/s.
    const p = new ArrivalProcess([0.001, 0.001, 0.001, 0.001], 43_200, 3600, [0]);
    expect(p.next(-3600, new ScriptedStream([forExp(1)]))).toBeCloseTo(86_400 + 1000, 6);
  });
});

describe('ScriptedArrivals', () => {
  it('replays the given times in order, then Infinity, drawing nothing', () => {
    const a = new ScriptedArrivals([5, 7.5, 30]);
    const s = new ScriptedStream([]);
    expect([a.next(0, s), a.next(5, s), a.next(7.5, s), a.next(30, s), a.next(30, s)]).toEqual([5, 7.5, 30, Infinity, Infinity]);
  });
});
