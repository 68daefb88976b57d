/**
 * Runs a model's replications in this thread, in index order. The seed of replication i
 * depends only on (base seed, i, source) — see engine/random.ts — so the same replications
 * run on a worker pool give the same counters.
 */
import type { Model } from '../engine/model.js';
import { simulateReplication } from '../engine/simulate.js';
import type { ReplicationCounters } from '../engine/recorder.js';

export function runReplications(model: Model, seed: number, replications: number, first = 0): ReplicationCounters[] {
  return foldReplications(model, seed, replications, (r) => r, first);
}

/**
 * Runs the replications in index order and keeps only what `fold` makes of each one's
 * counters: a replication's per-interval arrays (tens of megabytes for a year of several
 * channels) are garbage as soon as the next one starts, so `ccsim run` holds one
 * replication's counters at a time, not every replication's (docs/horizon.md).
 */
export function foldReplications<T>(model: Model, seed: number, replications: number, fold: (r: ReplicationCounters) => T, first = 0): T[] {
  const out: T[] = [];
  for (let i = first; i < first + replications; i++) out.push(fold(simulateReplication(model, seed, i)));
  return out;
}
