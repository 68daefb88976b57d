/**
 * Feeding tasks to a runner: a bounded number of batches in flight, each failed task retried
 * once on its own, and a stop signal (SIGINT) that ends the feeding while the batches in
 * flight finish and are recorded.
 *
 * Tasks go in batches of consecutive replications of one point (workers/task.ts): a
 * replication of a small center takes about a millisecond, as long as a round trip to a
 * thread, so one message per task would waste half the pool. Batches stay small enough
 * (≤ 8, and at least 4 per slot of the pool) that the threads finish together.
 *
 * Outcomes are reported as they arrive (finishing order); the caller keys them by task id,
 * never by that order.
 */
import type { TaskOutcome } from './checkpoint.js';
import type { Task } from './plan.js';
import type { TaskRunner } from './pool.js';
import type { TaskInput } from './task.js';

/** A failed task runs at most this many times before it is recorded as errored. */
export const MAX_ATTEMPTS = 2;
const MAX_BATCH = 8;

export interface ScheduleOptions {
  readonly runner: TaskRunner;
  /** The input of a batch: tasks of one point. */
  readonly inputOf: (batch: readonly Task[]) => TaskInput;
  /** Called once per task with its final outcome and the attempts it took. */
  readonly onOutcome: (task: Task, outcome: TaskOutcome, attempts: number) => void;
  /** A retry is about to run (for the log). */
  readonly onRetry?: (task: Task, outcome: TaskOutcome) => void;
  readonly signal: AbortSignal;
}

/** Consecutive tasks of one point, at most `size` a batch. */
export function batches(tasks: readonly Task[], size: number): Task[][] {
  const out: Task[][] = [];
  for (const task of tasks) {
    const last = out[out.length - 1];
    if (last !== undefined && last.length < size && last[0]?.point === task.point) last.push(task);
    else out.push([task]);
  }
  return out;
}

async function attempt(batch: readonly Task[], o: ScheduleOptions): Promise<void> {
  const outcomes = await o.runner.run(o.inputOf(batch));
  for (let i = 0; i < batch.length; i++) {
    const task = batch[i] as Task;
    let outcome = outcomes[i] ?? { state: 'errored', error: { message: 'the worker returned no outcome' } };
    let attempts = 1;
    while (outcome.state === 'errored' && attempts < MAX_ATTEMPTS) {
      o.onRetry?.(task, outcome);
      outcome = (await o.runner.run(o.inputOf([task])))[0] ?? outcome;
      attempts++;
    }
    o.onOutcome(task, outcome, attempts);
  }
}

/** Runs the tasks; resolves `false` when stopped by the signal before all were started. */
export function runTasks(tasks: readonly Task[], o: ScheduleOptions): Promise<boolean> {
  const size = Math.max(1, Math.min(MAX_BATCH, Math.floor(tasks.length / (o.runner.concurrency * 4))));
  const queue = batches(tasks, size);
  return new Promise<boolean>((resolveRun, reject) => {
    let next = 0;
    let inFlight = 0;
    // The abort listener goes when the run ends: callers that run many small rounds on one
    // signal (ccsim staff) must not pile listeners up on it.
    const onAbort = (): void => { if (inFlight === 0) resolve(next >= queue.length); };
    const resolve = (finished: boolean): void => {
      o.signal.removeEventListener('abort', onAbort);
      resolveRun(finished);
    };
    const pump = (): void => {
      while (!o.signal.aborted && inFlight < o.runner.concurrency && next < queue.length) {
        const batch = queue[next++] as Task[];
        inFlight++;
        attempt(batch, o).then(() => {
          inFlight--;
          pump();
        }, reject);
      }
      if (inFlight === 0 && (o.signal.aborted || next >= queue.length)) resolve(next >= queue.length);
    };
    o.signal.addEventListener('abort', onAbort, { once: true });
    pump();
  });
}
