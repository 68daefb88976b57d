import { describe, expect, it } from 'vitest';
import {
  addSeconds,
  civilOf,
  dayNumberOf,
  formatDate,
  formatDateTime,
  looksLikeDateTime,
  parseDate,
  parseDateTime,
  secondsBetween,
  weekdayOf,
} from '../../scenarios/dateTime.js';

// Day numbers and weekdays from GNU date (`date -ud 2026-03-02 +%s` / 86400, `+%a`), not from this module.
const KNOWN: readonly [string, number, string][] = [
  ['2026-03-02', 20514, 'mon'],
  ['2024-02-29', 19782, 'thu'],
  ['2000-03-01', 11017, 'wed'],
  ['1969-12-31', -1, 'wed'],
  ['2100-03-01', 47541, 'mon'],
];

describe('civil dates', () => {
  it.each(KNOWN)('%s is day %d, a %s', (text, day, weekday) => {
    expect(parseDate(text)).toBe(day);
    expect(weekdayOf(day)).toBe(weekday);
    expect(formatDate(day)).toBe(text);
  });

  it('round-trips every day of four centuries', () => {
    for (let n = -150_000; n < 150_000; n += 1) {
      const c = civilOf(n);
      expect(dayNumberOf(c)).toBe(n);
    }
  });

  it('refuses dates that do not exist', () => {
    for (const bad of ['2026-02-29', '2100-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026-3-2', '02/03/2026', '']) {
      expect(parseDate(bad)).toBeUndefined();
    }
    expect(parseDate('2000-02-29')).toBe(11016);
  });
});

describe('date-times', () => {
  it('reads both separators and optional seconds', () => {
    expect(parseDateTime('2026-03-02T08:30')).toEqual({ dayNumber: 20514, secOfDay: 30_600 });
    expect(parseDateTime('2026-03-02 08:30:15')).toEqual({ dayNumber: 20514, secOfDay: 30_615 });
    for (const bad of ['2026-03-02T24:00', '2026-03-02T08:60', '2026-03-02', '08:30', '2026-02-30T08:00']) {
      expect(parseDateTime(bad)).toBeUndefined();
    }
    expect(looksLikeDateTime('2026-02-30T08:00')).toBe(true);
    expect(looksLikeDateTime('08:00')).toBe(false);
  });

  it('measures and adds across midnight', () => {
    const a = { dayNumber: 20514, secOfDay: 23 * 3600 + 30 * 60 };
    const b = addSeconds(a, 3600);
    expect(formatDateTime(b)).toBe('2026-03-03T00:30');
    expect(secondsBetween(a, b)).toBe(3600);
    expect(formatDateTime(addSeconds(a, -24 * 3600 - 15))).toBe('2026-03-01T23:29:45');
  });
});
