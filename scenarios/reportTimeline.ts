/**
 * Where each row of an interval report falls in time (issue 14 goal 4): the interval length,
 * the report's first interval, and each row's interval index. A row's start is written one of
 * three ways, the same way on every row:
 *   - a date-time (`2026-03-02T08:00`), or a `date` column beside a clock-time start;
 *   - a clock time (`08:00`): one day, or a run past midnight — each row is placed on the day
 *     nearest its channel's previous row, so a multi-day report needs dates;
 *   - seconds or a duration from `--day-start` (default 00:00), as forecasts write them.
 * The interval is `--interval` or the shortest step between two rows of a channel, and every
 * start must be on its grid. Rows out of order or repeated are mistakes (named once, as
 * forecastRows.ts does); intervals without a row are not — an export leaves out quiet
 * intervals — and are reported as warnings, the caller seeing `undefined` there.
 */
import { DAY_SEC, timeOfDay } from '../engine/time.js';
import { addSeconds, formatDate, formatDateTime, looksLikeDateTime, parseDate, parseDateTime } from './dateTime.js';
import { formatClock, formatDuration, isClockTime, parseDuration, parseTimeOfDay } from './duration.js';
import { orderProblems } from './forecastRows.js';
import { SCENARIO_LIMITS as L } from './limits.js';
import { formatValue } from './problem.js';

export interface StartCell {
  readonly line: number;
  readonly channel: string;
  /** `interval_start` as written. */
  readonly start: string;
  /** The `date` column, when the file has one. */
  readonly date: string | undefined;
}

export interface TimelineOptions {
  readonly file: string;
  /** `--interval`, seconds. */
  readonly intervalSec: number | undefined;
  /** `--day-start`: time of day of 0 s, for starts written as seconds. @default 0 */
  readonly dayStartSec: number | undefined;
  /** How the start column is named in messages (`interval_start` or `interval_start ("Interval")`). */
  readonly startColumn: string;
}

export interface Timeline {
  readonly intervalSec: number;
  readonly intervalCount: number;
  readonly startDate: string | undefined;
  readonly dayStartSec: number;
  /** Per cell (same order as given): the interval index. */
  readonly index: readonly number[];
  /** Label of interval k (a date-time, a clock time or a duration, as the file writes them). */
  readonly labelOf: (k: number) => string;
}

export type TimelineRead = { readonly ok: true; readonly timeline: Timeline; readonly warnings: string[] } | { readonly ok: false; readonly problems: string[] };

type Form = 'dateTime' | 'clock' | 'seconds';

/** Intervals named in one gap warning. */
const MAX_LISTED = 5;

function formOf(cell: StartCell): Form {
  if (cell.date !== undefined || looksLikeDateTime(cell.start)) return 'dateTime';
  return isClockTime(cell.start) ? 'clock' : 'seconds';
}

const FORM_NAMES: Readonly<Record<Form, string>> = { dateTime: 'a date-time', clock: 'a clock time', seconds: 'seconds or a duration' };

/** Absolute seconds of a cell's start (days from 1970 for date-times), or a problem. */
function absoluteOf(cell: StartCell, form: Form, o: TimelineOptions): number | string {
  const at = `${o.file}:${cell.line} column`;
  if (cell.date !== undefined) {
    const day = parseDate(cell.date);
    if (day === undefined) return `${at} date: must be a date like 2026-03-02 (got ${formatValue(cell.date)})`;
    const clock = isClockTime(cell.start) ? parseTimeOfDay(cell.start) : undefined;
    if (clock === undefined || !clock.ok || clock.seconds >= DAY_SEC) {
      return `${at} ${o.startColumn}: with a date column, must be a clock time from 00:00 to 23:59 (got ${formatValue(cell.start)})`;
    }
    return day * DAY_SEC + clock.seconds;
  }
  if (form === 'dateTime') {
    const value = parseDateTime(cell.start);
    if (value === undefined) return `${at} ${o.startColumn}: must be a date-time like 2026-03-02T08:00 (got ${formatValue(cell.start)})`;
    return value.dayNumber * DAY_SEC + value.secOfDay;
  }
  if (form === 'clock') {
    const clock = parseTimeOfDay(cell.start);
    if (!clock.ok || clock.seconds >= DAY_SEC) return `${at} ${o.startColumn}: must be a clock time from 00:00 to 23:59 (got ${formatValue(cell.start)})`;
    return clock.seconds;
  }
  const d = parseDuration(cell.start === '' ? undefined : cell.start);
  if (!d.ok || d.seconds < 0) {
    return `${at} ${o.startColumn}: must be a date-time like 2026-03-02T08:00, a clock time like 08:00, or seconds (got ${formatValue(cell.start)})`;
  }
  return (o.dayStartSec ?? 0) + d.seconds;
}

/** Clock times unwrapped across midnight: each on the day nearest its channel's previous row (the file's first row for a channel's first). */
function unwrapClock(cells: readonly StartCell[], abs: number[]): void {
  const last = new Map<string, number>();
  const first = abs[0] ?? 0;
  cells.forEach((cell, i) => {
    const ref = last.get(cell.channel) ?? first;
    const step = abs[i] as number;
    const diff = timeOfDay(step - ref);
    abs[i] = ref + (diff > DAY_SEC / 2 ? diff - DAY_SEC : diff);
    last.set(cell.channel, abs[i] as number);
  });
}

