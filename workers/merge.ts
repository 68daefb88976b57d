/**
 * `ccsim merge` (and `ccsim report` of a sweep file): the shards of one sweep, in any order,
 * back into one set of outcomes. Each shard's header carries the sweep's whole definition —
 * input files included — so the report is rebuilt from the files alone; and since it is the
 * same function of the same records, it is byte for byte what the unsharded sweep prints.
 *
 * Nothing is trusted unchecked: the headers first (one sweep, each shard once, none missing),
 * then every record of every file, streamed, against its checksum and the shard's plan
 * (workers/shardLedger.ts). A file that fails is refused, naming the file and line.
 */
import { InputError } from '../engine/errors.js';
import { CHECKPOINT_FORMAT } from './checkpoint.js';
import { readCheckpointHeader, scanCheckpoint } from './checkpointReader.js';
import { Outcomes } from './outcomes.js';
import { compilePoints, definitionDifference, type PlannedPoint, type SweepDefinition } from './plan.js';
import { checkSweepHeader, ShardLedger } from './shardLedger.js';

export interface MergedSweep {
  readonly definition: SweepDefinition;
  readonly planned: readonly PlannedPoint[];
  readonly outcomes: Outcomes;
}

interface ShardFile {
  readonly path: string;
  readonly sweepId: string;
  readonly index: number;
  readonly count: number;
  readonly definition: SweepDefinition;
}

async function shardFile(path: string, maxBytes: number | undefined): Promise<ShardFile> {
  const fields = await readCheckpointHeader(path, 'merge', CHECKPOINT_FORMAT, maxBytes);
  const header = checkSweepHeader(path, fields);
  return { path, sweepId: fields.sweepId, index: fields.shard.index, count: fields.shard.count, definition: header.definition };
}

/** The headers agree: one sweep, one shard count, each shard once, none missing (`command` names who asks). */
function checkShardSet(files: readonly ShardFile[], command: string): void {
  const first = files[0] as ShardFile;
  const seen = new Map<number, string>();
  for (const f of files) {
    if (f.sweepId !== first.sweepId) {
      throw new InputError(`${f.path}: belongs to another sweep (sweep id ${f.sweepId}; ${first.path} has ${first.sweepId}): ${definitionDifference(f.definition, first.definition)}`);
    }
    if (f.count !== first.count) throw new InputError(`${f.path}: is shard ${f.index} of ${f.count}, but ${first.path} is one of ${first.count}`);
    const twin = seen.get(f.index);
    if (twin !== undefined) throw new InputError(`${f.path}: shard ${f.index} of ${f.count} is given twice (also ${twin})`);
    seen.set(f.index, f.path);
  }
  const missing = Array.from({ length: first.count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    const hint = command === 'merge' ? '' : `: ${first.path} is one shard of a sharded sweep; render the whole sweep with ccsim merge and every shard's file`;
    throw new InputError(`${command}: shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${first.count} missing${hint}`);
  }
}

/** Reads one shard's records into `outcomes`, checking each against the plan, and the shard as finished. */
async function readShard(f: ShardFile, planned: readonly PlannedPoint[], outcomes: Outcomes, maxBytes: number | undefined): Promise<void> {
  const ledger = new ShardLedger(f.path, f.definition, planned, { index: f.index, count: f.count });
  const scan = await scanCheckpoint(f.path, 'merge', CHECKPOINT_FORMAT, (raw, line) => outcomes.add(ledger.accept(raw, line)), maxBytes === undefined ? {} : { maxBytes });
  if (scan.header.sweepId !== f.sweepId) throw new InputError(`${f.path}:1: the file changed while it was read`);
  if (scan.truncatedLine !== null) {
    throw new InputError(`${f.path}:${scan.truncatedLine}: the last line was cut short (the shard was killed while writing it): finish shard ${f.index} of ${f.count} with the same ccsim sweep command plus --resume`);
  }
  if (scan.end === null) {
    throw new InputError(`${f.path}: shard ${f.index} of ${f.count} did not finish (no end record); finish it with the same ccsim sweep command plus --resume`);
  }
  ledger.checkFinished(scan.end, outcomes);
}

/**
 * `maxBytes`: the cap on each file (`--max-input-mb`; default scenarios/inputFile.ts
 * `inputCap('checkpoint')`); `command`: `merge`, or `report` for one sweep's file.
 */
export async function mergeCheckpoints(paths: readonly string[], maxBytes?: number, command = 'merge'): Promise<MergedSweep> {
  if (paths.length === 0) throw new InputError('merge: name the shard files, e.g. ccsim merge shard-*.jsonl');
  const files: ShardFile[] = [];
  for (const path of paths) files.push(await shardFile(path, maxBytes));
  checkShardSet(files, command);
  const definition = (files[0] as ShardFile).definition;
  const planned = compilePoints(definition);
  const outcomes = new Outcomes(planned, definition.report.intervals);
  for (const f of files) await readShard(f, planned, outcomes, maxBytes);
  return { definition, planned, outcomes };
}
