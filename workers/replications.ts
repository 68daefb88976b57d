/**
 * Runs a model's replications in this thread, in index order. The seed of replication i
 * depends only on (base seed, i, source) — see engine/random.ts — so the same replications
 * run on a worker pool give the same counters.
 */
import type { Model } from '../engine/model.js';
import { simulateReplication } from '../engine/simulate.js';
import type { ReplicationCounters } from '../engine/recorder.js';

export function runReplications(model: Model, seed: number, replications: number, first = 0): ReplicationCounters[] {
  const out: ReplicationCounters[] = [];
  for (let i = first; i < first + replications; i++) out.push(simulateReplication(model, seed, i));
  return out;
}
