/** Every `ccsim` command, in the order `--help` lists them. */
import type { CommandModule } from 'yargs';
import { erlangCommand } from './erlang.js';
import { runCommand } from './run.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';

// Each command module exports a yargs CommandModule; its handler throws `InputError` for
// bad input and sets `process.exitCode` for a non-zero success code (e.g. a failed check).
export const commands: CommandModule[] = [runCommand as unknown as CommandModule, validateCommand, erlangCommand, schemaCommand];
