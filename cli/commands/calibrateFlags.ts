/**
 * The flags of `ccsim calibrate`, checked before the report is read (every mistake at once,
 * each naming its flag: exit 2): the column mapping (`--columns`, `--map`), channel kinds
 * (`--kind NAME=KIND`), and the durations and numbers the report does not carry.
 */
import { parse as parseYaml } from 'yaml';
import { CHANNEL_KINDS, type ChannelKind } from '../../engine/model.js';
import { parseDuration, parseTimeOfDay } from '../../scenarios/duration.js';
import { readInputText } from '../../scenarios/inputFile.js';
import { SCENARIO_LIMITS as L } from '../../scenarios/limits.js';
import { formatValue } from '../../scenarios/problem.js';
import { didYouMean } from '../../scenarios/suggestion.js';
import type { FormatArgs } from '../formatFlags.js';
import type { InputArgs } from '../inputFlags.js';
import { DAY_SEC } from '../../engine/time.js';

export interface CalibrateArgs extends InputArgs, FormatArgs {
  report: string;
  out?: string;
  within?: string;
  columns?: string[];
  map?: string;
  kind?: string[];
  concurrency?: string[];
  channel?: string;
  interval?: string;
  'day-start'?: string;
  'handle-cv'?: number;
  /** Call records (one row per call) whose fits replace the report's handle family and patience. */
  calls?: string;
  'calls-columns'?: string[];
}

export const CALIBRATE_FORMATS = ['text', 'json', 'csv'] as const;

/** The lognormal's cv when `--handle-cv` is not given: an exponential's spread, the textbook default for handle times. */
export const DEFAULT_HANDLE_CV = 1;
/** Largest `--handle-cv`: beyond it a lognormal's mass sits at 0 with a tail of years. */
const MAX_HANDLE_CV = 10;

export interface CalibrateFlags {
  readonly columns: Record<string, string>;
  readonly columnsSource: string;
  readonly kinds: ReadonlyMap<string, ChannelKind>;
  /** `--concurrency NAME=N`: sessions a chat agent holds at once, by report channel name. */
  readonly concurrency: ReadonlyMap<string, number>;
  readonly withinSec: number | undefined;
  readonly intervalSec: number | undefined;
  readonly dayStartSec: number | undefined;
  readonly handleCv: number;
  /** `--calls-columns`: call-record column → the export's header. */
  readonly callColumns: Record<string, string>;
}

function durationFlag(flag: string, text: string | undefined, problems: string[], positive: boolean): number | undefined {
  if (text === undefined) return undefined;
  const d = parseDuration(text);
  if (!d.ok || d.seconds < 0 || (positive && d.seconds === 0)) {
    problems.push(`--${flag}: must be a ${positive ? 'positive ' : ''}duration such as 20s, 30m or 1h (got ${formatValue(text)})`);
    return undefined;
  }
  return d.seconds;
}

/** `offered=Calls Offered,aht="Avg Handle Time"` (quotes optional; the flag may repeat). */
function columnPairs(values: readonly string[], problems: string[], flag = '--columns', example = 'offered="Calls Offered"'): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const value of values) {
    for (const pair of value.split(',')) {
      const eq = pair.indexOf('=');
      if (pair.trim() === '') continue;
      if (eq < 0) {
        problems.push(`${flag}: must be NAME=HEADER pairs separated by commas, e.g. ${example} (got ${formatValue(pair)})`);
        continue;
      }
      columns[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    }
  }
  return columns;
}

/** A `--map` file: a YAML mapping of column name → the export's header. */
function mapFile(path: string, maxBytes: number, problems: string[]): Record<string, string> {
  const read = readInputText(path, 'column map', maxBytes);
  if (!read.ok) {
    problems.push(`--map ${path}: ${read.reason}`);
    return {};
  }
  let data: unknown;
  try {
    data = parseYaml(read.text, { maxAliasCount: 0 }) as unknown;
  } catch {
    problems.push(`--map ${path}: is not valid YAML; expected lines like  offered: Calls Offered`);
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push(`--map ${path}: must be a mapping of report column to the export's header, e.g.  offered: Calls Offered`);
    return {};
  }
  const columns: Record<string, string> = {};
  for (const [key, header] of Object.entries(data as Record<string, unknown>)) {
    if (typeof header === 'string' || typeof header === 'number') columns[key] = String(header);
    else problems.push(`${path}: ${key}: must be the export's column header (got ${formatValue(header)})`);
  }
  return columns;
}

