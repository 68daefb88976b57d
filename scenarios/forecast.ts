/**
 * Arrivals from a forecast CSV (issue 4 item 8): `interval_start,volume` for one channel,
 * or `interval_start,channel,volume` for several. One row per interval of the horizon, in
 * order; `interval_start` is a clock time (`08:30`, read against the scenario's `dayStart`,
 * rolling over to the next day when it goes back), seconds, or a duration from time 0.
 *
 * The file is named relative to the scenario file. Each mistake names the CSV's line and
 * column, reported on the scenario's `arrivals.forecast` field so it is found from both
 * ends: `s.yaml:9:27 channels[0].arrivals.forecast: f.csv:5 column volume: … (got "x")`.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { formatClock, formatDuration, isClockTime, parseDuration, parseTimeOfDay } from './duration.js';
import { SCENARIO_LIMITS as L } from './limits.js';
import { formatValue, type Problem } from './problem.js';
import { idOf, isRecord, listOf, type Raw } from './raw.js';
import { didYouMean } from './suggestion.js';

export interface ForecastContext {
  /** Directory the scenario file is in: forecast paths are relative to it. */
  readonly baseDir: string;
  readonly intervalCount: number | undefined;
  readonly intervalSec: number | undefined;
  /** Time of day at time 0, seconds. */
  readonly dayStartSec: number;
}

export interface ForecastResult {
  readonly problems: Problem[];
  /** Channel index → one volume per interval, for every channel whose forecast was read cleanly. */
  readonly volumes: ReadonlyMap<number, number[]>;
}

interface Row {
  readonly line: number;
  readonly start: string;
  readonly channel?: string;
  readonly volume: string;
}

type Table = { readonly ok: true; readonly rows: Row[]; readonly byChannel: boolean } | { readonly ok: false; readonly reason: string };

/** Problems past this many in one file are summarised: they are echoes of one mistake. */
const MAX_PROBLEMS_PER_FILE = 5;

export function readForecasts(data: Raw, context: ForecastContext): ForecastResult {
  const problems: Problem[] = [];
  const volumes = new Map<number, number[]>();
  const tables = new Map<string, Table>();
  listOf(data.channels).forEach((channel, i) => {
    if (!isRecord(channel) || !isRecord(channel.arrivals) || typeof channel.arrivals.forecast !== 'string') return;
    const file = channel.arrivals.forecast;
    if (file === '') return;
    const path = ['channels', i, 'arrivals', 'forecast'];
    const full = isAbsolute(file) ? file : resolve(context.baseDir, file);
    const table = tables.get(full) ?? readTable(full);
    tables.set(full, table);
    if (!table.ok) {
      problems.push({ path, message: `${file}${table.reason}` });
      return;
    }
    const result = channelVolumes(table, idOf(channel), file, context);
    if (Array.isArray(result)) volumes.set(i, result);
    else problems.push(...result.problems.map((message) => ({ path, message })));
  });
  return { problems, volumes };
}

function readTable(full: string): Table {
  let text: string;
  try {
    if (statSync(full).size > L.maxFileBytes) return { ok: false, reason: `: is larger than ${L.maxFileBytes} bytes` };
    text = readFileSync(full, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: `: no such file (looked for ${full})` };
    if (code === 'EISDIR') return { ok: false, reason: ': is a directory, not a CSV file' };
    return { ok: false, reason: `: cannot be read (${code ?? String(err)})` };
  }
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, trim: true, comment: '#', bom: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    const message = (e.message ?? String(err)).replace(/ (on|at) line \d+$/, '');
    return { ok: false, reason: `:${e.lines ?? 1}: is not valid CSV: ${message}` };
  }
  const [header, ...body] = records;
  if (header === undefined) return { ok: false, reason: ':1: is empty; expected a header interval_start,volume or interval_start,channel,volume' };
  const names = header.record.map((h) => h.toLowerCase());
  const column = (name: string) => names.indexOf(name);
  const [startCol, channelCol, volumeCol] = [column('interval_start'), column('channel'), column('volume')];
  if (startCol < 0 || volumeCol < 0 || names.length !== (channelCol < 0 ? 2 : 3)) {
    const reason = `:${header.info.lines}: must have the columns interval_start,volume or interval_start,channel,volume (got "${header.record.join(',')}")`;
    return { ok: false, reason };
  }
  const rows = body.map(({ info, record }) => {
    const row = { line: info.lines, start: record[startCol] ?? '', volume: record[volumeCol] ?? '' };
    return channelCol < 0 ? row : { ...row, channel: record[channelCol] ?? '' };
  });
  return { ok: true, rows, byChannel: channelCol >= 0 };
}

