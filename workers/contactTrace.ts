/**
 * The per-contact trace of `ccsim run --trace FILE` (issue 14): one row per stage of every
 * contact that arrived in the recorded day — the record format call-center researchers analyse
 * (and what Ciw's records and the ContactCenters library's call-by-call output hold). A stage
 * is a contact's time at one tier; an escalated contact has one row per tier, with the same
 * `contact` number. Rows are written as stages end (event order), streamed to the file in
 * blocks, never held: only the contacts still in the system are remembered.
 *
 * The tracer only listens (engine/trace.ts): a traced replication is the same replication,
 * draw for draw, as the untraced one in the run's results.
 */
import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import type { ContactPool } from '../engine/contacts.js';
import type { Model } from '../engine/model.js';
import type { ReplicationCounters } from '../engine/recorder.js';
import { simulateReplication } from '../engine/simulate.js';
import { StageOutcome, type ContactTracer, type StageOutcomeCode } from '../engine/trace.js';
import { tempPathOf, writeAll, writeFailure } from './fileWrites.js';

/** The columns of a trace row, in order (CSV header; JSONL keys). Times in seconds from the start of the recorded day. */
export const TRACE_COLUMNS = [
  'replication',
  'contact',
  'parent',
  'origin',
  'channel',
  'type',
  'priority',
  'tier',
  'arrival_sec',
  'queue_entry_sec',
  'callback_sec',
  'answer_sec',
  'end_sec',
  'wait_sec',
  'group',
  'handle_sec',
  'outcome',
] as const;

export type TraceColumn = (typeof TRACE_COLUMNS)[number];
export type TraceRow = Readonly<Record<TraceColumn, string | number | null>>;

/** engine/contacts.ts `Origin`, by code. */
const ORIGINS = ['fresh', 'retrial', 'repeat', 'return', 'backlog'] as const;
/** engine/trace.ts `StageOutcome`, by code. */
const OUTCOMES = ['resolved', 'escalated', 'abandoned', 'deflected', 'open', 'blocked', 'message', 'disconnected'] as const;

export type TraceFormat = 'csv' | 'jsonl';

/** Where a tracer's rows go: the trace file, or an aggregator that keeps only sums (workers/acdReport.ts). */
export interface TraceSink {
  write(row: TraceRow): void;
}

/**
 * Where the rows go: a file written in blocks to a temporary file beside it (workers/fileWrites.ts
 * `tempPathOf`) and renamed into place when complete, so an interrupted trace never stands
 * where a finished one would. A file that cannot be written is `--trace`'s error (exit 2).
 */
class TraceFile implements TraceSink {
  private readonly fd: number;
  private readonly partial: string;
  private pending: string[] = [];
  private pendingChars = 0;
  rows = 0;

  constructor(
    private readonly path: string,
    private readonly format: TraceFormat,
  ) {
    this.partial = tempPathOf(path);
    try {
      this.fd = openSync(this.partial, 'w');
    } catch (err) {
      throw writeFailure('--trace', path, err);
    }
    if (format === 'csv') this.push(`${TRACE_COLUMNS.join(',')}\n`);
  }

  write(row: TraceRow): void {
    this.rows++;
    if (this.format === 'jsonl') {
      this.push(`${JSON.stringify(row)}\n`);
    } else {
      this.push(`${TRACE_COLUMNS.map((c) => csvField(row[c])).join(',')}\n`);
    }
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    this.attempt(() => renameSync(this.partial, this.path));
  }

  private push(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= BLOCK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.attempt(() => writeAll(this.fd, text));
  }

  /** A failed write or rename leaves nothing behind and is named as `--trace`'s. */
  private attempt(io: () => void): void {
    try {
      io();
    } catch (err) {
      rmSync(this.partial, { force: true });
      throw writeFailure('--trace', this.path, err, '; nothing was left behind');
    }
  }
}

/** Characters buffered before a write: large enough to keep system calls rare, small enough to hold. */
const BLOCK_CHARS = 1 << 20;

/** Ids are letters, digits, "-" and "_" (scenarios/schema/common.ts), so no field needs quoting. */
function csvField(value: string | number | null): string {
  return value === null ? '' : String(value);
}

/** What a tracer remembers of a contact in the system, by its pool slot. */
interface OpenStage {
  contact: number;
  parent: number | null;
  tier: number;
  queueEntrySec: number;
  callbackSec: number | null;
  answerSec: number | null;
  group: number | null;
  handleSec: number | null;
}

