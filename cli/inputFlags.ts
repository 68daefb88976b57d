/**
 * `--max-input-mb N`, on every command that reads files (issue 18): the largest scenario,
 * forecast CSV or saved result it reads, in megabytes (default 16); checkpoints keep their own
 * larger default (256) unless N is larger. The caps themselves, and why those values, are in
 * scenarios/inputFile.ts and docs/bounds.md.
 */
import type { Argv } from 'yargs';
import { INPUT_LIMITS, maxInputBytesFlag } from '../scenarios/inputFile.js';

export interface InputArgs {
  'max-input-mb'?: number | undefined;
}

const MB = 1024 * 1024;

/** Declares `--max-input-mb`. */
export function inputOptions<T>(y: Argv<T>): Argv<T> {
  return y.option('max-input-mb', {
    type: 'number',
    describe: `Largest input file to read, MB (default ${INPUT_LIMITS.defaultMaxBytes / MB}; checkpoints ${INPUT_LIMITS.checkpointMaxBytes / MB}; at most ${INPUT_LIMITS.maxFlagMb})`,
  }) as Argv<T>;
}

/** The cap in bytes: the flag's, or the default; a usage error naming the flag when out of range. */
export function maxInputBytes(args: InputArgs): number {
  return maxInputBytesFlag(args['max-input-mb']);
}
