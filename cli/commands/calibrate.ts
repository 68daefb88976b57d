/**
 * `ccsim calibrate REPORT.csv`: a scenario from an ACD interval report (issue 14 goal 4) —
 * arrivals, AHT and staffing per interval as reported, patience fitted by Erlang A (pooled
 * maximum likelihood, 95% interval, the abandonment–waiting relation as a check), warnings
 * where the report cannot identify it. See README "From an ACD report" and docs/calibration.md.
 *
 * Output: the scenario YAML to `--out` (then the fit summary on stdout) or to stdout (then the
 * summary on stderr); `--json` makes the summary JSON, and without `--out` puts the YAML in it
 * as `scenario`; `--format csv` gives one row per channel and interval (with `--out`).
 * Exit 0, or 2 for a bad report or flag (every mistake listed).
 */
import type { CommandModule } from 'yargs';
import { calibrateChannel } from '../../analysis/calibration/channelCalibration.js';
import { fitCallRecords } from '../../analysis/fit/callRecordsFit.js';
import { readCallRecords, type CallRecordsOptions } from '../../scenarios/callRecords.js';
import { InputError } from '../../engine/errors.js';
import { CHANNEL_KINDS, type ChannelKind } from '../../engine/model.js';
import { calibrationJson, renderCalibrationCsv, renderCalibrationText } from '../../reports/calibration/summary.js';
import { abandons, calibratedScenarioYaml, scenarioIdOf, valuesPerInterval, type CalibratedChannel, type CalibratedScenarioInput } from '../../scenarios/calibratedScenario.js';
import { SCENARIO_LIMITS } from '../../scenarios/limits.js';
import { formatDate } from '../../scenarios/dateTime.js';
import { readIntervalReport, type IntervalReport } from '../../scenarios/intervalReport.js';
import { didYouMean } from '../../scenarios/suggestion.js';
import { chosenFormat, formatOptions } from '../formatFlags.js';
import { inputOptions, maxInputBytes } from '../inputFlags.js';
import { emit, toJson } from '../output.js';
import { readerOptions, reportFlagOptions } from '../reportFlags.js';
import { CALIBRATE_FORMATS, readCalibrateFlags, type CalibrateArgs, type CalibrateFlags } from './calibrateFlags.js';
import { DAY_SEC } from '../../engine/time.js';
import { CONCURRENT_KINDS } from '../../engine/defaults.js';

/**
 * The date the file says it was written: SOURCE_DATE_EPOCH when set (the reproducible-builds
 * convention, so that one report gives the same bytes in a test or a pipeline), else today (UTC).
 */
function writtenOn(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const ms = process.env.SOURCE_DATE_EPOCH !== undefined && Number.isFinite(epoch) ? epoch * 1000 : Date.now();
  return formatDate(Math.floor(ms / (DAY_SEC * 1000)));
}

/** A report channel's kind: `--kind`, else its name when that is a kind (`chat`), else voice. */
function kindOf(name: string, flags: CalibrateFlags): ChannelKind {
  const named = flags.kinds.get(name);
  if (named !== undefined) return named;
  const lower = name.toLowerCase();
  return (CHANNEL_KINDS as readonly string[]).includes(lower) ? (lower as ChannelKind) : 'voice';
}

function readReport(args: CalibrateArgs, flags: CalibrateFlags): { report: IntervalReport; warnings: string[] } {
  const read = readIntervalReport(args.report, readerOptions(args, flags, maxInputBytes(args)));
  if (!read.ok) throw new InputError(read.problems);
  const named = [...[...flags.kinds.keys()].map((name) => ['--kind', name]), ...[...flags.concurrency.keys()].map((name) => ['--concurrency', name])];
  const unknown = named.filter(([, name]) => !read.report.channels.includes(name ?? ''));
  if (unknown.length > 0) {
    throw new InputError(
      unknown.map(([flag, name = '']) => {
        const hint = didYouMean(name, read.report.channels);
        return `${flag}: "${name}" is not a channel of ${args.report} (its channels: ${read.report.channels.join(', ')})${hint === undefined ? '' : ` ${hint}`}`;
      }),
    );
  }
  const single = [...flags.concurrency.keys()].filter((name) => !['chat', 'messaging'].includes(kindOf(name, flags)));
  if (single.length > 0) {
    throw new InputError(single.map((name) => `--concurrency: "${name}" is a ${kindOf(name, flags)} channel, whose agents hold one contact at a time; concurrency is for chat and messaging (say its kind with --kind "${name}=chat")`));
  }
  return read;
}

