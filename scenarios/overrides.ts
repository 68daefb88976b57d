/**
 * `--set path=value` overrides, applied to the parsed scenario data before validation, so
 * an overridden value is checked like one written in the file.
 *
 * Paths: `seed`, `agents[0].count`, `channels[1].handle.mean`, and `channels.voice.…`
 * (a list element chosen by its `id`). The value is read as YAML (`36`, `5m`, `true`,
 * `null`, `[voice, chat]`): data only, never code.
 *
 * What-ifs are relative (issue 14): `path+=v` and `path-=v` add to the value the file (or an
 * earlier override) gives — numbers, or durations (`handle.mean+=30s`, the result in seconds)
 * — and `path*=f` multiplies it; on a list (per-interval `count`s, `volumes`) each item
 * changes. `volume` names a channel's arrivals whatever their form (`perHour`, `volumes`, a
 * forecast file): `channels.voice.volume*=1.15` (or `volume*=1.15` for every channel)
 * multiplies the channel's `arrivals.scale`. A relative override of a field the data does not
 * hold is refused: the default it would change is not written down where it can be seen. `__proto__`, `constructor` and
 * `prototype` are refused, only own properties are followed, and the data is copied before
 * it is changed, so no override can reach an object's prototype or a caller's object.
 */
import { parse as parseYaml } from 'yaml';
import { parseDuration } from './duration.js';
import { formatPath, type PathSegment } from './problem.js';
import { didYouMean } from './suggestion.js';

/** Keys that would reach the prototype chain of a JavaScript object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface AppliedOverride {
  /** The path as resolved (ids turned into indices), for locating problems. */
  readonly path: readonly PathSegment[];
  /** The override as the user typed it. */
  readonly text: string;
}

export interface OverrideResult {
  readonly data: unknown;
  readonly applied: readonly AppliedOverride[];
  /** One line per override that could not be applied: `--set x=1: why`. */
  readonly problems: readonly string[];
}

type Container = Record<string, unknown> | unknown[];

export class OverrideError extends Error {}

/** Splits `channels[0].handle.mean` into `['channels', 0, 'handle', 'mean']`. */
export function parseOverridePath(text: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const token = /([^.[\]]+)|\[(\d+)\]|(\.)/gy;
  let expectName = true;
  let m: RegExpExecArray | null;
  while (token.lastIndex < text.length && (m = token.exec(text)) !== null) {
    if (m[1] !== undefined) {
      if (!expectName) throw new OverrideError(`expected "." or "[" before "${m[1]}"`);
      segments.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
      expectName = false;
    } else if (m[2] !== undefined) segments.push(Number(m[2]));
    else expectName = true;
  }
  if (token.lastIndex < text.length || segments.length === 0 || expectName) {
    throw new OverrideError('path must look like seed, agents[0].count or channels.voice.handle.mean');
  }
  const forbidden = segments.find((s) => typeof s === 'string' && FORBIDDEN_KEYS.has(s));
  if (forbidden !== undefined) throw new OverrideError(`"${forbidden}" is not a scenario field and cannot be set`);
  return segments;
}

/** Reads the value as YAML data; refuses keys that reach a prototype inside it too. */
export function parseOverrideValue(text: string): unknown {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (err) {
    throw new OverrideError(`value is not valid YAML (${err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err)})`);
  }
  assertNoForbiddenKeys(value);
  return value;
}

function assertNoForbiddenKeys(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new OverrideError(`"${key}" is not a scenario field and cannot be set`);
    assertNoForbiddenKeys((value as Record<string, unknown>)[key]);
  }
}

