/**
 * The hostile values the fuzzer puts into scenarios: numbers at the edges of float64 and of
 * the scenario limits, durations no parser should accept (or should bound), strings that are
 * long, odd in Unicode, or markup, and ids that collide with Object.prototype's names.
 */
import type { FuzzRandom } from './random.js';

export const NASTY_NUMBERS: readonly number[] = [
  0, -0, -1, -1e9, 0.5, 1.5, 3.999999, 1e9, 1e15, 2 ** 31, 2 ** 32 + 1, 2 ** 53 + 2, 1e21, 1e300,
  Number.MAX_VALUE, Number.MIN_VALUE, 1e-300, -1e-9, NaN, Infinity, -Infinity, 99_999, 100_001, 1_000_001,
];

/** Durations as text: absurd magnitudes, unknown units, malformed numbers. */
export const NASTY_DURATIONS: readonly string[] = [
  '1e300h', '1e308d', '-1e300s', '1e-300s', '-5m', '0s', '0', '5x', '5 parsecs', '1.5.5m', 'Infinityh', 'NaNs', 'NaN',
  '1h-30m', '99999999999999999999d', '.5m', '5m5m', 'm', '', ' 5m ', '5M', '5 min', '5mins', '1y', '1w', '1ms',
  '1e3', '0x10m', '\u0661\u0662m', '5\u00a0m', '30m1h', '1d1d1d1d', '366d', '367d', '1e2d', '1e6m', '0.0000001s', '+5m', '5m ', '∞', '1h30', 'h',
];

/** Text values: empty, long, control characters, bidi, astral, markup, injection-looking. */
export const NASTY_STRINGS: readonly string[] = [
  '', ' ', '\t', 'x'.repeat(100_000), '<script>alert(1)</script>', '"\'&<>', '</script><script>alert(2)</script>',
  '\u0000', 'a\u0000b', '\u202eevil', '\u200b', 'e\u0301', '🙂'.repeat(1_000), '\ud800', 'a\nb', 'a\r\nb',
  '${HOME}', '../../etc/passwd', '%s%n%x', '{{7*7}}', 'null', 'true', '80%', '6m', '-', '~', 'ÿ'.repeat(64), 'Ω≈ç√∫',
];

/** Names that are also Object.prototype members, and ids at the length limit. */
export const NASTY_IDS: readonly string[] = [
  'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'prototype', 'isPrototypeOf', 'then',
  'a'.repeat(64), 'a'.repeat(65), 'A-', 'a_b-c', 'Voice', 'all', 'overall', 'deferred', '0', 'x/y', 'voice/voice',
];

/** Keys to add or rename to: unknown, misspelt, prototype-polluting. */
export const NASTY_KEYS: readonly string[] = [
  '__proto__', 'constructor', 'prototype', '', ' ', 'unknownKey', 'Channels', 'agent', 'handel', 'x'.repeat(1_000), '🙂', '0', 'toString',
];

/** A value of some JSON/YAML type, for "wrong type" mutations. */
export function wrongType(r: FuzzRandom): unknown {
  return r.pick<() => unknown>([
    () => null, () => true, () => false, () => 'text', () => 42, () => -7.5, () => [], () => ({}),
    () => [1, 2, 3], () => ({ a: 1 }), () => '42', () => '80%', () => '6m', () => [null], () => ({ dist: 'exponential' }),
    () => [{ id: 'voice' }], () => ({ id: 'x', kind: 'voice' }),
  ])();
}

export function nastyNumber(r: FuzzRandom): number {
  return r.pick(NASTY_NUMBERS);
}

/**
 * A long list: a real-looking array blown up (volumes, counts, empirical values; channels,
 * groups, types past their limits). Lists of maps stay shorter: their YAML grows fast.
 */
export function longList(r: FuzzRandom, sample: unknown): unknown[] {
  const length = typeof sample === 'object' && sample !== null ? r.pick([101, 1_001, 5_000]) : r.pick([1_000, 10_000, 100_001, 200_000]);
  const value = sample ?? r.int(100);
  return Array.from({ length }, () => value);
}

/** `depth` levels of arrays or maps around `inner`. */
export function nested(r: FuzzRandom, inner: unknown, depth: number): unknown {
  const asMap = r.chance(0.5);
  let v = inner;
  for (let i = 0; i < depth; i++) v = asMap ? { a: v } : [v];
  return v;
}
