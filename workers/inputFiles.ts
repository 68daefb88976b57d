/**
 * The files a scenario reads besides itself — forecast CSVs (`arrivals.forecast`) — as part
 * of a sweep's identity. Their bytes are read once, relative to the scenario file (as `run`
 * and `staff` read them), hashed and carried in the sweep's definition, so:
 * - shards run with different CSVs have different sweep ids, and `merge` refuses them;
 * - `--resume` after a CSV changed is refused as another sweep's file;
 * - `merge` and `report` compile the points from the CSVs the sweep ran with, wherever they
 *   run and whatever files lie around them.
 *
 * The scenario loader reads forecasts from disk, so compiling from a definition writes its
 * CSVs to a private temporary directory laid out as the scenario's paths name them (a
 * relative path under a stand-in for the scenario's directory; an absolute one under
 * `absolute/`, pointed at by an override) and removes it afterwards.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { InputError } from '../engine/errors.js';
import { parseScenarioDocument } from '../scenarios/document.js';
import { INPUT_LIMITS, readInputText } from '../scenarios/inputFile.js';
import { applyOverrides } from '../scenarios/overrides.js';
import { isRecord, listOf } from '../scenarios/raw.js';

export interface InputDigest {
  /** As the scenario names it: relative to the scenario file, or absolute. */
  readonly path: string;
  /** SHA-256 of the file's text, UTF-8 (hex): the bytes the sweep runs with. */
  readonly sha256: string;
}

/** An input file with its contents, as a sweep's definition carries it. */
export interface InputFile extends InputDigest {
  readonly text: string;
}

/** The forecast paths named in scenario data (after overrides), by channel index. */
function forecastsOf(data: unknown): Map<number, string> {
  const found = new Map<number, string>();
  if (!isRecord(data)) return found;
  listOf(data.channels).forEach((channel, i) => {
    const arrivals = isRecord(channel) ? channel.arrivals : undefined;
    if (isRecord(arrivals) && typeof arrivals.forecast === 'string' && arrivals.forecast !== '') found.set(i, arrivals.forecast);
  });
  return found;
}

/**
 * Every forecast file the scenario names under any of `overrideSets` (the base `--set`s and
 * each point's), read relative to `scenarioDir`, in path order, each with the cap `maxBytes`
 * (scenarios/inputFile.ts). A missing file is left out: compiling the scenario reports it, at
 * its line. One that exists but cannot be read — not a regular file, over the cap, not
 * readable — is an InputError naming it now: compiled from the definition, the scenario would
 * only find it missing.
 */
export function readInputFiles(scenarioText: string, scenarioDir: string, overrideSets: readonly (readonly string[])[], maxBytes: number = INPUT_LIMITS.defaultMaxBytes): InputFile[] {
  const doc = parseScenarioDocument(scenarioText);
  if (doc.problems.length > 0) return [];
  const paths = new Set<string>();
  for (const overrides of overrideSets) for (const path of forecastsOf(applyOverrides(doc.data, overrides).data).values()) paths.add(path);
  const files: InputFile[] = [];
  for (const path of [...paths].sort()) {
    const read = readInputText(isAbsolute(path) ? path : resolve(scenarioDir, path), 'forecast CSV', maxBytes);
    if (!read.ok) {
      if (read.missing) continue;
      throw new InputError(`${path}: ${read.reason}`);
    }
    files.push({ path, sha256: createHash('sha256').update(read.text, 'utf8').digest('hex'), text: read.text });
  }
  return files;
}

/** Input files as a definition that only needs their identity keeps them (`ccsim staff`). */
export const digestsOf = (files: readonly InputFile[]): InputDigest[] => files.map(({ path, sha256 }) => ({ path, sha256 }));

export interface MaterializedInputs {
  /** The directory standing for the scenario's: pass as the loader's `baseDir`. */
  readonly baseDir: string | undefined;
  /** Overrides pointing absolute forecast paths at their copies (for one point's data). */
  absoluteOverrides(scenarioText: string, overrides: readonly string[]): string[];
  /** A problem message with the stand-in directory named as `scenarioDir`. */
  readonly relabel: (message: string) => string;
}

/** How many directories a relative path climbs above its base (`../../x.csv`: 2). */
function climb(path: string): number {
  let n = 0;
  for (const segment of normalize(path).split(sep)) {
    if (segment !== '..') break;
    n++;
  }
  return n;
}

/**
 * Runs `fn` with the input files written where the loader will look for them; `scenarioDir`
 * is the real directory, named instead of the stand-in in problem messages.
 */
export function withInputFiles<T>(files: readonly InputFile[], scenarioDir: string | undefined, fn: (inputs: MaterializedInputs) => T): T {
  if (files.length === 0) return fn({ baseDir: scenarioDir, absoluteOverrides: () => [], relabel: (m) => m });
  const root = mkdtempSync(join(tmpdir(), 'ccsim-inputs-'));
  try {
    const depth = Math.max(0, ...files.filter((f) => !isAbsolute(f.path)).map((f) => climb(f.path)));
    const baseDir = join(root, 'scenario', ...Array.from({ length: depth }, () => 'up'));
    const copies = new Map<string, string>();
    try {
      for (const f of files) {
        const copy = isAbsolute(f.path) ? join(root, 'absolute', f.path) : resolve(baseDir, f.path);
        mkdirSync(dirname(copy), { recursive: true });
        writeFileSync(copy, f.text);
        copies.set(f.path, copy);
      }
    } catch (err) {
      throw new Error(`cannot lay out the scenario's input files in ${root}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const absoluteOverrides = (text: string, overrides: readonly string[]): string[] => {
      if (![...copies.keys()].some((path) => isAbsolute(path))) return [];
      const data = applyOverrides(parseScenarioDocument(text).data, overrides).data;
      return [...forecastsOf(data)].flatMap(([i, path]) => {
        const copy = isAbsolute(path) ? copies.get(path) : undefined;
        return copy === undefined ? [] : [`channels[${i}].arrivals.forecast=${JSON.stringify(copy)}`];
      });
    };
    const relabel = (m: string): string => m.split(baseDir).join(scenarioDir ?? '<the scenario\'s directory>').split(join(root, 'absolute')).join('');
    return fn({ baseDir, absoluteOverrides, relabel });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
