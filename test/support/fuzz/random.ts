/**
 * The fuzzer's own seeded stream (never Math.random): mutant `index` of campaign `seed` is
 * drawn from a stream seeded with hash(seed, index), so any one mutant is rebuilt from its
 * two numbers alone, whatever ran before it or beside it.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, from
 * PractRand), seeded through MurmurHash3's 32-bit finaliser; plenty for choosing mutations.
 */

/** MurmurHash3's fmix32: a bijective avalanche of 32 bits. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class FuzzRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** The stream of mutant `index` of the campaign seeded `seed`. */
  constructor(seed: number, index: number) {
    this.a = fmix32(seed ^ 0x9e3779b9);
    this.b = fmix32(index ^ 0x7f4a7c15);
    this.c = fmix32(Math.imul(seed, 31) + index);
    this.d = 1;
    // Discard the first outputs: sfc32's state mixes in within a dozen steps.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.next() / 4_294_967_296) * n);
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() / 4_294_967_296 < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('FuzzRandom.pick: no items');
    return items[this.int(items.length)] as T;
  }

  /** One of `choices`, chosen with probability proportional to its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((s, [, w]) => s + w, 0);
    let r = (this.next() / 4_294_967_296) * total;
    for (const [value, w] of choices) {
      if (r < w) return value;
      r -= w;
    }
    const last = choices[choices.length - 1];
    if (last === undefined) throw new Error('FuzzRandom.weighted: no choices');
    return last[0];
  }
}
