/**
 * Running one mutant through the built CLI in a child process with a heap cap and a
 * wall-clock timeout, and judging the outcome. The contract (README, "Exit codes"): any
 * input gives exit 0, 1 or 2 with a message, never 3, never a signal, never a stack trace,
 * and it ends in bounded time and memory.
 */
import { spawn } from 'node:child_process';

export type Outcome = 'exit0' | 'exit1' | 'exit2' | 'exit3' | 'other-exit' | 'signal' | 'timeout' | 'stack';

/** Every outcome, in the order the summaries print them. */
export const OUTCOMES: readonly Outcome[] = ['exit0', 'exit1', 'exit2', 'exit3', 'other-exit', 'signal', 'timeout', 'stack'];

/** The outcomes that break the contract. */
export const FAILING: ReadonlySet<Outcome> = new Set<Outcome>(['exit3', 'other-exit', 'signal', 'timeout', 'stack']);

export interface Execution {
  readonly outcome: Outcome;
  readonly status: number | null;
  readonly signal: string | null;
  readonly ms: number;
  /** The start of stderr (at most MAX_KEPT characters). */
  readonly stderr: string;
  readonly stdoutBytes: number;
}

export interface Limits {
  readonly timeoutMs: number;
  /** --max-old-space-size of the CLI process (its worker threads share the V8 flag). */
  readonly heapMb: number;
}

const MAX_KEPT = 64 * 1024;

/** A V8 or Node stack frame line, as an uncaught error prints it. */
const STACK_FRAME = /(^|\n) {4}at /;

export function classify(status: number | null, signal: string | null, timedOut: boolean, stderr: string): Outcome {
  if (timedOut) return 'timeout';
  if (signal !== null) return 'signal';
  if (status === 3) return 'exit3';
  if (STACK_FRAME.test(stderr)) return 'stack';
  if (status === 0) return 'exit0';
  if (status === 1) return 'exit1';
  if (status === 2) return 'exit2';
  return 'other-exit';
}

/** The command line a person runs to see the same thing (the heap cap included). */
export function nodeArgs(cli: string, args: readonly string[], limits: Limits): string[] {
  return [`--max-old-space-size=${limits.heapMb}`, cli, ...args];
}

/** Runs `node <cli> <args>` in `cwd`; kills its process group at the timeout. */
export function execute(cli: string, args: readonly string[], cwd: string, limits: Limits): Promise<Execution> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs(cli, args, limits), {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so the timeout ends it and anything it started, and nothing else.
      detached: true,
    });
    let stderr = '';
    let stdoutBytes = 0;
    let timedOut = false;
    child.stdout.on('data', (b: Buffer) => { stdoutBytes += b.length; });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => { if (stderr.length < MAX_KEPT) stderr += s.slice(0, MAX_KEPT - stderr.length); });
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { child.kill('SIGKILL'); }
      }
    }, limits.timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ outcome: classify(status, signal, timedOut, stderr), status, signal, ms: Math.round(performance.now() - started), stderr, stdoutBytes });
    });
  });
}
