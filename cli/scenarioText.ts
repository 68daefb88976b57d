/** Reading a scenario file's text for commands that validate it themselves (sweep, staff), with its size cap. */
import { INPUT_LIMITS, readInputFile } from '../scenarios/inputFile.js';

/** The text, or an InputError naming the file: missing, not a regular file, larger than `maxBytes`. */
export function readScenarioText(path: string, maxBytes: number = INPUT_LIMITS.defaultMaxBytes): string {
  return readInputFile(path, 'scenario file', maxBytes);
}
