/**
 * `ccsim sweep FILE`: run every point of a sweep × its replications on a worker pool and
 * print the sweep result (text, JSON, tidy CSV, Markdown or HTML: cli/sweepOutput.ts). See workers/ for the machinery and
 * docs/sharding.md for running shards on several machines.
 *
 * Exit codes: 0; 2 invalid input (before anything runs); 3 when tasks errored (the report is
 * still printed, errors listed in it); 130 when interrupted (SIGINT) — the `--out` file is
 * then resumable with `--resume`.
 */
import { dirname } from 'node:path';
import { SCALE_OPTION, VARIANT_OPTION } from '../overrideFlags.js';
import type { Argv, CommandModule } from 'yargs';
import { SERVICE_LEVEL_DEFINITIONS } from '../../engine/model.js';
import { CHANNEL_METRICS } from '../../analysis/kpi.js';
import { loadScenarioText, scenarioTextWarnings } from '../../scenarios/load.js';
import { sweepResult } from '../../workers/outcomes.js';
import { defaultWorkers } from '../../workers/threads.js';
import { runSweep } from '../../workers/sweep.js';
import { EXIT_INTERNAL } from '../errors.js';
import { inputOptions, maxInputBytes } from '../inputFlags.js';
import { inputCap } from '../../scenarios/inputFile.js';
import { interruptible } from '../interruption.js';
import { LOG_LEVEL_OPTION, stderrLogger } from '../logger.js';
import { progress } from '../progress.js';
import { printWarnings } from '../warnings.js';
import { sweepOutputOptions, writeSweepReport } from '../sweepOutput.js';
import { checkSweepFlags, shardOf, sweepDefinition, type SweepArgs } from './sweepFlags.js';

async function handle(args: SweepArgs): Promise<void> {
  checkSweepFlags(args);
  const logger = stderrLogger(args['log-level']);
  // Files the scenario names (forecasts) are relative to the scenario file, as for ccsim run.
  const scenarioDir = dirname(args.file);
  const cap = maxInputBytes(args);
  const definition = sweepDefinition(args, (text, label) => loadScenarioText(text, label, { overrides: args.set ?? [], baseDir: scenarioDir, maxInputBytes: cap }).model.replications);
  printWarnings(scenarioTextWarnings(definition.scenario.text, definition.scenario.label, args.set));
  const interruption = interruptible('tasks', args.out);
  const bar = progress('sweep', 'tasks');
  try {
    const run = await runSweep({
      definition,
      shard: shardOf(args),
      scenarioDir,
      workers: args.workers ?? defaultWorkers(),
      out: args.out ?? null,
      resume: args.resume,
      signal: interruption.signal,
      logger,
      onProgress: bar.onProgress,
      maxInputBytes: inputCap('checkpoint', cap),
    });
    bar.stop();
    if (run.interrupted) {
      interruption.stopped(`${run.outcomes.size} tasks recorded`);
      return;
    }
    const { result, input } = sweepResult(definition, run.planned, run.outcomes);
    await writeSweepReport(result, input, args);
    if (run.errored > 0) {
      process.stderr.write(`ccsim: ${run.errored} task${run.errored > 1 ? 's' : ''} errored after a retry (listed under "errors" in the result)\n`);
      process.exitCode = EXIT_INTERNAL;
    }
  } finally {
    bar.stop();
    interruption.dispose();
  }
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <file>',
  describe: 'Run a sweep of scenario variants × replications on a worker pool',
  builder: (y: Argv) =>
    inputOptions(sweepOutputOptions(y))
      .positional('file', { type: 'string', describe: 'Scenario (YAML or JSON), optionally with a sweep: block', demandOption: true })
      .option('vary', { type: 'string', array: true, describe: 'Vary a field: path=30..45, path=30..45:5 or path=0.2,0.3 (repeatable: grid)' })
      .option('variants', { type: 'string', describe: 'Run the scenario as written (point "base") and its variants: all, or a comma list of names (crossed with --vary)' })
      .option('set', { type: 'string', array: true, describe: 'Override a field in every point: path=value (repeatable)' })
      .option('scale', SCALE_OPTION)
      .option('variant', VARIANT_OPTION)
      .option('replications', { alias: 'r', type: 'number', describe: 'Replications per point (with --precision: of the first round)' })
      .option('workers', { type: 'number', describe: `Worker threads (0: run in this thread; default ${defaultWorkers()}, the cores)` })
      .option('seed', { type: 'number', describe: 'Base seed (default: the scenario\'s)' })
      .option('crn', { type: 'boolean', default: true, describe: 'Common random numbers across points (--no-crn: a seed per point)' })
      .option('out', { type: 'string', describe: 'Stream every task\'s result to this JSONL file (resumable, mergeable)' })
      .option('resume', { type: 'boolean', default: false, describe: 'Continue the --out file: skip tasks already recorded' })
      .option('shard-index', { type: 'number', describe: 'Run only shard I (0-based) of --shard-count' })
      .option('shard-count', { type: 'number', describe: 'Number of shards the sweep is split into' })
      .option('baseline', { type: 'string', describe: 'Point NAME to take paired differences against' })
      .option('precision', { type: 'number', describe: 'Add replications until the 95% CI half-width of --metric is at most this' })
      .option('metric', { type: 'string', choices: [...CHANNEL_METRICS], describe: 'Metric for --precision' })
      .option('channel', { type: 'string', describe: 'Channel id for --precision (default: the whole center)' })
      .option('max-replications', { type: 'number', describe: 'Cap per point with --precision (default 200)' })
      .option('minimize', { type: 'string', describe: 'Objective: agents or a metric (e.g. overall.asaSec)' })
      .option('maximize', { type: 'string', describe: 'Objective: a metric to maximize' })
      .option('subject-to', { type: 'string', array: true, describe: 'Constraint met with 95% confidence, e.g. channels.voice.serviceLevel>=0.8' })
      .option('intervals', { type: 'boolean', default: false, describe: 'Include every point\'s per-interval results' })
      .option('sl-definition', { type: 'string', choices: [...SERVICE_LEVEL_DEFINITIONS], describe: 'Service-level definition' })
      .option('log-level', LOG_LEVEL_OPTION) as unknown as Argv<SweepArgs>,
  handler: handle,
};
