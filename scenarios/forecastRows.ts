/**
 * Whether a forecast's rows cover the horizon's intervals, one row each, in time order — and
 * when they do not, the one mistake that explains it (issue 17), not an error on every row
 * after it: clock times read against a missing `dayStart`, a start that is not the horizon's,
 * two rows out of order, a row twice, an interval missing, rows past the horizon.
 *
 * A clock time is placed on the day that puts it nearest the row's own interval (row k is
 * expected at k × interval), so a forecast may run past midnight and one misplaced row does
 * not shift every row after it into the next day. A date-time (`2026-03-02T08:30`) says its
 * day: it is read against the scenario's `startDate` and `dayStart`; without a `startDate`,
 * the first row's date is the start date when its time is `dayStart` (`startOf`).
 */
import { DAY_SEC, timeOfDay } from '../engine/time.js';
import { addSeconds, dateTimeLabel, formatDate, looksLikeDateTime, parseDateTime, secondsBetween } from './dateTime.js';
import { formatClock, formatDuration, isClockTime, parseDuration, parseTimeOfDay } from './duration.js';

export interface StartRow {
  readonly line: number;
  /** `interval_start` as written. */
  readonly start: string;
}

export interface RowContext {
  readonly file: string;
  readonly intervalCount: number;
  readonly intervalSec: number;
  /** Time of day at time 0, seconds. */
  readonly dayStartSec: number;
  /** Whether the scenario sets `dayStart` (clock times need it unless the day starts at midnight). */
  readonly dayStartGiven: boolean;
  /** ` for channel "voice"` when the file has a channel column, else ''. */
  readonly rowsOf: string;
  /** Day number of time 0 (the scenario's `startDate`, or the one read from the file), for date-times. */
  readonly startDay?: number | undefined;
}

/**
 * Seconds from time 0 of row k's `interval_start`, or `undefined` when it is not a time (or
 * is a date-time and no start date is known).
 */
export function rowStartSec(text: string, k: number, intervalSec: number, dayStartSec: number, startDay?: number): number | undefined {
  if (looksLikeDateTime(text)) {
    const at = parseDateTime(text);
    return at === undefined || startDay === undefined ? undefined : secondsBetween({ dayNumber: startDay, secOfDay: dayStartSec }, at);
  }
  if (isClockTime(text)) {
    const clock = parseTimeOfDay(text);
    if (!clock.ok || clock.seconds > DAY_SEC) return undefined;
    const t = clock.seconds - dayStartSec;
    return t + DAY_SEC * Math.round((k * intervalSec - t) / DAY_SEC);
  }
  const d = parseDuration(text === '' ? undefined : text);
  return d.ok && d.seconds >= 0 ? d.seconds : undefined;
}

/** The rule an unreadable `interval_start` breaks, in the form its text was written in. */
export function startRule(text: string): string {
  if (looksLikeDateTime(text)) return 'must be a date-time that exists, like "2026-03-02T08:30" or "2026-03-02 08:30"';
  return 'must be a date-time like "2026-03-02T08:30", a clock time like "08:30", seconds, or a duration like "1.5h"';
}

export type StartDay = { readonly ok: true; readonly day: number | undefined } | { readonly ok: false; readonly problem: string };

/**
 * The start date that date-time rows are read against: the scenario's, or else the first
 * row's date when that row is at `dayStart` (the file then says where the horizon starts);
 * otherwise the mistake, with the line to add. `day` is undefined for rows that are not
 * date-times.
 */
export function startOf(rows: readonly StartRow[], c: Pick<RowContext, 'file' | 'dayStartSec' | 'dayStartGiven' | 'startDay'>): StartDay {
  const first = rows[0];
  if (first === undefined || !looksLikeDateTime(first.start)) return { ok: true, day: c.startDay };
  if (c.startDay !== undefined) return { ok: true, day: c.startDay };
  const at = parseDateTime(first.start);
  if (at === undefined) return { ok: true, day: undefined };
  if (at.secOfDay === c.dayStartSec) return { ok: true, day: at.dayNumber };
  const date = formatDate(at.dayNumber);
  const time = formatClock(at.secOfDay);
  const where = `${c.file}:${first.line} column interval_start`;
  const fix = c.dayStartGiven
    ? `add startDate: ${date} (the date of the horizon's first interval, at dayStart ${formatClock(c.dayStartSec)}) to the scenario`
    : `add startDate: ${date} and dayStart: "${time}" to the scenario`;
  return { ok: false, problem: `${where}: date-times are read against the scenario's startDate, which is not set, and the first row (${first.start}) is not at dayStart ${formatClock(c.dayStartSec)}: ${fix}` };
}

/** At most this many intervals are named in one message. */
const MAX_LISTED = 5;

/**
 * The mistakes in the order and coverage of rows whose starts all read (`starts[k]` is row
 * k's, in seconds from time 0); `[]` when they cover every interval once, in order.
 */
