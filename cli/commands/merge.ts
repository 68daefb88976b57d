/**
 * `ccsim merge shard-*.jsonl`: the shards of one sweep (any order) → exactly the bytes the
 * unsharded `ccsim sweep … --format F` prints, in every format (same default, same specs).
 * Every shard must have finished (an end record); shards of different sweeps are refused.
 * Exit 3 when the merged sweep has errored tasks, as `ccsim sweep` does.
 */
import type { Argv, CommandModule } from 'yargs';
import { mergeCheckpoints } from '../../workers/merge.js';
import { sweepResult } from '../../workers/outcomes.js';
import { EXIT_INTERNAL } from '../errors.js';
import { sweepOutputOptions, writeSweepReport, type SweepOutputFlags } from '../sweepOutput.js';

interface MergeArgs {
  files: string[];
  format?: string;
  report?: string;
  specs?: string;
}

/** Prints the sweep recorded in `files` (its shards, or one whole sweep's file); exit 3 when tasks errored. */
export async function printMerged(files: readonly string[], flags: SweepOutputFlags): Promise<void> {
  const merged = mergeCheckpoints(files);
  const { result, input } = sweepResult(merged.definition, merged.planned, merged.outcomes);
  await writeSweepReport(result, input, flags);
  const errored = merged.outcomes.ordered().filter((r) => r.state === 'errored').length;
  if (errored > 0) {
    process.stderr.write(`ccsim: ${errored} task${errored > 1 ? 's' : ''} errored (listed under "errors" in the result)\n`);
    process.exitCode = EXIT_INTERNAL;
  }
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <files..>',
  describe: 'Merge the JSONL shards of a sweep into its result',
  builder: (y: Argv) =>
    sweepOutputOptions(y
      .positional('files', { type: 'string', array: true, describe: 'The --out files of every shard (any order)', demandOption: true })) as unknown as Argv<MergeArgs>,
  handler: async (args) => printMerged(args.files, args),
};