/** Applies every override to a copy of `data`; bad overrides are reported, not thrown. */
export function applyOverrides(data: unknown, overrides: readonly string[]): OverrideResult {
  let root = structuredClone(data);
  const applied: AppliedOverride[] = [];
  const problems: string[] = [];
  for (const text of overrides) {
    try {
      const { path, operator, valueText } = splitOverride(text);
      const value = parseOverrideValue(valueText);
      if (root === null || typeof root !== 'object') root = {};
      if (operator === '=') {
        applied.push({ path: setAt(root as Container, path, value), text });
      } else {
        const targets = relativeTargets(root as Container, path, operator);
        // Every change is worked out before any is written: a refused override writes nothing.
        const values = targets.map((t) => changed(valueAtPath(root, t.path) ?? t.unset, operator, value, formatPath(t.path)));
        targets.forEach((t, i) => applied.push({ path: setAt(root as Container, t.path, values[i]), text }));
      }
    } catch (err) {
      if (!(err instanceof OverrideError)) throw err;
      problems.push(`--set ${text}: ${err.message}`);
    }
  }
  return { data: root, applied, problems };
}

/** How an override changes its field: `=` sets it; the others change the value already there. */
export type OverrideOperator = '=' | '+=' | '-=' | '*=';

/** `agents[0].count+=5` → its path, operator and value text. */
export function splitOverride(text: string): { path: PathSegment[]; operator: OverrideOperator; valueText: string } {
  const eq = text.indexOf('=');
  if (eq < 0) throw new OverrideError('must be path=value (or path+=, -=, *= value), e.g. agents[0].count=36');
  const before = text[eq - 1];
  const operator: OverrideOperator = before === '+' ? '+=' : before === '-' ? '-=' : before === '*' ? '*=' : '=';
  const pathEnd = operator === '=' ? eq : eq - 1;
  return { path: parseOverridePath(text.slice(0, pathEnd).trim()), operator, valueText: text.slice(eq + 1) };
}

/** A field a relative override changes, and the value it is changed from when the data has none. */
interface RelativeTarget {
  readonly path: PathSegment[];
  readonly unset: unknown;
}

/** The fields a relative override changes: its own, or for `volume` each chosen channel's `arrivals.scale` (unset: 1). */
function relativeTargets(root: Container, path: readonly PathSegment[], operator: OverrideOperator): RelativeTarget[] {
  if (path[path.length - 1] !== 'volume') return [{ path: [...path], unset: undefined }];
  const channelIndex = path.length === 3 && path[0] === 'channels';
  if (!(path.length === 1 || channelIndex)) return [{ path: [...path], unset: undefined }];
  if (operator !== '*=') throw new OverrideError('volume is a multiplier of a channel\'s arrivals: use volume*=FACTOR (or --scale)');
  const channels = Object.hasOwn(root, 'channels') ? (root as Record<string, unknown>).channels : undefined;
  if (!Array.isArray(channels)) throw new OverrideError('the scenario has no channels list to scale');
  const chosen = channelIndex ? [resolveKey(channels, path[1] as PathSegment, ['channels'])] : channels.map((_, i) => i);
  return chosen.map((i) => {
    const arrivals = valueAtPath(root, ['channels', i, 'arrivals']);
    if (arrivals === null || typeof arrivals !== 'object' || Array.isArray(arrivals)) {
      throw new OverrideError(`channels[${i}].arrivals is not a mapping, so its volume cannot be scaled`);
    }
    // An unscaled channel is scaled from 1, the neutral factor.
    return { path: ['channels', i, 'arrivals', 'scale'], unset: 1 };
  });
}

/** Significant digits kept of a changed value: 360 × 1.15 is 414, not 413.99999999999994. */
const SIGNIFICANT_DIGITS = 12;

/** `current` changed by `operand` under `operator`; lists item by item. */
function changed(current: unknown, operator: Exclude<OverrideOperator, '='>, operand: unknown, at: string): unknown {
  if (current === undefined) {
    throw new OverrideError(`${at} has no value in the scenario to change (its default is not written there); set it with =`);
  }
  if (Array.isArray(current)) return current.map((item, i) => changed(item, operator, operand, `${at}[${i}]`));
  if (operator === '*=') {
    if (typeof operand !== 'number' || !Number.isFinite(operand) || operand < 0) {
      throw new OverrideError(`*= needs a factor, a finite number 0 or more (got ${JSON.stringify(operand)})`);
    }
    return round(amountOf(current, at) * operand);
  }
  const delta = amountOf(operand, 'the value');
  return round(operator === '+=' ? amountOf(current, at) + delta : amountOf(current, at) - delta);
}

