/**
 * Reading a checkpoint (a sweep's or a staffing search's JSONL file) line by line: memory
 * stays flat in the file's size — one line at a time is parsed and handed on, and the caller
 * keeps what it needs (a sweep: each task's counters; a resume also copies the line on).
 *
 * Checked on the way, for every caller (`--resume`, `merge`, `report`):
 * - line 1 is a header of the expected format and version (version 1 is refused with advice),
 *   sealed by its checksum;
 * - every later line is one sealed record — a task or the end record, nothing after the end;
 * - only the last line may be incomplete (not JSON): a crash while it was written. It is
 *   reported as `truncatedLine` and left to the caller (a resume runs its task again; a merge
 *   refuses the shard as unfinished). An incomplete line anywhere else, a record without its
 *   checksum or one that does not match it is an InputError naming the file and line — or,
 *   for a caller that can run the task again (`--resume`, with `onDamaged`), a damaged line
 *   named to it and skipped.
 * What the records must be — which tasks, how many — is the caller's plan to check
 * (workers/shardLedger.ts for a sweep).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { InputError } from '../engine/errors.js';
import { checkInputText, inputCap } from '../scenarios/inputFile.js';
import { CHECKPOINT_FORMAT, CHECKPOINT_VERSION, type EndRecord } from './checkpoint.js';
import { sealState } from './recordSeal.js';

export type RawRecord = Readonly<Record<string, unknown>>;

/** The fields every checkpoint header has, checked; the definition is the format's own. */
export interface HeaderFields {
  readonly sweepId: string;
  readonly shard: { readonly index: number; readonly count: number };
  readonly raw: RawRecord;
}

export interface CheckpointScan {
  readonly header: HeaderFields;
  readonly end: { readonly record: EndRecord; readonly line: number } | null;
  /** Task records read. */
  readonly tasks: number;
  /** The number of a last line cut short by a crash mid-write (dropped), or null. */
  readonly truncatedLine: number | null;
}

/** `onTask(record, line, text)`: a sealed task record, its line number and its text (no newline). */
export type TaskVisitor = (record: RawRecord, line: number, text: string) => void;

const KNOWN: Readonly<Record<string, string>> = { 'ccsim-sweep': 'a sweep\'s --out file', 'ccsim-staff': 'a staffing search\'s --out file' };
const nameOf = (format: string): string => (format === CHECKPOINT_FORMAT ? 'ccsim sweep' : format);
const isRecord = (v: unknown): v is RawRecord => v !== null && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * A regular file within the checkpoint cap (a FIFO or `/dev/zero` could stream one endless
 * line; scenarios/inputFile.ts), or an InputError naming the flag and the file.
 */
function checkReadable(path: string, flag: string, maxBytes: number): void {
  const checked = checkInputText(path, 'checkpoint', maxBytes);
  if (!checked.ok) throw new InputError(`${flag}: "${path}" ${checked.reason}`);
}

function parseHeader(text: string, path: string, format: string): HeaderFields {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = null;
  }
  const name = nameOf(format);
  if (!isRecord(raw) || raw.type !== 'header') throw new InputError(`${path}:1: not a ${name} file (the first line must be its header record)`);
  if (raw.format !== format) {
    const what = typeof raw.format === 'string' ? KNOWN[raw.format] : undefined;
    throw new InputError(`${path}:1: not a ${name} file${what === undefined ? '' : `: it is ${what} (format ${String(raw.format)})`}`);
  }
  if (raw.version !== CHECKPOINT_VERSION) {
    throw new InputError(`${path}:1: written in checkpoint format version ${String(raw.version)} by ${Number(raw.version) < CHECKPOINT_VERSION ? 'an older' : 'a newer'} ccsim; this ccsim reads version ${CHECKPOINT_VERSION} (every record checksummed): run it again into a new --out file, or finish it with the ccsim that started it`);
  }
  const seal = sealState(text);
  if (seal !== 'sealed') throw new InputError(`${path}:1: the header's checksum ${seal === 'broken' ? 'does not match its content' : 'is missing'}: the header was altered or damaged`);
  const shard = raw.shard;
  if (typeof raw.sweepId !== 'string' || !isRecord(shard) || !isCount(shard.index) || !isCount(shard.count) || shard.index >= shard.count) {
    throw new InputError(`${path}:1: the header lacks its sweep id or shard ({"index": I, "count": N})`);
  }
  return { sweepId: raw.sweepId, shard: { index: shard.index, count: shard.count }, raw };
}

