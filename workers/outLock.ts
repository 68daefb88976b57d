/**
 * One writer per checkpoint. Two processes appending to one `--out` file would interleave
 * their records (and a resume rewrites the file under the other's feet), so the writer holds
 * `OUT.lock`, created exclusively (`wx`: the kernel lets one process win) and holding its
 * process id, host and start time. It is removed when the writer closes, and by an exit hook
 * if the process ends otherwise (a second Ctrl-C exits at once).
 *
 * A lock left by a process that no longer runs on this host (SIGKILL, a crash, a power cut)
 * is stale: it is taken over, with a note. A lock from another host, or one that names no
 * process, cannot be judged from here: the message says how to remove it when it is stale.
 * (Two processes taking over the same stale lock at the same instant could both win; the
 * window is the microseconds between reading it and replacing it.)
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { InputError } from '../engine/errors.js';
import { causeOf } from './fileWrites.js';

export interface OutLock {
  readonly path: string;
  /** Removes the lock file (once). */
  release(): void;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export const lockPathOf = (out: string): string => `${out}.lock`;

function readHolder(path: string): Holder | null {
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder> | null;
    if (raw === null || !Number.isSafeInteger(raw.pid) || typeof raw.host !== 'string') return null;
    return { pid: raw.pid as number, host: raw.host, since: typeof raw.since === 'string' ? raw.since : '?' };
  } catch {
    return null;
  }
}

/** Whether process `pid` runs on this host (signal 0 tests without sending; EPERM: it runs as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates the lock with this process as holder; false when it exists. */
function create(path: string, flag: string, out: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new InputError(`${flag}: cannot write "${out}": its lock file ${path} cannot be created (${causeOf(err)})`);
  }
  try {
    writeSync(fd, `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`);
  } catch (err) {
    closeSync(fd);
    unlinkSync(path);
    throw new InputError(`${flag}: cannot write "${out}": its lock file ${path} cannot be written (${causeOf(err)})`);
  }
  closeSync(fd);
  return true;
}

function refusal(flag: string, out: string, path: string, holder: Holder | null): InputError {
  if (holder === null) {
    return new InputError(`${flag}: "${out}" is locked by ${path}, which names no process; if no ccsim is writing "${out}", remove ${path}`);
  }
  if (holder.host !== hostname()) {
    return new InputError(`${flag}: "${out}" is being written by process ${holder.pid} on host ${holder.host} (since ${holder.since}; lock ${path}); if that process has ended, remove ${path}`);
  }
  return new InputError(`${flag}: "${out}" is being written by another ccsim (process ${holder.pid}, since ${holder.since}; lock ${path}): wait for it to finish, or give another ${flag} file`);
}

/**
 * Takes the lock of `out` (exit 2 naming the other process when it is held); `note` is told
 * when a stale lock is taken over.
 */
export function acquireOutLock(out: string, flag: string, note: (message: string) => void): OutLock {
  const path = lockPathOf(out);
  if (!create(path, flag, out)) {
    const holder = readHolder(path);
    if (holder === null || holder.host !== hostname() || holder.pid === process.pid || running(holder.pid)) throw refusal(flag, out, path, holder);
    try {
      unlinkSync(path);
    } catch { /* another process took it over first: create() below says who holds it */ }
    if (!create(path, flag, out)) throw refusal(flag, out, path, readHolder(path));
    note(`took over the lock ${path} left by process ${holder.pid} (since ${holder.since}), which is no longer running`);
  }
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      unlinkSync(path);
    } catch { /* removed by hand: nothing to release */ }
  };
  process.on('exit', release);
  return { path, release };
}