/** A number, or a duration in seconds (`6m` → 360); anything else cannot be added to. */
function amountOf(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const parsed = parseDuration(value);
    if (parsed.ok) return parsed.seconds;
  }
  throw new OverrideError(`${what} is ${JSON.stringify(value)}: only numbers and durations (30s, 6m) can be added to or multiplied`);
}

function round(x: number): number {
  return Number(x.toPrecision(SIGNIFICANT_DIGITS));
}

/** The value at resolved path segments (indices or names), undefined where absent. */
function valueAtPath(root: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = resolveKey(current as Container, segment, []);
    current = Object.hasOwn(current, key) ? (current as Record<PathSegment, unknown>)[key] : undefined;
  }
  return current;
}

/**
 * The value at an override path (`agents[0].count`, `channels.voice.handle.mean`) in a parsed
 * scenario document, or undefined where the document does not say (a default applies).
 */
export function valueAt(data: unknown, pathText: string): unknown {
  let current: unknown = data;
  for (const segment of parseOverridePath(pathText)) {
    if (current === null || typeof current !== 'object') return undefined;
    try {
      const key = resolveKey(current as Container, segment, []);
      current = Object.hasOwn(current, key) ? (current as Record<PathSegment, unknown>)[key] : undefined;
    } catch (err) {
      if (err instanceof OverrideError) return undefined;
      throw err;
    }
  }
  return current;
}

/** Sets `value` at `path`, creating missing mappings; returns the path with ids resolved. */
function setAt(root: Container, path: readonly PathSegment[], value: unknown): PathSegment[] {
  const resolved: PathSegment[] = [];
  let current: Container = root;
  for (let i = 0; i < path.length; i++) {
    const key = resolveKey(current, path[i] as PathSegment, resolved);
    resolved.push(key);
    if (i === path.length - 1) {
      (current as Record<PathSegment, unknown>)[key] = value;
      break;
    }
    current = descend(current, key, path[i + 1] as PathSegment, resolved);
  }
  return resolved;
}

function resolveKey(current: Container, segment: PathSegment, at: readonly PathSegment[]): PathSegment {
  if (!Array.isArray(current)) {
    if (typeof segment === 'number') throw new OverrideError(`${formatPath(at)} is not a list, so [${segment}] does not apply`);
    return segment;
  }
  if (typeof segment === 'number') {
    if (segment >= current.length) {
      throw new OverrideError(`${formatPath(at)} has ${current.length} items, so index ${segment} does not exist`);
    }
    return segment;
  }
  const ids = current.map((item) => (item !== null && typeof item === 'object' ? (item as Record<string, unknown>).id : undefined));
  const index = ids.indexOf(segment);
  if (index < 0) {
    const hint = didYouMean(segment, ids.filter((id): id is string => typeof id === 'string'));
    throw new OverrideError(`${formatPath(at)} has no item with id "${segment}"${hint === undefined ? '' : ` ${hint}`}`);
  }
  return index;
}

/** The container under `key`, created as a mapping when missing. */
function descend(current: Container, key: PathSegment, next: PathSegment, at: readonly PathSegment[]): Container {
  const record = current as Record<PathSegment, unknown>;
  const child = Object.hasOwn(current, key) ? record[key] : undefined;
  if (child === undefined || child === null) {
    if (typeof next === 'number') throw new OverrideError(`${formatPath(at)} is not a list`);
    const created: Record<string, unknown> = {};
    record[key] = created;
    return created;
  }
  if (typeof child !== 'object') throw new OverrideError(`${formatPath(at)} is ${JSON.stringify(child)}, not a mapping or a list`);
  return child as Container;
}
