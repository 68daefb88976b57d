// digamma and trigamma (engine/gammaFunctions.ts) against closed forms published in Abramowitz
// & Stegun, "Handbook of Mathematical Functions", ch. 6, and identities that tie the
// recurrence branch (x < 10) to the asymptotic one — never against the functions' own output.
import { describe, expect, it } from 'vitest';
import { digamma, trigamma } from '../../engine/gammaFunctions.js';

/** The Euler–Mascheroni constant γ (A&S 6.1.3). */
const EULER_GAMMA = 0.5772156649015329;

function expectClose(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

describe('digamma ψ(x)', () => {
  it('ψ(1) = −γ and ψ(½) = −γ − 2 ln 2 (A&S 6.3.2, 6.3.3), to 1e-12', () => {
    expectClose(digamma(1), -EULER_GAMMA, 1e-12);
    expectClose(digamma(0.5), -EULER_GAMMA - 2 * Math.LN2, 1e-12);
  });

  it('ψ(n) = −γ + Σ_{k<n} 1/k at whole n on both sides of the series switch (A&S 6.3.2), to 1e-12', () => {
    for (const n of [2, 3, 9, 10, 11, 50, 1000]) {
      let harmonic = 0;
      for (let k = 1; k < n; k++) harmonic += 1 / k;
      expectClose(digamma(n), -EULER_GAMMA + harmonic, 1e-12);
    }
  });

  it('ψ(x + ½) at half-integers: ψ(n + ½) = −γ − 2 ln 2 + Σ_{k=1}^{n} 2/(2k − 1) (A&S 6.3.4), to 1e-12', () => {
    for (const n of [1, 4, 12, 30]) {
      let sum = 0;
      for (let k = 1; k <= n; k++) sum += 2 / (2 * k - 1);
      expectClose(digamma(n + 0.5), -EULER_GAMMA - 2 * Math.LN2 + sum, 1e-12);
    }
  });

  it('obeys the reflection formula ψ(1 − x) − ψ(x) = π cot πx (A&S 6.3.7) across (0, 1), to 1e-10', () => {
    for (const x of [0.001, 0.1, 0.25, 0.37, 0.9]) {
      expectClose(digamma(1 - x) - digamma(x), Math.PI / Math.tan(Math.PI * x), 1e-10);
    }
  });

  it('is NaN outside x > 0', () => {
    expect(digamma(0)).toBeNaN();
    expect(digamma(-1)).toBeNaN();
    expect(digamma(Number.NaN)).toBeNaN();
  });
});

describe('trigamma ψ′(x)', () => {
  it('ψ′(1) = π²/6 and ψ′(½) = π²/2 (A&S 6.4.2, 6.4.4), to 1e-12', () => {
    expectClose(trigamma(1), (Math.PI * Math.PI) / 6, 1e-12);
    expectClose(trigamma(0.5), (Math.PI * Math.PI) / 2, 1e-12);
  });

  it('ψ′(n) = π²/6 − Σ_{k<n} 1/k² at whole n on both sides of the series switch, to 1e-12', () => {
    for (const n of [2, 5, 10, 11, 40, 500]) {
      let sum = 0;
      for (let k = 1; k < n; k++) sum += 1 / (k * k);
      // Relative to ψ′(n) ≈ 1/n, which is small: compare the difference to the value itself.
      const expected = (Math.PI * Math.PI) / 6 - sum;
      expect(Math.abs(trigamma(n) - expected)).toBeLessThanOrEqual(1e-12 * expected + 1e-15);
    }
  });

  it('obeys the reflection formula ψ′(1 − x) + ψ′(x) = π² / sin² πx (A&S 6.4.7), to 1e-10', () => {
    for (const x of [0.001, 0.1, 0.25, 0.37, 0.9]) {
      const s = Math.sin(Math.PI * x);
      expectClose(trigamma(1 - x) + trigamma(x), (Math.PI * Math.PI) / (s * s), 1e-10);
    }
  });

  it('is 1/x + 1/(2x²) + O(1/x³) for large x, and NaN outside x > 0', () => {
    const x = 1e6;
    expect(Math.abs(trigamma(x) - (1 / x + 1 / (2 * x * x)))).toBeLessThan(1 / (x * x * x));
    expect(trigamma(0)).toBeNaN();
  });
});
