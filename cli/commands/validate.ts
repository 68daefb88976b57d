/** `ccsim validate FILE [--set path=value]…`: checks a scenario without running it. */
import type { CommandModule } from 'yargs';
import { loadScenarioFile } from '../../scenarios/index.js';
import { inputOptions, maxInputBytes, type InputArgs } from '../inputFlags.js';
import { checkAssertionPaths } from '../../analysis/assertionPaths.js';
import { scenarioAssertions } from '../scenarioAssertions.js';
import { printWarnings } from '../warnings.js';
import { defaultIntervalDetail } from '../../analysis/run/intervalDetail.js';
import { checkRunWork } from '../workChecks.js';
import { SCALE_OPTION, VARIANT_OPTION } from '../overrideFlags.js';
import { variantOverrides } from '../../scenarios/schema/variant.js';
import { InputError } from '../../engine/errors.js';

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
      })
      .option('scale', SCALE_OPTION)
      .option('variant', VARIANT_OPTION),
  handler: (args) => {
    // loadScenarioFile throws InputError listing every problem; cli/main.ts prints it, exit 2.
    const loaded = loadScenarioFile(args.file, { overrides: args.set, maxInputBytes: maxInputBytes(args) });
    const { file, model, warnings } = loaded;
    printWarnings(warnings);
    // What ccsim check and staff would judge: bounds in their units, paths that name a metric.
    checkAssertionPaths(model, scenarioAssertions(loaded));
    // What run would refuse for its size, validate refuses too (with run's default detail per interval).
    checkRunWork(model, `${file}: a run of its ${model.replications} replications`, defaultIntervalDetail(model));
    // Every named variant is validated like the scenario itself (without --variant: each one).
    const variants = args.variant === undefined ? Object.entries(loaded.scenario.variants ?? {}) : [];
    const problems = variants.flatMap(([name, variant]) => variantProblems(args.file, name, [...variantOverrides(variant.set), ...(args.set ?? [])], maxInputBytes(args)));
    if (problems.length > 0) throw new InputError(problems);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const counts = [plural(model.channels.length, 'channel'), plural(model.groups.length, 'group'), plural(model.intervalCount, 'interval')];
    if (variants.length > 0) counts.push(plural(variants.length, 'variant'));
    process.stdout.write(`${file}: ok (${counts.join(', ')})\n`);
  },
};

/** What is wrong with the scenario under one variant's patches, each line naming the variant. */
function variantProblems(file: string, name: string, overrides: readonly string[], maxBytes: number): string[] {
  try {
    const { model } = loadScenarioFile(file, { overrides, maxInputBytes: maxBytes });
    checkRunWork(model, `${file}: a run of its ${model.replications} replications`, defaultIntervalDetail(model));
    return [];
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return err.problems.map((p) => `variant ${name}: ${p}`);
  }
}

// The command registry holds modules of different argument types; yargs' handler types are
// contravariant in them, so the typed module is widened here, where its builder and
// handler are known to agree.
export const validateCommand = validate as unknown as CommandModule;
