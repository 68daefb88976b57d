/**
 * `ccsim backtest REPORT --scenario S` (issue 14, goal 5): does the scenario reproduce the
 * service of a historical day? Each interval of the ACD report is simulated with what arrived
 * and who was staffed (workers/backtest/), and its predicted service level, ASA and abandon
 * share — median and prediction band over replications — are printed beside the actual, with
 * the coverage, mean absolute error and bias per channel and metric.
 *
 * Exit codes: 0 done; 1 a metric's coverage below `--min-coverage` (for CI); 2 invalid input
 * (flags, the report, the scenario, or the two mismatched — a channel missing, the interval
 * length different); 3 internal error.
 */
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../../engine/errors.js';
import { renderBacktestCsv } from '../../reports/backtest/csv.js';
import { renderBacktestHtml } from '../../reports/backtest/html.js';
import { renderBacktestText } from '../../reports/backtest/text.js';
import { pct } from '../../reports/format.js';
import { processColourContext, wantsColour } from '../../reports/palette.js';
import { readIntervalReport } from '../../scenarios/intervalReport.js';
import { loadScenarioFile } from '../../scenarios/load.js';
import { minimumDraws } from '../../analysis/backtest/predictionBand.js';
import { BACKTEST_SL_DEFINITIONS, type BacktestResult, type BacktestSlDefinition } from '../../analysis/backtest/result.js';
import { backtestModel, backtestOn } from '../../workers/backtest/backtest.js';
import { EXIT_CHECK_FAILED } from '../errors.js';
import { chosenFormat, formatOptions } from '../formatFlags.js';
import { inputOptions, maxInputBytes, type InputArgs } from '../inputFlags.js';
import { emit, toJson } from '../output.js';
import { SCALE_OPTION } from '../overrideFlags.js';
import { reportFlagOptions, reportOptions, type ReportFlagArgs } from '../reportFlags.js';
import { printWarnings } from '../warnings.js';
import { checkRunWork } from '../workChecks.js';
import { shareFlag } from './staffFlags.js';

export const BACKTEST_FORMATS = ['text', 'json', 'csv', 'html'] as const;
type BacktestFormat = (typeof BACKTEST_FORMATS)[number];

interface BacktestArgs extends InputArgs, ReportFlagArgs {
  scenario?: string;
  replications?: number;
  level?: string;
  seed?: number;
  set?: string[];
  'sl-definition'?: string;
  'min-coverage'?: string;
  out?: string;
  json?: boolean;
  format?: string;
}

const DEFAULT_REPLICATIONS = 50;
const DEFAULT_LEVEL = 0.9;
const MAX_REPLICATIONS = 10_000;

interface Settings {
  readonly scenario: string;
  readonly replications: number;
  readonly level: number;
  readonly minCoverage: number | null;
}

/** Every flag checked before anything is read or run; all mistakes at once. */
function settings(args: BacktestArgs): Settings {
  const problems: string[] = [];
  if (args.scenario === undefined || args.scenario.trim() === '') problems.push('--scenario: required: the scenario (YAML or JSON) to back-test');
  let level = DEFAULT_LEVEL;
  if (args.level !== undefined) {
    const x = shareFlag('level', args.level, problems);
    if (x !== null && x >= 1) problems.push(`--level: must be below 1, e.g. 0.9 or 90% (got "${args.level}")`);
    else if (x !== null) level = x;
  }
  const replications = args.replications ?? DEFAULT_REPLICATIONS;
  const fewest = minimumDraws(level);
  if (!Number.isInteger(replications) || replications < fewest || replications > MAX_REPLICATIONS) {
    problems.push(`--replications: must be an integer from ${fewest} (the fewest that give a ${pct(level, 0)} band) to ${MAX_REPLICATIONS} (got ${args.replications})`);
  }
  if (args.seed !== undefined && (!Number.isSafeInteger(args.seed) || args.seed < 0)) problems.push(`--seed: must be a non-negative integer (got ${args.seed})`);
  const minCoverage = shareFlag('min-coverage', args['min-coverage'], problems);
  if (problems.length > 0) throw new InputError(problems);
  return { scenario: args.scenario as string, replications, level, minCoverage };
}

