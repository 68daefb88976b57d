/**
 * Writing files so that a failure leaves nothing half-done, and says so in one line.
 *
 * - A result (`run --out`, `--report`, `--junit`, `--result`, a chart spec) is written to a
 *   temporary file beside it, flushed, then renamed over it: a reader sees the old file or the
 *   whole new one, never a prefix; on failure the temporary file is removed and the old file,
 *   if any, is untouched. A target that is not a regular file (`/dev/stdout`, a FIFO,
 *   `/dev/full`) cannot be replaced by a rename and is written in place.
 * - Every byte goes through `writeAll`, the one place a test can make the disk full
 *   (`CCSIM_FAULT_INJECT=disk-full-after:N`, workers/faults.ts) the way a real one fails: part
 *   of the write lands, then ENOSPC.
 *
 * A write error is the user's to fix (make room, pick a writable place), so it is an
 * InputError (exit 2) naming the flag, the path and the cause in words.
 */
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../engine/errors.js';
import { injectedFaults } from './faults.js';

const CAUSES: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOENT: 'no such directory',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  EIO: 'input/output error',
};

/** `ENOSPC: no space left on device` — the code, for searching, and what it means. */
export function causeOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === undefined) return err instanceof Error ? err.message : String(err);
  const words = CAUSES[code];
  return words === undefined ? code : `${code}: ${words}`;
}

/** `--out: cannot write "r.json" (ENOSPC: no space left on device)` + what was left behind. */
export function writeFailure(flag: string, path: string, err: unknown, aftermath = ''): InputError {
  return new InputError(`${flag}: cannot write "${path}" (${causeOf(err)})${aftermath}`);
}

/** Writes made by this process, counted for the injected full disk. */
let writes = 0;

/** Writes all of `text` at the descriptor's position (a short write is continued); throws the system's error. */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  const full = injectedFaults().diskFullAfter;
  writes++;
  if (full !== null && writes > full) {
    writeSync(fd, bytes, 0, bytes.length >> 1);
    throw Object.assign(new Error('ENOSPC: no space left on device, write (injected by CCSIM_FAULT_INJECT)'), { code: 'ENOSPC' });
  }
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** The temporary file a result is written to before its rename: hidden, beside it, named by this process. */
export const tempPathOf = (path: string): string => join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);

/**
 * The file a path finally names (symlinks followed), and whether a rename could replace it:
 * only a regular file can be (`/dev/stdout`, a FIFO or a device is written in place).
 */
function targetOf(path: string): { readonly path: string; readonly renameable: boolean } {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    return { path, renameable: true }; // not there yet (or unreachable: the write says why)
  }
  if (!isFile) return { path, renameable: false };
  try {
    return { path: realpathSync(path), renameable: true };
  } catch {
    return { path, renameable: true };
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch { /* already gone */ }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch { /* the write's own error is the one to report */ }
}

/** Writes a whole result file, or nothing (see above); `flag` names it in the error. */
export function writeFileAtomic(path: string, text: string, flag: string): void {
  const target = targetOf(path);
  if (!target.renameable) {
    let fd: number | null = null;
    try {
      fd = openSync(target.path, 'w');
      writeAll(fd, text);
    } catch (err) {
      throw writeFailure(flag, path, err);
    } finally {
      if (fd !== null) closeQuietly(fd);
    }
    return;
  }
  const temp = tempPathOf(target.path);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'w');
    writeAll(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, target.path);
  } catch (err) {
    if (fd !== null) closeQuietly(fd);
    removeQuietly(temp);
    throw writeFailure(flag, path, err, '; nothing was written');
  }
}
