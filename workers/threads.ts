/**
 * How many worker threads a command may use (`--workers`). Apart from the pool (workers/pool.ts)
 * so that a command can decide without loading it.
 */
import { availableParallelism } from 'node:os';

/** The most `--workers` accepts. */
export const MAX_WORKERS = 256;

/** The default of `--workers`: the cores. */
export function defaultWorkers(): number {
  return availableParallelism();
}