/** `--kind NAME=KIND`: the kind of a report channel (by its name in the report). */
function kindPairs(values: readonly string[], problems: string[]): Map<string, ChannelKind> {
  const kinds = new Map<string, ChannelKind>();
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    const kind = value.slice(eq + 1).trim();
    if (eq <= 0 || !(CHANNEL_KINDS as readonly string[]).includes(kind)) {
      const hint = eq > 0 ? didYouMean(kind, CHANNEL_KINDS) : undefined;
      problems.push(`--kind: must be CHANNEL=KIND with KIND one of ${CHANNEL_KINDS.join(', ')} (got ${formatValue(value)})${hint === undefined ? '' : ` ${hint}`}`);
      continue;
    }
    kinds.set(value.slice(0, eq).trim(), kind as ChannelKind);
  }
  return kinds;
}

/** `--concurrency NAME=N`: a report channel's sessions per agent (a whole number, as the scenario's `concurrency`). */
function concurrencyPairs(values: readonly string[], problems: string[]): Map<string, number> {
  const sessions = new Map<string, number>();
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    const n = Number(value.slice(eq + 1).trim());
    if (eq <= 0 || !Number.isInteger(n) || n < 1 || n > L.maxConcurrency) {
      problems.push(`--concurrency: must be CHANNEL=N with N a whole number of sessions from 1 to ${L.maxConcurrency} (got ${formatValue(value)})`);
      continue;
    }
    sessions.set(value.slice(0, eq).trim(), n);
  }
  return sessions;
}

/** Every flag checked; an `InputError`-ready list of problems when any is wrong. */
export function readCalibrateFlags(args: CalibrateArgs, maxBytes: number): { flags: CalibrateFlags; problems: string[] } {
  const problems: string[] = [];
  const fromMap = args.map === undefined ? {} : mapFile(args.map, maxBytes, problems);
  // --columns names win over the --map file's: the flag is the later, more specific word.
  const columns = { ...fromMap, ...columnPairs(args.columns ?? [], problems) };
  const columnsSource = args.map !== undefined && (args.columns ?? []).length === 0 ? args.map : '--columns';
  let dayStartSec: number | undefined;
  if (args['day-start'] !== undefined) {
    const t = parseTimeOfDay(args['day-start']);
    if (!t.ok || t.seconds >= DAY_SEC) problems.push(`--day-start: must be a clock time like 08:00 (got ${formatValue(args['day-start'])})`);
    else dayStartSec = t.seconds;
  }
  const cv = args['handle-cv'];
  if (cv !== undefined && !(Number.isFinite(cv) && cv > 0 && cv <= MAX_HANDLE_CV)) problems.push(`--handle-cv: must be a coefficient of variation above 0 and at most ${MAX_HANDLE_CV} (got ${formatValue(cv)})`);
  const flags: CalibrateFlags = {
    columns,
    columnsSource,
    kinds: kindPairs(args.kind ?? [], problems),
    concurrency: concurrencyPairs(args.concurrency ?? [], problems),
    withinSec: durationFlag('within', args.within, problems, false),
    intervalSec: durationFlag('interval', args.interval, problems, true),
    dayStartSec,
    handleCv: cv ?? DEFAULT_HANDLE_CV,
    callColumns: columnPairs(args['calls-columns'] ?? [], problems, '--calls-columns', 'wait_sec="Queue Time"'),
  };
  if (args['calls-columns'] !== undefined && args.calls === undefined) problems.push('--calls-columns: needs --calls FILE, the call records it maps');
  return { flags, problems };
}
