/**
 * Appending records to a checkpoint, one synchronous write a line, so every line written is
 * on disk (in the OS's cache) whatever happens to the process next.
 *
 * - The file is started aside (`OUT.tmp-PID`: the header, then on a resume the records kept
 *   from the old file, copied as they are read) and renamed over `OUT` once whole: a kill
 *   during a resume's rewrite leaves the old file as it was. The descriptor stays open across
 *   the rename, so appends then go to `OUT`.
 * - The writer holds `OUT.lock` (workers/outLock.ts) from before the old file is read until
 *   it closes.
 * - A failed append (a full disk) may have written part of its line; the file is cut back to
 *   its last whole record and the writer refuses further writes, so the checkpoint stays
 *   readable. Should even the cut fail, the half line is the last one, which every reader
 *   detects and names (workers/checkpointReader.ts): its task runs again on resume.
 * - The test faults `kill-after-lines:N` and `kill-before-end` (workers/faults.ts) SIGKILL the
 *   process here, at exactly that point of the run.
 */
import { closeSync, ftruncateSync, openSync, renameSync, unlinkSync } from 'node:fs';
import type { InputError } from '../engine/errors.js';
import { injectedFaults } from './faults.js';
import { causeOf, writeAll, writeFailure } from './fileWrites.js';
import type { OutLock } from './outLock.js';

export class CheckpointWriter {
  private fd: number | null;
  /** Bytes of whole records in the file. */
  private size = 0;
  /** The temporary file until `commit`, then null. */
  private temp: string | null;
  private failure: InputError | null = null;
  /** Task records this process appended (the kill fault counts these). */
  private appended = 0;

  private constructor(readonly path: string, private readonly flag: string, private readonly lock: OutLock, temp: string, fd: number) {
    this.temp = temp;
    this.fd = fd;
  }

  /** Starts the file aside with its header line; `commit` puts it in place. Releases the lock if it cannot. */
  static begin(path: string, headerLine: string, lock: OutLock, flag = '--out'): CheckpointWriter {
    const temp = `${path}.tmp-${process.pid}`;
    try {
      unlinkSync(temp); // left by an earlier process that had this id
    } catch { /* none */ }
    let fd: number;
    try {
      fd = openSync(temp, 'ax');
    } catch (err) {
      lock.release();
      throw writeFailure(flag, path, err, '; nothing was changed');
    }
    const writer = new CheckpointWriter(path, flag, lock, temp, fd);
    writer.append(headerLine); // on failure the temporary file is removed and the lock released
    return writer;
  }

  /** A new file holding only the header, in place. */
  static create(path: string, headerLine: string, lock: OutLock, flag = '--out'): CheckpointWriter {
    const writer = CheckpointWriter.begin(path, headerLine, lock, flag);
    writer.commit();
    return writer;
  }

  /** Copies a record kept from the file being resumed (`line` without its newline). */
  copy(line: string): void {
    this.append(`${line}\n`);
  }

  /** Puts the file begun aside in place of `path`. */
  commit(): void {
    if (this.temp === null) return;
    try {
      renameSync(this.temp, this.path);
    } catch (err) {
      this.abandon();
      throw writeFailure(this.flag, this.path, err, '; the file is as it was');
    }
    this.temp = null;
  }

  /** Appends a task record's line (with its newline). */
  write(line: string): void {
    this.append(line);
    this.appended++;
    if (injectedFaults().killAfterLines === this.appended) process.kill(process.pid, 'SIGKILL');
  }

  /** Appends the end record's line: the shard or search is finished. */
  end(line: string): void {
    if (injectedFaults().killBeforeEnd) process.kill(process.pid, 'SIGKILL');
    this.append(line);
  }

  private append(line: string): void {
    if (this.failure !== null) throw this.failure;
    if (this.fd === null) return;
    try {
      writeAll(this.fd, line);
      this.size += Buffer.byteLength(line);
    } catch (err) {
      this.failure = this.failed(err);
      throw this.failure;
    }
  }

  /** Cuts the file back to its whole records and says what it holds. */
  private failed(err: unknown): InputError {
    let cut = '';
    try {
      if (this.fd !== null) ftruncateSync(this.fd, this.size);
    } catch (again) {
      cut = ` (its last line is cut short and could not be removed: ${causeOf(again)}; a resume names it and runs its task again)`;
    }
    if (this.temp !== null) {
      this.abandon();
      return writeFailure(this.flag, this.path, err, '; nothing was changed');
    }
    return writeFailure(this.flag, this.path, err, `; it keeps every record written before${cut}: make room, then continue with the same command plus --resume`);
  }

  /** Closes a file begun aside without putting it in place: the temporary file goes. */
  abandon(): void {
    if (this.temp !== null) {
      try {
        unlinkSync(this.temp);
      } catch { /* already gone */ }
      this.temp = null;
    }
    this.close();
  }

  /** Closes the file and releases its lock. */
  close(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch { /* nothing more to write */ }
    }
    this.fd = null;
    this.lock.release();
  }
}