/**
 * A report too long for one scenario: its per-interval lists would pass the document's cap on
 * values (scenarios/limits.ts), and `validate` would refuse the file written.
 */
function sizeProblems(report: IntervalReport): string[] {
  const values = report.intervalCount * valuesPerInterval(report.channels.length);
  if (values + 100 <= SCENARIO_LIMITS.maxDocumentNodes) return [];
  return [`${report.file}: ${report.intervalCount.toLocaleString('en-US')} intervals × ${report.channels.length} channel${report.channels.length === 1 ? '' : 's'} would write ${values.toLocaleString('en-US')} per-interval values; a scenario holds at most ${SCENARIO_LIMITS.maxDocumentNodes.toLocaleString('en-US')}: calibrate a shorter span at a time (a week or a month)`];
}

/** What a scenario cannot be written without: staffing and a handle time for every channel. */
function missingFigures(report: IntervalReport, channels: readonly CalibratedChannel[]): string[] {
  const problems: string[] = [];
  for (const c of channels) {
    if (c.calibration.staffing === undefined) problems.push(`${report.file}: channel "${c.name}" has no staffed figure in any interval; calibrate writes the staffing per interval from it (map the column with --columns staffed="…")`);
    if (c.calibration.handleMeanSec === undefined) problems.push(`${report.file}: channel "${c.name}" has no AHT in any interval; calibrate needs the handle time (map the column with --columns aht="…")`);
  }
  return problems;
}

/**
 * The channels with their call records' fits. Records are matched to report channels by name;
 * records without a channel column belong to a one-channel report's channel. Records of a
 * channel the report does not have are named in a warning, not fitted into anything.
 */
function withCallFits(channels: readonly CalibratedChannel[], path: string, flags: CalibrateFlags, maxBytes: number, warnings: string[]): CalibratedChannel[] {
  const read = readCallRecords(path, { columns: flags.callColumns as CallRecordsOptions['columns'], maxBytes });
  const fits = fitCallRecords(read.records);
  const unnamed = fits.find((f) => f.channel === null);
  if (unnamed !== undefined && channels.length > 1) {
    throw new InputError(`--calls ${path}: has no channel column, and the report has ${channels.length} channels (${channels.map((c) => c.name).join(', ')}); add a channel column or map one with --calls-columns channel="…"`);
  }
  for (const f of fits) {
    if (f.channel !== null && !channels.some((c) => c.name === f.channel)) warnings.push(`--calls ${path}: ${f.calls} calls of channel "${f.channel}", which the report does not have, are left out`);
  }
  return channels.map((c) => {
    const fit = fits.find((f) => f.channel === c.name) ?? (channels.length === 1 ? unnamed : undefined);
    if (fit === undefined) return c;
    return { ...c, calls: fit, calibration: { ...c.calibration, warnings: [...c.calibration.warnings, ...fit.warnings.map((w) => `call records: ${w}`)] } };
  });
}

