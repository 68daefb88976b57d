/**
 * The `ccsim` command line: thin yargs commands that parse, call the library, print and
 * set the exit code (DESIGN §1, §6). Started by cli/main.ts.
 */
import yargs from 'yargs';
import { loadCommands } from './commands/index.js';
import { EXIT_INTERNAL, EXIT_INVALID_INPUT, InputError } from './errors.js';
import { foldScaleIntoSet } from './overrideFlags.js';
import { checkRepeatedFlags } from './repeatedFlags.js';

function reportFailure(err: unknown, verbose: boolean): number {
  if (err instanceof InputError) {
    process.stderr.write(`ccsim: ${err.message}\n`);
    return EXIT_INVALID_INPUT;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`ccsim: internal error: ${message}\n`);
  if (verbose && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('(run with --verbose for the stack)\n');
  return EXIT_INTERNAL;
}

export async function main(argv: readonly string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  const parser = yargs(argv as string[])
    .scriptName('ccsim')
    .option('verbose', { type: 'boolean', default: false, describe: 'Print stacks of internal errors' })
    .strict()
    // Every command: a single-valued flag given twice is a usage error before any work.
    .check((args, options: unknown) => checkRepeatedFlags(args, options), true)
    // `--variant NAME` and `--scale p=f` become `--set` overrides: one list for every command that takes them.
    .middleware(async (args) => {
      if (args.variant !== undefined) (await import('./variantFlag.js')).foldVariantIntoSet(args);
      foldScaleIntoSet(args);
    })
    .demandCommand(1, 'Name a command (see --help).')
    .recommendCommands()
    .help()
    .version()
    // yargs renders the whole help of a command every time it runs one (it caches it for a
    // failure, which our .fail handler never shows); wrapping it is most of that cost (~50 ms of
    // start-up), so text is wrapped only when help is asked for.
    .wrap(argv.includes('--help') ? Math.min(100, process.stdout.columns || 100) : null)
    .exitProcess(false)
    .fail((msg: string | null, err: Error | undefined) => {
      // yargs' own usage errors (unknown flag, missing argument) are input errors: exit 2.
      throw err ?? new InputError(msg ?? 'invalid usage');
    });
  for (const command of await loadCommands(argv)) parser.command(command);
  try {
    await parser.parseAsync();
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return reportFailure(err, verbose);
  }
}
