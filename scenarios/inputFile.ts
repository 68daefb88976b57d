/**
 * Every file ccsim reads — a scenario, a forecast CSV, a saved run result, a sweep's or a
 * staffing search's checkpoint — is read (or, when another module streams it, first checked)
 * here, with a size cap (issue 18). A file that is not a regular file (a directory,
 * `/dev/zero`, a FIFO, a socket) is refused before a byte is read: a device or a pipe has no
 * size to check and may never end. A regular file larger than its cap is refused before it
 * is read; the cap holds for the bytes actually read too, so a file that grows meanwhile
 * cannot slip past it.
 *
 * The caps exist because everything downstream holds the whole text in memory several times
 * over (the YAML parser's syntax tree, zod's copy, the compiled model): a 50 MB scenario
 * took 1.8–4.3 GB and minutes before them. `--max-input-mb N` raises them on every command
 * that reads files; checkpoints have a larger default of their own, since a long sweep
 * legitimately writes hundreds of megabytes.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { InputError } from '../engine/errors.js';

const MB = 1024 * 1024;

export const INPUT_LIMITS = {
  /** Default cap on a scenario, forecast CSV or saved run result: 16 MB (`--max-input-mb` raises it). */
  defaultMaxBytes: 16 * MB,
  /**
   * Default cap on a checkpoint (a sweep's or staffing search's `--out` JSONL, a shard given to
   * `merge` or `report`): 256 MB. A week-long sweep writes some 50 kB a task, so 5,000 tasks.
   */
  checkpointMaxBytes: 256 * MB,
  /**
   * The most `--max-input-mb` may ask for: V8 holds at most 2^29 − 24 UTF-16 code units in one
   * string (~512 MB), and the readers need a file as one string.
   */
  maxFlagMb: 500,
} as const;

/** The largest cap `--max-input-mb` can set, bytes: any file read under a cap is within it. */
export const MAX_READABLE_BYTES = INPUT_LIMITS.maxFlagMb * MB;

/** What the file is, as messages name it. */
export type InputKind = 'scenario file' | 'forecast CSV' | 'interval report' | 'column map' | 'result file' | 'checkpoint' | 'template file';

/** The cap for one kind of file: its default, or `--max-input-mb` when that is larger. */
export function inputCap(kind: InputKind, maxInputBytes: number = INPUT_LIMITS.defaultMaxBytes): number {
  return kind === 'checkpoint' ? Math.max(INPUT_LIMITS.checkpointMaxBytes, maxInputBytes) : maxInputBytes;
}

/** `--max-input-mb N` in bytes (the default when not given); a usage error naming the flag when N is out of range. */
export function maxInputBytesFlag(mb: number | undefined): number {
  if (mb === undefined) return INPUT_LIMITS.defaultMaxBytes;
  if (!(Number.isInteger(mb) && mb >= 1 && mb <= INPUT_LIMITS.maxFlagMb)) {
    throw new InputError(`--max-input-mb: must be a whole number of megabytes from 1 to ${INPUT_LIMITS.maxFlagMb} (got ${mb})`);
  }
  return mb * MB;
}

/**
 * The text of a file, or why it cannot be read: a sentence that follows the file's name, and
 * whether the file is simply not there (a caller may leave that to be reported elsewhere).
 */
export type InputText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string; readonly missing: boolean };

const refused = (reason: string, missing = false): InputText => ({ ok: false, reason, missing });

/** `73,400,622 bytes (70.0 MB)`. */
function sizeText(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes (${(bytes / MB).toFixed(1)} MB)`;
}

function tooLarge(kind: InputKind, size: string, cap: number): string {
  const raise = cap >= INPUT_LIMITS.maxFlagMb * MB ? 'no larger file can be read' : `raise the cap with --max-input-mb N (at most ${INPUT_LIMITS.maxFlagMb})`;
  return `is ${size}; a ${kind} may be at most ${cap / MB} MB: ${raise}`;
}

function whatItIs(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isFIFO()) return 'a pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  return 'not a plain file';
}

function failure(kind: InputKind, err: unknown): InputText {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return refused('no such file', true);
  if (code === 'EACCES' || code === 'EPERM') return refused(`permission denied (a ${kind} must be readable)`);
  if (code === 'ENOTDIR') return refused('no such file (a part of the path is not a directory)', true);
  return refused(`cannot be read (${code ?? (err instanceof Error ? err.message : String(err))})`);
}

/**
 * Runs `use` on the open file once it is known to be a regular file within the cap. Opened
 * without blocking: opening a FIFO for reading would otherwise wait for a writer forever,
 * before there is a descriptor to ask what the file is.
 */
function withRegularFile(path: string, kind: InputKind, maxBytes: number, use: (fd: number, size: number) => InputText): InputText {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return failure(kind, err);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      return refused(`is not a regular file (${whatItIs(stat)}); a ${kind} must be a file on disk: save the input to a file and name that`);
    }
    if (stat.size > maxBytes) return refused(tooLarge(kind, sizeText(stat.size), maxBytes));
    return use(fd, stat.size);
  } catch (err) {
    return failure(kind, err);
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, never more than one byte past the cap (a file that grew since fstat). */
function readAll(fd: number, size: number, kind: InputKind, maxBytes: number): InputText {
  let buffer = Buffer.allocUnsafe(size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return refused(tooLarge(kind, `more than ${sizeText(maxBytes)}`, maxBytes));
      const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, 2 * buffer.length));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) return { ok: true, text: buffer.toString('utf8', 0, length) };
    length += n;
  }
}

/** The whole text (UTF-8) of a regular file of at most `maxBytes`, or why not (see `InputText`). */
export function readInputText(path: string, kind: InputKind, maxBytes: number = inputCap(kind)): InputText {
  return withRegularFile(path, kind, maxBytes, (fd, size) => readAll(fd, size, kind, maxBytes));
}

/**
 * The whole text of the file, or an `InputError` naming it: not a regular file, larger than
 * `maxBytes` (its size, the cap and how to raise it), missing, unreadable.
 */
export function readInputFile(path: string, kind: InputKind, maxBytes: number = inputCap(kind)): string {
  const read = readInputText(path, kind, maxBytes);
  if (!read.ok) throw new InputError(`${path}: ${read.reason}`);
  return read.text;
}

/**
 * The checks of `readInputText` without reading, for a file another module streams itself (a
 * checkpoint, read line by line by workers/): `{ ok: true, text: '' }` when it passes.
 */
export function checkInputText(path: string, kind: InputKind, maxBytes: number = inputCap(kind)): InputText {
  return withRegularFile(path, kind, maxBytes, () => ({ ok: true, text: '' }));
}

/** As `checkInputText`, an `InputError` naming the file when it fails: the command refuses it before any work. */
export function checkInputFile(path: string, kind: InputKind, maxBytes: number = inputCap(kind)): void {
  const checked = checkInputText(path, kind, maxBytes);
  if (!checked.ok) throw new InputError(`${path}: ${checked.reason}`);
}