/** Listens to one replication and writes its stages' rows. */
class ReplicationTracer implements ContactTracer {
  private readonly open = new Map<number, OpenStage>();
  /** The contact a slot's scheduled follow-up comes from (a slot may be its own parent's). */
  private readonly parentOf = new Map<number, number | null>();
  /** The contact that last arrived in each slot (null: a warm-up arrival, not traced); kept after it ends, for its follow-ups. */
  private readonly contactIn = new Map<number, number | null>();
  private nextContact = 1;

  constructor(
    private readonly model: Model,
    private readonly replication: number,
    private readonly out: TraceSink,
  ) {}

  arrived(P: ContactPool, c: number, now: number): void {
    const parent = this.parentOf.get(c) ?? null;
    this.parentOf.delete(c);
    // Warm-up arrivals are not recorded in the results, so they are not traced either.
    if (P.interval[c] < 0) {
      this.contactIn.set(c, null);
      return;
    }
    const contact = this.nextContact++;
    this.contactIn.set(c, contact);
    this.open.set(c, { contact, parent, tier: 1, queueEntrySec: now, callbackSec: null, answerSec: null, group: null, handleSec: null });
  }

  followUp(_P: ContactPool, parent: number, child: number): void {
    this.parentOf.set(child, this.contactIn.get(parent) ?? null);
  }

  answered(_P: ContactPool, c: number, now: number, group: number, handleSec: number): void {
    const stage = this.open.get(c);
    if (stage === undefined) return;
    stage.answerSec = now;
    stage.group = group;
    stage.handleSec = handleSec;
  }

  calledBack(_P: ContactPool, c: number, now: number): void {
    const stage = this.open.get(c);
    if (stage !== undefined) stage.callbackSec = now;
  }

  ended(P: ContactPool, c: number, now: number, outcome: StageOutcomeCode): void {
    const stage = this.open.get(c);
    if (stage === undefined) return;
    this.out.write(this.row(P, c, stage, now, outcome));
    if (outcome === StageOutcome.Escalated) {
      // The same contact goes on at the next tier: a new stage, queued from now.
      this.open.set(c, { ...stage, tier: stage.tier + 1, queueEntrySec: now, callbackSec: null, answerSec: null, group: null, handleSec: null });
    } else {
      this.open.delete(c);
    }
  }

  private row(P: ContactPool, c: number, s: OpenStage, now: number, outcome: StageOutcomeCode): TraceRow {
    const channel = this.model.channels[P.channel[c]];
    const type = channel?.types[P.type[c]];
    const leftQueue = outcome === StageOutcome.Abandoned || outcome === StageOutcome.Message || outcome === StageOutcome.Disconnected;
    const waitedUntil = s.answerSec ?? (leftQueue ? now : null);
    // Tier 1 waits count from arrival (the ASA of the results, callback time included); later tiers from the escalation.
    return {
      replication: this.replication,
      contact: s.contact,
      parent: s.parent,
      origin: ORIGINS[P.origin[c]] ?? null,
      channel: channel?.id ?? null,
      type: type?.id ?? null,
      priority: type === undefined ? null : `P${type.priority}`,
      tier: s.tier,
      arrival_sec: P.arrivalSec[c],
      queue_entry_sec: s.queueEntrySec,
      callback_sec: s.callbackSec,
      answer_sec: s.answerSec,
      end_sec: now,
      wait_sec: waitedUntil === null ? null : waitedUntil - s.queueEntrySec,
      group: s.group === null ? null : (this.model.groups[s.group]?.id ?? null),
      handle_sec: s.handleSec,
      outcome: OUTCOMES[outcome],
    };
  }
}

export interface TraceOptions {
  readonly path: string;
  readonly format: TraceFormat;
  /** Replications 0 … n − 1 of the run are traced. */
  readonly replications: number;
}

/**
 * Simulates one replication with a tracer writing its rows to `sink`; returns its counters
 * (the same as the untraced replication's).
 */
export function traceReplication(model: Model, seed: number, replication: number, sink: TraceSink): ReplicationCounters {
  return simulateReplication(model, seed, replication, null, new ReplicationTracer(model, replication, sink));
}

/** Simulates replications 0 … n − 1 of the model with a tracer, writing their rows to the file; returns the rows written. */
export function writeTrace(model: Model, seed: number, options: TraceOptions): number {
  const out = new TraceFile(options.path, options.format);
  for (let r = 0; r < options.replications; r++) traceReplication(model, seed, r, out);
  out.close();
  return out.rows;
}