/** The shortest positive step between consecutive rows of a channel. */
function shortestStep(cells: readonly StartCell[], abs: readonly number[]): number | undefined {
  const last = new Map<string, number>();
  let best: number | undefined;
  cells.forEach((cell, i) => {
    const prev = last.get(cell.channel);
    const here = abs[i] as number;
    if (prev !== undefined && here - prev > 1e-6 && (best === undefined || here - prev < best)) best = here - prev;
    last.set(cell.channel, here);
  });
  return best;
}

export function readTimeline(cells: readonly StartCell[], o: TimelineOptions): TimelineRead {
  const head = cells[0];
  if (head === undefined) return { ok: false, problems: [`${o.file}: has a header but no rows`] };
  const form = formOf(head);
  const problems: string[] = [];
  const abs: number[] = [];
  for (const cell of cells) {
    const f = formOf(cell);
    const value = f === form ? absoluteOf(cell, form, o) : `${o.file}:${cell.line} column ${o.startColumn}: is ${FORM_NAMES[f]} but the first row's is ${FORM_NAMES[form]}; write every row alike (got ${formatValue(cell.start)})`;
    if (typeof value === 'string') problems.push(value);
    abs.push(typeof value === 'number' ? value : NaN);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (form === 'clock') unwrapClock(cells, abs);
  const intervalSec = o.intervalSec ?? shortestStep(cells, abs);
  if (intervalSec === undefined) {
    return { ok: false, problems: [`${o.file}: every channel has one row, so the interval length cannot be read from the rows: give it with --interval (e.g. --interval 30m)`] };
  }
  if (intervalSec < L.minIntervalSec) {
    return { ok: false, problems: [`${o.file}: intervals of ${formatDuration(intervalSec)} are shorter than ${formatDuration(L.minIntervalSec)}, the shortest ccsim plans (check the rows' starts, or give --interval)`] };
  }
  // A loop, not Math.min(...abs): a spread of a few hundred thousand rows overflows the stack.
  const origin = abs.reduce((a, b) => Math.min(a, b), Infinity);
  const labelAt = labeller(form, origin, o.dayStartSec ?? 0);
  const labelOf = (k: number): string => labelAt(k * intervalSec);
  const index = abs.map((a) => Math.round((a - origin) / intervalSec));
  const off = abs.findIndex((a, i) => Math.abs(a - origin - (index[i] as number) * intervalSec) > 1e-6);
  if (off >= 0) {
    const cell = cells[off] as StartCell;
    return { ok: false, problems: [`${o.file}:${cell.line} column ${o.startColumn}: ${cell.start} is not the start of an interval (intervals are ${formatDuration(intervalSec)} long, from ${labelOf(0)})`] };
  }
  const intervalCount = index.reduce((a, b) => Math.max(a, b), 0) + 1;
  if (intervalCount > L.maxIntervals) {
    return { ok: false, problems: [`${o.file}: spans ${intervalCount.toLocaleString('en-US')} intervals of ${formatDuration(intervalSec)} (from ${labelOf(0)}); at most ${L.maxIntervals.toLocaleString('en-US')} (is --interval right?)`] };
  }
  const order = channelOrderProblems(cells, abs, o);
  if (order.length > 0) return { ok: false, problems: order };
  const timeline: Timeline = {
    intervalSec,
    intervalCount,
    startDate: form === 'dateTime' ? formatDate(Math.floor(origin / DAY_SEC)) : undefined,
    dayStartSec: timeOfDay(origin),
    index,
    labelOf,
  };
  return { ok: true, timeline, warnings: gapWarnings(cells, index, intervalCount, labelOf, o.file) };
}

/** Label of the time `sec` seconds after the report's first interval, written as the file writes starts. */
function labeller(form: Form, origin: number, dayStartSec: number): (sec: number) => string {
  return (sec) => {
    if (form === 'dateTime') return formatDateTime(addSeconds({ dayNumber: Math.floor(origin / DAY_SEC), secOfDay: timeOfDay(origin) }, sec));
    if (form === 'clock') return formatClock(timeOfDay(origin + sec));
    return formatDuration(origin - dayStartSec + sec);
  };
}

function byChannel(cells: readonly StartCell[]): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    const list = rows.get(cell.channel);
    if (list === undefined) rows.set(cell.channel, [i]);
    else list.push(i);
  });
  return rows;
}

/** Rows of one channel out of time order or repeated (forecastRows.ts names the mistake). */
function channelOrderProblems(cells: readonly StartCell[], abs: readonly number[], o: TimelineOptions): string[] {
  for (const rows of byChannel(cells).values()) {
    const found = orderProblems(
      rows.map((i) => cells[i] as StartCell),
      rows.map((i) => abs[i] as number),
      (k) => `${o.file}:${cells[rows[k] as number]?.line ?? '?'} column ${o.startColumn}`,
    );
    if (found.length > 0) return found.slice(0, 1);
  }
  return [];
}

/** One warning per channel with intervals (between the report's first and last) that have no row. */
function gapWarnings(cells: readonly StartCell[], index: readonly number[], count: number, labelOf: (k: number) => string, file: string): string[] {
  const warnings: string[] = [];
  for (const [channel, rows] of byChannel(cells)) {
    const present = new Set(rows.map((i) => index[i]));
    const missing: number[] = [];
    for (let k = 0; k < count; k++) if (!present.has(k)) missing.push(k);
    if (missing.length === 0) continue;
    const names = missing.slice(0, MAX_LISTED).map(labelOf).join(', ');
    warnings.push(`${file}: channel "${channel}" has no row for ${missing.length} of ${count} intervals (${names}${missing.length > MAX_LISTED ? ', …' : ''}); they are left out of the fit`);
  }
  return warnings;
}
