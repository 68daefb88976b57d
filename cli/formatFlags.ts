/**
 * The output vocabulary every command that prints a result shares (issue 17): `--format F`,
 * and `--json` as its synonym for `--format json`. A command declares both with
 * `formatOptions` and reads the choice with `chosenFormat`; `--json` with another
 * `--format` asks for two outputs at once, a usage error naming both flags.
 *
 * No yargs default is set on `--format`: the command's default applies only when neither
 * flag is given, so `--json` never collides with a default it did not ask for.
 */
import type { Argv } from 'yargs';
import { InputError } from '../engine/errors.js';

export interface FormatArgs {
  json?: boolean | undefined;
  format?: string | undefined;
}

/** Declares `--format` (one of `formats`) and `--json`. */
export function formatOptions<T>(y: Argv<T>, formats: readonly string[], describe: string): Argv<T> {
  return y
    .option('format', { type: 'string', choices: [...formats], describe })
    .option('json', { type: 'boolean', describe: 'Same as --format json' }) as Argv<T>;
}

/**
 * The format asked for: `--json` → json, else `--format` (one of `formats`: yargs checks the
 * choice), else `fallback` (undefined when the command decides later, as a sweep does by its
 * stdout). Checked before any work. `formats` always holds json.
 */
export function chosenFormat<F extends string>(args: FormatArgs, formats: readonly F[], fallback: F): F;
export function chosenFormat<F extends string>(args: FormatArgs, formats: readonly F[], fallback?: F): F | undefined;
export function chosenFormat<F extends string>(args: FormatArgs, formats: readonly F[], fallback?: F): F | undefined {
  const format = args.format as F | undefined;
  if (args.json !== true) return format ?? fallback;
  if (format !== undefined && format !== 'json') {
    throw new InputError(`--json and --format ${format} ask for different outputs: give one of them (--json is --format json)`);
  }
  const json = formats.find((f) => f === 'json');
  if (json === undefined) throw new Error(`chosenFormat: --json on a command without a json format (${formats.join(', ')})`);
  return json;
}
