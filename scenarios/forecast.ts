/**
 * Arrivals from a forecast CSV (issue 4 item 8): `interval_start,volume` for one channel,
 * or `interval_start,channel,volume` for several, optionally with `aht` and `patience`
 * columns, the means of each interval (forecastMeans.ts). One row per interval of the horizon, in
 * order; `interval_start` is a date-time (`2026-03-02T08:30`, read against the scenario's
 * `startDate` and `dayStart`, or starting the horizon when there is no `startDate`), a clock
 * time (`08:30`, read against `dayStart`, on the day of its row's interval, so a forecast may
 * run past midnight), seconds, or a duration from time 0. How the rows cover the intervals is
 * checked in `forecastRows.ts`, which names the one mistake behind a broken sequence. Rows
 * of channels the scenario does not have are ignored, unless a channel reading the file lacks
 * rows or the name is close to one of the scenario's: then the unknown name is reported as
 * the cause.
 *
 * The file is named relative to the scenario file. Each mistake names the CSV's line and
 * column, reported on the scenario's `arrivals.forecast` field so it is found from both
 * ends: `s.yaml:9:27 channels[0].arrivals.forecast: f.csv:5 column volume: … (got "x")`.
 */
import { isAbsolute, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvProblem } from './csvProblem.js';
import { channelMeans, MEAN_COLUMNS, type ChannelMeans, type MeanColumn } from './forecastMeans.js';
import { coverageProblems, rowStartSec, startOf, startRule } from './forecastRows.js';
import { readInputText } from './inputFile.js';
import { SCENARIO_LIMITS as L } from './limits.js';
import { formatValue, type Problem } from './problem.js';
import { idOf, idsOf, isRecord, listOf, type Raw } from './raw.js';
import { didYouMean } from './suggestion.js';

export interface ForecastContext {
  /** Directory the scenario file is in: forecast paths are relative to it. */
  readonly baseDir: string;
  readonly intervalCount: number | undefined;
  readonly intervalSec: number | undefined;
  /** Time of day at time 0, seconds. */
  readonly dayStartSec: number;
  /** Whether the scenario sets `dayStart`: clock times not starting at midnight need it. */
  readonly dayStartGiven: boolean;
  /** Cap on each file, bytes (scenarios/inputFile.ts). */
  readonly maxInputBytes: number;
  /** Day number of the scenario's `startDate`, when it has one (date-times are read against it). */
  readonly startDay?: number | undefined;
}

export interface ForecastResult {
  readonly problems: Problem[];
  /** Channel index → one volume per interval, for every channel whose forecast was read cleanly. */
  readonly volumes: ReadonlyMap<number, number[]>;
  /** The start date read from date-time rows when the scenario has none (forecastRows.ts `startOf`). */
  readonly startDay: number | undefined;
  /** Channel index → the per-interval means its `aht` and `patience` columns give (read cleanly). */
  readonly means: ReadonlyMap<number, ChannelMeans>;
}

interface Row {
  readonly line: number;
  readonly start: string;
  readonly channel?: string;
  readonly volume: string;
  /** Cells of the optional mean columns, as written. */
  readonly means: Readonly<Partial<Record<MeanColumn, string>>>;
}

type Table = { readonly ok: true; readonly rows: Row[]; readonly byChannel: boolean; readonly meanColumns: readonly MeanColumn[] } | { readonly ok: false; readonly reason: string };

/** Problems past this many in one file are summarised: they are echoes of one mistake. */
const MAX_PROBLEMS_PER_FILE = 5;

