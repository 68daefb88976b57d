/**
 * Where tasks run: a piscina pool of worker threads (`--workers N`, default
 * `os.availableParallelism()`), or this thread (`--workers 0`: no threads, for debugging and
 * for tests of pure logic).
 *
 * The pool loads the compiled worker `task.js` next to this module (dist/workers/ when
 * ccsim runs as installed). Run from TypeScript sources (vitest), there is no `task.js`
 * beside `pool.ts`, so the pool falls back to the build in dist/ — vitest's global setup
 * builds it before any suite.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Logger } from 'pino';
import type { TaskOutcome } from './checkpoint.js';
import { runTask, type TaskInput } from './task.js';

export interface TaskRunner {
  /** Tasks worth keeping in flight at once. */
  readonly concurrency: number;
  /** Resolves with each replication's outcome; a crashed worker gives `errored`, never a rejection. */
  run(input: TaskInput): Promise<TaskOutcome[]>;
  /** Stops the threads; in-flight tasks are abandoned. */
  close(): Promise<void>;
}

/** How a long run on the pool (a sweep, a staffing search) is driven, whatever it computes. */
export interface RunControls {
  /** Worker threads; 0 runs the tasks in this thread. */
  readonly workers: number;
  /** The JSONL checkpoint, or null to keep results in memory only. */
  readonly out: string | null;
  /** Continue `out`, reusing what it recorded. */
  readonly resume: boolean;
  /** Aborted to stop handing out work (Ctrl-C); what is in flight finishes and is recorded. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Units recorded so far and the total known so far (it may grow as the run goes). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Cap on the checkpoint a `resume` reads, bytes (`--max-input-mb`). @default scenarios/inputFile.ts `inputCap('checkpoint')` */
  readonly maxInputBytes?: number;
}

function workerFile(): string {
  const beside = new URL('./task.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside.href;
  const built = new URL('../dist/workers/task.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built.href;
  throw new Error(`cannot find the worker file task.js (looked at ${fileURLToPath(beside)} and ${fileURLToPath(built)}); run npm run build`);
}

class InProcessRunner implements TaskRunner {
  readonly concurrency = 1;
  async run(input: TaskInput): Promise<TaskOutcome[]> {
    // Yield first, so a SIGINT between tasks is handled while the sweep runs in this thread.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return runTask(input);
  }
  async close(): Promise<void> {}
}

class PoolRunner implements TaskRunner {
  readonly concurrency: number;
  private readonly pool: Piscina<TaskInput, TaskOutcome[]>;

  constructor(threads: number) {
    // Two tasks a thread keep every thread busy while the main thread records a result.
    this.concurrency = threads * 2;
    this.pool = new Piscina<TaskInput, TaskOutcome[]>({ filename: workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
  }

  async run(input: TaskInput): Promise<TaskOutcome[]> {
    try {
      return await this.pool.run(input);
    } catch (err) {
      // The task itself never throws: this is a worker that died (exit, out of memory).
      const error = { message: `worker failed: ${err instanceof Error ? err.message : String(err)}` };
      return input.replications.map(() => ({ state: 'errored', error }));
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

export function createRunner(workers: number): TaskRunner {
  return workers === 0 ? new InProcessRunner() : new PoolRunner(workers);
}