export function coverageProblems(rows: readonly StartRow[], starts: readonly number[], c: RowContext): string[] {
  const dated = rows.length > 0 && c.startDay !== undefined && rows.every((r) => looksLikeDateTime(r.start));
  const clock = rows.length > 0 && rows.every((r) => isClockTime(r.start));
  const show = (sec: number): string => {
    if (dated) return dateTimeLabel(addSeconds({ dayNumber: c.startDay ?? 0, secOfDay: c.dayStartSec }, sec));
    return clock ? formatClock(timeOfDay(sec + c.dayStartSec)) : formatDuration(sec);
  };
  const at = (k: number): string => `${c.file}:${rows[k]?.line ?? '?'} column interval_start`;
  const first = starts[0];
  if (first === undefined) return [];
  if (Math.abs(first) > 1e-6) return [firstRowProblem(rows[0] as StartRow, at(0), clock, dated, c, show)];
  const order = orderProblems(rows, starts, at, dated);
  if (order.length > 0) return order;
  const outside = dated ? starts.findIndex((s) => s >= c.intervalCount * c.intervalSec) : -1;
  if (outside >= 0) {
    const last = show((c.intervalCount - 1) * c.intervalSec);
    return [`${at(outside)}: ${rows[outside]?.start ?? ''} is outside the horizon, whose intervals start from ${show(0)} to ${last} (remove the row, or lengthen horizon)`];
  }
  const offGrid = starts.findIndex((s) => Math.abs(s / c.intervalSec - Math.round(s / c.intervalSec)) > 1e-6);
  if (offGrid >= 0) {
    return [`${at(offGrid)}: ${rows[offGrid]?.start ?? ''} is not the start of an interval (intervals are ${formatDuration(c.intervalSec)} long, from ${show(0)})`];
  }
  return gapProblems(rows, starts, c, show, at, dated);
}

function firstRowProblem(row: StartRow, at: string, clock: boolean, dated: boolean, c: RowContext, show: (sec: number) => string): string {
  if (dated) {
    const unset = c.dayStartGiven ? '' : ' (dayStart is not set: the day starts at 00:00)';
    return `${at}: the first row must start at ${show(0)}, the scenario's startDate and dayStart${unset} (got "${row.start}")`;
  }
  if (clock && !c.dayStartGiven) {
    return `${at}: clock times (${row.start}, …) are read against the scenario's dayStart, which is not set (the day starts at 00:00): add dayStart: "${row.start}" to the scenario`;
  }
  if (clock) return `${at}: the first row must start at ${show(0)}, the scenario's dayStart (got "${row.start}")`;
  return `${at}: the first row must start at 0, the start of the horizon (got "${row.start}")`;
}

/** Local-time exports on a daylight-saving night: one hour twice in autumn, none in spring (ccsim's days are 24 h). */
const REPEATED_HOUR = ' (an export in local time repeats an hour on the night daylight-saving time ends: merge the repeated rows)';
const SKIPPED_HOUR = ' (an export in local time skips an hour on the night daylight-saving time starts: add its rows with volume 0)';

/** Rows out of time order: a swapped pair named as such, a repeated interval, or the first row that goes back. */
export function orderProblems(rows: readonly StartRow[], starts: readonly number[], at: (k: number) => string, dated = false): string[] {
  const problems: string[] = [];
  for (let k = 1; k < starts.length; k++) {
    const [before, here] = [starts[k - 1] as number, starts[k] as number];
    if (here > before + 1e-6) continue;
    const [a, b] = [rows[k - 1] as StartRow, rows[k] as StartRow];
    if (Math.abs(here - before) <= 1e-6) problems.push(`${at(k)}: ${b.start} is also on line ${a.line} (one row per interval)${dated ? REPEATED_HOUR : ''}`);
    else problems.push(`${at(k)}: rows out of order: ${a.start} (line ${a.line}) comes before ${b.start} (line ${b.line}); rows must be in time order`);
  }
  return problems;
}

/** Intervals with no row (inside the horizon) and rows past it; a file cut short is a row count. */
function gapProblems(rows: readonly StartRow[], starts: readonly number[], c: RowContext, show: (sec: number) => string, at: (k: number) => string, dated: boolean): string[] {
  const present = new Set(starts.map((s) => Math.round(s / c.intervalSec)));
  const last = starts.length > 0 ? Math.round((starts[starts.length - 1] as number) / c.intervalSec) : -1;
  const missing: number[] = [];
  for (let i = 0; i < Math.min(c.intervalCount, last); i++) if (!present.has(i)) missing.push(i);
  const beyond = starts.findIndex((s) => Math.round(s / c.intervalSec) >= c.intervalCount);
  const problems: string[] = [];
  const span = `from ${show(0)} to ${show((c.intervalCount - 1) * c.intervalSec)}`;
  if (missing.length > 0) {
    const names = missing.slice(0, MAX_LISTED).map((i) => show(i * c.intervalSec)).join(', ') + (missing.length > MAX_LISTED ? ', …' : '');
    const what = missing.length === 1 ? `interval ${names} is missing` : `${missing.length} intervals are missing (${names})`;
    const hour = dated && missing.length * c.intervalSec === 3600 && (missing.at(-1) ?? 0) - (missing[0] ?? 0) === missing.length - 1;
    problems.push(`${c.file}: ${what}${c.rowsOf}; rows must cover every interval ${span}, one row each, in order${hour ? SKIPPED_HOUR : ''}`);
  }
  if (beyond >= 0 && missing.length > 0) {
    problems.push(`${at(beyond)}: ${rows[beyond]?.start ?? ''} is past the horizon, whose last interval starts at ${show((c.intervalCount - 1) * c.intervalSec)}`);
  }
  if (missing.length === 0 && rows.length !== c.intervalCount) {
    problems.push(`${c.file}: has ${rows.length} rows${c.rowsOf}; the horizon has ${c.intervalCount} intervals, ${span} (one row per interval, in order)`);
  }
  return problems;
}
