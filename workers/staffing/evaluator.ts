/**
 * Running candidate staffings: every (candidate, replication) is one task of the sweep
 * machinery (workers/schedule.ts on the piscina pool of workers/pool.ts), its compact KPIs
 * (./replicaKpis.ts) appended to the search's JSONL checkpoint as it finishes. A task's hash
 * covers the candidate's model, the interval range and columns kept, the seed and the
 * replication, so a resumed search — which asks the same questions in the same order —
 * finds every answer it had and runs only the rest. Results are read back from their line
 * form, so a fresh and a resumed search decide on the same bytes. The checkpoint itself —
 * records, checks, lock — is ./searchCheckpoint.ts; a write that fails (a full disk) stops
 * the search with that error, the file keeping every record written before it.
 */
import type { Logger } from 'pino';
import { InputError } from '../../engine/errors.js';
import type { Model } from '../../engine/model.js';
import { recordLine, type TaskOutcome } from '../checkpoint.js';
import type { CheckpointWriter } from '../checkpointWriter.js';
import type { Task } from '../plan.js';
import type { TaskRunner } from '../pool.js';
import { runTasks } from '../schedule.js';
import { sha16, type StaffDefinition } from './definition.js';
import { modelKey } from './candidate.js';
import { decodeKpis, encodeKpis, replicaKpis, type ReplicaKpis } from './replicaKpis.js';
import { openSearchCheckpoint } from './searchCheckpoint.js';
import type { Column } from './targets.js';

export interface Candidate {
  readonly model: Model;
  /** Interval range whose rows are kept. */
  readonly from: number;
  readonly to: number;
  /** Keep the whole day's row too. */
  readonly day: boolean;
}

/** A candidate's KPIs, replication by replication (in replication order). */
export type Evaluation = readonly ReplicaKpis[];

/**
 * Which replications a candidate is run on: `search` — indices 0..R−1, those the search
 * selects its answer on; `fresh` — indices R..2R−1, never seen by the search, on which the
 * answer and its "one fewer" neighbours are judged (docs/staffing.md: selection bias).
 */
export type ReplicationSet = 'search' | 'fresh';

/** Thrown when the stop signal ends a search; the checkpoint holds everything run so far. */
export class StaffingInterrupted extends Error {
  constructor() {
    super('staffing search interrupted');
  }
}

export interface EvaluatorOptions {
  readonly definition: StaffDefinition;
  readonly runner: TaskRunner;
  readonly columns: readonly Column[];
  readonly out: string | null;
  readonly resume: boolean;
  readonly signal: AbortSignal;
  readonly logger: Logger;
  readonly onProgress?: (done: number, total: number) => void;
  /** Cap on the checkpoint a resume reads, bytes. */
  readonly maxInputBytes?: number;
}

export class Evaluator {
  private readonly o: EvaluatorOptions;
  private readonly columnsKey: string;
  /** Stored results by task hash (this run's and those kept from the resumed file). */
  private readonly stored = new Map<string, ReplicaKpis>();
  private writer: CheckpointWriter | null = null;
  /** Aborted by the user's signal, or when the checkpoint cannot be written. */
  private readonly stop = new AbortController();
  private readonly onSignal = (): void => this.stop.abort();
  /** The checkpoint's write error, once one happened: the search ends with it. */
  private failure: InputError | null = null;
  private done = 0;
  private total = 0;
  /** Tasks run by this process (not found in the checkpoint). */
  ran = 0;
  /** Distinct candidates and tasks the search asked for (the same whether resumed or not). */
  readonly candidatesAsked = new Set<string>();
  readonly tasksAsked = new Set<string>();

  private constructor(o: EvaluatorOptions) {
    this.o = o;
    this.columnsKey = sha16(JSON.stringify(o.columns));
    if (o.signal.aborted) this.stop.abort();
    o.signal.addEventListener('abort', this.onSignal, { once: true });
  }

