// The far tails and the edges of the special functions behind the samplers — the normal
// quantile's third region (p < 1.4e-11), the ends of the domains — and the parameter rules of
// every distribution kind, each with its message. Values: published or confirmed at 40
// digits with mpmath; the tail of Φ also by Laplace's continued fraction written out here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sampler } from '../../engine/distributions.js';
import { gammaP, gammaQ, logGamma } from '../../engine/gammaFunctions.js';
import { gammaQuantile } from '../../engine/gammaQuantile.js';
import type { DistSpec } from '../../engine/model.js';
import { normalQuantile } from '../../engine/normalQuantile.js';

function expectRelClose(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

/**
 * ln Φ(−z) for z ≥ 5 by Laplace's continued fraction (A&S 26.2.14):
 * Φ(−z) = φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))), evaluated from the bottom up.
 */
function logLowerTail(z: number): number {
  let f = z;
  for (let k = 200; k >= 1; k--) f = z + k / f;
  return -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - Math.log(f);
}

describe('normalQuantile: the far tail (r = √(−ln p) > 5)', () => {
  it.each([
    // Roots of ln Φ(z) = ln p found by mpmath at 50 digits (in logs: a root of Φ(z) − p is
    // only as good as an absolute tolerance on p allows, which fails this far out).
    [1e-15, -7.941345326170997],
    [1e-100, -21.273453560965326],
    [1e-150, -26.122961190593983],
    [1e-300, -37.0470962993612],
    [2 ** -40, -7.047700256664409],
  ])('Φ⁻¹(%s) = %s to 1e-14 relative', (p, z) => {
    expectRelClose(normalQuantile(p), z, 1e-14);
  });

  it('inverts Φ for any p below 1.4e-11: ln Φ(Φ⁻¹(p)) = ln p by the continued fraction, to 1e-13 relative in p', () => {
    fc.assert(
      fc.property(fc.double({ min: -690, max: Math.log(1.3e-11), noNaN: true }), (logP) => {
        const z = normalQuantile(Math.exp(logP));
        expect(Math.abs(logLowerTail(-z) - Math.log(Math.exp(logP)))).toBeLessThanOrEqual(1e-13 * (1 + z * z));
      }),
    );
  });

  it('is odd in the far tail too: Φ⁻¹(1 − 2⁻⁴⁰) = −Φ⁻¹(2⁻⁴⁰) (1 − 2⁻⁴⁰ is exact)', () => {
    expect(normalQuantile(1 - 2 ** -40)).toBe(-normalQuantile(2 ** -40));
  });

  it('matches the table values z(0.98) = 2.0537489106318 and z(0.9999) = 3.7190164854557 (centre and middle tail)', () => {
    expectRelClose(normalQuantile(0.98), 2.053748910631823, 1e-13);
    expectRelClose(normalQuantile(0.0001), -3.7190164854556804, 1e-14);
  });

  it('is +∞ at 1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(1)).toBe(Infinity);
    for (const p of [-0.1, 1.5, NaN, -Infinity]) expect(normalQuantile(p)).toBeNaN();
  });
});

describe('incomplete gamma and gamma quantile: edges of the domain', () => {
  it('P and Q are NaN below 0 and for NaN', () => {
    for (const x of [-1, NaN]) {
      expect(gammaP(2, x)).toBeNaN();
      expect(gammaQ(2, x)).toBeNaN();
    }
  });

  it('ln Γ below ½ by the recurrence: ln Γ(¼) = ln 3.6256099082219083 (A&S Table 6.1) and ln Γ(0.001) = 6.907178885383854', () => {
    expectRelClose(logGamma(0.25), Math.log(3.625609908221908), 1e-14);
    expectRelClose(logGamma(0.001), 6.907178885383854, 1e-14);
  });

  it('the gamma quantile is +∞ at u = 1 and NaN outside [0, 1]', () => {
    expect(gammaQuantile(2, 1)).toBe(Infinity);
    for (const u of [-0.1, 1.5, NaN]) expect(gammaQuantile(2, u)).toBeNaN();
  });

  it('uses a given ln Γ(a) instead of computing it: the Erlang-2 median with ln Γ(2) = 0 passed in', () => {
    // 1 − e^−x (1 + x) = ½ at x = 1.678346990016661 (distributions.test.ts).
    expectRelClose(gammaQuantile(2, 0.5, 0), 1.678346990016661, 1e-13);
    expectRelClose(gammaP(2, 1.678346990016661, 0), 0.5, 1e-14);
    expectRelClose(gammaQ(2, 1.678346990016661, 0), 0.5, 1e-14);
  });
});

