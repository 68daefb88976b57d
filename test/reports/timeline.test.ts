// The one place labels are made (reports/timeline.ts): clock labels exactly as before without a
// startDate, dates and weekdays with one — checked against calendar facts (2026-03-02 is a
// Monday, 2028 is a leap year) and against JavaScript's own UTC calendar for chart times.
import { describe, expect, it } from 'vitest';
import { startDateField, startField } from '../../analysis/timeline.js';
import { chartAxisFormat, chartMs, clockOfDay, dayLabel, momentLabel, recordedFrom, timeLabel } from '../../reports/timeline.js';

const H = 3600;
const DAY = 86_400;

describe('labels without a startDate (as before dates existed)', () => {
  const r = { dayStartSec: 22 * H };
  it('are clock times from dayStart, later days prefixed d2, d3…', () => {
    expect(timeLabel(r, H + 30 * 60)).toBe('23:30');
    expect(timeLabel(r, 3 * H)).toBe('d2 01:00');
    expect(timeLabel({}, 0)).toBe('00:00');
    expect(dayLabel(r, DAY)).toBe('d2 22:00');
  });

  it('add no field to a JSON result and nothing to a description line', () => {
    expect(startField(r, 0)).toEqual({});
    expect(startDateField(r)).toEqual({});
    expect(recordedFrom(r)).toBe('');
    expect(chartAxisFormat(r, 4 * H)).toBe('d%-d %H:%M');
    expect(chartAxisFormat({ dayStartSec: 8 * H }, 12 * H)).toBe('%H:%M');
    expect(chartMs(r, 1800)).toBe((22 * H + 1800) * 1000);
  });
});

describe('labels with a startDate', () => {
  const r = { dayStartSec: 22 * H, startDate: '2026-03-31' };
  it('carry the date across midnight and the end of a month', () => {
    expect(timeLabel(r, H + 30 * 60)).toBe('2026-03-31 23:30');
    expect(timeLabel(r, 2 * H)).toBe('2026-04-01 00:00');
    expect(startField(r, 2 * H)).toEqual({ start: '2026-04-01T00:00' });
    expect(startDateField(r)).toEqual({ startDate: '2026-03-31' });
  });

  it('name the weekday of a day (2026-03-02 was a Monday) and the leap day of 2028', () => {
    expect(dayLabel(r, 0)).toBe('Tue 2026-03-31');
    expect(dayLabel(r, DAY)).toBe('Wed 2026-04-01');
    expect(dayLabel({ startDate: '2026-03-02' }, 6 * DAY)).toBe('Sun 2026-03-08');
    expect(timeLabel({ dayStartSec: 8 * H, startDate: '2028-02-28' }, DAY)).toBe('2028-02-29 08:00');
    expect(momentLabel({ dayStartSec: 8 * H, startDate: '2026-03-02' }, 156 * H)).toBe('Sun 2026-03-08 20:00');
    expect(recordedFrom({ dayStartSec: 8 * H, startDate: '2026-03-02' })).toBe(' from Mon 2026-03-02 08:00');
  });

  it('label rows under a day heading by time of day only', () => {
    expect(clockOfDay({ dayStartSec: 8 * H, startDate: '2026-03-02' }, DAY + 1800)).toBe('08:30');
    expect(clockOfDay(r, 3 * H)).toBe('01:00');
  });

  it('place charts at the real UTC date-time (as Date.UTC counts it)', () => {
    expect(chartMs({ dayStartSec: 8 * H, startDate: '2026-03-02' }, 1800)).toBe(Date.UTC(2026, 2, 2, 8, 30));
    expect(chartMs(r, 2 * H)).toBe(Date.UTC(2026, 3, 1, 0, 0));
    expect(chartAxisFormat(r, 4 * H)).toBe('%a %d %b %H:%M');
  });
});
