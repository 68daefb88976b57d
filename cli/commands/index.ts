/**
 * Every `ccsim` command, in the order `--help` lists them. Each is loaded only when it is the
 * command being run (its dependencies — zod, the report renderers, the worker pool — cost
 * tenths of a second to import); `ccsim --help` or a misspelt command loads them all.
 *
 * Each command module exports a yargs CommandModule; its handler throws `InputError` for bad
 * input and sets `process.exitCode` for a non-zero success code (e.g. a failed check).
 */
import type { CommandModule } from 'yargs';

type Loader = () => Promise<CommandModule>;

const as = (m: unknown): CommandModule => m as CommandModule;

export const COMMAND_LOADERS: Readonly<Record<string, Loader>> = {
  run: async () => as((await import('./run.js')).runCommand),
  check: async () => as((await import('./check.js')).checkCommand),
  report: async () => as((await import('./report.js')).reportCommand),
  validate: async () => as((await import('./validate.js')).validateCommand),
  erlang: async () => as((await import('./erlang.js')).erlangCommand),
  schema: async () => as((await import('./schema.js')).schemaCommand),
  sweep: async () => as((await import('./sweep.js')).sweepCommand),
  merge: async () => as((await import('./merge.js')).mergeCommand),
  staff: async () => as((await import('./staff.js')).staffCommand),
  schedule: async () => as((await import('./schedule.js')).scheduleCommand),
  calibrate: async () => as((await import('./calibrate.js')).calibrateCommand),
  backtest: async () => as((await import('./backtest.js')).backtestCommand),
};

/** The commands needed to parse `argv`: just the one named, or all of them. */
export async function loadCommands(argv: readonly string[]): Promise<CommandModule[]> {
  const name = argv.find((a) => !a.startsWith('-'));
  const only = name === undefined ? undefined : COMMAND_LOADERS[name];
  if (only) return [await only()];
  return Promise.all(Object.values(COMMAND_LOADERS).map((load) => load()));
}
