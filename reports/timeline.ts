/**
 * The one place the labels of a result's times are made (issue 14: "dayStart and dates appear
 * in every label"). Every report — text, CSV, HTML, of run, staff and schedule — labels an
 * interval or a day through these functions; the moments themselves, and the JSON `start`
 * fields, are analysis/timeline.ts's.
 *
 * Without a `startDate` a label is the clock time from `dayStart` (`08:30`, later days
 * `d2 08:30`), exactly as before dates existed. With one, an interval is `2026-03-02 08:30`
 * (a space, as spreadsheets show a date-time; JSON's `start` keeps ISO 8601's `T`) and a day
 * is `Mon 2026-03-02` in text and HTML tables, whose readers look for weekdays.
 */
import { momentOf, type Timeline } from '../analysis/timeline.js';
import { DAY_SEC, timeOfDay } from '../engine/time.js';
import { dateTimeLabel, formatDate, weekdayOf } from '../scenarios/dateTime.js';
import { clock } from './format.js';

/** The label of the interval (or moment) `t` seconds after time 0: `2026-03-02 08:30`, or `08:30` / `d2 08:30`. */
export function timeLabel(r: Timeline, t: number): string {
  const at = momentOf(r, t);
  return at === undefined ? clock((r.dayStartSec ?? 0) + t) : dateTimeLabel(at);
}

/** The label of a day starting `t` seconds after time 0: `Mon 2026-03-02`, or its clock label without a date. */
export function dayLabel(r: Timeline, t: number): string {
  const at = momentOf(r, t);
  return at === undefined ? clock((r.dayStartSec ?? 0) + t) : `${capitalised(weekdayOf(at.dayNumber))} ${formatDate(at.dayNumber)}`;
}

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A chart's time coordinate of `t`, milliseconds on vega's UTC scale: the real date-time
 * with a start date, else the clock time on 1970-01-01 (the axis shows clock times only).
 */
export function chartMs(r: Timeline, t: number): number {
  const at = momentOf(r, t);
  return (at === undefined ? (r.dayStartSec ?? 0) + t : at.dayNumber * DAY_SEC + at.secOfDay) * 1000;
}

/** The d3 time format of a chart's axis: dates with a start date; `d2 08:30` past the first day; else `08:30`. */
export function chartAxisFormat(r: Timeline, horizonSec: number): string {
  if (r.startDate !== undefined) return (r.dayStartSec ?? 0) + horizonSec > DAY_SEC ? '%a %d %b %H:%M' : '%d %b %H:%M';
  return (r.dayStartSec ?? 0) + horizonSec > DAY_SEC ? 'd%-d %H:%M' : '%H:%M';
}

/** `Mon 2026-03-02 08:00`: the moment `t` with its weekday, for description lines; the clock label without a date. */
export function momentLabel(r: Timeline, t: number): string {
  const at = momentOf(r, t);
  return at === undefined ? timeLabel(r, t) : `${dayLabel(r, t)} ${dateTimeLabel(at).slice(-5)}`;
}

/** ` from Mon 2026-03-02 08:00` for a report's description line with a start date; '' without (as before). */
export function recordedFrom(r: Timeline): string {
  return r.startDate === undefined ? '' : ` from ${momentLabel(r, 0)}`;
}

/**
 * The time of day of `t`, `08:30`: the label of a row under a day's heading (text tables with a
 * start date, one table a day, so that a week of half-hours fits 100 columns).
 */
export function clockOfDay(r: Timeline, t: number): string {
  return clock(timeOfDay((r.dayStartSec ?? 0) + t));
}
