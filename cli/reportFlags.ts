/**
 * The flags of `ccsim backtest` that say how to read its ACD interval report
 * (scenarios/intervalReport.ts): `--within T`, `--columns canonical="Export Header",…`,
 * `--map map.yaml`, `--channel ID`, `--interval D`, `--day-start HH:MM` — the same flags, with
 * the same meaning, as `ccsim calibrate`'s, and parsed by the same function
 * (cli/commands/calibrateFlags.ts `readCalibrateFlags`), so a report reads alike in both.
 */
import type { Argv } from 'yargs';
import { InputError } from '../engine/errors.js';
import type { IntervalReportOptions } from '../scenarios/intervalReport.js';
import { readCalibrateFlags, type CalibrateFlags } from './commands/calibrateFlags.js';

export interface ReportFlagArgs {
  report: string;
  within?: string;
  columns?: string[];
  map?: string;
  channel?: string;
  interval?: string;
  'day-start'?: string;
}

export function reportFlagOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('within', { type: 'string', describe: 'T of the report\'s answered_within / service_level (default: the scenario\'s threshold)' })
    .option('columns', { type: 'string', array: true, describe: 'Map report columns to the export\'s headers: offered="Calls Offered",aht="Avg Handle Time"' })
    .option('map', { type: 'string', describe: 'YAML file mapping report columns to the export\'s headers (offered: Calls Offered)' })
    .option('channel', { type: 'string', describe: 'Channel of every row when the report has no channel column (default voice)' })
    .option('interval', { type: 'string', describe: 'Interval length (default: inferred from the starts)' })
    .option('day-start', { type: 'string', describe: 'Clock time of the first interval when starts are written as seconds' }) as Argv<T>;
}

/** The reader's options from the flags; a usage error lists every mistake. */
export function reportOptions(args: ReportFlagArgs, maxInputBytes: number): IntervalReportOptions {
  const { flags, problems } = readCalibrateFlags(args, maxInputBytes);
  if (problems.length > 0) throw new InputError(problems);
  return readerOptions(args, flags, maxInputBytes);
}

/** The reader's options from flags already checked (`readCalibrateFlags`). */
export function readerOptions(args: ReportFlagArgs, flags: CalibrateFlags, maxInputBytes: number): IntervalReportOptions {
  return {
    ...(Object.keys(flags.columns).length > 0 ? { columns: flags.columns, columnsSource: flags.columnsSource } : {}),
    ...(args.channel === undefined ? {} : { channel: args.channel }),
    ...(flags.intervalSec === undefined ? {} : { intervalSec: flags.intervalSec }),
    ...(flags.dayStartSec === undefined ? {} : { dayStartSec: flags.dayStartSec }),
    ...(flags.withinSec === undefined ? {} : { slWithinSec: flags.withinSec }),
    maxInputBytes,
  };
}