/** The channel's volumes, or the problems found in its rows. */
function channelVolumes(table: Extract<Table, { ok: true }>, channelId: string | undefined, file: string, context: ForecastContext): number[] | { problems: string[] } {
  const rows = table.byChannel ? table.rows.filter((r) => r.channel === channelId) : table.rows;
  const problems: string[] = [];
  if (table.byChannel && rows.length === 0) {
    const inFile = [...new Set(table.rows.map((r) => r.channel ?? ''))];
    const hint = channelId === undefined ? undefined : didYouMean(channelId, inFile);
    const listed = inFile.length > 0 ? ` (channels in the file: ${inFile.slice(0, 10).join(', ')})` : '';
    return { problems: [`${file}: has no rows for channel "${channelId ?? '?'}"${listed}${hint === undefined ? '' : ` ${hint}`}`] };
  }
  const { intervalCount, intervalSec } = context;
  if (intervalCount !== undefined && rows.length !== intervalCount) {
    const what = table.byChannel ? ` for channel "${channelId ?? '?'}"` : '';
    problems.push(`${file}: has ${rows.length} rows${what}; the horizon has ${intervalCount} intervals (one row per interval, in order)`);
  }
  const volumes: number[] = [];
  let previousSec = -Infinity;
  rows.forEach((row, k) => {
    const volume = Number(row.volume);
    if (row.volume === '' || !Number.isFinite(volume) || volume < 0) {
      problems.push(`${file}:${row.line} column volume: must be a number of contacts, 0 or more (got ${formatValue(row.volume)})`);
    } else if (intervalSec !== undefined && (volume * 3600) / intervalSec > L.maxArrivalsPerHour) {
      problems.push(`${file}:${row.line} column volume: must be at most ${L.maxArrivalsPerHour.toLocaleString('en-US')} contacts per hour (got ${volume})`);
    }
    volumes.push(volume);
    const startSec = offsetOf(row.start, previousSec, context.dayStartSec);
    if (startSec === undefined) {
      problems.push(`${file}:${row.line} column interval_start: must be a clock time like "08:30", seconds, or a duration like "1.5h" (got ${formatValue(row.start)})`);
      return;
    }
    previousSec = startSec;
    if (intervalSec === undefined || Math.abs(startSec - k * intervalSec) < 1e-6) return;
    const expected = k * intervalSec;
    const written = isClockTime(row.start) ? formatClock((expected + context.dayStartSec) % 86_400) : formatDuration(expected);
    problems.push(`${file}:${row.line} column interval_start: must be ${written}, the start of interval ${k + 1} (rows are one per interval, in order) (got ${formatValue(row.start)})`);
  });
  if (problems.length === 0) return volumes;
  const shown = problems.slice(0, MAX_PROBLEMS_PER_FILE);
  if (problems.length > shown.length) shown.push(`${file}: … and ${problems.length - shown.length} more problems`);
  return { problems: shown };
}

/**
 * Seconds from time 0 of an `interval_start`. A clock time is placed at its first occurrence
 * after the previous row (the first row: at or after time 0), so a forecast may run past
 * midnight into the next day.
 */
function offsetOf(text: string, previousSec: number, dayStartSec: number): number | undefined {
  if (isClockTime(text)) {
    const clock = parseTimeOfDay(text);
    if (!clock.ok || clock.seconds > 86_400) return undefined;
    const t = clock.seconds - dayStartSec;
    const floor = previousSec === -Infinity ? 0 : previousSec + 1e-9;
    return t >= floor ? t : t + Math.ceil((floor - t) / 86_400) * 86_400;
  }
  const d = parseDuration(text === '' ? undefined : text);
  return d.ok && d.seconds >= 0 ? d.seconds : undefined;
}
