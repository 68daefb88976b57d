/**
 * Call records — one row per call — for fitting handle times and patience (issue 14, goal 4;
 * the fitters are in analysis/fit/). The canonical columns:
 *
 *   arrival      a date-time (`2026-03-02T08:00:15`), a clock time (`08:00:15`) or seconds
 *   channel      optional: one fit per channel
 *   wait_sec     time in queue; for an abandoned call, its time to abandon
 *   outcome      answered | abandoned (ccsim's trace: resolved and escalated are answered;
 *                deflected, blocked and open rows never ended a wait in the queue and are skipped)
 *   handle_sec   talk + hold + wrap of an answered call (empty for an abandoned one)
 *   tier         optional: only tier-1 rows are read (a later tier's wait starts at escalation)
 *   callback_sec optional: a row with a callback time is skipped — its wait runs from the first
 *                arrival and includes time off the line, which is not patience
 *
 * Durations are seconds, a duration like `1m30s`, or `h:mm:ss` as ACD exports write them.
 * ccsim's own trace (`ccsim run --trace t.csv`, workers/contactTrace.ts) reads as it is:
 * `arrival_sec` is taken for `arrival`. Another export's headers are mapped with `columns`
 * (canonical name → the file's header). Headers are matched without regard to case.
 */
import { parse } from 'csv-parse/sync';
import type { CallOutcome, CallRecord } from '../analysis/fit/callRecord.js';
import { InputError } from '../engine/errors.js';
import { csvProblem } from './csvProblem.js';
import { looksLikeDateTime, parseDateTime } from './dateTime.js';
import { isClockTime, parseDuration, parseTimeOfDay } from './duration.js';
import { inputCap, readInputText } from './inputFile.js';
import { DAY_SEC } from '../engine/time.js';

export const CALL_RECORD_COLUMNS = ['arrival', 'channel', 'wait_sec', 'outcome', 'handle_sec', 'tier', 'callback_sec'] as const;
export type CallRecordColumn = (typeof CALL_RECORD_COLUMNS)[number];

const OPTIONAL: readonly CallRecordColumn[] = ['channel', 'tier', 'callback_sec'];
/** Headers looked for when a column is not mapped: ccsim's trace writes `arrival_sec`. */
const DEFAULT_HEADERS: Readonly<Record<CallRecordColumn, readonly string[]>> = {
  arrival: ['arrival', 'arrival_sec'],
  channel: ['channel'],
  wait_sec: ['wait_sec'],
  outcome: ['outcome'],
  handle_sec: ['handle_sec'],
  tier: ['tier'],
  callback_sec: ['callback_sec'],
};

/** Outcomes read, by their lower-case name; `null`: a row skipped (it never ended a wait in the queue). */
const OUTCOMES: Readonly<Record<string, CallOutcome | null>> = {
  answered: 'answered',
  abandoned: 'abandoned',
  resolved: 'answered',
  escalated: 'answered',
  deflected: null,
  open: null,
  // Refused at the switch (no line, a full queue): never waited in the queue.
  blocked: null,
  // Taken out of the queue by the system (maximum wait, the close): patience outlasted the wait.
  message: 'sentAway',
  disconnected: 'sentAway',
};

/** At most this many row problems are listed; the rest are counted. */
const MAX_PROBLEMS = 10;

export interface CallRecordsOptions {
  /** Canonical column → the file's header, for exports with their own names. */
  readonly columns?: Readonly<Partial<Record<CallRecordColumn, string>>>;
  /** Size cap, bytes (`--max-input-mb`). */
  readonly maxBytes?: number;
}

export interface CallRecordsRead {
  readonly file: string;
  readonly records: CallRecord[];
  /** Rows left out, by why: a later tier, self-service (deflected), refused at the switch (blocked), still open at the end, called back. */
  readonly skipped: { readonly laterTier: number; readonly deflected: number; readonly blocked: number; readonly open: number; readonly callback: number };
}

/** Reads call records from a CSV file; an `InputError` listing every mistake (file:line column NAME: rule (got "value")). */
export function readCallRecords(path: string, options: CallRecordsOptions = {}): CallRecordsRead {
  const read = readInputText(path, 'call-record file', options.maxBytes ?? inputCap('call-record file'));
  if (!read.ok) throw new InputError(`${path}: ${read.reason}`);
  return parseCallRecords(read.text, path, options);
}

type Cells = { info: { lines: number }; record: string[] }[];

/** Where each canonical column is in the header (-1: absent), or the problems with the header and the mapping. */
function locate(header: readonly string[], where: string, options: CallRecordsOptions): { at: Record<CallRecordColumn, number>; problems: string[] } {
  const names = header.map((h) => h.trim().toLowerCase());
  const problems: string[] = [];
  const mapped = options.columns ?? {};
  for (const key of Object.keys(mapped)) {
    if (!(CALL_RECORD_COLUMNS as readonly string[]).includes(key)) problems.push(`columns.${key}: is not a call-record column (they are ${CALL_RECORD_COLUMNS.join(', ')})`);
  }
  const at = {} as Record<CallRecordColumn, number>;
  for (const column of CALL_RECORD_COLUMNS) {
    const given = mapped[column];
    const wanted = given === undefined ? DEFAULT_HEADERS[column] : [given.trim().toLowerCase()];
    at[column] = names.findIndex((n) => wanted.includes(n));
    if (at[column] >= 0 || OPTIONAL.includes(column)) continue;
    // The header's own text is not quoted: a file named by mistake would have it printed (issue 18).
    problems.push(
      given === undefined
        ? `${where}: has no ${column} column (looked for ${wanted.join(' or ')} among its ${names.length} columns; map another with columns.${column})`
        : `${where}: has no column "${given}" (columns.${column}) among its ${names.length} columns`,
    );
  }
  return { at, problems };
}

