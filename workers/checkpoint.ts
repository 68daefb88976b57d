/**
 * The sweep's JSONL file (`--out results.jsonl`): one JSON record a line, written as each
 * task finishes, so a killed sweep loses at most the line being written. Format version 2:
 *
 * 1. `{"type":"header", "format":"ccsim-sweep", "version":2, "sweepId", "shard":{index,count}, "plan":{…}, "definition":{…}, "sum"}`
 *    — the sweep's whole definition (workers/plan.ts: scenario text and input files included),
 *    its id (the hash of that definition) and what this shard must hold (`plan`: `{"tasks":N}`,
 *    or `{"points":N}` in precision mode, whose replications the rounds decide);
 * 2. `{"type":"task", "id":"p3r7", "point":3, "replication":7, "seed", "hash", "attempts", "state":"completed", "counters":{…}, "sum"}`
 *    or `… "state":"errored", "error":{"message", "simTimeSec"?}, "sum"}`, in finishing order;
 * 3. `{"type":"end", "tasks", "completed", "errored", "sum"}` once the shard is finished.
 *
 * Every record ends with its checksum (workers/recordSeal.ts); readers check it and the
 * records against the plan (workers/checkpointReader.ts, workers/shardLedger.ts).
 * Counters are the kernel's `ReplicationCounters` with typed arrays written as JSON arrays
 * (NaN as null). The report is always built from records read back from this form, so a
 * sweep, its resumption and `ccsim merge` all print the same bytes.
 */
import type { ReplicationCounters } from '../engine/recorder.js';
import type { Shard, SweepDefinition, Task } from './plan.js';
import { sealRecord } from './recordSeal.js';

export const CHECKPOINT_FORMAT = 'ccsim-sweep';
/** Version 2 added the checksums and the header's plan; version 1 files are refused with advice. */
export const CHECKPOINT_VERSION = 2;

/** What a shard must hold: every task dealt to it, or (precision mode) every point, with the replications its rounds call for. */
export type ShardPlan = { readonly tasks: number } | { readonly points: number };

export interface HeaderRecord {
  readonly type: 'header';
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly version: number;
  readonly sweepId: string;
  readonly shard: Shard;
  readonly plan: ShardPlan;
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

/**
 * The line recording a task's outcome (sealed, with its newline); completed counters already
 * encoded are copied, not encoded again.
 */
export function taskLine(task: Task, outcome: TaskOutcome, attempts: number): string {
  const base = { type: 'task', ...task, attempts };
  if (outcome.state === 'errored') return `${sealRecord(JSON.stringify({ ...base, state: 'errored', error: outcome.error }))}\n`;
  const head = JSON.stringify({ ...base, state: 'completed' });
  return `${sealRecord(`${head.slice(0, -1)},"counters":${outcome.encoded ?? encodeCounters(outcome.counters)}}`)}\n`;
}

/** A header or end record's line (sealed, with its newline). */
export const recordLine = (record: object): string => `${sealRecord(JSON.stringify(record))}\n`;

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

/** The record of a parsed task line, its checksum left behind (checked by the reader). */
export function decodeTask(raw: Readonly<Record<string, unknown>>): TaskRecord {
  const { sum: _sum, ...fields } = raw;
  if (fields.state === 'completed') return { ...fields, counters: decodeCounters(fields.counters) } as unknown as TaskRecord;
  return fields as unknown as TaskRecord;
}

