// Erlang B and the linear interpolation of fractional agent counts, checked against the
// factorial form B(n, A) = (Aⁿ/n!) ÷ Σ_{k≤n} A^k/k! — the textbook definition, written here
// independently of the recursion the engine uses — and against cases worked by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import { erlangB, erlangBWhole, linesForBlocking } from '../../engine/erlang/index.js';
import { nextErlangB } from '../../engine/erlang/erlangB.js';
import { byFractionalAgents, lerp } from '../../engine/erlang/fractionalAgents.js';

/** The factorial form, each term A^k/k! built from the previous one (exact enough for n ≤ 150). */
function erlangBByFactorials(lines: number, load: number): number {
  let term = 1; // A^0 / 0!
  let sum = 1;
  for (let k = 1; k <= lines; k++) {
    term *= load / k;
    sum += term;
  }
  return term / sum;
}

function expectRelative(actual: number, expected: number, tol = 1e-6): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

describe('Erlang B', () => {
  it('equals the factorial form (Aⁿ/n!) ÷ Σ A^k/k! to 1e-12 for any n ≤ 150 and A ≤ 150', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 150 }), fc.double({ min: 0.01, max: 150, noNaN: true }), (n, a) => {
        const exact = erlangBByFactorials(n, a);
        for (const b of [erlangBWhole(n, a), erlangB(n, a)]) {
          // Below ~1e-290 the factorial form itself is subnormal (a few significant bits):
          // there only "as negligible as it" can be asked.
          if (exact < 1e-290) expect(b).toBeLessThan(1e-280);
          else expectRelative(b, exact, 1e-12);
        }
      }),
    );
  });

  it('matches the Erlang B table: 10 Erl on 16 lines 0.0223019, on 17 lines 0.0129489; 20 Erl on 30 lines 0.0084575', () => {
    // Table values to 6 significant digits (confirmed at 40 digits with mpmath from the factorial form).
    expectRelative(erlangB(16, 10), 0.022301872040363657, 1e-12);
    expectRelative(erlangB(17, 10), 0.01294887522472657, 1e-12);
    expectRelative(erlangB(30, 20), 0.008457498340194705, 1e-12);
  });

  it('blocks everything with no lines: B(0, A) = 1', () => {
    expect(erlangBWhole(0, 5)).toBe(1);
    expect(erlangB(0, 5)).toBe(1);
  });

  it('one recursion step gives the next line count: B(3, 2) from B(2, 2)', () => {
    // B(2, 2) = (4/2) / (1 + 2 + 2) = 0.4; B(3, 2) = 2·0.4 / (3 + 2·0.4) = 0.8 / 3.8.
    expectRelative(nextErlangB(2, 2, 0.4), 0.8 / 3.8, 1e-15);
    expectRelative(erlangBWhole(3, 2), 0.8 / 3.8, 1e-15);
  });

  it('interpolates a fractional line count linearly: B(16.25, 10) = ¾·B(16) + ¼·B(17)', () => {
    const expected = 0.75 * 0.022301872040363657 + 0.25 * 0.01294887522472657;
    expectRelative(erlangB(16.25, 10), expected, 1e-12);
  });
});

describe('linesForBlocking', () => {
  it('gives the fewest lines with blocking at most the goal, and that blocking: 10 Erl at 2% is 17 lines, B = 0.0129489', () => {
    const r = linesForBlocking(10, 0.02);
    expect(r.lines).toBe(17);
    expectRelative(r.blocking, 0.01294887522472657, 1e-12);
  });

  it('counts a blocking exactly equal to the goal as meeting it: 1 Erl at 50% is 1 line (B(1, 1) = ½)', () => {
    expect(linesForBlocking(1, 0.5)).toEqual({ lines: 1, blocking: 0.5 });
  });

  it('needs no lines when any blocking is allowed', () => {
    expect(linesForBlocking(3, 1)).toEqual({ lines: 0, blocking: 1 });
  });

  describe('tries at most 1,000,000 lines', () => {
    // B(n, A) by its recursion B(k) = A·B(k−1) / (k + A·B(k−1)), here at A = 10⁶ Erlangs.
    const load = 1e6;
    const blockingAt = (lines: number): number => {
      let b = 1;
      for (let k = 1; k <= lines; k++) b = (load * b) / (k + load * b);
      return b;
    };

    it('meets a goal first reached at the millionth line', () => {
      const goal = blockingAt(1_000_000);
      expect(linesForBlocking(load, goal)).toEqual({ lines: 1_000_000, blocking: goal });
    });

    it('refuses a goal first reached one line later, naming the goal, the cap and the load', () => {
      const goal = blockingAt(1_000_001);
      expect(() => linesForBlocking(load, goal)).toThrow(new InputError(`blocking: ${goal} cannot be reached with up to 1,000,000 lines at 1000000 Erlangs`));
    });
  });
});

describe('fractional agents', () => {
  it('evaluates a whole count once, at that count', () => {
    const seen: number[] = [];
    const r = byFractionalAgents(7, (n) => (seen.push(n), n * 10), () => -1);
    expect(r).toBe(70);
    expect(seen).toEqual([7]);
  });

  it('evaluates ⌊n⌋ and ⌈n⌉ and passes the weight n − ⌊n⌋ to the interpolation', () => {
    const calls: [number, number, number][] = [];
    const r = byFractionalAgents(7.25, (n) => n * 10, (lo, hi, w) => (calls.push([lo, hi, w]), lo + w));
    expect(calls).toEqual([[70, 80, 0.25]]);
    expect(r).toBe(70.25);
  });

  it('interpolates finite ends linearly: lerp(3, 5, ¼) = 3.5', () => {
    expect(lerp(3, 5, 0.25)).toBe(3.5);
    expect(lerp(5, 3, 0.25)).toBe(4.5);
  });

  it('keeps an infinite end infinite strictly between the ends, and each end at its own weight', () => {
    expect(lerp(Infinity, 5, 0.3)).toBe(Infinity);
    expect(lerp(5, Infinity, 0.3)).toBe(Infinity);
    expect(lerp(Infinity, 5, 1)).toBe(5);
    expect(lerp(7, Infinity, 0)).toBe(7);
    expect(lerp(Infinity, 5, 0)).toBe(Infinity);
    expect(lerp(7, Infinity, 1)).toBe(Infinity);
  });
});