function endOf(raw: RawRecord, at: string): EndRecord {
  if (!isCount(raw.tasks) || !isCount(raw.completed) || !isCount(raw.errored) || raw.completed + raw.errored !== raw.tasks) {
    throw new InputError(`${at}: the end record's counts are not whole numbers with completed + errored = tasks`);
  }
  return { type: 'end', tasks: raw.tasks, completed: raw.completed, errored: raw.errored };
}

/** Each line of the file (without its newline), read in chunks; the file is closed however the loop ends. */
async function* lines(path: string): AsyncGenerator<string> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const reader = createInterface({ input, crlfDelay: Infinity });
  try {
    yield* reader;
  } finally {
    reader.close();
    input.destroy();
  }
}

/** The header alone (the first line), checked. */
export async function readCheckpointHeader(path: string, flag: string, format: string = CHECKPOINT_FORMAT, maxBytes: number = inputCap('checkpoint')): Promise<HeaderFields> {
  checkReadable(path, flag, maxBytes);
  for await (const text of lines(path)) return parseHeader(text, path, format);
  throw new InputError(`${path}: is empty, not a ${nameOf(format)} file`);
}

export interface ScanOptions {
  /** Cap on the file, bytes. @default scenarios/inputFile.ts `inputCap('checkpoint')` */
  readonly maxBytes?: number;
  /**
   * Given, a damaged record line — not JSON before the last line, not a record, its checksum
   * missing or not matching — is handed to it (`file:line: what is wrong`) and skipped, for a
   * caller that runs the lost task again; without it such a line is an InputError.
   */
  readonly onDamaged?: (problem: string) => void;
}

/** Reads the whole file, handing each task record to `onTask` in file order (see the module comment). */
export async function scanCheckpoint(path: string, flag: string, format: string, onTask: TaskVisitor, options: ScanOptions = {}): Promise<CheckpointScan> {
  checkReadable(path, flag, options.maxBytes ?? inputCap('checkpoint'));
  const damaged = (problem: string): void => {
    if (options.onDamaged === undefined) throw new InputError(problem);
    options.onDamaged(problem);
  };
  let header: HeaderFields | null = null;
  let end: CheckpointScan['end'] = null;
  let tasks = 0;
  let n = 0;
  /** An incomplete line: fatal unless it turns out to be the last. */
  let cut: number | null = null;
  for await (const text of lines(path)) {
    n++;
    if (cut !== null) {
      damaged(`${path}:${cut}: not a complete record (invalid JSON); only the last line may be cut short, by a crash while it was written`);
      cut = null;
    }
    if (header === null) {
      header = parseHeader(text, path, format);
      continue;
    }
    if (text.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      cut = n;
      continue;
    }
    const at = `${path}:${n}`;
    if (!isRecord(raw) || (raw.type !== 'task' && raw.type !== 'end')) {
      damaged(`${at}: not a ${nameOf(format)} record (a task or the end record)`);
      continue;
    }
    const what = raw.type === 'end' ? 'the end record' : `task ${typeof raw.id === 'string' ? raw.id : '?'}`;
    const seal = sealState(text);
    if (seal !== 'sealed') {
      damaged(`${at}: ${what}'s checksum ${seal === 'broken' ? 'does not match its content' : 'is missing'}: the record was altered or damaged`);
      continue;
    }
    if (end !== null) throw new InputError(`${at}: a record after the end record (line ${end.line})`);
    if (raw.type === 'end') {
      end = { record: endOf(raw, at), line: n };
    } else {
      tasks++;
      onTask(raw, n, text);
    }
  }
  if (header === null) throw new InputError(`${path}: is empty, not a ${nameOf(format)} file`);
  return { header, end, tasks, truncatedLine: cut };
}
