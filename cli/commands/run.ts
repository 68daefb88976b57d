/** `ccsim run [FILE]`: simulate a scenario's replications and report them beside Erlang. */
import { SCALE_OPTION, VARIANT_OPTION } from '../overrideFlags.js';
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../../engine/errors.js';
import { SERVICE_LEVEL_DEFINITIONS, type Model, type ServiceLevelDefinition } from '../../engine/model.js';
import { detailNotes, modelForDetail, periodsOf, type IntervalDetail } from '../../analysis/run/intervalDetail.js';
import { detailedRunResult } from '../../analysis/run/detailedResult.js';
import { type RunResult } from '../../analysis/run/result.js';
import { periodKpis, type ReplicationKpis } from '../../analysis/run/replicationKpis.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { loadScenarioFile } from '../../scenarios/load.js';
import { foldReplicationsOnThreads } from '../../workers/replications.js';
import { runThreads, WORKERS_OPTION, workersProblem } from '../workersFlag.js';
import { openIntervalFile } from '../intervalFileOutput.js';
import { DEFAULT_SCENARIO, bundledScenario } from '../paths.js';
import { chosenFormat, formatOptions } from '../formatFlags.js';
import { inputOptions, maxInputBytes, type InputArgs } from '../inputFlags.js';
import { REPORT_FORMATS, writeReport } from '../reportOutput.js';
import { printWarnings } from '../warnings.js';
import { checkRunWork } from '../workChecks.js';
import { traceOptions, traceRequest, type TraceArgs } from '../traceFlags.js';
import { acdReportOptions, acdReportRequest, writeAcdReport, type AcdReportArgs } from '../acdReportFlags.js';
import { chosenIntervalDetail, intervalFlagProblems, intervalOptions, type IntervalArgs } from './intervalFlags.js';

interface RunArgs extends InputArgs, IntervalArgs, TraceArgs, AcdReportArgs {
  file?: string;
  seed?: number;
  replications?: number;
  set?: string[];
  out?: string;
  json?: boolean;
  format?: string;
  specs?: string;
  'sl-definition'?: string;
  workers?: number;
}

/** Upper bound on `--replications`, the same as the scenario file's limit. */
const MAX_REPLICATIONS = 100_000;

export function checkRunFlags(args: Pick<RunArgs, 'seed' | 'replications' | 'sl-definition'> & { workers?: number }): void {
  const problems: string[] = [];
  if (args.seed !== undefined && (!Number.isSafeInteger(args.seed) || args.seed < 0)) {
    problems.push(`--seed: must be a non-negative integer (got ${args.seed})`);
  }
  const reps = args.replications;
  if (reps !== undefined && (!Number.isInteger(reps) || reps < 1 || reps > MAX_REPLICATIONS)) {
    problems.push(`--replications: must be an integer from 1 to ${MAX_REPLICATIONS} (got ${reps})`);
  }
  const def = args['sl-definition'];
  if (def !== undefined && !(SERVICE_LEVEL_DEFINITIONS as readonly string[]).includes(def)) {
    problems.push(`--sl-definition: must be one of ${SERVICE_LEVEL_DEFINITIONS.join(', ')} (got "${def}")`);
  }
  problems.push(...workersProblem(args.workers));
  if (problems.length > 0) throw new InputError(problems);
}

/** The scenario's model with the command line's seed, replications and SL definition applied. */
export function applyRunFlags(model: Model, args: Pick<RunArgs, 'seed' | 'replications' | 'sl-definition'>): Model {
  return {
    ...model,
    seed: args.seed ?? model.seed,
    replications: args.replications ?? model.replications,
    serviceLevelDefinition: (args['sl-definition'] as ServiceLevelDefinition | undefined) ?? model.serviceLevelDefinition,
  };
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run [file]',
  describe: 'Simulate a scenario and report its KPIs beside the Erlang baseline',
  builder: (y: Argv) =>
    acdReportOptions(traceOptions(intervalOptions(inputOptions(formatOptions(y, REPORT_FORMATS, 'Output format: text (default), json, csv (tidy), md, html (self-contained, charts inline)')))
      .positional('file', { type: 'string', describe: `Scenario (YAML or JSON); default: the bundled ${DEFAULT_SCENARIO}` })
      .option('seed', { type: 'number', describe: 'Base seed (default: the scenario\'s)' })
      .option('replications', { alias: 'r', type: 'number', describe: 'Replications (default: the scenario\'s)' })
      .option('set', { type: 'string', array: true, describe: 'Override a field: path=value (repeatable)' })
      .option('scale', SCALE_OPTION)
      .option('variant', VARIANT_OPTION)
      .option('sl-definition', { type: 'string', choices: [...SERVICE_LEVEL_DEFINITIONS], describe: 'Service-level definition' })
      .option('workers', WORKERS_OPTION)
      .option('out', { type: 'string', describe: 'Write the output to FILE instead of stdout' })
      .option('specs', { type: 'string', describe: 'Write the charts\' vega-lite specs to DIR (default with --format html --out F.html: F.vega/)' }))) as unknown as Argv<RunArgs>,
  handler: async (args) => {
    checkRunFlags(args);
    const flagProblems = intervalFlagProblems(args);
    if (flagProblems.length > 0) throw new InputError(flagProblems);
    const format = chosenFormat(args, REPORT_FORMATS, 'text');
    const file = args.file ?? bundledScenario(DEFAULT_SCENARIO);
    const loaded = loadScenarioFile(file, { overrides: args.set ?? [], maxInputBytes: maxInputBytes(args) });
    printWarnings(loaded.warnings);
    const detail = chosenIntervalDetail(args, loaded.model);
    const model = modelForDetail(applyRunFlags(loaded.model, args), detail);
    checkRunWork(model, 'run', detail);
    const trace = traceRequest(args, model);
    const acd = acdReportRequest(args, model);
    if (trace !== undefined) (await import('../../workers/contactTrace.js')).writeTrace(model, model.seed, trace);
    if (acd !== undefined) writeAcdReport(model, model.seed, acd);
    const result = await simulateRun(model, detail, args['interval-file'], runThreads(args.workers, model));
    await writeReport(result, { format, out: args.out, specs: args.specs });
  },
};

/**
 * The model's replications, reported with `detail` per interval (and every interval of each
 * to `intervalFile`). Each replication's counters become its KPIs (and its rows of the file)
 * as it finishes and are then dropped: memory holds one replication's counters at a time, and
 * the KPIs are garbage once the result is built.
 */
async function simulateRun(model: Model, detail: IntervalDetail, intervalFile: string | undefined, threads: number): Promise<RunResult> {
  const periods = periodsOf(model, detail);
  const file = intervalFile === undefined ? null : openIntervalFile(intervalFile, model);
  const fold = (r: ReplicationCounters): ReplicationKpis => {
    file?.file.write(r);
    return periodKpis(model, r, periods);
  };
  // On threads the replications are folded in the same order, so the report is the same to the byte.
  const reps = await foldReplicationsOnThreads(model, model.seed, model.replications, fold, threads);
  file?.close();
  return detailedRunResult(model, model.seed, reps, detail, detailNotes(model, detail));
}
