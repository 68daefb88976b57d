/**
 * Running a sweep (or one shard of it): compile every point (all invalid points reported
 * before anything runs), reuse the results a `--resume` finds, run the remaining
 * (point, replication) tasks on the runner — a fixed count, or rounds until the precision
 * target is met — and record each outcome to the JSONL checkpoint as it arrives.
 *
 * A stop signal (SIGINT) ends the scheduling; tasks in flight finish and are recorded, no
 * end record is written, and the file can be resumed.
 */
import { InputError } from '../engine/errors.js';
import { checkObjective } from '../reports/objective.js';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, CheckpointWriter, readCheckpoint, taskLine, taskRecord, type HeaderRecord, type TaskOutcome } from './checkpoint.js';
import { Outcomes } from './outcomes.js';
import { compilePoints, definitionHash, inShard, pointIndexByName, taskOf, type PlannedPoint, type Shard, type SweepDefinition, type Task } from './plan.js';
import { createRunner, type RunControls, type TaskRunner } from './pool.js';
import { nextReplicationCount } from './precision.js';
import { runTasks } from './schedule.js';

/** Progress counts tasks; their total grows in precision mode. */
export interface SweepOptions extends RunControls {
  readonly definition: SweepDefinition;
  readonly shard: Shard;
}

export interface SweepRun {
  readonly planned: readonly PlannedPoint[];
  readonly outcomes: Outcomes;
  /** Stopped by the signal before every task had run. */
  readonly interrupted: boolean;
  readonly errored: number;
}

/** Checks what can only be checked against the compiled points (exit 2 before any simulation). */
export function checkDefinition(def: SweepDefinition, planned: readonly PlannedPoint[]): void {
  const model = planned[0]?.model;
  if (model === undefined) throw new InputError('sweep: no points to run');
  if (def.report.baseline !== null) pointIndexByName(def.points, def.report.baseline, '--baseline');
  if (def.report.objective !== null) checkObjective(def.report.objective, model);
  const policy = def.replications;
  if (policy.mode === 'precision' && policy.channel !== null && !model.channels.some((c) => c.id === policy.channel)) {
    throw new InputError(`--channel: the scenario has no channel "${policy.channel}" (it has ${model.channels.map((c) => c.id).join(', ')})`);
  }
}

function header(def: SweepDefinition, shard: Shard): HeaderRecord {
  return { type: 'header', format: CHECKPOINT_FORMAT, version: CHECKPOINT_VERSION, sweepId: definitionHash(def), shard, definition: def };
}

/** The hash the task of `record` has in this sweep and shard, or undefined when it is not one of its tasks. */
function expectedHash(o: SweepOptions, planned: readonly PlannedPoint[], record: { point: number; replication: number }): string | undefined {
  const p = planned[record.point];
  const policy = o.definition.replications;
  const most = policy.mode === 'fixed' ? policy.count : policy.max;
  if (p === undefined || !Number.isInteger(record.replication) || record.replication < 0 || record.replication >= most) return undefined;
  return inShard(policy, record.point, record.replication, o.shard) ? taskOf(p, record.replication).hash : undefined;
}

/** Opens the checkpoint: afresh, or keeping the completed results whose task hash still matches. */
function openCheckpoint(o: SweepOptions, planned: readonly PlannedPoint[], outcomes: Outcomes): CheckpointWriter | null {
  if (o.out === null) return null;
  const head = header(o.definition, o.shard);
  if (!o.resume) {
    if (CheckpointWriter.exists(o.out)) throw new InputError(`--out: "${o.out}" already exists; pass --resume to continue it, or remove it`);
    return CheckpointWriter.create(o.out, head);
  }
  if (!CheckpointWriter.exists(o.out)) {
    o.logger.info({ out: o.out }, 'nothing to resume: starting the sweep');
    return CheckpointWriter.create(o.out, head);
  }
  const previous = readCheckpoint(o.out, '--resume');
  if (previous.truncated) o.logger.warn({ out: o.out }, 'the last line was cut short (killed mid-write); that task runs again');
  const kept: string[] = [];
  let stale = 0;
  previous.tasks.forEach((record, i) => {
    if (record.state === 'completed' && expectedHash(o, planned, record) === record.hash && !outcomes.has(record.id)) {
      outcomes.add(record);
      kept.push(previous.taskLines[i] as string);
    } else if (record.state === 'completed') stale++;
  });
  if (stale > 0) o.logger.warn({ stale }, 'results whose scenario, seed or shard changed are dropped and run again');
  o.logger.info({ kept: kept.length }, 'resuming');
  return CheckpointWriter.create(o.out, head, kept);
}

