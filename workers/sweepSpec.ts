/**
 * What a sweep varies, and the points it runs. A point is the base scenario plus a list of
 * `path=value` overrides (scenarios/overrides.ts), so a point is validated exactly like a
 * `--set` on `ccsim run`.
 *
 * Sources, in order of precedence:
 * - `--vary path=SPEC` (repeatable): the grid of every combination, the first flag varying
 *   slowest. SPEC is read by scenarios/sweepValues.ts: `30..45`, `30..45:5` or a comma list.
 *   When given, a `sweep:` block is ignored.
 * - the scenario's `sweep:` block (scenarios/schema/sweep.ts, turned into points by
 *   workers/sweepBlock.ts): `grid`, `variants` or `samples`.
 *
 * A point's name is its parameters as `path=value` joined by `,` (a variant's is its own
 * name); `--baseline NAME` picks a point by it.
 */
import { InputError } from '../engine/errors.js';
import { SCENARIO_LIMITS } from '../scenarios/limits.js';
import { type ParameterValue, readFieldPath, readValues } from '../scenarios/sweepValues.js';
import { drawSamples, type SampleMethod, type SampleRange } from './sample.js';

export type { ParameterValue };

export interface SweepPoint {
  readonly name: string;
  /** The varied fields and their values at this point (empty for a variant without any). */
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  /** The overrides that make this point, `path=value`, applied after the sweep's `--set`. */
  readonly overrides: readonly string[];
}

export interface Dimension {
  readonly path: string;
  readonly values: readonly ParameterValue[];
}

/** A sweep may have at most this many points: a typo such as `0..1e9` must not exhaust memory. */
export const MAX_POINTS = SCENARIO_LIMITS.maxSweepPoints;

/** The override text that sets `path` to `value` (JSON is YAML, so strings stay strings). */
export function overrideText(path: string, value: ParameterValue): string {
  return `${path}=${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
}

/** Checks a field path the way `--set` does; `where` prefixes the message. */
export function checkPath(path: string, where: string): void {
  const read = readFieldPath(path);
  if (!read.ok) throw new InputError(`${where}: ${read.reason}`);
}

/** The values of one dimension from SPEC (scenarios/sweepValues.ts); `where` names the flag. */
export function parseValues(spec: string, where: string): ParameterValue[] {
  const read = readValues(spec);
  if (!read.ok) throw new InputError(`${where}: ${read.reason}`);
  return read.value;
}

/** Parses one `--vary path=SPEC`. */
export function parseVary(text: string): Dimension {
  const where = `--vary ${text}`;
  const eq = text.indexOf('=');
  if (eq <= 0) throw new InputError(`${where}: must be path=values, e.g. agents[0].count=30..45 or channels[0].deflection=0.2,0.3`);
  const path = text.slice(0, eq).trim();
  checkPath(path, where);
  return { path, values: parseValues(text.slice(eq + 1), where) };
}

function nameOf(parameters: Readonly<Record<string, ParameterValue>>): string {
  const parts = Object.entries(parameters).map(([p, v]) => `${p}=${String(v)}`);
  return parts.length > 0 ? parts.join(',') : 'base';
}

/** A point from parameter values (its name made of them unless given). */
export function pointOf(parameters: Readonly<Record<string, ParameterValue>>, name?: string): SweepPoint {
  return {
    name: name ?? nameOf(parameters),
    parameters,
    overrides: Object.entries(parameters).map(([p, v]) => overrideText(p, v)),
  };
}

/** Every combination of the dimensions' values, the first dimension varying slowest. */
export function gridPoints(dimensions: readonly Dimension[]): SweepPoint[] {
  const paths = dimensions.map((d) => d.path);
  const duplicate = paths.find((p, i) => paths.indexOf(p) !== i);
  if (duplicate !== undefined) throw new InputError(`--vary ${duplicate}: the field is varied twice; give it once with all its values`);
  const total = dimensions.reduce((n, d) => n * d.values.length, 1);
  if (total > MAX_POINTS) {
    throw new InputError(`--vary: the grid has ${total} points (${dimensions.map((d) => d.values.length).join(' × ')}); a sweep may have at most ${MAX_POINTS}`);
  }
  let rows: Record<string, ParameterValue>[] = [{}];
  for (const d of dimensions) rows = rows.flatMap((row) => d.values.map((v) => ({ ...row, [d.path]: v })));
  return rows.map((row) => pointOf(row));
}

/** The points of a `samples:` block. */
export function samplePoints(method: SampleMethod, ranges: readonly SampleRange[], count: number, seed: number): SweepPoint[] {
  return drawSamples(method, ranges, count, seed).map((values, i) =>
    pointOf(Object.fromEntries(ranges.map((r, d) => [r.path, values[d] ?? null])), `sample-${i}`),
  );
}

/** A named what-if of the scenario's `variants:` block, as the overrides its patches make. */
export interface NamedVariant {
  readonly name: string;
  readonly overrides: readonly string[];
}

/** The name of the unpatched scenario among variant points (`--baseline base` compares against it). */
export const BASE_POINT = 'base';

/**
 * `ccsim sweep --variants`: the scenario as written (`base`), then each variant; crossed
 * with `--vary`'s grid when one is given, variant-major, so every variant is tried at every
 * grid point. A variant's patches come before the grid's overrides: `--vary` sets the value
 * a variant's `+=` started from, never the other way round.
 */
export function variantPoints(variants: readonly NamedVariant[], grid: readonly SweepPoint[] = []): SweepPoint[] {
  const clash = variants.find((v) => v.name === BASE_POINT);
  if (clash !== undefined) throw new InputError(`--variants: a variant is named "${BASE_POINT}", the name of the scenario as written; rename the variant`);
  const rows: SweepPoint[] = [{ name: BASE_POINT, parameters: {}, overrides: [] }, ...variants.map((v) => ({ name: v.name, parameters: {}, overrides: v.overrides }))];
  const total = rows.length * Math.max(1, grid.length);
  if (total > MAX_POINTS) throw new InputError(`--variants: base and ${variants.length} variant${variants.length === 1 ? '' : 's'} × ${grid.length} grid points make ${total} points; a sweep may have at most ${MAX_POINTS}`);
  const withVariant = (v: SweepPoint, g: SweepPoint | undefined): SweepPoint => ({
    name: g === undefined ? v.name : `${v.name},${g.name}`,
    parameters: { variant: v.name, ...(g?.parameters ?? {}) },
    overrides: [...v.overrides, ...(g?.overrides ?? [])],
  });
  return grid.length === 0 ? rows.map((v) => withVariant(v, undefined)) : rows.flatMap((v) => grid.map((g) => withVariant(v, g)));
}