export function readForecasts(data: Raw, context: ForecastContext): ForecastResult {
  const problems: Problem[] = [];
  const volumes = new Map<number, number[]>();
  const means = new Map<number, ChannelMeans>();
  const tables = new Map<string, Table>();
  const channelIds = idsOf(data.channels);
  /** Files whose unknown channels have been reported (once per file, on the first channel reading it). */
  const named = new Set<string>();
  // The first file of date-times fixes the start date for the files after it.
  let startDay = context.startDay;
  listOf(data.channels).forEach((channel, i) => {
    if (!isRecord(channel) || !isRecord(channel.arrivals) || typeof channel.arrivals.forecast !== 'string') return;
    const file = channel.arrivals.forecast;
    if (file === '') return;
    const path = ['channels', i, 'arrivals', 'forecast'];
    const full = isAbsolute(file) ? file : resolve(context.baseDir, file);
    const table = tables.get(full) ?? readTable(full, context.maxInputBytes);
    tables.set(full, table);
    if (!table.ok) {
      problems.push({ path, message: `${file}${table.reason}` });
      return;
    }
    const result = channelVolumes(table, channel, file, { ...context, startDay });
    startDay ??= result.startDay;
    const unknown = unknownChannels(table, channelIds, file);
    // Rows under a channel this scenario does not have explain the rows this channel lacks.
    const explained = unknown.length > 0 && (result.short || unknown.some((u) => u.hint !== undefined));
    const messages = explained ? result.problems.filter((m) => m !== result.countProblem) : result.problems;
    if (explained && !named.has(full)) {
      named.add(full);
      messages.unshift(...unknown.map((u) => u.message));
    }
    if (messages.length === 0 && result.volumes !== undefined) {
      volumes.set(i, result.volumes);
      means.set(i, result.means);
    } else problems.push(...messages.map((message) => ({ path, message })));
  });
  return { problems, volumes, means, startDay: context.startDay === undefined && problems.length === 0 ? startDay : undefined };
}

interface UnknownChannel {
  readonly message: string;
  readonly hint: string | undefined;
}

/** One entry per channel named in the file that the scenario does not have, at its first row. */
function unknownChannels(table: Extract<Table, { ok: true }>, channelIds: readonly string[], file: string): UnknownChannel[] {
  if (!table.byChannel) return [];
  const seen = new Set<string>();
  const found: UnknownChannel[] = [];
  for (const row of table.rows) {
    const name = row.channel ?? '';
    if (channelIds.includes(name) || seen.has(name)) continue;
    seen.add(name);
    const hint = didYouMean(name, channelIds);
    const message = `${file}:${row.line} column channel: "${name}" is not a channel of this scenario (its channels: ${channelIds.join(', ')})${hint === undefined ? '' : ` ${hint}`}`;
    found.push({ message, hint });
  }
  return found;
}

function readTable(full: string, maxBytes: number): Table {
  const read = readInputText(full, 'forecast CSV', maxBytes);
  if (!read.ok) return { ok: false, reason: read.reason === 'no such file' ? `: no such file (looked for ${full})` : `: ${read.reason}` };
  const text = read.text;
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, trim: true, comment: '#', bom: true }) as unknown as typeof records;
  } catch (err) {
    const problem = csvProblem(err);
    return { ok: false, reason: `:${problem.line ?? 1}: is not valid CSV: ${problem.rule}` };
  }
  const [header, ...body] = records;
  if (header === undefined) return { ok: false, reason: ':1: is empty; expected a header interval_start,volume or interval_start,channel,volume' };
  const names = header.record.map((h) => h.toLowerCase());
  const column = (name: string) => names.indexOf(name);
  const [startCol, channelCol, volumeCol] = [column('interval_start'), column('channel'), column('volume')];
  const meanColumns = MEAN_COLUMNS.map((m) => m.column).filter((name) => column(name) >= 0);
  if (startCol < 0 || volumeCol < 0 || names.length !== (channelCol < 0 ? 2 : 3) + meanColumns.length) {
    return { ok: false, reason: `:${header.info.lines}: must have the columns interval_start,volume or interval_start,channel,volume, optionally with aht and patience (${headerShape(names)})` };
  }
  const rows = body.map(({ info, record }) => {
    const cells = Object.fromEntries(meanColumns.map((name) => [name, record[column(name)] ?? '']));
    const row = { line: info.lines, start: record[startCol] ?? '', volume: record[volumeCol] ?? '', means: cells };
    return channelCol < 0 ? row : { ...row, channel: record[channelCol] ?? '' };
  });
  return { ok: true, rows, byChannel: channelCol >= 0, meanColumns };
}

/**
 * What a header that is not one of the two layouts has, without quoting it: the file may not
 * be a forecast at all (`/proc/self/environ`, a key file named by mistake) and its first line
 * would land in a CI log (issue 18). Its field count and which expected names it lacks say
 * enough to fix a real forecast.
 */
