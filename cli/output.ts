/** Writing a command's result to stdout or to `--out FILE` (whole or not at all: workers/fileWrites.ts). */
import { writeFileAtomic } from '../workers/fileWrites.js';

/** `flag` names the option that gave `out`, in the message of a failed write. */
export function emit(text: string, out: string | undefined, flag = '--out'): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  writeFileAtomic(out, text, flag);
  process.stderr.write(`ccsim: wrote ${out}\n`);
}

/** JSON as ccsim writes it: two-space indent, trailing newline (byte-stable for a given result). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
