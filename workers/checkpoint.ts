/**
 * The sweep's JSONL file (`--out results.jsonl`): one JSON record a line, written as each
 * task finishes, so a killed sweep loses at most the line being written.
 *
 * 1. `{"type":"header", "format":"ccsim-sweep", "version":1, "sweepId", "shard":{index,count}, "definition":{…}}`
 *    — the sweep's whole definition (workers/plan.ts), scenario text included;
 * 2. `{"type":"task", "id":"p3r7", "point":3, "replication":7, "seed", "hash", "state":"completed", "counters":{…}}`
 *    or `… "state":"errored", "error":{"message", "simTimeSec"?}, "attempts":2}`, in finishing order;
 * 3. `{"type":"end", "tasks", "completed", "errored"}` once the shard is finished.
 *
 * Counters are the kernel's `ReplicationCounters` with typed arrays written as JSON arrays
 * (NaN as null). The report is always built from records read back from this form, so a
 * sweep, its resumption and `ccsim merge` all print the same bytes.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { InputError } from '../engine/errors.js';
import type { ReplicationCounters } from '../engine/recorder.js';
import type { Shard, SweepDefinition, Task } from './plan.js';

export const CHECKPOINT_FORMAT = 'ccsim-sweep';
export const CHECKPOINT_VERSION = 1;

export interface HeaderRecord {
  readonly type: 'header';
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly version: number;
  readonly sweepId: string;
  readonly shard: Shard;
  readonly definition: SweepDefinition;
}

export interface TaskError {
  readonly message: string;
  readonly simTimeSec?: number;
}

/**
 * What running a task gave: data, never a live error (STYLE habit 9). Completed counters
 * are in their read-back form (`canonicalCounters`); `encoded`, when asked for, is their
 * checkpoint text.
 */
export type TaskOutcome =
  | { readonly state: 'completed'; readonly counters: ReplicationCounters; readonly encoded?: string }
  | { readonly state: 'errored'; readonly error: TaskError };

export type TaskRecord = Task & { readonly type: 'task'; readonly attempts: number } & TaskOutcome;

export interface EndRecord {
  readonly type: 'end';
  readonly tasks: number;
  readonly completed: number;
  readonly errored: number;
}

/** What `JSON.stringify` writes for a number: its shortest round-trip form, `null` for NaN and ±Infinity. */
const jsonNumber = (v: number): string => (Number.isFinite(v) ? String(v) : 'null');

/**
 * Counters as JSON text: typed arrays become arrays (NaN as null), nested records are
 * followed. Written by hand rather than by `JSON.stringify` of a converted copy: it gives
 * the same bytes without the copy, and a week's counters are some 50 kB per task.
 */
function encode(value: unknown): string {
  if (value instanceof Float64Array) {
    let s = '[';
    for (let i = 0; i < value.length; i++) s += i === 0 ? jsonNumber(value[i] as number) : `,${jsonNumber(value[i] as number)}`;
    return `${s}]`;
  }
  if (value !== null && typeof value === 'object') {
    let s = '{';
    for (const [k, v] of Object.entries(value)) s += `${s === '{' ? '' : ','}${JSON.stringify(k)}:${encode(v)}`;
    return `${s}}`;
  }
  return typeof value === 'number' ? jsonNumber(value) : JSON.stringify(value);
}

/** The inverse of `encode` on parsed JSON: counters hold typed arrays only, so every array is a Float64Array. */
function decode(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out = new Float64Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = (value[i] as number | null) ?? NaN;
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decode(v);
    return out;
  }
  return value;
}

/** The counters as they are written in a task record. */
export const encodeCounters = (c: ReplicationCounters): string => encode(c);
const decodeCounters = (parsed: unknown): ReplicationCounters => decode(parsed) as ReplicationCounters;

/**
 * The counters exactly as they read back from their JSON text, made in place without the
 * text: -0 becomes 0 and ±Infinity becomes NaN (JSON writes them as 0 and null; every other
 * double survives JSON exactly, as its shortest round-trip decimal). Scalars are whole
 * counts, always finite. Every report is built from counters in this form, so a sweep, its
 * resumption and a merge of its shards agree to the byte; making it where the counters were
 * simulated (workers/task.ts) spares the main thread a JSON round trip per task.
 */
