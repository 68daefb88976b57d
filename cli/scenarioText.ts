/** Reading a scenario file's text for commands that validate it themselves (sweep, staff). */
import { readFileSync } from 'node:fs';
import { InputError } from '../engine/errors.js';

export function readScenarioText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a scenario file' : `cannot be read (${code ?? String(err)})`;
    throw new InputError(`${path}: ${why}`);
  }
}
