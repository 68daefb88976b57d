// The gamma-function ratios of the Erlang A sums started at the queue's peak
// (engine/erlang/gammaRatios.ts), against their definitions summed here term by term:
// ln[(z)(z+1)…(z+k−1)] = Σ_{i<k} ln(z + i) and ψ(z + k) − ψ(z) = Σ_{i<k} 1/(z + i). The
// references are compensated (Neumaier) sums of correctly rounded terms, good to ~1e-15 of
// their size.
import { describe, expect, it } from 'vitest';
import { digammaDifference, logRising } from '../../engine/erlang/gammaRatios.js';

/** Σ f(i) for i < k, compensated (Neumaier 1974). */
function compensatedSum(k: number, f: (i: number) => number): number {
  let sum = 0;
  let carry = 0;
  for (let i = 0; i < k; i++) {
    const x = f(i);
    const t = sum + x;
    carry += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + carry;
}

const logRisingRef = (z: number, k: number): number => compensatedSum(k, (i) => Math.log(z + i));
const digammaRef = (z: number, k: number): number => compensatedSum(k, (i) => 1 / (z + i));

describe('few factors: the sums term by term, in order', () => {
  // Below 64 factors (or 64 exactly) the functions add the terms one by one from i = 0:
  // the very same doubles as a plain loop.
  it.each([[0.5, 1], [3, 10], [20, 64], [100, 64], [1e6, 40]])('z = %s, k = %s', (z, k) => {
    let logs = 0;
    let reciprocals = 0;
    for (let i = 0; i < k; i++) {
      logs += Math.log(z + i);
      reciprocals += 1 / (z + i);
    }
    expect(logRising(z, k)).toBe(logs);
    expect(digammaDifference(z, k)).toBe(reciprocals);
  });

  it('no factors: ln 1 = 0 and an empty sum', () => {
    expect(logRising(7.5, 0)).toBe(0);
    expect(digammaDifference(7.5, 0)).toBe(0);
  });
});

describe('many factors: Stirling’s series past z + i = 20, exact terms before', () => {
  // (z, k): from z ≥ 20 (the series from the start), from z < 20 (exact terms up to 20 first),
  // just past the 64-term threshold, and far past it.
  const cases: [number, number][] = [[20, 65], [20, 200], [37.25, 1000], [1, 500], [5.5, 65 + 15], [250, 10_000], [1e4, 100_000]];

  // ln Γ's series is truncated after 1/(1680 z⁷) (next term 1/(1188 z⁹) < 2e-15 at z = 20), so
  // what is left is rounding: a few ulps of the largest term. ψ's is truncated after 1/(252 z⁶),
  // the next term 1/(240 z⁸) = 1.6e-13 at z = 20. The smallest coefficients kept change the
  // results by more than these tolerances (2/(1680·20⁷) = 9e-13, 2/(252·20⁶) = 1.2e-10).
  it.each(cases)('ln (z)_k, z = %s, k = %s, to 4e-16 of its size + 1e-13', (z, k) => {
    const ref = logRisingRef(z, k);
    expect(Math.abs(logRising(z, k) - ref)).toBeLessThanOrEqual(4e-16 * Math.abs(ref) + 1e-13);
  });

  it.each(cases)('ψ(z + k) − ψ(z), z = %s, k = %s, to 3e-13', (z, k) => {
    expect(Math.abs(digammaDifference(z, k) - digammaRef(z, k))).toBeLessThanOrEqual(3e-13);
  });
});