describe('Sampler parameter rules', () => {
  it.each([
    [{ dist: 'exponential', mean: 0 }, 'distribution parameter mean must be > 0 (got 0)'],
    [{ dist: 'exponential', mean: -5 }, 'distribution parameter mean must be > 0 (got -5)'],
    [{ dist: 'constant', mean: -1 }, 'distribution parameter mean must be >= 0 (got -1)'],
    [{ dist: 'uniform', min: -1, max: 5 }, 'distribution parameter min <= max, min >= 0 (got -1, 5)'],
    [{ dist: 'uniform', min: 6, max: 5 }, 'distribution parameter min <= max, min >= 0 (got 6, 5)'],
    [{ dist: 'triangular', min: -1, mode: 2, max: 5 }, 'distribution parameter min <= mode <= max, min < max (got -1, 2, 5)'],
    [{ dist: 'triangular', min: 3, mode: 2, max: 5 }, 'distribution parameter min <= mode <= max, min < max (got 3, 2, 5)'],
    [{ dist: 'triangular', min: 1, mode: 6, max: 5 }, 'distribution parameter min <= mode <= max, min < max (got 1, 6, 5)'],
    [{ dist: 'triangular', min: 5, mode: 5, max: 5 }, 'distribution parameter min <= mode <= max, min < max (got 5, 5, 5)'],
    [{ dist: 'lognormal', mean: 0, cv: 0.5 }, 'distribution parameter mean > 0 and cv > 0 (got 0, 0.5)'],
    [{ dist: 'lognormal', mean: 10, cv: 0 }, 'distribution parameter mean > 0 and cv > 0 (got 10, 0)'],
    [{ dist: 'gamma', mean: 0, cv: 0.5 }, 'distribution parameter mean > 0 and cv > 0 (got 0, 0.5)'],
    [{ dist: 'gamma', mean: 10, cv: 0 }, 'distribution parameter mean > 0 and cv > 0 (got 10, 0)'],
    [{ dist: 'erlang', mean: 0, k: 2 }, 'distribution parameter mean > 0 and integer k >= 1 (got 0, 2)'],
    [{ dist: 'erlang', mean: 10, k: 0 }, 'distribution parameter mean > 0 and integer k >= 1 (got 10, 0)'],
    [{ dist: 'erlang', mean: 10, k: 2.5 }, 'distribution parameter mean > 0 and integer k >= 1 (got 10, 2.5)'],
    [{ dist: 'empirical', values: [] }, 'distribution parameter values must be a non-empty list of durations >= 0'],
    [{ dist: 'empirical', values: [3, -1] }, 'distribution parameter values must be a non-empty list of durations >= 0'],
    [{ dist: 'empirical', values: [3, Infinity] }, 'distribution parameter values must be a non-empty list of durations >= 0'],
    [{ dist: 'empirical', values: [3, NaN] }, 'distribution parameter values must be a non-empty list of durations >= 0'],
  ] as [DistSpec, string][])('refuses %j', (spec, message) => {
    expect(() => new Sampler(spec)).toThrow(new RangeError(message));
  });

  it('accepts the ends of each range: a constant 0, a uniform of one point, a triangle with its mode at an end, Erlang k = 1, an empirical 0', () => {
    expect(new Sampler({ dist: 'constant', mean: 0 }).quantile(0.7)).toBe(0);
    const point = new Sampler({ dist: 'uniform', min: 60, max: 60 });
    expect([point.quantile(0.3), point.mean, point.variance]).toEqual([60, 60, 0]);
    // Mode at the minimum: F(x) = 1 − ((max − x)/(max − min))², so F⁻¹(¾) = 100 − 100·½ = 50.
    expect(new Sampler({ dist: 'triangular', min: 0, mode: 0, max: 100 }).quantile(0.75)).toBe(50);
    // Mode at the maximum: F(x) = ((x − min)/(max − min))², so F⁻¹(¼) = 100·½ = 50.
    expect(new Sampler({ dist: 'triangular', min: 0, mode: 100, max: 100 }).quantile(0.25)).toBe(50);
    // k = 1 is the exponential: its median is mean · ln 2.
    expectRelClose(new Sampler({ dist: 'erlang', mean: 100, k: 1 }).quantile(0.5), 100 * Math.LN2, 1e-13);
    expect(new Sampler({ dist: 'empirical', values: [0] }).quantile(0.5)).toBe(0);
  });

  it('triangular quantiles on both sides of the mode: min 0, mode 20, max 100', () => {
    // F(20) = 0.2. Below: x = √(u · 100 · 20), so u = 0.05 → √100 = 10. Above: x = 100 − √((1 − u) · 100 · 80),
    // so u = 0.6 → 100 − √3200 = 100 − 40√2.
    const s = new Sampler({ dist: 'triangular', min: 0, mode: 20, max: 100 });
    expectRelClose(s.quantile(0.05), 10, 1e-15);
    expectRelClose(s.quantile(0.6), 100 - 40 * Math.SQRT2, 1e-14);
  });
});
