/**
 * Calendar dates and date-times as planners' files write them (issue 14): `2026-03-02`,
 * `2026-03-02T08:30`, `2026-03-02 08:30:00`. One definition for every reader — forecasts,
 * ACD interval reports, call records — and for every label that shows a date.
 *
 * Dates are civil dates without a time zone: a contact center's interval report is in its
 * own local time, and ccsim never converts. A day is 86,400 s (no daylight-saving jumps:
 * ACD exports repeat or skip an interval on those nights, which the readers report as such).
 * Day numbers count days from 1970-01-01 (proleptic Gregorian), so differences are exact.
 */
import { DAY_SEC } from '../engine/time.js';

/** A civil date: year, month 1–12, day 1–31. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface DateTimeValue {
  /** Days from 1970-01-01. */
  readonly dayNumber: number;
  /** Seconds from midnight, in [0, 86,400). */
  readonly secOfDay: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Days in month `m` (1–12) of year `y`. */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * Days from 1970-01-01 of a civil date. The algorithm is Howard Hinnant's `days_from_civil`
 * ("chrono-Compatible Low-Level Date Algorithms"): years start in March so the leap day is
 * last, and 400-year eras repeat exactly.
 */
export function dayNumberOf(d: CivilDate): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date of a day number (Hinnant's `civil_from_days`, the inverse of `dayNumberOf`). */
export function civilOf(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function civil(y: string, m: string, d: string): CivilDate | undefined {
  const date = { year: Number(y), month: Number(m), day: Number(d) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) return undefined;
  return date;
}

/** `2026-03-02` → its day number; `undefined` for anything else (including 2026-02-30). */
export function parseDate(text: string): number | undefined {
  const m = DATE.exec(text);
  const date = m === null ? undefined : civil(m[1] ?? '', m[2] ?? '', m[3] ?? '');
  return date === undefined ? undefined : dayNumberOf(date);
}

/** `2026-03-02T08:30`, `2026-03-02 08:30:15` → day number and time of day; `undefined` otherwise. */
export function parseDateTime(text: string): DateTimeValue | undefined {
  const m = DATE_TIME.exec(text);
  if (m === null) return undefined;
  const date = civil(m[1] ?? '', m[2] ?? '', m[3] ?? '');
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (date === undefined || h > 23 || min > 59 || s > 59) return undefined;
  return { dayNumber: dayNumberOf(date), secOfDay: h * 3600 + min * 60 + s };
}

/** Whether a text is written as a date-time (its shape, valid or not): readers use it to choose the rule to report. */
export function looksLikeDateTime(text: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}[T ]/.test(text);
}

/** Seconds between two date-times (b − a). */
export function secondsBetween(a: DateTimeValue, b: DateTimeValue): number {
  return (b.dayNumber - a.dayNumber) * DAY_SEC + (b.secOfDay - a.secOfDay);
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_NAMES: readonly Weekday[] = WEEKDAYS;

/** Day of the week of a day number: 0 = Monday … 6 = Sunday (ISO 8601; 1970-01-01 was a Thursday). */
export function weekdayIndex(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

export function weekdayOf(dayNumber: number): Weekday {
  return WEEKDAYS[weekdayIndex(dayNumber)] ?? 'mon';
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-03-02`. */
export function formatDate(dayNumber: number): string {
  const d = civilOf(dayNumber);
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** `2026-03-02T08:30` (seconds shown only when not whole minutes). */
export function formatDateTime(value: DateTimeValue): string {
  const s = value.secOfDay;
  const hm = `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}`;
  return `${formatDate(value.dayNumber)}T${hm}${s % 60 === 0 ? '' : `:${pad(s % 60)}`}`;
}

/** The date-time `t` seconds after `origin` (t may exceed a day or be negative). */
export function addSeconds(origin: DateTimeValue, t: number): DateTimeValue {
  const total = origin.secOfDay + t;
  const days = Math.floor(total / DAY_SEC);
  return { dayNumber: origin.dayNumber + days, secOfDay: total - days * DAY_SEC };
}

/**
 * `2026-03-02 08:30`: a moment as labels and messages show it — a space rather than ISO's
 * `T`, as spreadsheets display a date-time (JSON results keep `formatDateTime`'s ISO form).
 */
export function dateTimeLabel(value: DateTimeValue): string {
  return formatDateTime(value).replace('T', ' ');
}
