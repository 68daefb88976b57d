/**
 * `ccsim merge shard-*.jsonl`: the shards of one sweep (any order) → exactly the bytes the
 * unsharded `ccsim sweep … --format F` prints, in every format (same default, same specs).
 * Every shard must have finished (an end record); shards of different sweeps are refused.
 * Exit 3 when the merged sweep has errored tasks, as `ccsim sweep` does.
 */
import type { Argv, CommandModule } from 'yargs';
import { inputCap } from '../../scenarios/inputFile.js';
import { inputOptions, maxInputBytes, type InputArgs } from '../inputFlags.js';
import { printSweepFiles, sweepOutputOptions } from '../sweepOutput.js';

interface MergeArgs extends InputArgs {
  files: string[];
  json?: boolean;
  format?: string;
  report?: string;
  specs?: string;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <files..>',
  describe: 'Merge the JSONL shards of a sweep into its result',
  builder: (y: Argv) =>
    inputOptions(sweepOutputOptions(y
      .positional('files', { type: 'string', array: true, describe: 'The --out files of every shard (any order)', demandOption: true }))) as unknown as Argv<MergeArgs>,
  handler: async (args) => printSweepFiles(args.files, args, inputCap('checkpoint', maxInputBytes(args))),
};
