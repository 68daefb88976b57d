import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { Stream, streamKey } from '../../engine/random.js';

const first = (s: Stream, n: number): number[] => Array.from({ length: n }, () => s.next());

describe('Stream', () => {
  it('gives the same numbers for the same (seed, replication, source)', () => {
    expect(first(new Stream(7, 3, 'arrivals:voice'), 1000)).toEqual(first(new Stream(7, 3, 'arrivals:voice'), 1000));
  });

  it('gives distinct streams for distinct (seed, replication, source) triples', () => {
    const triple = fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1000 }), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(triple, triple, (a, b) => {
        fc.pre(a[0] !== b[0] || a[1] !== b[1] || a[2] !== b[2]);
        expect(first(new Stream(...a), 4)).not.toEqual(first(new Stream(...b), 4));
      }),
    );
  });

  it('separates seeds and sources that would collide if concatenated naively', () => {
    // "1" + "1|x" vs "11" + "|x" style collisions: the key has separators on every part.
    expect(first(new Stream(1, 11, 'a'), 3)).not.toEqual(first(new Stream(11, 1, 'a'), 3));
    expect(first(new Stream(1, 0, 'handle:voice'), 3)).not.toEqual(first(new Stream(1, 0, 'handle:voice2'), 3));
  });

  it('draws uniforms in [0, 1) with the right mean and variance', () => {
    const xs = first(new Stream(1, 0, 'u'), 200_000);
    expect(xs.reduce((a, x) => Math.min(a, x), 1)).toBeGreaterThanOrEqual(0);
    expect(xs.reduce((a, x) => Math.max(a, x), 0)).toBeLessThan(1);
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
    // SE of the mean is sqrt(1/12/n) ≈ 0.00065: 5 SE.
    expect(Math.abs(m - 0.5)).toBeLessThan(0.0033);
    expect(Math.abs(v - 1 / 12)).toBeLessThan(0.001);
  });

  it('clone continues with exactly the numbers the original will draw', () => {
    const s = new Stream(5, 1, 'x');
    first(s, 700); // cross a block boundary
    const c = s.clone();
    expect(first(c, 1000)).toEqual(first(s, 1000));
  });

  it('is keyed ccsim|seed|replication|source', () => {
    expect(streamKey(7, 3, 'arrivals:voice')).toBe('ccsim|7|3|arrivals:voice');
    expect(new Stream(7, 3, 'arrivals:voice').key).toBe('ccsim|7|3|arrivals:voice');
  });

  it('gives the numbers of Alea (Baagøe 2010) seeded with its key, across block refills', () => {
    const alea = seedrandom.alea('ccsim|7|3|arrivals:voice');
    const expected = Array.from({ length: 1100 }, () => alea());
    expect(first(new Stream(7, 3, 'arrivals:voice'), 1100)).toEqual(expected);
  });

  it('clone of a stream not yet drawn from gives the same numbers as the stream', () => {
    const s = new Stream(5, 1, 'fresh');
    const c = s.clone();
    expect(first(c, 600)).toEqual(first(s, 600));
  });

  it('a clone and its original draw independently: drawing from one leaves the other’s numbers unchanged', () => {
    const s = new Stream(5, 1, 'x');
    first(s, 100);
    const expected = first(s.clone(), 1000);
    const c = s.clone();
    first(c, 1000); // refills the clone's block twice
    expect(first(s, 1000)).toEqual(expected);
  });
});
