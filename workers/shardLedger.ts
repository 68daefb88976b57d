/**
 * A shard's file checked against its plan — the proof `merge`, `report` and `--resume` ask of
 * it before trusting a single counter (each record's checksum is checked as it is read,
 * workers/checkpointReader.ts):
 *
 * - the header: its sweep id is the hash of the definition it carries, and its `plan` is what
 *   that definition deals to the shard it names;
 * - each task: one of this shard's tasks (task k of the plan goes to shard k mod N; in
 *   precision mode point p to shard p mod N), with the hash and seed the plan gives it, and
 *   recorded once;
 * - a finished shard: every task its plan deals it is there — in precision mode, each point's
 *   replications 0..n−1 with n replayed from the recorded results by the same rounds the
 *   sweep ran — and the end record counts what the file holds.
 *
 * Any failure is an InputError naming the file and line: a gap, a duplicate, a relabelled
 * shard, an altered record or a foreign file is refused, never merged.
 */
import { InputError } from '../engine/errors.js';
import { decodeTask, type EndRecord, type HeaderRecord, type TaskRecord } from './checkpoint.js';
import type { HeaderFields, RawRecord } from './checkpointReader.js';
import type { Outcomes } from './outcomes.js';
import { definitionHash, shardOf, shardPlan, taskOf, type PlannedPoint, type Shard, type SweepDefinition } from './plan.js';
import { nextReplicationCount } from './precision.js';

/** The sweep header of a checked file: its id is its definition's hash and its plan its shard's. */
export function checkSweepHeader(path: string, fields: HeaderFields): HeaderRecord {
  const header = fields.raw as unknown as HeaderRecord;
  const def = header.definition as SweepDefinition | undefined;
  if (def === undefined || typeof def !== 'object' || !Array.isArray(def.points) || !Array.isArray(def.inputs)) {
    throw new InputError(`${path}:1: the header carries no sweep definition`);
  }
  if (definitionHash(def) !== fields.sweepId) throw new InputError(`${path}:1: the header's sweep id ${fields.sweepId} is not the hash of its definition: the header was altered`);
  const plan = shardPlan(def, fields.shard);
  if (JSON.stringify(plan) !== JSON.stringify(header.plan)) {
    throw new InputError(`${path}:1: the header says shard ${fields.shard.index} of ${fields.shard.count} holds ${JSON.stringify(header.plan)}, but the sweep deals it ${JSON.stringify(plan)}: the header was altered`);
  }
  return header;
}

const describeShard = (s: Shard): string => `shard ${s.index} of ${s.count}`;

export class ShardLedger {
  /** Task id → the line it was read from. */
  private readonly lines = new Map<string, number>();
  /** Per point, the highest replication read and its line. */
  private readonly highest = new Map<number, { readonly replication: number; readonly line: number }>();
  private completed = 0;

  constructor(
    private readonly path: string,
    private readonly def: SweepDefinition,
    private readonly planned: readonly PlannedPoint[],
    private readonly shard: Shard,
  ) {}

  /** The task record read on `line`, checked against the plan (see the module comment). */
  accept(raw: RawRecord, line: number): TaskRecord {
    const at = `${this.path}:${line}`;
    const { id, point, replication, seed, hash, state } = raw;
    if (typeof id !== 'string' || !Number.isSafeInteger(point) || !Number.isSafeInteger(replication) || typeof hash !== 'string' || typeof seed !== 'number'
      || (state !== 'completed' && state !== 'errored') || id !== `p${String(point)}r${String(replication)}`) {
      throw new InputError(`${at}: not a task record of a ccsim sweep (it needs id "p<point>r<replication>", point, replication, seed, hash and state)`);
    }
    const p = this.planned[point as number];
    const policy = this.def.replications;
    const most = policy.mode === 'fixed' ? policy.count : policy.max;
    if (p === undefined) throw new InputError(`${at}: task ${id} names point ${String(point)}, but the sweep has ${this.planned.length} points`);
    if ((replication as number) < 0 || (replication as number) >= most) throw new InputError(`${at}: task ${id} names replication ${String(replication)}, but the sweep runs at most ${most} per point`);
    const owner = shardOf(policy, p.index, replication as number, this.shard.count);
    if (owner !== this.shard.index) {
      throw new InputError(`${at}: task ${id} belongs to shard ${owner} of ${this.shard.count}, not to ${describeShard(this.shard)} as the header says: the file was relabelled, or the record copied from another shard's file`);
    }
    const planned = taskOf(p, replication as number);
    if (planned.hash !== hash || planned.seed !== seed) {
      throw new InputError(`${at}: task ${id} does not match this sweep's plan (its hash covers the compiled model, the seed and the replication): it was written for another sweep, or by a ccsim that compiles the scenario differently`);
    }
    const twin = this.lines.get(id);
    if (twin !== undefined) throw new InputError(`${at}: task ${id} is recorded twice (also on line ${twin})`);
    this.lines.set(id, line);
    if ((this.highest.get(p.index)?.replication ?? -1) < (replication as number)) this.highest.set(p.index, { replication: replication as number, line });
    if (state === 'completed') this.completed++;
    return decodeTask(raw);
  }

  /** The ids (point-major) of the tasks the plan deals this shard that were not read, given the results read. */
  private missing(outcomes: Outcomes): string[] {
    const policy = this.def.replications;
    const missing: string[] = [];
    const want = (point: number, n: number): void => {
      for (let r = 0; r < n; r++) if (shardOf(policy, point, r, this.shard.count) === this.shard.index && !this.lines.has(`p${point}r${r}`)) missing.push(`p${point}r${r}`);
    };
    for (const p of this.planned) {
      if (policy.mode === 'fixed') {
        want(p.index, policy.count);
        continue;
      }
      if (shardOf(policy, p.index, 0, this.shard.count) !== this.shard.index) continue;
      // The rounds the sweep ran, replayed on the results read: each decides on replications 0..n−1.
      let n = policy.initial;
      for (;;) {
        want(p.index, n);
        const next = missing.length > 0 ? null : nextReplicationCount(policy, p.model, n, outcomes.rowsOf(p.index, n));
        if (next === null) break;
        n = next;
      }
      const top = this.highest.get(p.index);
      if (missing.length === 0 && top !== undefined && top.replication >= n) {
        throw new InputError(`${this.path}:${top.line}: task p${p.index}r${top.replication} is beyond the ${n} replications the precision rounds of point ${p.index} call for`);
      }
    }
    return missing;
  }

  /**
   * A finished shard: every task of its plan was read and the end record agrees (`outcomes`
   * holds what was read, for the precision rounds' replay).
   */
  checkFinished(end: { readonly record: EndRecord; readonly line: number }, outcomes: Outcomes): void {
    const held = this.lines.size;
    const missing = this.missing(outcomes);
    if (missing.length > 0) {
      const more = missing.length > 1 ? ` (and ${missing.length - 1} more)` : '';
      throw new InputError(`${this.path}: ${describeShard(this.shard)} lacks task ${missing[0] as string}${more}, which its plan deals it; the end record (line ${end.line}) counts ${end.record.tasks} tasks and the file holds ${held}: a record was lost or removed — run the shard again`);
    }
    const e = end.record;
    if (e.tasks !== held || e.completed !== this.completed || e.errored !== held - this.completed) {
      throw new InputError(`${this.path}:${end.line}: the end record counts ${e.tasks} tasks (${e.completed} completed, ${e.errored} errored), but the file holds ${held} (${this.completed} completed, ${held - this.completed} errored)`);
    }
  }
}