export function calibrate(args: CalibrateArgs, flags: CalibrateFlags): CalibratedScenarioInput {
  const { report, warnings } = readReport(args, flags);
  const tooLong = sizeProblems(report);
  if (tooLong.length > 0) throw new InputError(tooLong);
  const taken = new Set<string>();
  const channels = report.channels.map((name): CalibratedChannel => {
    const id = scenarioIdOf(name, taken);
    taken.add(id);
    const kind = kindOf(name, flags);
    const rows = report.byChannel.get(name) ?? [];
    const sessions = flags.concurrency.get(name);
    const calibration = calibrateChannel(rows, report.intervalSec, abandons(kind), sessions ?? 1);
    // A chat agent in several sessions is several servers: without the count the fit reads the
    // sessions' load against too few servers and finds too little patience.
    const unsaid = sessions === undefined && CONCURRENT_KINDS.includes(kind)
      ? [`each staffed agent is taken as one session; if ${kind} agents hold several at once, give --concurrency "${name}=N"`]
      : [];
    const withSessions = { ...calibration, warnings: [...unsaid, ...calibration.warnings] };
    return { name, id, kind, calibration: withSessions, ...(sessions === undefined ? {} : { concurrency: sessions }) };
  });
  const problems = missingFigures(report, channels);
  if (problems.length > 0) throw new InputError(problems);
  // Call records: their maximum-likelihood handle family replaces the lognormal with an assumed
  // cv, and their censored patience fit the Erlang A one, channel by channel (docs/calibration.md).
  const withCalls = args.calls === undefined ? channels : withCallFits(channels, args.calls, flags, maxInputBytes(args), warnings);
  return { report, channels: withCalls, handleCv: flags.handleCv, targetWithinSec: flags.withinSec, writtenOn: writtenOn(), reportWarnings: warnings };
}

const calibrate_: CommandModule<object, CalibrateArgs> = {
  command: 'calibrate <report>',
  describe: 'Write a scenario from an ACD interval report: arrivals, AHT and staffing per interval, patience fitted (Erlang A)',
  builder: (yargs) =>
    reportFlagOptions(inputOptions(formatOptions(yargs, CALIBRATE_FORMATS, 'Format of the fit summary (default text)')))
      .positional('report', { type: 'string', demandOption: true, describe: 'Interval report CSV (interval_start, channel, offered, answered, abandoned, aht, asa, staffed…)' })
      .option('out', { type: 'string', describe: 'Write the scenario YAML here (default: stdout, the summary then on stderr)' })
      // calibrate's T is also every channel's target in the scenario it writes.
      .option('within', { type: 'string', describe: 'Service-level threshold T: of answered_within / service_level, and every channel\'s target (default: by kind)' })
      .option('kind', { type: 'string', array: true, describe: 'Channel kind by report channel name: "Web Chat=chat" (default: the name if a kind, else voice)' })
      .option('concurrency', { type: 'string', array: true, describe: 'Sessions a chat agent holds at once, by report channel name: "Web Chat=2" (servers = staffed × N in the fit; written as concurrency)' })
      .option('handle-cv', { type: 'number', describe: `Coefficient of variation of the lognormal handle time (default 1)` })
      .option('calls', { type: 'string', describe: 'Call records (one row per call, or a ccsim --trace CSV): handle family by maximum likelihood and patience with answered calls censored, replacing the report\'s' })
      .option('calls-columns', { type: 'string', array: true, describe: 'Map call-record columns to the export\'s headers: wait_sec="Queue Time",outcome=Result' }),
  handler: (args) => {
    const format = chosenFormat(args, CALIBRATE_FORMATS, 'text');
    const { flags, problems } = readCalibrateFlags(args, maxInputBytes(args));
    // A machine-read summary owns stdout: JSON carries the YAML as `scenario`; a CSV cannot.
    if (format === 'csv' && args.out === undefined) problems.push('--format csv: the CSV takes stdout, so the scenario needs a file of its own: add --out FILE.yaml');
    if (problems.length > 0) throw new InputError(problems);
    const input = calibrate(args, flags);
    const yaml = calibratedScenarioYaml(input);
    const summary = {
      json: () => toJson({ ...calibrationJson(input), ...(args.out === undefined ? { scenario: yaml } : {}) }),
      csv: () => renderCalibrationCsv(input),
      text: () => renderCalibrationText(input),
    }[format]();
    if (args.out !== undefined) {
      emit(yaml, args.out);
      process.stdout.write(summary);
    } else if (format === 'json') {
      process.stdout.write(summary);
    } else {
      process.stdout.write(yaml);
      process.stderr.write(summary);
    }
  },
};

// The registry holds modules of different argument types (see validate.ts).
export const calibrateCommand = calibrate_ as unknown as CommandModule;
