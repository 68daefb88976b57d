/**
 * `ccsim merge`: the shards of one sweep, in any order, back into one set of outcomes. Each
 * shard's header carries the sweep's whole definition, so the report is rebuilt from the
 * files alone — and, since it is the same function of the same records, it is byte for
 * byte what the unsharded sweep prints.
 */
import { InputError } from '../engine/errors.js';
import { readCheckpoint, type CheckpointContents } from './checkpoint.js';
import { Outcomes } from './outcomes.js';
import { compilePoints, type PlannedPoint, type SweepDefinition } from './plan.js';

export interface MergedSweep {
  readonly definition: SweepDefinition;
  readonly planned: readonly PlannedPoint[];
  readonly outcomes: Outcomes;
}

export function mergeCheckpoints(paths: readonly string[]): MergedSweep {
  if (paths.length === 0) throw new InputError('merge: name the shard files, e.g. ccsim merge shard-*.jsonl');
  const files = paths.map((path): [string, CheckpointContents] => [path, readCheckpoint(path, 'merge')]);
  const [firstPath, first] = files[0] as [string, CheckpointContents];
  const { sweepId, shard: { count } } = first.header;
  const seen = new Map<number, string>();
  for (const [path, c] of files) {
    const h = c.header;
    if (h.sweepId !== sweepId) {
      throw new InputError(`${path}: belongs to another sweep (sweep id ${h.sweepId}; ${firstPath} has ${sweepId}): the scenario, points, seed or options differ`);
    }
    if (h.shard.count !== count) throw new InputError(`${path}: is shard ${h.shard.index} of ${h.shard.count}, but ${firstPath} is one of ${count}`);
    const twin = seen.get(h.shard.index);
    if (twin !== undefined) throw new InputError(`${path}: shard ${h.shard.index} of ${count} is given twice (also ${twin})`);
    seen.set(h.shard.index, path);
    if (c.end === null) {
      throw new InputError(`${path}: shard ${h.shard.index} of ${count} did not finish (no end record); finish it with the same ccsim sweep command plus --resume`);
    }
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new InputError(`merge: shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing`);
  const outcomes = new Outcomes();
  for (const [, c] of files) for (const record of c.tasks) outcomes.add(record);
  const definition = first.header.definition;
  return { definition, planned: compilePoints(definition), outcomes };
}
