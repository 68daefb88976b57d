/**
 * The flags of a command that reads an ACD interval report (scenarios/intervalReport.ts):
 * `--within T`, `--columns canonical="Export Header",…`, `--map map.yaml`, `--channel ID`,
 * `--interval D`, `--day-start HH:MM`. Parsed here once, for every such command; the reader
 * itself checks the column names (mappingProblems) and everything in the file.
 */
import type { Argv } from 'yargs';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../engine/errors.js';
import { parseTimeOfDay } from '../scenarios/duration.js';
import { readInputFile } from '../scenarios/inputFile.js';
import type { IntervalReportOptions } from '../scenarios/intervalReport.js';
import { durationFlag } from './commands/staffFlags.js';

export interface ReportFlagArgs {
  within?: string;
  columns?: string;
  map?: string;
  channel?: string;
  interval?: string;
  'day-start'?: string;
}

export function reportFlagOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('within', { type: 'string', describe: 'T of the report\'s answered_within / service_level (default: the scenario\'s threshold)' })
    .option('columns', { type: 'string', describe: 'Map export headers: offered="Calls Offered",aht="Avg Handle Time"' })
    .option('map', { type: 'string', describe: 'YAML file mapping canonical columns to export headers' })
    .option('channel', { type: 'string', describe: 'Channel of every row when the report has no channel column (default voice)' })
    .option('interval', { type: 'string', describe: 'Interval length (default: inferred from the starts)' })
    .option('day-start', { type: 'string', describe: 'Clock time of 0 s when starts are written as seconds' }) as Argv<T>;
}

/** `a="Calls Offered",b=AHT` → { a: 'Calls Offered', b: 'AHT' }; quotes keep commas and = inside a header. */
function columnPairs(text: string, problems: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const pair = /\s*([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|([^,]*))\s*(?:,|$)/y;
  let at = 0;
  while (at < text.length) {
    pair.lastIndex = at;
    const m = pair.exec(text);
    if (m === null || m[0] === '') {
      problems.push(`--columns: must be canonical=Header pairs separated by commas, e.g. offered="Calls Offered",aht=AHT (got "${text}")`);
      return out;
    }
    out[m[1] as string] = (m[2] ?? m[3] ?? '').trim();
    at = pair.lastIndex;
  }
  return out;
}

/** `--map FILE`: a YAML mapping of canonical column → export header. */
function mapFile(path: string, maxBytes: number, problems: string[]): Record<string, string> {
  let doc: unknown;
  try {
    doc = parseYaml(readInputFile(path, 'column map', maxBytes));
  } catch (err) {
    problems.push(err instanceof InputError ? err.message : `--map: ${path}: is not valid YAML (${(err as Error).message.split('\n')[0] ?? ''})`);
    return {};
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    problems.push(`--map: ${path}: must be a mapping of canonical column to export header, e.g. offered: Calls Offered`);
    return {};
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc as Record<string, unknown>)) {
    if (typeof v !== 'string' && typeof v !== 'number') problems.push(`--map: ${path}: ${k}: must be a header name (got ${JSON.stringify(v)})`);
    else out[k] = String(v);
  }
  return out;
}

/** The reader's options from the flags (`--columns` wins over `--map` for a column both name); a usage error lists every mistake. */
export function reportOptions(args: ReportFlagArgs, maxInputBytes: number): IntervalReportOptions {
  const problems: string[] = [];
  const within = durationFlag('within', args.within, problems);
  const interval = durationFlag('interval', args.interval, problems);
  let dayStart: number | undefined;
  if (args['day-start'] !== undefined) {
    const t = parseTimeOfDay(args['day-start']);
    if (t.ok) dayStart = t.seconds;
    else problems.push(`--day-start: ${t.reason} (got "${args['day-start']}")`);
  }
  const fromMap = args.map === undefined ? {} : mapFile(args.map, maxInputBytes, problems);
  const fromFlag = args.columns === undefined ? {} : columnPairs(args.columns, problems);
  if (problems.length > 0) throw new InputError(problems);
  const columns = { ...fromMap, ...fromFlag };
  return {
    ...(Object.keys(columns).length > 0 ? { columns, columnsSource: args.columns !== undefined ? '--columns' : `--map ${args.map ?? ''}` } : {}),
    ...(args.channel === undefined ? {} : { channel: args.channel }),
    ...(interval === null ? {} : { intervalSec: interval }),
    ...(dayStart === undefined ? {} : { dayStartSec: dayStart }),
    ...(within === null ? {} : { slWithinSec: within }),
    maxInputBytes,
  };
}
