/**
 * The ACD interval report (issue 14 goal 4): one row per interval and queue, as every ACD
 * exports it. Canonical CSV:
 *
 *     interval_start,channel,offered,answered,abandoned,aht,asa,answered_within,staffed
 *     2026-03-02T08:00,voice,120,110,10,365,42,88,18.5
 *
 * Only `interval_start` and `offered` are required; columns are found by name, mapped or
 * aliased (reportColumns.ts); where rows fall in time is reportTimeline.ts. Figures:
 * - counts (`offered`, `answered`, `abandoned`, `answered_within`): whole numbers, 0 or more;
 * - `aht` (handle time of answered contacts), `asa` (mean wait of answered contacts) and
 *   `ata` (mean wait of abandoned contacts, "time to abandon"; few exports have it):
 *   seconds, a duration (`6m`), or a clock-like duration as exports print them — `m:ss`
 *   (`6:05`) or `h:mm:ss` (`0:06:05`);
 * - `service_level`: answered within T ÷ answered, as a share (`0.8`) or a percentage (`80%`),
 *   read into `answeredWithin` = share × answered — the `answered` definition of DESIGN §3,
 *   the one an ACD can compute without knowing when abandoners hung up;
 * - `staffed`: agents staffed on average over the interval (fractional).
 * Every mistake is reported as `file:line column NAME: rule (got "value")`, all at once up to
 * a cap; a blank cell of an optional column is "not reported" (`undefined`).
 */
import { parse } from 'csv-parse/sync';
import type { IntervalFigures } from '../analysis/calibration/channelCalibration.js';
import { csvProblem } from './csvProblem.js';
import { parseDuration } from './duration.js';
import { INPUT_LIMITS, readInputText } from './inputFile.js';
import { SCENARIO_LIMITS as L } from './limits.js';
import { formatValue } from './problem.js';
import { findColumns, mappingProblems, type ColumnIndex, type ReportColumn } from './reportColumns.js';
import { readTimeline, type StartCell } from './reportTimeline.js';
import { parseShare, percentHint } from './share.js';

/**
 * One row of the report: the figures a calibration reads (analysis/calibration's
 * `IntervalFigures`, defined there once), where the row is, and its service-level count.
 */
export interface ReportInterval extends IntervalFigures {
  /** CSV line of the row. */
  readonly line: number;
  /** Seconds from the report's first interval start. */
  readonly startSec: number;
  /** Answered within `slWithinSec` (from `answered_within`, or `service_level` × answered). */
  readonly answeredWithin: number | undefined;
}

export interface IntervalReport {
  readonly file: string;
  readonly intervalSec: number;
  /** Intervals from the first to the last start, all channels. */
  readonly intervalCount: number;
  /** YYYY-MM-DD of the first interval when dates are given. */
  readonly startDate: string | undefined;
  /** Time of day of the first interval, seconds. */
  readonly dayStartSec: number;
  readonly slWithinSec: number | undefined;
  /** In first-appearance order. */
  readonly channels: readonly string[];
  /** channel → one entry per interval k = 0..intervalCount-1 (undefined where the report has no row). */
  readonly byChannel: ReadonlyMap<string, readonly (ReportInterval | undefined)[]>;
  /** Label of interval k, written as the file writes starts (a date-time, a clock time or a duration). */
  readonly labelOf: (k: number) => string;
}

export type ReportRead =
  | { readonly ok: true; readonly report: IntervalReport; readonly warnings: string[] }
  | { readonly ok: false; readonly problems: string[] };

export interface IntervalReportOptions {
  /** Canonical column → the export's header (`--columns`, `--map`). @default {} */
  readonly columns?: Readonly<Record<string, string>>;
  /** Where `columns` came from, for messages. @default '--columns' */
  readonly columnsSource?: string;
  /** The channel of every row when the file has no channel column. @default 'voice' */
  readonly channel?: string;
  /** `--interval`, seconds; by default the shortest step between a channel's rows. */
  readonly intervalSec?: number;
  /** `--day-start`: the time of day of 0 s, for starts written as seconds. @default 0 */
  readonly dayStartSec?: number;
  /** `--within`: the threshold T that `answered_within` / `service_level` count against. */
  readonly slWithinSec?: number;
  /** Cap on the file, bytes. @default 16 MB */
  readonly maxInputBytes?: number;
}

/** Problems past this many are summarised: they are mostly echoes of one mistake. */
const MAX_PROBLEMS = 10;

type Records = { info: { lines: number }; record: string[] }[];

