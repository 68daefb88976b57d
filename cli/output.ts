/** Writing a command's result to stdout or to `--out FILE`. */
import { writeFileSync } from 'node:fs';
import { InputError } from '../engine/errors.js';

export function emit(text: string, out: string | undefined): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (err) {
    throw new InputError(`--out: cannot write "${out}" (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  process.stderr.write(`ccsim: wrote ${out}\n`);
}

/** JSON as ccsim writes it: two-space indent, trailing newline (byte-stable for a given result). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