/** A duration cell in seconds ≥ 0, or `undefined`. */
function durationSec(text: string): number | undefined {
  const d = isClockTime(text) ? parseTimeOfDay(text) : parseDuration(text === '' ? undefined : text);
  return d.ok && Number.isFinite(d.seconds) && d.seconds >= 0 ? d.seconds : undefined;
}

/** An arrival cell in seconds on the file's clock, or `undefined`. */
function arrivalSec(text: string): number | undefined {
  if (looksLikeDateTime(text)) {
    const v = parseDateTime(text);
    return v === undefined ? undefined : v.dayNumber * DAY_SEC + v.secOfDay;
  }
  return durationSec(text);
}

const shown = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

type Skip = keyof CallRecordsRead['skipped'];

/** One row's call, the reason it is skipped, or `undefined` after `wrong` was told what is wrong with it. */
function readRow(line: number, has: (c: CallRecordColumn) => boolean, cell: (c: CallRecordColumn) => string, wrong: (c: CallRecordColumn, rule: string) => void): CallRecord | Skip | undefined {
  if (has('tier')) {
    const tier = Number(cell('tier'));
    if (!(Number.isInteger(tier) && tier >= 1)) wrong('tier', 'must be a tier number, 1 or more');
    else if (tier > 1) return 'laterTier';
  }
  if (has('callback_sec') && cell('callback_sec') !== '') return 'callback';
  const name = cell('outcome').toLowerCase();
  const outcome = Object.hasOwn(OUTCOMES, name) ? OUTCOMES[name] : undefined;
  if (outcome === undefined) {
    wrong('outcome', `must be one of ${Object.keys(OUTCOMES).join(', ')}`);
    return undefined;
  }
  if (outcome === null) return name === 'open' ? 'open' : name === 'blocked' ? 'blocked' : 'deflected';
  const arrival = arrivalSec(cell('arrival'));
  if (arrival === undefined) wrong('arrival', 'must be a date-time like "2026-03-02T08:00:15", a clock time like "08:00:15", or seconds');
  const wait = durationSec(cell('wait_sec'));
  if (wait === undefined) wrong('wait_sec', 'must be a time in queue, 0 or more: seconds, a duration like "1m30s", or h:mm:ss');
  const handle = outcome === 'answered' ? durationSec(cell('handle_sec')) : null;
  if (handle === undefined) wrong('handle_sec', 'must be the handle time of an answered call, 0 or more: seconds, a duration like "4m", or h:mm:ss');
  const channel = has('channel') ? cell('channel') : null;
  if (channel === '') wrong('channel', 'must name the channel');
  if (arrival === undefined || wait === undefined || handle === undefined || channel === '') return undefined;
  return { line, arrivalSec: arrival, channel, waitSec: wait, outcome, handleSec: handle };
}

/** Parses the text of a call-record CSV (see `readCallRecords`); `file` names it in messages. */
export function parseCallRecords(text: string, file: string, options: CallRecordsOptions = {}): CallRecordsRead {
  let rows: Cells;
  try {
    rows = parse(text, { info: true, skip_empty_lines: true, trim: true, comment: '#', bom: true }) as unknown as Cells;
  } catch (err) {
    const problem = csvProblem(err);
    throw new InputError(`${file}:${problem.line ?? 1}: is not valid CSV: ${problem.rule}`);
  }
  const [header, ...body] = rows;
  if (header === undefined) throw new InputError(`${file}:1: is empty; expected a header with arrival, wait_sec, outcome and handle_sec (and optionally channel, tier, callback_sec)`);
  const { at, problems } = locate(header.record, `${file}:${header.info.lines}`, options);
  if (problems.length > 0) throw new InputError(problems);
  const headerName = (c: CallRecordColumn): string => (options.columns?.[c] === undefined ? c : `${options.columns[c]} (${c})`);
  const records: CallRecord[] = [];
  const skipped = { laterTier: 0, deflected: 0, blocked: 0, open: 0, callback: 0 };
  for (const { info, record } of body) {
    const cell = (c: CallRecordColumn): string => record[at[c]] ?? '';
    const wrong = (c: CallRecordColumn, rule: string): void => void problems.push(`${file}:${info.lines} column ${headerName(c)}: ${rule} (got ${shown(cell(c))})`);
    const row = readRow(info.lines, (c) => at[c] >= 0, cell, wrong);
    if (typeof row === 'string') skipped[row]++;
    else if (row !== undefined) records.push(row);
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS) listed.push(`${file}: … and ${problems.length - MAX_PROBLEMS} more problems`);
    throw new InputError(listed);
  }
  if (records.length === 0) throw new InputError(`${file}: has no calls to fit (${body.length} rows; ${skipped.laterTier} at a later tier, ${skipped.deflected} deflected, ${skipped.blocked} blocked, ${skipped.open} open, ${skipped.callback} called back)`);
  return { file, records, skipped };
}
