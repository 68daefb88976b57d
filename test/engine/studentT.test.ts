// Student's t against closed forms (ν = 1, 2 and the limit ν → ∞) and published tables.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../engine/normalQuantile.js';
import { incompleteBeta, studentTQuantile, studentTUpperTail } from '../../engine/studentT.js';

describe('Student t quantile', () => {
  it('equals the closed forms for 1 and 2 degrees of freedom, deep in the tail too', () => {
    // ν = 1 (Cauchy): tan(π(p − ½)) = cot(πq), q = 1 − p (the tail, kept exact in the cot form);
    // ν = 2: (2p − 1)/√(2p(1 − p)).
    for (const p of [0.6, 0.9, 0.975, 0.995, 1 - 2.5e-5, 1 - 1e-9]) {
      const q = 1 - p;
      expect(studentTQuantile(p, 1) / (1 / Math.tan(Math.PI * q))).toBeCloseTo(1, 9);
      expect(studentTQuantile(p, 2) / ((1 - 2 * q) / Math.sqrt(2 * p * q))).toBeCloseTo(1, 9);
    }
  });

  it('matches published t(0.975) and t(0.995) values', () => {
    // NIST/SEMATECH e-Handbook of Statistical Methods, table 1.3.6.7.2 (and standard tables).
    const t975: [number, number][] = [[3, 3.182446305], [4, 2.776445105], [9, 2.262157163], [19, 2.093024054], [29, 2.045229642], [100, 1.983971519]];
    for (const [df, t] of t975) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 8);
    expect(studentTQuantile(0.995, 9)).toBeCloseTo(3.249835542, 8);
    expect(studentTQuantile(0.995, 29)).toBeCloseTo(2.756385904, 8);
  });

  it('tends to the normal quantile as the degrees of freedom grow', () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(normalQuantile(0.975), 5);
  });

  it('is odd around the median and inverts its own tail', () => {
    fc.assert(fc.property(fc.double({ min: 0.501, max: 0.9999, noNaN: true }), fc.integer({ min: 1, max: 500 }), (p, df) => {
      const t = studentTQuantile(p, df);
      expect(studentTQuantile(1 - p, df)).toBeCloseTo(-t, 9);
      expect(studentTUpperTail(t, df) / (1 - p)).toBeCloseTo(1, 9);
    }), { numRuns: 200 });
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(1, 7)).toBeNaN();
    expect(studentTQuantile(0.9, 0)).toBeNaN();
  });
});

describe('regularized incomplete beta', () => {
  it('matches closed forms', () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b; I_½(a, a) = ½.
    expect(incompleteBeta(1, 1, 0.3)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(2.5, 1, 0.4)).toBeCloseTo(0.4 ** 2.5, 14);
    expect(incompleteBeta(1, 3, 0.2)).toBeCloseTo(1 - 0.8 ** 3, 14);
    expect(incompleteBeta(7, 7, 0.5)).toBeCloseTo(0.5, 14);
    expect(incompleteBeta(2, 3, 0)).toBe(0);
    expect(incompleteBeta(2, 3, 1)).toBe(1);
  });
});
