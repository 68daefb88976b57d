/**
 * Whether a forecast's rows cover the horizon's intervals, one row each, in time order — and
 * when they do not, the one mistake that explains it (issue 17), not an error on every row
 * after it: clock times read against a missing `dayStart`, a start that is not the horizon's,
 * two rows out of order, a row twice, an interval missing, rows past the horizon.
 *
 * A clock time is placed on the day that puts it nearest the row's own interval (row k is
 * expected at k × interval), so a forecast may run past midnight and one misplaced row does
 * not shift every row after it into the next day.
 */
import { formatClock, formatDuration, isClockTime, parseDuration, parseTimeOfDay } from './duration.js';

const DAY_SEC = 86_400;

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
}

/** Seconds from time 0 of row k's `interval_start`, or `undefined` when it is not a time. */
export function rowStartSec(text: string, k: number, intervalSec: number, dayStartSec: number): number | undefined {
  if (isClockTime(text)) {
    const clock = parseTimeOfDay(text);
    if (!clock.ok || clock.seconds > DAY_SEC) return undefined;
    const t = clock.seconds - dayStartSec;
    return t + DAY_SEC * Math.round((k * intervalSec - t) / DAY_SEC);
  }
  const d = parseDuration(text === '' ? undefined : text);
  return d.ok && d.seconds >= 0 ? d.seconds : undefined;
}

/** At most this many intervals are named in one message. */
const MAX_LISTED = 5;

/**
 * The mistakes in the order and coverage of rows whose starts all read (`starts[k]` is row
 * k's, in seconds from time 0); `[]` when they cover every interval once, in order.
 */
export function coverageProblems(rows: readonly StartRow[], starts: readonly number[], c: RowContext): string[] {
  const clock = rows.length > 0 && rows.every((r) => isClockTime(r.start));
  const show = (sec: number): string => (clock ? formatClock((((sec + c.dayStartSec) % DAY_SEC) + DAY_SEC) % DAY_SEC) : formatDuration(sec));
  const at = (k: number): string => `${c.file}:${rows[k]?.line ?? '?'} column interval_start`;
  const first = starts[0];
  if (first === undefined) return [];
  if (Math.abs(first) > 1e-6) return [firstRowProblem(rows[0] as StartRow, at(0), clock, c, show)];
  const order = orderProblems(rows, starts, at);
  if (order.length > 0) return order;
  const offGrid = starts.findIndex((s) => Math.abs(s / c.intervalSec - Math.round(s / c.intervalSec)) > 1e-6);
  if (offGrid >= 0) {
    return [`${at(offGrid)}: ${rows[offGrid]?.start ?? ''} is not the start of an interval (intervals are ${formatDuration(c.intervalSec)} long, from ${show(0)})`];
  }
  return gapProblems(rows, starts, c, show, at);
}

function firstRowProblem(row: StartRow, at: string, clock: boolean, c: RowContext, show: (sec: number) => string): string {
  if (clock && !c.dayStartGiven) {
    return `${at}: clock times (${row.start}, …) are read against the scenario's dayStart, which is not set (the day starts at 00:00): add dayStart: "${row.start}" to the scenario`;
  }
  if (clock) return `${at}: the first row must start at ${show(0)}, the scenario's dayStart (got "${row.start}")`;
  return `${at}: the first row must start at 0, the start of the horizon (got "${row.start}")`;
}

/** Rows out of time order: a swapped pair named as such, a repeated interval, or the first row that goes back. */
export function orderProblems(rows: readonly StartRow[], starts: readonly number[], at: (k: number) => string): string[] {
  const problems: string[] = [];
  for (let k = 1; k < starts.length; k++) {
    const [before, here] = [starts[k - 1] as number, starts[k] as number];
    if (here > before + 1e-6) continue;
    const [a, b] = [rows[k - 1] as StartRow, rows[k] as StartRow];
    if (Math.abs(here - before) <= 1e-6) problems.push(`${at(k)}: ${b.start} is also on line ${a.line} (one row per interval)`);
    else problems.push(`${at(k)}: rows out of order: ${a.start} (line ${a.line}) comes before ${b.start} (line ${b.line}); rows must be in time order`);
  }
  return problems;
}

/** Intervals with no row (inside the horizon) and rows past it; a file cut short is a row count. */
function gapProblems(rows: readonly StartRow[], starts: readonly number[], c: RowContext, show: (sec: number) => string, at: (k: number) => string): string[] {
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
    problems.push(`${c.file}: ${what}${c.rowsOf}; rows must cover every interval ${span}, one row each, in order`);
  }
  if (beyond >= 0 && missing.length > 0) {
    problems.push(`${at(beyond)}: ${rows[beyond]?.start ?? ''} is past the horizon, whose last interval starts at ${show((c.intervalCount - 1) * c.intervalSec)}`);
  }
  if (missing.length === 0 && rows.length !== c.intervalCount) {
    problems.push(`${c.file}: has ${rows.length} rows${c.rowsOf}; the horizon has ${c.intervalCount} intervals, ${span} (one row per interval, in order)`);
  }
  return problems;
}
