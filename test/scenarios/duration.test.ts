import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exactDuration, formatDuration, parseDuration, parseRate } from '../../scenarios/duration.js';
import { duration } from '../../scenarios/quantity.js';

describe('parseDuration', () => {
  it.each([
    [20, 20],
    ['20', 20],
    ['20s', 20],
    ['6m', 360],
    ['1.5h', 5400],
    ['2d', 172800],
    ['250ms', 0.25],
    ['1w', 604800],
    [' 6 min ', 360],
    ['6M', 360],
  ])('reads %j as %d seconds', (written, seconds) => {
    expect(parseDuration(written)).toEqual({ ok: true, seconds });
  });

  it('names an unknown unit and lists the known ones', () => {
    const r = parseDuration('6 minutes');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('unknown unit "minutes"');
  });

  it.each([[true], [null], ['six minutes'], [Infinity], ['']])('rejects %j', (written) => {
    expect(parseDuration(written).ok).toBe(false);
  });
});

describe('parseRate and formatDuration', () => {
  it('reads rates per period', () => {
    expect(parseRate('300/h')).toEqual({ ok: true, perSec: 300 / 3600, periodSec: 3600 });
    expect(parseRate('100/30m')).toEqual({ ok: true, perSec: 100 / 1800, periodSec: 1800 });
    expect(parseRate('2400/d')).toEqual({ ok: true, perSec: 2400 / 86_400, periodSec: 86_400 });
    expect(parseRate('120')).toEqual({ ok: true, perSec: 120 / 3600, periodSec: 3600 });
  });
  it('formats seconds compactly', () => {
    expect([formatDuration(20), formatDuration(360), formatDuration(5400), formatDuration(172800)]).toEqual(['20s', '6m', '1.5h', '2d']);
  });
});

describe('exactDuration (durations written into scenarios)', () => {
  it('uses the largest unit that divides the seconds, so reading it back gives the same seconds', () => {
    const cases: [number, string][] = [[122400, '34h'], [172800, '2d'], [1800, '30m'], [90, '90s'], [5400, '90m'], [0.5, '0.5s'], [86400, '1d']];
    for (const [sec, text] of cases) {
      expect(exactDuration(sec)).toBe(text);
      expect(parseDuration(text)).toMatchObject({ ok: true, seconds: sec });
    }
  });
});

describe('duration field', () => {
  const positive = duration({ min: 0, exclusive: true }, 'test');
  const bounded = duration({ min: 60, max: 3600 }, 'test');
  const message = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

  it('parses to seconds', () => {
    expect(positive.parse('6m')).toBe(360);
    expect(positive.parse(7.5)).toBe(7.5);
  });
  it('says "must be a positive duration" for zero and negatives', () => {
    expect(message(positive, '-3m')).toBe('must be a positive duration');
    expect(message(positive, 0)).toBe('must be a positive duration');
  });
  it('names the bound broken', () => {
    expect(message(bounded, '10s')).toBe('must be at least 1m');
    expect(message(bounded, '2h')).toBe('must be at most 1h');
  });
  it('explains the accepted forms for a value of the wrong type', () => {
    expect(message(positive, true)).toBe('must be a duration: seconds or a string like "20s", "6m", "1.5h"');
  });
});
