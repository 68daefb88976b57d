/**
 * The scenario's `sweep:` block: what to vary when no `--vary` is given.
 *
 * ```yaml
 * sweep:
 *   grid:                          # every combination; first key varies slowest
 *     agents[0].count: 30..45      # same SPEC as --vary: range, range:step, or a list
 *     channels[0].handle.mean: [5m, 6m]
 * # or
 * sweep:
 *   variants:                      # named points, each a set of overrides
 *     - { name: today, set: {} }
 *     - { name: plus-two, set: { agents[0].count: 37 } }
 * # or
 * sweep:
 *   samples:                       # random or Latin-hypercube samples (workers/sample.ts)
 *     method: lhs                  # lhs | random
 *     count: 20
 *     seed: 7                      # default 1
 *     ranges:
 *       agents[0].count: { min: 30, max: 45, integer: true }
 *       channels[0].handle.mean: { min: 300, max: 420 }
 * ```
 *
 * The scenario schema (scenarios/schema.ts) does not know `sweep` (its objects are strict),
 * so the block is read from the raw document and cut out of the text before the scenario
 * is validated: blanked character for character when the document is block YAML, so every
 * other field keeps its line:col in error messages; re-serialised without it otherwise
 * (JSON and flow documents).
 */
import { isMap, isPair, isScalar, parseDocument, type Pair } from 'yaml';
import { InputError } from '../engine/errors.js';
import type { SampleRange } from './sample.js';
import { MAX_POINTS, checkPath, gridPoints, parseValues, pointOf, samplePoints, type ParameterValue, type SweepPoint } from './sweepSpec.js';

