/**
 * `--interval-file F`: the file reports/run/intervalFile.ts makes, written as it is made (one
 * replication's intervals at a time, never held) and closed at the end. It is written in
 * place, not atomically: a year of intervals is larger than is worth holding to rename.
 */
import { closeSync, openSync } from 'node:fs';
import { InputError } from '../engine/errors.js';
import type { Model } from '../engine/model.js';
import { IntervalFile, intervalFileFormat } from '../reports/run/intervalFile.js';
import { causeOf, writeAll, writeFailure } from '../workers/fileWrites.js';

export interface OpenIntervalFile {
  readonly file: IntervalFile;
  close(): void;
}

export function openIntervalFile(path: string, model: Model): OpenIntervalFile {
  intervalFileFormat(path);
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (err) {
    throw new InputError(`--interval-file: cannot write to "${path}" (${causeOf(err)})`);
  }
  const file = new IntervalFile(path, model, (text) => {
    try {
      writeAll(fd, text);
    } catch (err) {
      throw writeFailure('--interval-file', path, err);
    }
  });
  return { file, close: () => closeSync(fd) };
}