export function readIntervalReport(path: string, options: IntervalReportOptions = {}): ReportRead {
  const explicit = options.columns ?? {};
  const mapProblems = mappingProblems(explicit, options.columnsSource ?? '--columns');
  if (mapProblems.length > 0) return { ok: false, problems: mapProblems };
  const read = readInputText(path, 'interval report', options.maxInputBytes ?? INPUT_LIMITS.defaultMaxBytes);
  if (!read.ok) return { ok: false, problems: [`${path}: ${read.reason}`] };
  let records: Records;
  try {
    records = parse(read.text, { info: true, skip_empty_lines: true, trim: true, comment: '#', bom: true }) as unknown as Records;
  } catch (err) {
    const problem = csvProblem(err);
    return { ok: false, problems: [`${path}:${problem.line ?? 1}: is not valid CSV: ${problem.rule}`] };
  }
  const [header, ...body] = records;
  if (header === undefined) return { ok: false, problems: [`${path}:1: is empty; expected a header like interval_start,channel,offered,answered,abandoned,aht,asa,staffed`] };
  const found = findColumns(header.record, { file: path, line: header.info.lines, explicit });
  if (!found.ok) return { ok: false, problems: found.problems };
  const columns = new RowReader(path, found.index, found.headers, options);
  const headerProblems = columns.headerProblems();
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };
  return assemble(path, body, columns, options, found.warnings);
}

function assemble(path: string, body: Records, columns: RowReader, options: IntervalReportOptions, columnWarnings: readonly string[]): ReportRead {
  const cells: StartCell[] = body.map(({ info, record }) => columns.startCell(info.lines, record));
  const problems: string[] = [];
  const warnings: string[] = [...columnWarnings];
  const overCounted: number[] = [];
  const figures = body.map(({ info, record }) => columns.figures(info.lines, record, problems, overCounted));
  if (overCounted.length > 0) {
    const lines = overCounted.slice(0, 5).join(', ') + (overCounted.length > 5 ? ', …' : '');
    warnings.push(`${path}: answered + abandoned exceed offered on ${overCounted.length} row${overCounted.length === 1 ? '' : 's'} (line${overCounted.length === 1 ? '' : 's'} ${lines}); ACDs count a contact in the interval it ended in, so this happens at interval edges`);
  }
  problems.push(...channelProblems(cells, path));
  const timeline = readTimeline(cells, { file: path, intervalSec: options.intervalSec, dayStartSec: options.dayStartSec, startColumn: columns.name('interval_start') });
  if (!timeline.ok) problems.push(...timeline.problems);
  if (problems.length > 0 || !timeline.ok) return { ok: false, problems: capped(problems, path) };
  const t = timeline.timeline;
  const channels = [...new Set(cells.map((c) => c.channel))];
  const byChannel = new Map<string, (ReportInterval | undefined)[]>(channels.map((c) => [c, new Array<ReportInterval | undefined>(t.intervalCount).fill(undefined)]));
  cells.forEach((cell, i) => {
    const k = t.index[i] as number;
    const label = cell.date === undefined ? cell.start : `${cell.date} ${cell.start}`;
    (byChannel.get(cell.channel) as (ReportInterval | undefined)[])[k] = { line: cell.line, startSec: k * t.intervalSec, label, ...(figures[i] as Figures) };
  });
  const report: IntervalReport = {
    file: path,
    intervalSec: t.intervalSec,
    intervalCount: t.intervalCount,
    startDate: t.startDate,
    dayStartSec: t.dayStartSec,
    slWithinSec: options.slWithinSec,
    channels,
    byChannel,
    labelOf: t.labelOf,
  };
  return { ok: true, report, warnings: [...warnings, ...timeline.warnings] };
}

function capped(problems: string[], path: string): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), `${path}: … and ${problems.length - MAX_PROBLEMS} more problems`];
}

function channelProblems(cells: readonly StartCell[], path: string): string[] {
  const problems = cells.filter((c) => c.channel === '').map((c) => `${path}:${c.line} column channel: must name a channel (got "")`);
  const names = new Set(cells.map((c) => c.channel));
  if (names.size > L.maxChannels) problems.push(`${path}: has ${names.size} channels; a scenario may have at most ${L.maxChannels}`);
  return problems;
}

type Figures = Omit<ReportInterval, 'line' | 'startSec' | 'label'>;

/** Reads one row's cells by the columns found in the header. */
class RowReader {
  constructor(
    private readonly file: string,
    private readonly index: ColumnIndex,
    private readonly headers: readonly string[],
    private readonly options: IntervalReportOptions,
  ) {}

  /** `aht`, or `aht ("Avg Handle Time")` when the export calls it otherwise. */
  name(column: ReportColumn): string {
    const i = this.index[column];
    const header = i === undefined ? undefined : this.headers[i];
    return header === undefined || header === column ? column : `${column} (${formatValue(header)})`;
  }

  headerProblems(): string[] {
    const at = this.file;
    const problems: string[] = [];
    const counted = this.index.answered_within !== undefined ? 'answered_within' : this.index.service_level !== undefined ? 'service_level' : undefined;
    if (counted !== undefined && this.options.slWithinSec === undefined) {
      problems.push(`${at}: the column ${this.name(counted)} counts against a service-level threshold T that the file does not say: give it with --within (e.g. --within 20s)`);
    }
    if (this.index.service_level !== undefined && this.index.answered === undefined) {
      problems.push(`${at}: the column ${this.name('service_level')} is a share of answered contacts, and the file has no answered column`);
    }
    return problems;
  }

  cell(record: readonly string[], column: ReportColumn): string | undefined {
    const i = this.index[column];
    return i === undefined ? undefined : (record[i] ?? '');
  }