export function canonicalCounters(c: ReplicationCounters): ReplicationCounters {
  const visit = (value: unknown): void => {
    if (value instanceof Float64Array) {
      for (let i = 0; i < value.length; i++) {
        const v = value[i] as number;
        if (v === 0) value[i] = 0;
        else if (!Number.isFinite(v)) value[i] = NaN;
      }
    } else if (value !== null && typeof value === 'object') {
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(c);
  return c;
}

/** The line recording a task's outcome (with its newline); completed counters already encoded are copied, not encoded again. */
export function taskLine(task: Task, outcome: TaskOutcome, attempts: number): string {
  const base = { type: 'task', ...task, attempts };
  if (outcome.state === 'errored') return `${JSON.stringify({ ...base, state: 'errored', error: outcome.error })}\n`;
  const head = JSON.stringify({ ...base, state: 'completed' });
  return `${head.slice(0, -1)},"counters":${outcome.encoded ?? encodeCounters(outcome.counters)}}\n`;
}

/**
 * The record of a task as read back from its line. Completed counters from a worker are
 * already in that form (`canonicalCounters`) and are taken as they are; an error goes
 * through its line.
 */
export function taskRecord(task: Task, outcome: TaskOutcome, attempts: number, line?: string): TaskRecord {
  if (outcome.state === 'completed') return { type: 'task', ...task, attempts, state: 'completed', counters: outcome.counters };
  return parseTaskLine(line ?? taskLine(task, outcome, attempts));
}

/** A task record parsed from its line (counters back as typed arrays). */
export function parseTaskLine(line: string): TaskRecord {
  return decodeTask(JSON.parse(line) as Record<string, unknown>);
}

function decodeTask(raw: Record<string, unknown>): TaskRecord {
  if (raw.state === 'completed') return { ...raw, counters: decodeCounters(raw.counters) } as unknown as TaskRecord;
  return raw as unknown as TaskRecord;
}

export interface CheckpointContents {
  readonly header: HeaderRecord;
  /** Task records in file order. */
  readonly tasks: readonly TaskRecord[];
  /** The raw line of each task record, to copy on resume. */
  readonly taskLines: readonly string[];
  readonly end: EndRecord | null;
  /** A last line cut short (a SIGKILL mid-write) was dropped. */
  readonly truncated: boolean;
}

/** Reads a checkpoint; a cut-off last line is tolerated, anything else malformed is an InputError. */
export function readCheckpoint(path: string, flag: string, format: string = CHECKPOINT_FORMAT): CheckpointContents {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`${flag}: cannot read "${path}" (${code === 'ENOENT' ? 'no such file' : (code ?? String(err))})`);
  }
  return parseCheckpoint(text, path, format);
}

/**
 * `format` is the header's format name: `ccsim-sweep`, or `ccsim-staff` for a staffing
 * search (workers/staffing/), which shares this file layout with its own task payload.
 */
export function parseCheckpoint(text: string, path: string, format: string = CHECKPOINT_FORMAT): CheckpointContents {
  const name = format === CHECKPOINT_FORMAT ? 'ccsim sweep' : format;
  const lines = text.split('\n');
  // Every complete record ends with "\n", so the last piece is "" unless a write was cut.
  const tail = lines.pop() ?? '';
  let truncated = tail !== '';
  const records: Record<string, unknown>[] = [];
  const taskLines: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line) as Record<string, unknown>);
      if (records[records.length - 1]?.type === 'task') taskLines.push(`${line}\n`);
    } catch {
      throw new InputError(`${path}:${i + 1}: not a ${name} record (invalid JSON); only the last line may be cut short`);
    }
  });
  if (truncated) {
    // A tail that happens to be complete JSON lost only its newline: keep it.
    try {
      const record = JSON.parse(tail) as Record<string, unknown>;
      records.push(record);
      if (record.type === 'task') taskLines.push(`${tail}\n`);
      truncated = false;
    } catch { /* cut short: dropped, the task runs again */ }
  }
  const header = records[0];
  if (header?.type !== 'header' || header.format !== format) {
    throw new InputError(`${path}:1: not a ${name} file (the first line must be its header record)`);
  }
  if (header.version !== CHECKPOINT_VERSION) {
    throw new InputError(`${path}:1: sweep file version ${String(header.version)} is not supported (expected ${CHECKPOINT_VERSION})`);
  }
  const tasks = records.filter((r) => r.type === 'task').map(decodeTask);
  const end = (records.find((r) => r.type === 'end') as EndRecord | undefined) ?? null;
  return { header: header as unknown as HeaderRecord, tasks, taskLines, end, truncated };
}

/** Appends records to the checkpoint, one synchronous write a line (survives a crash of the process). */
export class CheckpointWriter {
  private fd: number | null;

  private constructor(fd: number) {
    this.fd = fd;
  }

  /** Starts the file afresh (or, resuming, rewrites it with the kept task lines) and opens it to append. */
  static create(path: string, header: HeaderRecord | { readonly type: 'header'; readonly format: string }, keptLines: readonly string[] = []): CheckpointWriter {
    const text = `${JSON.stringify(header)}\n${keptLines.join('')}`;
    try {
      // Written aside and renamed: a kill during the rewrite leaves the old file whole.
      const tmp = `${path}.tmp-${process.pid}`;
      writeFileSync(tmp, text);
      renameSync(tmp, path);
      return new CheckpointWriter(openSync(path, 'a'));
    } catch (err) {
      throw new InputError(`--out: cannot write "${path}" (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
  }

  static exists(path: string): boolean {
    return existsSync(path);
  }

  write(line: string): void {
    if (this.fd !== null) writeSync(this.fd, line);
  }

  end(record: EndRecord): void {
    this.write(`${JSON.stringify(record)}\n`);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
