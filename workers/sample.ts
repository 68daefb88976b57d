/**
 * Random and Latin-hypercube samples of a sweep's parameter space, drawn from a seeded
 * stream (engine/random.ts, source `sweep:samples`) so a `sweep: samples:` block always
 * gives the same points.
 *
 * Latin hypercube (McKay, Beckman & Conover, Technometrics 21(2), 1979): each dimension's
 * range is cut into `count` equal strata, every stratum is used exactly once per dimension,
 * the strata are matched across dimensions by independent random permutations
 * (Fisher–Yates), and each point lies uniformly inside its stratum.
 */
import { Stream } from '../engine/random.js';

export type SampleMethod = 'lhs' | 'random';

export interface SampleRange {
  readonly path: string;
  readonly min: number;
  readonly max: number;
  /** Draw whole numbers from min..max inclusive (agent counts). */
  readonly integer: boolean;
}

/**
 * Values are rounded to 6 significant digits: the printed point name then is the value the
 * point ran with, and no one plans to a millionth of a share.
 */
function round6(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(6));
}

/** Maps u in [0, 1) into the range (whole numbers stay inside min..max). */
function scale(range: SampleRange, u: number): number {
  if (range.integer) return Math.min(range.max, range.min + Math.floor(u * (range.max - range.min + 1)));
  return round6(range.min + u * (range.max - range.min));
}

/** A random permutation of 0..n-1 (Fisher–Yates, Durstenfeld's in-place form). */
function permutation(n: number, stream: Stream): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(stream.next() * (i + 1));
    const t = p[i] as number;
    p[i] = p[j] as number;
    p[j] = t;
  }
  return p;
}

/** `count` points, each a list of values in the order of `ranges`. */
export function drawSamples(method: SampleMethod, ranges: readonly SampleRange[], count: number, seed: number): number[][] {
  const stream = new Stream(seed, 0, `sweep:samples:${method}`);
  if (method === 'random') {
    return Array.from({ length: count }, () => ranges.map((r) => scale(r, stream.next())));
  }
  const strata = ranges.map(() => permutation(count, stream));
  return Array.from({ length: count }, (_, i) =>
    ranges.map((r, d) => scale(r, ((strata[d]?.[i] ?? 0) + stream.next()) / count)),
  );
}