export interface SplitScenario {
  /** The scenario text without its `sweep:` block. */
  readonly text: string;
  /** The block's data, when there is one. */
  readonly block: unknown;
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

/** Cuts the top-level `sweep:` block out of the scenario text. */
export function splitSweepBlock(text: string): SplitScenario {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return { text, block: undefined };
  const pair: Pair | undefined = doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'sweep');
  if (!pair) return { text, block: undefined };
  const block: unknown = doc.toJS({ maxAliasCount: 100 })?.sweep;
  const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
  const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[2] ?? keyRange?.[2];
  if (!doc.contents.flow && keyRange && valueEnd !== undefined) {
    const stripped = blank(text, keyRange[0], valueEnd);
    if (parseDocument(stripped).errors.length === 0) return { text: stripped, block };
  }
  doc.delete('sweep');
  return { text: String(doc), block };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

function values(spec: unknown, where: string): ParameterValue[] {
  if (Array.isArray(spec)) {
    if (spec.length === 0) throw new InputError(`${where}: must list at least one value`);
    return spec.map((v) => {
      if (v !== null && typeof v === 'object') throw new InputError(`${where}: each value must be a number, a duration or a word (got ${show(v)})`);
      return v as ParameterValue;
    });
  }
  if (typeof spec === 'number') return [spec];
  if (typeof spec === 'string') return parseValues(spec, where);
  throw new InputError(`${where}: must be a range such as 30..45, or a list of values (got ${show(spec)})`);
}

function grid(data: unknown, file: string): SweepPoint[] {
  if (!isRecord(data) || Object.keys(data).length === 0) {
    throw new InputError(`${file}: sweep.grid: must map field paths to values, e.g. { agents[0].count: 30..45 } (got ${show(data)})`);
  }
  return gridPoints(Object.entries(data).map(([path, spec]) => {
    const where = `${file}: sweep.grid.${path}`;
    checkPath(path, where);
    return { path, values: values(spec, where) };
  }));
}

function variants(data: unknown, file: string): SweepPoint[] {
  if (!Array.isArray(data) || data.length === 0) throw new InputError(`${file}: sweep.variants: must be a non-empty list of { name, set } (got ${show(data)})`);
  if (data.length > MAX_POINTS) throw new InputError(`${file}: sweep.variants: at most ${MAX_POINTS} variants (got ${data.length})`);
  const names = new Set<string>();
  return data.map((v: unknown, i) => {
    const where = `${file}: sweep.variants[${i}]`;
    if (!isRecord(v) || typeof v.name !== 'string' || v.name.trim() === '') throw new InputError(`${where}.name: must be a non-empty name (got ${show(isRecord(v) ? v.name : v)})`);
    if (names.has(v.name)) throw new InputError(`${where}.name: "${v.name}" is used by an earlier variant; names must be unique`);
    names.add(v.name);
    const extra = Object.keys(v).find((k) => k !== 'name' && k !== 'set');
    if (extra !== undefined) throw new InputError(`${where}.${extra}: unknown key (a variant has name and set)`);
    const set = v.set ?? {};
    if (!isRecord(set)) throw new InputError(`${where}.set: must map field paths to values (got ${show(set)})`);
    for (const path of Object.keys(set)) checkPath(path, `${where}.set.${path}`);
    for (const [path, value] of Object.entries(set)) {
      if (value !== null && typeof value === 'object') throw new InputError(`${where}.set.${path}: must be a number, a duration or a word (got ${show(value)})`);
    }
    return pointOf(set as Record<string, ParameterValue>, v.name);
  });
}

function samples(data: unknown, file: string): SweepPoint[] {
  const where = `${file}: sweep.samples`;
  if (!isRecord(data)) throw new InputError(`${where}: must be { method, count, seed, ranges } (got ${show(data)})`);
  const method = data.method ?? 'lhs';
  if (method !== 'lhs' && method !== 'random') throw new InputError(`${where}.method: must be lhs or random (got ${show(method)})`);
  const count = data.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_POINTS) {
    throw new InputError(`${where}.count: must be a whole number from 1 to ${MAX_POINTS} (got ${show(count)})`);
  }
  const seed = data.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) throw new InputError(`${where}.seed: must be a non-negative integer (got ${show(seed)})`);
  if (!isRecord(data.ranges) || Object.keys(data.ranges).length === 0) {
    throw new InputError(`${where}.ranges: must map field paths to { min, max, integer } (got ${show(data.ranges)})`);
  }
  const ranges: SampleRange[] = Object.entries(data.ranges).map(([path, r]) => {
    const at = `${where}.ranges.${path}`;
    checkPath(path, at);
    if (!isRecord(r) || typeof r.min !== 'number' || typeof r.max !== 'number' || !(r.min <= r.max)) {
      throw new InputError(`${at}: must be { min, max } with numbers, min ≤ max (got ${show(r)})`);
    }
    const integer = r.integer ?? false;
    if (typeof integer !== 'boolean') throw new InputError(`${at}.integer: must be true or false (got ${show(integer)})`);
    if (integer && !(Number.isInteger(r.min) && Number.isInteger(r.max))) throw new InputError(`${at}: integer ranges need whole min and max (got ${show(r)})`);
    return { path, min: r.min, max: r.max, integer };
  });
  return samplePoints(method, ranges, count, seed);
}

/** The points a `sweep:` block describes; exactly one of grid, variants, samples. */
export function sweepBlockPoints(block: unknown, file: string): SweepPoint[] {
  if (!isRecord(block)) throw new InputError(`${file}: sweep: must be a mapping with one of grid, variants or samples (got ${show(block)})`);
  const kinds = Object.keys(block);
  const unknown = kinds.find((k) => k !== 'grid' && k !== 'variants' && k !== 'samples');
  if (unknown !== undefined) throw new InputError(`${file}: sweep.${unknown}: unknown key (expected one of grid, variants, samples)`);
  if (kinds.length !== 1) throw new InputError(`${file}: sweep: must have exactly one of grid, variants or samples (got ${kinds.join(', ') || 'none'})`);
  if (block.grid !== undefined) return grid(block.grid, file);
  if (block.variants !== undefined) return variants(block.variants, file);
  return samples(block.samples, file);
}
