// Confidence intervals (the mean, the pooled ratio of means, paired differences) at their
// edges: two replications (the fewest that give an interval), fewer (none), and replications
// where a KPI is undefined or missing. Expected values from the
// closed form of Student's t with one degree of freedom, t(0.975, 1) = tan(π(0.975 − ½)).
import { describe, expect, it } from 'vitest';
import { estimate, halfWidth95, pooledEstimate } from '../../analysis/confidence.js';
import { pairedDifference } from '../../analysis/pairedDifference.js';

const T1 = Math.tan(Math.PI * 0.475); // t(0.975, 1) ≈ 12.706

describe('the 95% half-width', () => {
  it('is NaN with fewer than two values (a sweep asks with whatever is left)', () => {
    expect(halfWidth95([])).toBeNaN();
    expect(halfWidth95([5])).toBeNaN();
  });
});

describe('the mean over replications', () => {
  it('gives an interval from two replications on', () => {
    // [1, 3]: mean 2, s = √2, half-width t(1)·√2/√2 = t(1).
    const e = estimate([1, 3]);
    expect(e.mean).toBe(2);
    expect(e.ci95![0]).toBeCloseTo(2 - T1, 9);
    expect(e.ci95![1]).toBeCloseTo(2 + T1, 9);
  });
});

describe('the pooled ratio of means', () => {
  it('gives a delta-method interval from two replications on', () => {
    // [a, b] = [1, 2], [3, 2]: R = 4/4 = 1; residuals a − ā − R(b − b̄) = −1, 1; s² = 2/1;
    // half-width t(1)·√(s²/2) / b̄ = t(1)·1 / 2.
    const e = pooledEstimate([[1, 2], [3, 2]]);
    expect(e.mean).toBe(1);
    expect(e.ci95![0]).toBeCloseTo(1 - T1 / 2, 9);
    expect(e.ci95![1]).toBeCloseTo(1 + T1 / 2, 9);
  });

  it('leaves out a replication whose numerator or denominator is not finite', () => {
    // The finite pairs are [1, 2], [2, 2], [3, 4]: R = 6/8; residuals −½, ½, 0; s² = ½ / 2;
    // half-width t(2)·√(s²/3) / (8/3), t(0.975, 2) = 0.95/√(2·0.975·0.025) (closed form).
    const t2 = 0.95 / Math.sqrt(2 * 0.975 * 0.025);
    const h = t2 * Math.sqrt(0.25 / 3) / (8 / 3);
    const e = pooledEstimate([[1, 2], [NaN, 5], [2, 2], [7, Infinity], [3, 4]]);
    expect(e.mean).toBeCloseTo(6 / 8, 12);
    expect(e.ci95![0]).toBeCloseTo(6 / 8 - h, 9);
    expect(e.ci95![1]).toBeCloseTo(6 / 8 + h, 9);
  });
});

describe('paired differences', () => {
  it('pairs only the replications both sides have', () => {
    // Replication 2 exists only in the first series: d = [3 − 1, 5 − 2] = [2, 3], mean 5/2,
    // s = √½, half-width t(1)·√½/√2 = t(1)/2.
    const d = pairedDifference([3, 5, 100], [1, 2]);
    expect(d.n).toBe(2);
    expect(d.mean).toBe(5 / 2);
    expect(d.ci95![1]).toBeCloseTo(5 / 2 + T1 / 2, 9);
    expect(pairedDifference([1], [4, 6]).n).toBe(1);
  });
});
