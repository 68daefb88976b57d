/**
 * Running a sweep (or one shard of it): compile every point (all invalid points reported
 * before anything runs), reuse the results a `--resume` finds, run the remaining
 * (point, replication) tasks on the runner — a fixed count, or rounds until the precision
 * target is met — and record each outcome to the JSONL checkpoint as it arrives.
 *
 * A stop signal (SIGINT) ends the scheduling; tasks in flight finish and are recorded, no
 * end record is written, and the file can be resumed. So does a write that fails (a full
 * disk): the tasks in flight finish unrecorded, and the sweep ends with that error (exit 2),
 * the file holding every record written before it (workers/checkpointWriter.ts).
 */
import { InputError } from '../engine/errors.js';
import { checkObjective } from '../analysis/objective.js';
import { recordLine, taskLine, taskRecord, type TaskOutcome } from './checkpoint.js';
import type { CheckpointWriter } from './checkpointWriter.js';
import { Outcomes } from './outcomes.js';
import { compilePoints, inShard, pointIndexByName, taskOf, type PlannedPoint, type Shard, type SweepDefinition, type Task } from './plan.js';
import { createRunner, type RunControls, type TaskRunner } from './pool.js';
import { nextReplicationCount } from './precision.js';
import { runTasks } from './schedule.js';
import { openSweepCheckpoint } from './sweepCheckpoint.js';
import { checkSweepWork } from './sweepWork.js';

/** Progress counts tasks; their total grows in precision mode. */
export interface SweepOptions extends RunControls {
  readonly definition: SweepDefinition;
  readonly shard: Shard;
  /** The scenario file's directory, named in problems about the files it reads. */
  readonly scenarioDir?: string;
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

interface Context {
  readonly o: SweepOptions;
  readonly planned: readonly PlannedPoint[];
  readonly runner: TaskRunner;
  readonly outcomes: Outcomes;
  readonly writer: CheckpointWriter | null;
  /** Aborted by the user's signal, or when the checkpoint cannot be written. */
  readonly stop: AbortController;
  /** The checkpoint's write error, once one happened: the sweep ends with it. */
  failure: InputError | null;
  total: number;
}

/** Records an outcome's line; on a write error, stops the sweep and keeps the error to end it with. */
function record(ctx: Context, line: string): boolean {
  if (ctx.failure !== null) return false;
  try {
    ctx.writer?.write(line);
    return true;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    ctx.failure = err;
    ctx.stop.abort();
    return false;
  }
}

const endLine = (tasks: number, errored: number): string => recordLine({ type: 'end', tasks, completed: tasks - errored, errored });

/** Runs the tasks not yet recorded; false when interrupted. */
function runMissing(ctx: Context, tasks: readonly Task[]): Promise<boolean> {
  const todo = tasks.filter((t) => !ctx.outcomes.has(t.id));
  const { o, planned } = ctx;
  return runTasks(todo, {
    runner: ctx.runner,
    signal: ctx.stop.signal,
    inputOf: (batch) => {
      const first = batch[0] as Task;
      return { model: (planned[first.point] as PlannedPoint).model, seed: first.seed, replications: batch.map((t) => t.replication), pointIndex: first.point, encode: ctx.writer !== null };
    },
    onRetry: (t, out: TaskOutcome) => o.logger.warn({ task: t.id, point: t.point, seed: t.seed, error: out.state === 'errored' ? out.error.message : '' }, 'task failed; retrying once'),
    onOutcome: (t, outcome, attempts) => {
      const line = ctx.writer === null ? undefined : taskLine(t, outcome, attempts);
      if (line !== undefined && !record(ctx, line)) return;
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
      const next = nextReplicationCount(policy, p.model, n, ctx.outcomes.rowsOf(point, n));
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
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  if (o.signal.aborted) stop.abort();
  o.signal.addEventListener('abort', onSignal, { once: true });
  try {
    const planned = compilePoints(o.definition, o.scenarioDir);
    checkDefinition(o.definition, planned);
    checkSweepWork(o.definition, planned, o.shard, o.workers);
    const outcomes = new Outcomes(planned, o.definition.report.intervals);
    writer = await openSweepCheckpoint(o, planned, outcomes);
    const ctx: Context = { o, planned, runner, outcomes, writer, stop, failure: null, total: 0 };
    const finished = await runPrecision(ctx);
    if (ctx.failure !== null) throw ctx.failure;
    const errored = outcomes.ordered().filter((r) => r.state === 'errored').length;
    if (finished) writer?.end(endLine(outcomes.size, errored));
    return { planned, outcomes, interrupted: !finished, errored };
  } finally {
    o.signal.removeEventListener('abort', onSignal);
    writer?.close();
    await runner.close();
  }
}