async function render(r: BacktestResult, format: BacktestFormat, colour: boolean): Promise<string> {
  switch (format) {
    case 'json': return toJson(r);
    case 'csv': return renderBacktestCsv(r);
    case 'html': return renderBacktestHtml(r);
    case 'text': return renderBacktestText(r, { colour });
  }
}

/** The metrics whose coverage falls below the floor, one line each. */
export function coverageFailures(r: BacktestResult, floor: number): string[] {
  return r.summary
    .filter((s) => s.coverage !== null && s.coverage < floor)
    .map((s) => `ccsim: ${s.channel} ${s.metric}: coverage ${pct(s.coverage)} (${s.inside} of ${s.scored} intervals) is below --min-coverage ${pct(floor)}`);
}

async function handle(args: BacktestArgs): Promise<void> {
  const s = settings(args);
  const format = chosenFormat(args, BACKTEST_FORMATS, 'text');
  const bytes = maxInputBytes(args);
  const options = reportOptions(args, bytes);
  const loaded = loadScenarioFile(s.scenario, { overrides: args.set ?? [], maxInputBytes: bytes });
  printWarnings(loaded.warnings);
  // Without --within, the report's T is the scenario's, when its channels agree on one.
  const targets = [...new Set(loaded.model.channels.map((c) => c.targetSec))];
  const within = options.slWithinSec ?? (targets.length === 1 ? targets[0] : undefined);
  const read = readIntervalReport(args.report, within === undefined ? options : { ...options, slWithinSec: within });
  if (!read.ok) throw new InputError(read.problems);
  printWarnings(read.warnings);
  const slDefinition = (args['sl-definition'] as BacktestSlDefinition | undefined) ?? 'offered';
  const history = backtestModel(loaded.model, read.report, slDefinition);
  // The same bounds as `run` on the replications asked for (contacts, memory), before any runs.
  checkRunWork({ ...history.model, replications: s.replications }, 'backtest');
  const result = backtestOn(history, loaded.model.name, read.report, { seed: args.seed ?? loaded.model.seed, replications: s.replications, level: s.level, slDefinition });
  emit(await render(result, format, wantsColour(processColourContext(args.out !== undefined))), args.out);
  if (s.minCoverage !== null) {
    const failures = coverageFailures(result, s.minCoverage);
    for (const line of failures) process.stderr.write(`${line}\n`);
    if (failures.length > 0) process.exitCode = EXIT_CHECK_FAILED;
  }
}

export const backtestCommand: CommandModule<object, BacktestArgs> = {
  command: 'backtest <report>',
  describe: 'Replay a historical ACD interval report through a scenario: predicted SL, ASA and abandonment per interval against actual, with coverage (exit 1 below --min-coverage)',
  builder: (y: Argv) =>
    reportFlagOptions(inputOptions(formatOptions(y, BACKTEST_FORMATS, 'Output format: text (default), json, csv (tidy), html (charts)')))
      .positional('report', { type: 'string', describe: 'ACD interval report (CSV)', demandOption: true })
      .option('scenario', { type: 'string', describe: 'Scenario whose customers and agents are judged (YAML or JSON)' })
      .option('replications', { alias: 'r', type: 'number', describe: `Replications (default ${DEFAULT_REPLICATIONS})` })
      .option('level', { type: 'string', describe: `Probability of the prediction band (default ${DEFAULT_LEVEL})` })
      .option('seed', { type: 'number', describe: 'Base seed (default: the scenario\'s)' })
      .option('set', { type: 'string', array: true, describe: 'Override a scenario field: path=value (repeatable)' })
      .option('scale', SCALE_OPTION)
      .option('sl-definition', { type: 'string', choices: [...BACKTEST_SL_DEFINITIONS], describe: 'Service level as answered within T ÷ offered (default) or ÷ answered' })
      .option('min-coverage', { type: 'string', describe: 'Exit 1 when a metric\'s coverage is below this share (e.g. 0.8)' })
      .option('out', { type: 'string', describe: 'Write the output to FILE instead of stdout' }) as unknown as Argv<BacktestArgs>,
  handler: handle,
};
