/**
 * The `--workers` flag: its rule (every command that takes it), and how many worker threads
 * `ccsim run` and `ccsim check` give their replications (docs/decisions.md, "Replications on
 * threads"): what is asked, at most one a replication; not asked, none — the run stays in this
 * thread. One thread or none means this thread.
 */
import type { Model } from '../engine/model.js';
import { MAX_WORKERS } from '../workers/threads.js';

export function runThreads(asked: number | undefined, model: Model): number {
  return asked === undefined ? 0 : Math.min(asked, model.replications);
}

/** The `--workers` flag of `run` and `check`. */
export const WORKERS_OPTION = {
  type: 'number',
  describe: 'Worker threads for the replications (default 0: this thread; each thread holds its own copy of the run\'s working memory)',
} as const;

/** What is wrong with a `--workers` value, if anything: a whole number from 0 to MAX_WORKERS. */
export function workersProblem(workers: number | undefined): string[] {
  if (workers === undefined || (Number.isInteger(workers) && workers >= 0 && workers <= MAX_WORKERS)) return [];
  return [`--workers: must be a whole number from 0 to ${MAX_WORKERS} (got ${workers})`];
}
