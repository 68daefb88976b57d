/**
 * `ccsim check FILE`: the CI gate. Runs the scenario and judges each assertion — the file's
 * `assert:` block, then every `--assert` — on its 95% CI (analysis/assertions.ts). Prints one
 * line per assertion and a summary; `--junit FILE` writes JUnit XML, `--result FILE` the run's
 * JSON (for `ccsim report`). Exit 0 when all pass, 1 when any fails, 2 on bad input
 * (including no assertions at all, or a path that names nothing).
 */
import { SCALE_OPTION, VARIANT_OPTION } from '../overrideFlags.js';
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../../engine/errors.js';
import { SERVICE_LEVEL_DEFINITIONS } from '../../engine/model.js';
import { checkAssertionPaths } from '../../analysis/assertionPaths.js';
import { evaluateAssertions, type CheckMode } from '../../analysis/assertions.js';
import { outcomeLine } from '../../reports/run/check.js';
import { renderJunit } from '../../reports/run/junit.js';
import { processColourContext, palette, wantsColour } from '../../reports/palette.js';
import { normalizeResult, resultJson } from '../../reports/run/render.js';
import { buildRunResult } from '../../analysis/run/result.js';
import { loadScenarioFile } from '../../scenarios/load.js';
import { foldReplicationsOnThreads } from '../../workers/replications.js';
import { runThreads, WORKERS_OPTION } from '../workersFlag.js';
import { EXIT_CHECK_FAILED } from '../errors.js';
import { writeFileAtomic } from '../../workers/fileWrites.js';
import { inputOptions, maxInputBytes, type InputArgs } from '../inputFlags.js';
import { flagAssertions, scenarioAssertions } from '../scenarioAssertions.js';
import { printWarnings } from '../warnings.js';
import { checkRunWork } from '../workChecks.js';
import { applyRunFlags, checkRunFlags } from './run.js';

interface CheckArgs extends InputArgs {
  file: string;
  assert?: string[];
  junit?: string;
  result?: string;
  strict?: boolean;
  lenient?: boolean;
  seed?: number;
  replications?: number;
  set?: string[];
  'sl-definition'?: string;
  workers?: number;
}

function modeOf(args: CheckArgs): CheckMode {
  if (args.strict && args.lenient) throw new InputError('--strict and --lenient: give one of them (default --strict)');
  return args.lenient ? 'lenient' : 'strict';
}

/** Written whole or not at all (workers/fileWrites.ts). */
function writeFile(flag: string, path: string, text: string): void {
  writeFileAtomic(path, text, flag);
  process.stderr.write(`ccsim: wrote ${path}\n`);
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check <file>',
  describe: 'Run a scenario and judge its assertions on the 95% CI (exit 1 if any fails)',
  builder: (y: Argv) =>
    inputOptions(y)
      .positional('file', { type: 'string', describe: 'Scenario with an assert: block (YAML or JSON)' })
      .option('assert', { type: 'string', array: true, describe: 'An assertion, e.g. "channels.voice.serviceLevel >= 0.8" (repeatable; added to the file\'s)' })
      .option('junit', { type: 'string', describe: 'Write JUnit XML to FILE (one testcase per assertion)' })
      .option('result', { type: 'string', describe: 'Write the run result JSON to FILE (render it later with ccsim report)' })
      .option('strict', { type: 'boolean', describe: 'A CI straddling the bound fails (default)' })
      .option('lenient', { type: 'boolean', describe: 'A CI straddling the bound passes' })
      .option('seed', { type: 'number', describe: 'Base seed (default: the scenario\'s)' })
      .option('replications', { alias: 'r', type: 'number', describe: 'Replications (default: the scenario\'s)' })
      .option('set', { type: 'string', array: true, describe: 'Override a field: path=value (repeatable)' })
      .option('scale', SCALE_OPTION)
      .option('variant', VARIANT_OPTION)
      .option('sl-definition', { type: 'string', choices: [...SERVICE_LEVEL_DEFINITIONS], describe: 'Service-level definition' })
      .option('workers', WORKERS_OPTION) as unknown as Argv<CheckArgs>,
  handler: async (args) => {
    checkRunFlags(args);
    const mode = modeOf(args);
    // Syntax errors in --assert are reported before anything runs.
    const flagged = flagAssertions(args.assert ?? []);
    const loaded = loadScenarioFile(args.file, { overrides: args.set ?? [], maxInputBytes: maxInputBytes(args) });
    printWarnings(loaded.warnings);
    const placed = [...scenarioAssertions(loaded), ...flagged];
    if (placed.length === 0) {
      throw new InputError(`${args.file}: nothing to check: add an assert: block to the scenario or pass --assert "channels.ID.serviceLevel >= 0.8"`);
    }
    const model = applyRunFlags(loaded.model, args);
    // Every path names a metric of this model's runs, or nothing is simulated.
    checkAssertionPaths(model, placed);
    checkRunWork(model, 'check');
    const assertions = placed.map((p) => p.assertion);
    const counters = await foldReplicationsOnThreads(model, model.seed, model.replications, (r) => r, runThreads(args.workers, model));
    const result = normalizeResult(buildRunResult(model, model.seed, counters));
    const outcomes = evaluateAssertions(result, assertions, mode);
    const p = palette(wantsColour(processColourContext(false)));
    const lines = outcomes.map((o) => {
      const line = outcomeLine(o);
      return o.passed ? `${p.green(line.slice(0, 4))}${line.slice(4)}` : `${p.red(line.slice(0, 4))}${line.slice(4)}`;
    });
    const failed = outcomes.filter((o) => !o.passed).length;
    lines.push(`${outcomes.length - failed} passed, ${failed} failed (${result.scenario}, ${result.replications} replications, seed ${result.seed}, --${mode})`);
    process.stdout.write(`${lines.join('\n')}\n`);
    if (args.junit !== undefined) writeFile('--junit', args.junit, renderJunit(result, outcomes, { file: args.file, mode }));
    if (args.result !== undefined) writeFile('--result', args.result, resultJson(result));
    if (failed > 0) process.exitCode = EXIT_CHECK_FAILED;
  },
};
