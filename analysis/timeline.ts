/**
 * Where a result's times fall on the calendar (issue 14): the date-time of a moment of the run,
 * and the `start` / `startDate` fields a JSON result carries when the scenario has a start date
 * (`2026-03-02T08:30`, ISO 8601's `T`). Every label a report shows of the same moments is made
 * from these by reports/timeline.ts.
 */
import { addSeconds, type DateTimeValue, formatDateTime, parseDate } from '../scenarios/dateTime.js';

/** A result's (or model's) place in time: the clock time of time 0 and, when known, its date. */
export interface Timeline {
  /** Seconds after midnight at time 0 (the scenario's `dayStart`); absent: midnight. */
  readonly dayStartSec?: number | undefined;
  /** The calendar date of time 0 (the scenario's `startDate`, `2026-03-02`); absent: clock labels. */
  readonly startDate?: string | undefined;
}

/** The date-time `t` seconds after time 0, or `undefined` without a start date. */
export function momentOf(r: Timeline, t: number): DateTimeValue | undefined {
  const day = r.startDate === undefined ? undefined : parseDate(r.startDate);
  return day === undefined ? undefined : addSeconds({ dayNumber: day, secOfDay: r.dayStartSec ?? 0 }, t);
}

/** `{ start: "2026-03-02T08:30" }` for a JSON interval or day with a start date; `{}` without, so results stay as they were. */
export function startField(r: Timeline, t: number): { readonly start?: string } {
  const at = momentOf(r, t);
  return at === undefined ? {} : { start: formatDateTime(at) };
}

/** `{ startDate }` for a result's top level when the scenario has one; `{}` without. */
export function startDateField(r: Timeline): { readonly startDate?: string } {
  return r.startDate === undefined ? {} : { startDate: r.startDate };
}
