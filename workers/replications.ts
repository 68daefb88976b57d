/**
 * Runs a model's replications in this thread, in index order. The seed of replication i
 * depends only on (base seed, i, source) — see engine/random.ts — so the same replications
 * run on a worker pool give the same counters.
 */
import { SimulationError } from '../engine/errors.js';
import type { Model } from '../engine/model.js';
import { simulateReplication } from '../engine/simulate.js';
import type { ReplicationCounters } from '../engine/recorder.js';
import type { TaskOutcome } from './checkpoint.js';

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

/**
 * `foldReplications` on `threads` worker threads: each replication is a task, at most `threads`
 * from the next one to fold on are in flight, and `fold` sees
 * them in index order — so what it makes is what `foldReplications` makes, to the byte, and at
 * most that many replications' counters are held at once. A replication that fails throws here
 * as it would in this thread (a SimulationError with its simulated time), after the threads stop.
 * One thread or none: `foldReplications`, in this thread.
 */
export async function foldReplicationsOnThreads<T>(
  model: Model, seed: number, replications: number, fold: (r: ReplicationCounters) => T, threads: number,
): Promise<T[]> {
  if (threads <= 1) return foldReplications(model, seed, replications, fold);
  // Loaded here, not with the module: a run in this thread (and the library) never needs the pool.
  const { createRunner } = await import('./pool.js');
  const runner = createRunner(threads);
  const inFlight = new Map<number, Promise<TaskOutcome | undefined>>();
  const out: T[] = [];
  let submitted = 0;
  try {
    for (let i = 0; i < replications; i++) {
      // One in flight a thread: the counters waiting to be folded are at most one a thread.
      for (; submitted < replications && submitted < i + threads; submitted++) {
        inFlight.set(submitted, runner.run({ model, seed, replications: [submitted], pointIndex: 0, raw: true }).then((o) => o[0]));
      }
      const outcome = await inFlight.get(i);
      inFlight.delete(i);
      if (outcome === undefined) throw new Error(`replication ${i}: the worker returned no outcome`);
      if (outcome.state === 'errored') {
        const { message, simTimeSec } = outcome.error;
        throw simTimeSec === undefined ? new Error(message) : SimulationError.restored(message, simTimeSec);
      }
      out.push(fold(outcome.counters));
    }
  } finally {
    await runner.close();
  }
  return out;
}
