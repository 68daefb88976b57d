/**
 * A staffing search's `--out` file (format `ccsim-staff`, the sweep's layout and checks,
 * workers/checkpoint.ts): the header carries the search's definition and its id; each task
 * record one (candidate, replication)'s KPIs, keyed by the task hash; the end record closes a
 * finished search. Every record is sealed by its checksum.
 *
 * Opening it takes the lock; `--resume` streams the old file once — header of this very search
 * (another search's file is refused, saying what differs), each record's checksum, each task
 * recorded once, the end record's counts when there is one — keeping every result and copying
 * its line to the file begun aside. A last line cut short by a crash, or a damaged line (not
 * JSON, its checksum broken), is named and left out; the search asks for its task again and
 * runs it. (The tasks a search asks for depend on its results, so unlike
 * a sweep's there is no plan to hold the file to beyond that.)
 */
import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import { InputError } from '../../engine/errors.js';
import { CHECKPOINT_VERSION, recordLine } from '../checkpoint.js';
import { readCheckpointHeader, scanCheckpoint, type RawRecord } from '../checkpointReader.js';
import { CheckpointWriter } from '../checkpointWriter.js';
import { acquireOutLock } from '../outLock.js';
import { STAFF_CHECKPOINT_FORMAT, staffDefinitionDifference, staffDefinitionHash, type StaffDefinition } from './definition.js';
import { decodeKpis, type ReplicaKpis } from './replicaKpis.js';

export interface SearchCheckpointOptions {
  readonly out: string;
  readonly resume: boolean;
  readonly definition: StaffDefinition;
  readonly logger: Logger;
  /** Cap on the file a resume reads, bytes. @default scenarios/inputFile.ts `inputCap('checkpoint')` */
  readonly maxInputBytes?: number;
}

/** The results a resumed file holds, by task hash (filled by `openSearchCheckpoint`). */
export type StoredKpis = Map<string, ReplicaKpis>;

async function checkResumable(o: SearchCheckpointOptions, id: string): Promise<void> {
  const fields = await readCheckpointHeader(o.out, '--resume', STAFF_CHECKPOINT_FORMAT, o.maxInputBytes);
  const theirs = fields.raw.definition as StaffDefinition | undefined;
  if (theirs === undefined || typeof theirs !== 'object' || staffDefinitionHash(theirs) !== fields.sweepId) {
    throw new InputError(`${o.out}:1: the header's search id ${fields.sweepId} is not the hash of its definition: the header was altered`);
  }
  if (fields.sweepId !== id) {
    throw new InputError(`--resume: "${o.out}" holds another staffing search (id ${fields.sweepId}; this one is ${id}): ${staffDefinitionDifference(theirs, o.definition)}; give another --out file, or remove "${o.out}" to start afresh`);
  }
}

/** A task record's hash and KPIs, or an InputError naming the line. */
function taskOf(raw: RawRecord, at: string): { hash: string; kpis: ReplicaKpis } {
  const kpis = raw.kpis as { rows?: unknown } | null | undefined;
  if (typeof raw.hash !== 'string' || raw.state !== 'completed' || kpis === null || typeof kpis !== 'object' || !Array.isArray(kpis.rows)) {
    throw new InputError(`${at}: not a task record of a staffing search (it needs hash, state "completed" and kpis)`);
  }
  return { hash: raw.hash, kpis: decodeKpis(kpis) };
}

async function carryOver(o: SearchCheckpointOptions, stored: StoredKpis, writer: CheckpointWriter): Promise<void> {
  const lines = new Map<string, number>();
  const damaged: string[] = [];
  const scan = await scanCheckpoint(o.out, '--resume', STAFF_CHECKPOINT_FORMAT, (raw, line, text) => {
    const at = `${o.out}:${line}`;
    const task = taskOf(raw, at);
    const twin = lines.get(task.hash);
    if (twin !== undefined) throw new InputError(`${at}: task ${task.hash} is recorded twice (also on line ${twin})`);
    lines.set(task.hash, line);
    stored.set(task.hash, task.kpis);
    writer.copy(text);
  }, { ...(o.maxInputBytes === undefined ? {} : { maxBytes: o.maxInputBytes }), onDamaged: (problem) => damaged.push(problem) });
  for (const problem of damaged) o.logger.warn({ out: o.out }, `${problem}; its simulation runs again`);
  const end = scan.end;
  if (end !== null && damaged.length === 0 && (end.record.tasks !== lines.size || end.record.errored !== 0)) {
    throw new InputError(`${o.out}:${end.line}: the end record counts ${end.record.tasks} tasks, but the file holds ${lines.size}: a record was lost, removed or added`);
  }
  if (scan.truncatedLine !== null) o.logger.warn({ out: o.out, line: scan.truncatedLine }, `${o.out}:${scan.truncatedLine}: the last line was cut short (killed while it was written); its simulation runs again`);
  o.logger.info({ kept: lines.size }, 'resuming the staffing search');
}

/** The search's checkpoint writer, the results of a resumed file added to `stored`. */
export async function openSearchCheckpoint(o: SearchCheckpointOptions, stored: StoredKpis): Promise<CheckpointWriter> {
  const id = staffDefinitionHash(o.definition);
  const header = recordLine({ type: 'header', format: STAFF_CHECKPOINT_FORMAT, version: CHECKPOINT_VERSION, sweepId: id, shard: { index: 0, count: 1 }, definition: o.definition });
  const lock = acquireOutLock(o.out, '--out', (message) => o.logger.warn({ out: o.out }, message));
  const exists = existsSync(o.out);
  if (exists && !o.resume) {
    lock.release();
    throw new InputError(`--out: "${o.out}" already exists; pass --resume to continue it, or remove it`);
  }
  if (!exists) return CheckpointWriter.create(o.out, header, lock);
  try {
    await checkResumable(o, id);
  } catch (err) {
    lock.release();
    throw err;
  }
  const writer = CheckpointWriter.begin(o.out, header, lock);
  try {
    await carryOver(o, stored, writer);
    writer.commit();
    return writer;
  } catch (err) {
    writer.abandon();
    throw err;
  }
}
