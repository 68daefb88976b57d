/**
 * Opening a sweep's `--out` file: afresh, or — `--resume` — continuing the file of this very
 * sweep and shard. The lock is taken first (a second writer is refused, naming the first);
 * a resumed file is streamed once: each record is checked (checksum, plan, duplicates:
 * workers/shardLedger.ts), each completed one kept — its counters in the outcomes, its line
 * copied to the new file begun aside — and errored ones dropped to run again. A last line cut
 * short by a crash, or a damaged line anywhere (not JSON, its checksum broken), is named and
 * left out of the new file; its task runs again. Another sweep's file, another shard's, or
 * an older format's is refused with a message, never silently discarded.
 */
import { existsSync } from 'node:fs';
import { InputError } from '../engine/errors.js';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, recordLine, type HeaderRecord } from './checkpoint.js';
import { readCheckpointHeader, scanCheckpoint } from './checkpointReader.js';
import { CheckpointWriter } from './checkpointWriter.js';
import type { Outcomes } from './outcomes.js';
import { acquireOutLock } from './outLock.js';
import { definitionDifference, definitionHash, shardPlan, type PlannedPoint } from './plan.js';
import { checkSweepHeader, ShardLedger } from './shardLedger.js';
import type { SweepOptions } from './sweep.js';

function headerOf(o: SweepOptions): HeaderRecord {
  const def = o.definition;
  return { type: 'header', format: CHECKPOINT_FORMAT, version: CHECKPOINT_VERSION, sweepId: definitionHash(def), shard: o.shard, plan: shardPlan(def, o.shard), definition: def };
}

/** The file is this sweep's and this shard's, or a refusal saying whose it is. */
async function checkResumable(o: SweepOptions, out: string, head: HeaderRecord): Promise<void> {
  const fields = await readCheckpointHeader(out, '--resume', CHECKPOINT_FORMAT, o.maxInputBytes);
  const theirs = checkSweepHeader(out, fields);
  if (fields.sweepId !== head.sweepId) {
    throw new InputError(`--resume: "${out}" holds another sweep (sweep id ${fields.sweepId}; this one is ${head.sweepId}): ${definitionDifference(theirs.definition, o.definition)}; give another --out file, or remove "${out}" to start afresh`);
  }
  if (fields.shard.index !== o.shard.index || fields.shard.count !== o.shard.count) {
    throw new InputError(`--resume: "${out}" holds shard ${fields.shard.index} of ${fields.shard.count} of this sweep, and this run is shard ${o.shard.index} of ${o.shard.count}: give each shard its own --out file`);
  }
}

/** Streams the old file into `writer` (completed records kept, errored ones to run again); returns the records kept. */
async function carryOver(o: SweepOptions, out: string, planned: readonly PlannedPoint[], outcomes: Outcomes, writer: CheckpointWriter): Promise<number> {
  const ledger = new ShardLedger(out, o.definition, planned, o.shard);
  let kept = 0;
  let errored = 0;
  const damaged: string[] = [];
  const scan = await scanCheckpoint(out, '--resume', CHECKPOINT_FORMAT, (raw, line, text) => {
    const record = ledger.accept(raw, line);
    if (record.state !== 'completed') {
      errored++;
      return;
    }
    outcomes.add(record);
    writer.copy(text);
    kept++;
  }, { ...(o.maxInputBytes === undefined ? {} : { maxBytes: o.maxInputBytes }), onDamaged: (problem) => damaged.push(problem) });
  for (const problem of damaged) o.logger.warn({ out }, `${problem}; its task runs again`);
  // A damaged line's task is missing by design: the end record's count is for the file before.
  if (scan.end !== null && damaged.length === 0) ledger.checkFinished(scan.end, outcomes);
  if (scan.truncatedLine !== null) o.logger.warn({ out, line: scan.truncatedLine }, `${out}:${scan.truncatedLine}: the last line was cut short (killed while it was written); its task runs again`);
  if (errored > 0) o.logger.warn({ errored }, 'tasks recorded as errored run again');
  return kept;
}

/** The checkpoint writer of this sweep (null without `--out`), its kept results added to `outcomes`. */
export async function openSweepCheckpoint(o: SweepOptions, planned: readonly PlannedPoint[], outcomes: Outcomes): Promise<CheckpointWriter | null> {
  const out = o.out;
  if (out === null) return null;
  const head = headerOf(o);
  const lock = acquireOutLock(out, '--out', (message) => o.logger.warn({ out }, message));
  const exists = existsSync(out);
  if (exists && !o.resume) {
    lock.release();
    throw new InputError(`--out: "${out}" already exists; pass --resume to continue it, or remove it`);
  }
  if (!exists) {
    if (o.resume) o.logger.info({ out }, 'nothing to resume: starting the sweep');
    return CheckpointWriter.create(out, recordLine(head), lock);
  }
  try {
    await checkResumable(o, out, head);
  } catch (err) {
    lock.release();
    throw err;
  }
  const writer = CheckpointWriter.begin(out, recordLine(head), lock);
  try {
    const kept = await carryOver(o, out, planned, outcomes, writer);
    writer.commit();
    o.logger.info({ kept }, 'resuming');
    return writer;
  } catch (err) {
    writer.abandon();
    throw err;
  }
}