interface Context {
  readonly o: SweepOptions;
  readonly planned: readonly PlannedPoint[];
  readonly runner: TaskRunner;
  readonly outcomes: Outcomes;
  readonly writer: CheckpointWriter | null;
  total: number;
}

/** Runs the tasks not yet recorded; false when interrupted. */
function runMissing(ctx: Context, tasks: readonly Task[]): Promise<boolean> {
  const todo = tasks.filter((t) => !ctx.outcomes.has(t.id));
  const { o, planned } = ctx;
  return runTasks(todo, {
    runner: ctx.runner,
    signal: o.signal,
    inputOf: (batch) => {
      const first = batch[0] as Task;
      return { model: (planned[first.point] as PlannedPoint).model, seed: first.seed, replications: batch.map((t) => t.replication), pointIndex: first.point, encode: ctx.writer !== null };
    },
    onRetry: (t, out: TaskOutcome) => o.logger.warn({ task: t.id, point: t.point, seed: t.seed, error: out.state === 'errored' ? out.error.message : '' }, 'task failed; retrying once'),
    onOutcome: (t, outcome, attempts) => {
      const line = ctx.writer === null ? undefined : taskLine(t, outcome, attempts);
      if (line !== undefined) ctx.writer?.write(line);
      // Kept as read back from its line, so every report is built from the same bytes.
      ctx.outcomes.add(taskRecord(t, outcome, attempts, line));
      if (outcome.state === 'errored') {
        o.logger.error({ task: t.id, point: t.point, name: planned[t.point]?.point.name, seed: t.seed, error: outcome.error.message }, 'task errored twice; recorded as errored');
      }
      o.onProgress?.(ctx.outcomes.size, ctx.total);
    },
  });
}

async function runFixed(ctx: Context, count: number): Promise<boolean> {
  const tasks = ctx.planned.flatMap((p) =>
    Array.from({ length: count }, (_, r) => r).filter((r) => inShard(ctx.o.definition.replications, p.index, r, ctx.o.shard)).map((r) => taskOf(p, r)));
  ctx.total = tasks.length;
  ctx.o.onProgress?.(ctx.outcomes.size, ctx.total);
  return runMissing(ctx, tasks);
}

async function runPrecision(ctx: Context): Promise<boolean> {
  const policy = ctx.o.definition.replications;
  if (policy.mode !== 'precision') return runFixed(ctx, policy.count);
  const mine = ctx.planned.filter((p) => inShard(policy, p.index, 0, ctx.o.shard));
  const scheduled = new Map(mine.map((p) => [p.index, policy.initial]));
  for (let round = 0; scheduled.size > 0; round++) {
    const tasks = [...scheduled].flatMap(([point, n]) => Array.from({ length: n }, (_, r) => taskOf(ctx.planned[point] as PlannedPoint, r)));
    ctx.total = Math.max(ctx.total, ctx.outcomes.size + tasks.filter((t) => !ctx.outcomes.has(t.id)).length);
    if (!(await runMissing(ctx, tasks))) return false;
    for (const [point, n] of [...scheduled]) {
      const p = ctx.planned[point] as PlannedPoint;
      const next = nextReplicationCount(policy, p.model, n, ctx.outcomes.countersOf(point));
      if (next === null) scheduled.delete(point);
      else scheduled.set(point, next);
    }
    ctx.o.logger.info({ round, pointsLeft: scheduled.size }, 'precision round done');
  }
  return true;
}

export async function runSweep(o: SweepOptions): Promise<SweepRun> {
  // The threads start (and load the kernel) while this thread compiles the points.
  const runner = createRunner(o.workers);
  let writer: CheckpointWriter | null = null;
  try {
    const planned = compilePoints(o.definition);
    checkDefinition(o.definition, planned);
    const outcomes = new Outcomes();
    writer = openCheckpoint(o, planned, outcomes);
    const ctx: Context = { o, planned, runner, outcomes, writer, total: 0 };
    const finished = await runPrecision(ctx);
    const errored = outcomes.ordered().filter((r) => r.state === 'errored').length;
    if (finished) writer?.end({ type: 'end', tasks: outcomes.size, completed: outcomes.size - errored, errored });
    return { planned, outcomes, interrupted: !finished, errored };
  } finally {
    writer?.close();
    await runner.close();
  }
}
