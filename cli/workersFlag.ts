/**
 * The `--workers` flag: its rule (every command that takes it), and how many worker threads
 * `ccsim run` and `ccsim check` give their replications (docs/decisions.md, "Replications on
 * threads"). Asked for: that many, at most one a replication. Not asked for:
 * the cores, when the run is long enough to repay starting them — two or more replications and
 * a million contacts or more expected in all (about half a second of one core; a thread takes
 * ~35 ms to start and warms its JIT on its own) — else none. One thread or none means this thread.
 */
import type { Model } from '../engine/model.js';
import { modelWork } from '../scenarios/workLimits.js';
import { defaultWorkers, MAX_WORKERS } from '../workers/threads.js';

/** Expected contacts of a run (all replications) from which it goes on threads by default. */
export const THREADED_RUN_CONTACTS = 1_000_000;

export function runThreads(asked: number | undefined, model: Model): number {
  const reps = model.replications;
  if (asked !== undefined) return Math.min(asked, reps);
  if (reps < 2 || modelWork(model).contactsPerReplication * reps < THREADED_RUN_CONTACTS) return 0;
  return Math.min(defaultWorkers(), reps);
}

/** The `--workers` flag of `run` and `check`. */
export const WORKERS_OPTION = {
  type: 'number',
  describe: 'Worker threads for the replications (0: this thread; default: the cores for two or more replications of a million contacts or more in all, else this thread)',
} as const;

/** What is wrong with a `--workers` value, if anything: a whole number from 0 to MAX_WORKERS. */
export function workersProblem(workers: number | undefined): string[] {
  if (workers === undefined || (Number.isInteger(workers) && workers >= 0 && workers <= MAX_WORKERS)) return [];
  return [`--workers: must be a whole number from 0 to ${MAX_WORKERS} (got ${workers})`];
}
