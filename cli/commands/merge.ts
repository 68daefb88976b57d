/**
 * `ccsim merge shard-*.jsonl`: the shards of one sweep (any order) → exactly the bytes the
 * unsharded `ccsim sweep … --format F` prints. Every shard must have finished (an end
 * record); shards of different sweeps are refused. Exit 3 when the merged sweep has
 * errored tasks, as `ccsim sweep` does.
 */
import type { Argv, CommandModule } from 'yargs';
import { mergeCheckpoints } from '../../workers/merge.js';
import { renderSweep, SWEEP_FORMATS, type SweepFormat } from '../../workers/outcomes.js';
import { EXIT_INTERNAL } from '../errors.js';
import { emit } from '../output.js';

interface MergeArgs {
  files: string[];
  format: string;
  report?: string;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <files..>',
  describe: 'Merge the JSONL shards of a sweep into its result',
  builder: (y: Argv) =>
    y
      .positional('files', { type: 'string', array: true, describe: 'The --out files of every shard (any order)', demandOption: true })
      .option('format', { type: 'string', choices: [...SWEEP_FORMATS], default: 'json', describe: 'Result format' })
      .option('report', { type: 'string', describe: 'Write the result to FILE instead of stdout' }) as unknown as Argv<MergeArgs>,
  handler: (args) => {
    const merged = mergeCheckpoints(args.files);
    emit(renderSweep(merged.definition, merged.planned, merged.outcomes, args.format as SweepFormat), args.report);
    const errored = merged.outcomes.ordered().filter((r) => r.state === 'errored').length;
    if (errored > 0) {
      process.stderr.write(`ccsim: ${errored} task${errored > 1 ? 's' : ''} errored (listed under "errors" in the result)\n`);
      process.exitCode = EXIT_INTERNAL;
    }
  },
};
