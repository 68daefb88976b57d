// The day's clock (engine/time.ts): the time of day of any simulated instant, warm-up
// (negative times) and later days included, against values written out by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_SEC, timeOfDay } from '../../engine/time.js';
import { propertyRuns } from '../support/runs.js';

describe('timeOfDay', () => {
  it('a day is 86 400 seconds', () => {
    expect(DAY_SEC).toBe(24 * 60 * 60);
  });

  it('leaves an instant of the first day as it is: 0 → 0, 09:30 → 34 200, one second before midnight → 86 399', () => {
    expect(timeOfDay(0)).toBe(0);
    expect(timeOfDay(34_200)).toBe(34_200);
    expect(timeOfDay(86_399)).toBe(86_399);
  });

  it('wraps later days back into the day: midnight of day 2 → 0, day 2 at 00:00:05 → 5, day 3 at 01:00:07 → 3 607', () => {
    expect(timeOfDay(86_400)).toBe(0);
    expect(timeOfDay(86_405)).toBe(5);
    expect(timeOfDay(2 * 86_400 + 3_607)).toBe(3_607);
  });

  it('puts a warm-up instant on the evening before: −1 → 86 399, −3 600 → 82 800, −86 400 → 0, −90 000 → 82 800', () => {
    expect(timeOfDay(-1)).toBe(86_399);
    expect(timeOfDay(-3_600)).toBe(82_800);
    expect(timeOfDay(-86_400)).toBe(0);
    expect(timeOfDay(-90_000)).toBe(82_800);
  });

  it('keeps the fraction of a second: 86 400.25 → 0.25, −0.5 → 86 399.5', () => {
    expect(timeOfDay(86_400.25)).toBe(0.25);
    expect(timeOfDay(-0.5)).toBe(86_399.5);
  });

  it('gives a time in [0, 86 400) that differs from t by a whole number of days, for any whole second t', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10 * 86_400, max: 10 * 86_400 }), (t) => {
        const tod = timeOfDay(t);
        expect(tod).toBeGreaterThanOrEqual(0);
        expect(tod).toBeLessThan(86_400);
        expect(Number.isInteger((t - tod) / 86_400)).toBe(true);
      }),
      propertyRuns(200),
    );
  });
});
