/**
 * One (point, replication) task: the piscina worker's entry, also called in-process
 * (`--workers 0`). It receives the compiled model as plain data (structured clone) and
 * returns plain data — `completed` with the counters or `errored` with the message and the
 * simulated time — and never throws across the pool (STYLE habit 9).
 *
 * Test-only fault injection: `CCSIM_FAULT_INJECT=point:3` (comma-separated for several
 * points) makes every task of point 3 fail as an invariant violation would, so tests can
 * check that a failing task is retried, recorded as errored and the sweep goes on. It is
 * read here, in the worker, exactly where a real failure would happen.
 */
import { SimulationError } from '../engine/errors.js';
import type { Model } from '../engine/model.js';
import { simulateReplication } from '../engine/simulate.js';
import { canonicalCounters, encodeCounters, type TaskOutcome } from './checkpoint.js';

/**
 * A batch of replications of one point: the model crosses to the thread once for all of
 * them, and one message carries their outcomes back (tasks take about a millisecond, so
 * per-message costs matter). Each replication still has its own outcome.
 */
export interface TaskInput {
  readonly model: Model;
  readonly seed: number;
  readonly replications: readonly number[];
  readonly pointIndex: number;
  /**
   * Also return the counters' checkpoint text (a sweep writing `--out`): encoded here, in
   * parallel, rather than on the main thread.
   */
  readonly encode?: boolean;
  /**
   * Return the counters as simulated, not in their checkpoint form (`ccsim run` on threads:
   * its report is made from the counters as they are in this thread, so it stays the same to
   * the byte whichever thread ran them).
   */
  readonly raw?: boolean;
}

function injectedFault(pointIndex: number): boolean {
  const spec = process.env.CCSIM_FAULT_INJECT;
  if (spec === undefined || spec === '') return false;
  return spec.split(',').some((item) => item.trim() === `point:${pointIndex}`);
}

function runReplication(input: TaskInput, replication: number): TaskOutcome {
  try {
    if (injectedFault(input.pointIndex)) {
      throw new SimulationError(`injected fault in point ${input.pointIndex} (CCSIM_FAULT_INJECT, test only)`, 0);
    }
    const simulated = simulateReplication(input.model, input.seed, replication);
    const counters = input.raw === true ? simulated : canonicalCounters(simulated);
    return input.encode === true ? { state: 'completed', counters, encoded: encodeCounters(counters) } : { state: 'completed', counters };
  } catch (err) {
    if (err instanceof SimulationError) return { state: 'errored', error: { message: err.message, simTimeSec: err.simTimeSec } };
    return { state: 'errored', error: { message: err instanceof Error ? err.message : String(err) } };
  }
}

/** The outcome of each replication of the batch, in the batch's order. */
export function runTask(input: TaskInput): TaskOutcome[] {
  return input.replications.map((r) => runReplication(input, r));
}

export default runTask;