function headerShape(names: readonly string[]): string {
  const fields = `the first line has ${names.length} field${names.length === 1 ? '' : 's'}`;
  const expected = ['interval_start', 'channel', 'volume'];
  const known = [...expected, ...MEAN_COLUMNS.map((m) => m.column)];
  if (!names.some((n) => expected.includes(n))) return `${fields}, none named ${expected.join(', ')}; its text is not shown`;
  const missing = ['interval_start', 'volume'].filter((n) => !names.includes(n));
  const others = names.filter((n) => !known.includes(n)).length;
  const parts = [missing.length > 0 ? `no ${missing.join(' or ')}` : '', others > 0 ? `${others} other${others === 1 ? '' : 's'} (not shown)` : ''];
  return `${fields}: ${parts.filter((p) => p !== '').join(', ')}`;
}

interface ChannelRows {
  /** One volume per interval, when every row read. */
  readonly volumes: number[] | undefined;
  /** The per-interval means of the `aht` and `patience` columns, when every row read. */
  readonly means: ChannelMeans;
  readonly problems: string[];
  /** Fewer rows than intervals (or none): a typo in the channel column may explain it. */
  readonly short: boolean;
  /** The problem that says so, dropped when an unknown channel is named instead. */
  readonly countProblem: string | undefined;
  /** The start date its date-time rows were read against. */
  readonly startDay?: number | undefined;
}

/** The channel's volumes, or the problems found in its rows. */
function channelVolumes(table: Extract<Table, { ok: true }>, channel: unknown, file: string, context: ForecastContext): ChannelRows {
  const channelId = idOf(channel);
  const rows = table.byChannel ? table.rows.filter((r) => r.channel === channelId) : table.rows;
  const { intervalCount, intervalSec } = context;
  if (table.byChannel && rows.length === 0) {
    const inFile = [...new Set(table.rows.map((r) => r.channel ?? ''))];
    const listed = inFile.length > 0 ? ` (channels in the file: ${inFile.slice(0, 10).join(', ')})` : '';
    const problem = `${file}: has no rows for channel "${channelId ?? '?'}"${listed}`;
    return { volumes: undefined, means: {}, problems: [problem], short: true, countProblem: problem };
  }
  const problems: string[] = [];
  const volumes = rows.map((row) => {
    const volume = Number(row.volume);
    if (row.volume === '' || !Number.isFinite(volume) || volume < 0) {
      problems.push(`${file}:${row.line} column volume: must be a number of contacts, 0 or more (got ${formatValue(row.volume)})`);
    } else if (intervalSec !== undefined && (volume * 3600) / intervalSec > L.maxArrivalsPerHour) {
      problems.push(`${file}:${row.line} column volume: must be at most ${L.maxArrivalsPerHour.toLocaleString('en-US')} contacts per hour (got ${volume})`);
    }
    return volume;
  });
  const means = channelMeans(rows, table.meanColumns, channel, file);
  problems.push(...means.problems);
  const short = intervalCount !== undefined && rows.length < intervalCount;
  let countProblem: string | undefined;
  const origin = startOf(rows, { file, ...context });
  if (!origin.ok) problems.push(origin.problem);
  if (intervalCount !== undefined && intervalSec !== undefined && origin.ok) {
    const starts = rows.map((row, k) => rowStartSec(row.start, k, intervalSec, context.dayStartSec, origin.day));
    rows.forEach((row, k) => {
      if (starts[k] === undefined) problems.push(`${file}:${row.line} column interval_start: ${startRule(row.start)} (got ${formatValue(row.start)})`);
    });
    if (starts.every((s): s is number => s !== undefined)) {
      const rowsOf = table.byChannel ? ` for channel "${channelId ?? '?'}"` : '';
      const coverage = coverageProblems(rows, starts, { file, intervalCount, intervalSec, dayStartSec: context.dayStartSec, dayStartGiven: context.dayStartGiven, rowsOf, startDay: origin.day });
      countProblem = coverage.find((m) => m.startsWith(`${file}: has ${rows.length} rows`));
      problems.push(...coverage);
    }
  }
  if (problems.length === 0) return { volumes, means: means.means, problems, short, countProblem, startDay: origin.ok ? origin.day : undefined };
  const shown = problems.slice(0, MAX_PROBLEMS_PER_FILE);
  if (problems.length > shown.length) shown.push(`${file}: … and ${problems.length - shown.length} more problems`);
  return { volumes: undefined, means: {}, problems: shown, short, countProblem };
}