  /** An evaluator with its checkpoint open (and, resuming, the results it holds). */
  static async create(o: EvaluatorOptions): Promise<Evaluator> {
    const evaluator = new Evaluator(o);
    try {
      if (o.out !== null) evaluator.writer = await openSearchCheckpoint({
        out: o.out, resume: o.resume, definition: o.definition, logger: o.logger, ...(o.maxInputBytes === undefined ? {} : { maxInputBytes: o.maxInputBytes }),
      }, evaluator.stored);
    } catch (err) {
      evaluator.close();
      throw err;
    }
    return evaluator;
  }

  private hashOf(c: Candidate, key: string, replication: number): string {
    return sha16(`${key}|${c.from}|${c.to}|${c.day ? 1 : 0}|${this.columnsKey}|${this.o.definition.seed}|${replication}`);
  }

  /** Every replication (of `set`) of every candidate; the candidates' tasks run together on the pool. */
  async evaluate(candidates: readonly Candidate[], set: ReplicationSet = 'search'): Promise<Evaluation[]> {
    const R = this.o.definition.replications;
    const offset = set === 'search' ? 0 : R;
    const seed = this.o.definition.seed;
    const keys = candidates.map((c) => modelKey(c.model));
    const tasks: Task[] = [];
    const queued = new Set<string>();
    candidates.forEach((c, point) => {
      this.candidatesAsked.add(`${keys[point] as string}|${c.from}|${c.to}|${c.day ? 1 : 0}`);
      for (let r = offset; r < offset + R; r++) {
        const hash = this.hashOf(c, keys[point] as string, r);
        this.tasksAsked.add(hash);
        if (this.stored.has(hash) || queued.has(hash)) continue;
        queued.add(hash);
        tasks.push({ id: `${hash}r${r}`, point, replication: r, seed, hash });
      }
    });
    this.total += tasks.length;
    this.o.onProgress?.(this.done, this.total);
    const finished = await runTasks(tasks, {
      runner: this.o.runner,
      signal: this.stop.signal,
      inputOf: (batch) => {
        const first = batch[0] as Task;
        return { model: (candidates[first.point] as Candidate).model, seed, replications: batch.map((t) => t.replication), pointIndex: first.point };
      },
      onOutcome: (t, outcome, attempts) => this.record(candidates[t.point] as Candidate, t, outcome, attempts),
    });
    if (this.failure !== null) throw this.failure;
    if (!finished) throw new StaffingInterrupted();
    return candidates.map((c, i) => Array.from({ length: R }, (_, r) => this.stored.get(this.hashOf(c, keys[i] as string, offset + r)) as ReplicaKpis));
  }

  private record(c: Candidate, t: Task, outcome: TaskOutcome, attempts: number): void {
    if (outcome.state === 'errored') {
      throw new Error(`a simulation of a candidate staffing failed (replication ${t.replication}): ${outcome.error.message}`);
    }
    if (this.failure !== null) return;
    const kpis = encodeKpis(replicaKpis(c.model, outcome.counters, this.o.columns, c.from, c.to, c.day));
    const line = recordLine({ type: 'task', id: t.id, point: t.point, replication: t.replication, seed: t.seed, hash: t.hash, attempts, state: 'completed', kpis });
    try {
      this.writer?.write(line);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      this.failure = err;
      this.stop.abort();
      return;
    }
    // Kept as read back from its line: a resumed search decides on the same numbers.
    this.stored.set(t.hash, decodeKpis((JSON.parse(line) as { kpis: unknown }).kpis));
    this.ran++;
    this.done++;
    this.o.onProgress?.(this.done, this.total);
  }

  /** Writes the end record (a finished search) and closes the file. */
  finish(): void {
    this.writer?.end(recordLine({ type: 'end', tasks: this.stored.size, completed: this.stored.size, errored: 0 }));
    this.close();
  }

  /** Closes the file (releasing its lock) and stops listening to the signal. */
  close(): void {
    this.o.signal.removeEventListener('abort', this.onSignal);
    this.writer?.close();
    this.writer = null;
  }
}
