/**
 * The values a sweep gives a field, as written in `--vary path=SPEC` and in a `sweep:` block
 * (schema/sweep.ts): a range `30..45` (whole numbers, both ends), a range with a step
 * `30..45:5` (decimals allowed: `0.1..0.3:0.05`), or a comma list `0.2,0.3` / `5m,6m` (each
 * item read as a YAML scalar, as `--set` reads a value). Field paths are those of `--set`.
 *
 * Results are data (`{ ok, … }`): the schema turns a reason into a located problem, the
 * `--vary` flag into a message naming the flag.
 */
import { SCENARIO_LIMITS as L } from './limits.js';
import { parseOverridePath, parseOverrideValue } from './overrides.js';

/** One value a point gives a field. */
export type ParameterValue = string | number | boolean | null;

export type Reading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const RANGE = new RegExp(`^(${NUMBER})\\.\\.(${NUMBER})(?::(${NUMBER}))?$`);

const decimalsOf = (text: string): number => (text.includes('.') ? (text.split('.')[1] ?? '').length : 0);
const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Whether `path` is a field path `--set` accepts (`agents[0].count`, `channels.voice.handle.mean`). */
export function readFieldPath(path: string): Reading<string> {
  try {
    parseOverridePath(path);
    return { ok: true, value: path };
  } catch (err) {
    return fail(messageOf(err));
  }
}

function readRange(text: string): Reading<number[]> | undefined {
  const m = RANGE.exec(text);
  if (!m) return undefined;
  const [lowText, highText, stepText] = [m[1] as string, m[2] as string, m[3]];
  const low = Number(lowText);
  const high = Number(highText);
  if (stepText === undefined && !(Number.isInteger(low) && Number.isInteger(high))) {
    return fail(`a range of decimals needs a step, e.g. ${lowText}..${highText}:0.05`);
  }
  const step = stepText === undefined ? 1 : Number(stepText);
  if (!(step > 0)) return fail('the step must be greater than 0');
  if (high < low) return fail(`the range must go up (${lowText} is above ${highText})`);
  const count = Math.floor((high - low) / step + 1e-9) + 1;
  if (count > L.maxSweepPoints) return fail(`gives ${count} values; a sweep may have at most ${L.maxSweepPoints} points`);
  // Round to the inputs' decimals so 0.1 + 2 × 0.1 prints as 0.3, not 0.30000000000000004.
  const decimals = Math.max(decimalsOf(lowText), decimalsOf(stepText ?? '1'));
  return { ok: true, value: Array.from({ length: count }, (_, i) => Number((low + i * step).toFixed(decimals))) };
}

/** One item of a list, read as `--set` reads a value: a number, a duration, a word. */
export function readScalar(text: string): Reading<ParameterValue> {
  let value: unknown;
  try {
    value = parseOverrideValue(text);
  } catch (err) {
    return fail(messageOf(err));
  }
  if (value !== null && typeof value === 'object') return fail(`each value must be a number, a duration or a word, not ${JSON.stringify(text)}`);
  return { ok: true, value: value as ParameterValue };
}

/** The values of SPEC: a range, a range with a step, or a comma list. */
export function readValues(spec: string): Reading<ParameterValue[]> {
  const trimmed = spec.trim();
  if (trimmed === '') return fail('no values (expected 30..45, 30..45:5 or a list such as 0.2,0.3)');
  const range = readRange(trimmed);
  if (range) return range;
  const items = trimmed.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) return fail('empty item in the list');
  const values: ParameterValue[] = [];
  for (const item of items) {
    const read = readScalar(item);
    if (!read.ok) return read;
    values.push(read.value);
  }
  return { ok: true, value: values };
}
