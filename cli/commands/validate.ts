/** `ccsim validate FILE [--set path=value]…`: checks a scenario without running it. */
import type { CommandModule } from 'yargs';
import { loadScenarioFile } from '../../scenarios/index.js';
import { inputOptions, maxInputBytes, type InputArgs } from '../inputFlags.js';
import { checkAssertionPaths } from '../../reports/assertionPaths.js';
import { scenarioAssertions } from '../scenarioAssertions.js';
import { printWarnings } from '../warnings.js';
import { defaultIntervalDetail } from '../../reports/intervalDetail.js';
import { checkRunWork } from '../workChecks.js';

interface ValidateArgs extends InputArgs {
  readonly file: string;
  readonly set: readonly string[];
}

const validate: CommandModule<object, ValidateArgs> = {
  command: 'validate <file>',
  describe: 'Check a scenario file and report every mistake (exit 2 if any)',
  builder: (yargs) =>
    inputOptions(yargs)
      .positional('file', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON)' })
      .option('set', {
        type: 'string',
        array: true,
        default: [] as string[],
        describe: 'Override a field before validating, e.g. --set agents[0].count=36',
      }),
  handler: (args) => {
    // loadScenarioFile throws InputError listing every problem; cli/main.ts prints it, exit 2.
    const loaded = loadScenarioFile(args.file, { overrides: args.set, maxInputBytes: maxInputBytes(args) });
    const { file, model, warnings } = loaded;
    printWarnings(warnings);
    // What ccsim check and staff would judge: bounds in their units, paths that name a metric.
    checkAssertionPaths(model, scenarioAssertions(loaded));
    // What run would refuse for its size, validate refuses too (with run's default detail per interval).
    checkRunWork(model, `${file}: a run of its ${model.replications} replications`, defaultIntervalDetail(model));
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const counts = [plural(model.channels.length, 'channel'), plural(model.groups.length, 'group'), plural(model.intervalCount, 'interval')];
    process.stdout.write(`${file}: ok (${counts.join(', ')})\n`);
  },
};

// The command registry holds modules of different argument types; yargs' handler types are
// contravariant in them, so the typed module is widened here, where its builder and
// handler are known to agree.
export const validateCommand = validate as unknown as CommandModule;