  startCell(line: number, record: readonly string[]): StartCell {
    return { line, start: this.cell(record, 'interval_start') ?? '', date: this.cell(record, 'date'), channel: this.cell(record, 'channel') ?? this.options.channel ?? 'voice' };
  }

  /** The row's figures; mistakes go to `problems`, the line to `overCounted` when answered + abandoned > offered. */
  figures(line: number, record: readonly string[], problems: string[], overCounted: number[]): Figures {
    const at = (column: ReportColumn): string => `${this.file}:${line} column ${this.name(column)}`;
    const read = <T>(column: ReportColumn, parseCell: (text: string) => T | string): T | undefined => {
      const text = this.cell(record, column);
      if (text === undefined || text === '') return undefined;
      const value = parseCell(text);
      if (typeof value === 'string') problems.push(`${at(column)}: ${value} (got ${formatValue(text)})`);
      return typeof value === 'string' ? undefined : value;
    };
    const offeredText = this.cell(record, 'offered') ?? '';
    const offered = offeredText === '' ? 'must be a whole number of contacts, 0 or more' : wholeCount(offeredText);
    if (typeof offered === 'string') problems.push(`${at('offered')}: ${offered} (got ${formatValue(offeredText)})`);
    const share = read('service_level', serviceShare);
    const figures: Figures = {
      offered: typeof offered === 'number' ? offered : 0,
      answered: read('answered', wholeCount),
      abandoned: read('abandoned', wholeCount),
      ahtSec: read('aht', reportDuration),
      asaSec: read('asa', reportDuration),
      ataSec: read('ata', reportDuration),
      answeredWithin: read('answered_within', wholeCount),
      staffed: read('staffed', staffedCount),
    };
    const answeredWithin = share !== undefined && figures.answered !== undefined ? share * figures.answered : figures.answeredWithin;
    const checked = { ...figures, answeredWithin };
    if (typeof offered === 'string') return checked;
    problems.push(...this.consistencyProblems(checked, at));
    const { offered: n, answered, abandoned } = checked;
    if (answered !== undefined && abandoned !== undefined && answered + abandoned > n) overCounted.push(line);
    return checked;
  }

  private consistencyProblems(f: Figures, at: (column: ReportColumn) => string): string[] {
    const problems: string[] = [];
    if (f.answered !== undefined && f.answered > f.offered) problems.push(`${at('answered')}: must be at most offered (${f.offered}) (got ${f.answered})`);
    if (f.abandoned !== undefined && f.abandoned > f.offered) problems.push(`${at('abandoned')}: must be at most offered (${f.offered}) (got ${f.abandoned})`);
    if (f.answeredWithin !== undefined && f.answered !== undefined && f.answeredWithin > f.answered + 1e-9) {
      problems.push(`${at('answered_within')}: must be at most answered (${f.answered}) (got ${f.answeredWithin})`);
    }
    if (f.ahtSec === 0 && f.answered !== undefined && f.answered > 0) problems.push(`${at('aht')}: must be positive when contacts were answered (got 0)`);
    return problems;
  }
}

const MAX_COUNT = L.maxArrivalsPerHour * 24;

function wholeCount(text: string): number | string {
  const n = Number(text.replace(/,/g, ''));
  if (!/^\d[\d,]*(\.0*)?$/.test(text) || !Number.isSafeInteger(n)) return 'must be a whole number of contacts, 0 or more';
  if (n > MAX_COUNT) return `must be at most ${MAX_COUNT.toLocaleString('en-US')} (a day at the most arrivals a channel may have)`;
  return n;
}

function staffedCount(text: string): number | string {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) return 'must be a number of agents, 0 or more (an average may be fractional)';
  if (n > L.maxAgentsPerGroup) return `must be at most ${L.maxAgentsPerGroup.toLocaleString('en-US')} agents`;
  return n;
}

/** `0.8` or `80%` (share.ts): a share of answered contacts. */
function serviceShare(text: string): number | string {
  const parsed = parseShare(text);
  if (!parsed.ok || parsed.share < 0 || parsed.share > 1) {
    const hint = percentHint(text);
    return `must be a share from 0 to 1 or a percentage like "80%"${hint === undefined ? '' : ` (${hint})`}`;
  }
  return parsed.share;
}

const CLOCK_DURATION = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/;

/** Seconds, a duration (`6m`), `m:ss` or `h:mm:ss` (how exports print handle and wait times). */
export function reportDuration(text: string): number | string {
  const clock = CLOCK_DURATION.exec(text);
  if (clock !== null) {
    const [a, b, c] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? undefined : Number(clock[3])];
    return c === undefined ? a * 60 + b : a * 3600 + b * 60 + c;
  }
  const d = parseDuration(text);
  if (!d.ok || d.seconds < 0) return 'must be a duration: seconds, "6m", "6:05" (m:ss) or "0:06:05" (h:mm:ss)';
  if (d.seconds > L.maxDistributionSec) return `must be at most ${L.maxDistributionSec.toLocaleString('en-US')} s`;
  return d.seconds;
}
