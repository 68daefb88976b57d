// Samplers and the special functions they invert, checked against published and closed-form
// values (never against the program's own output), round-trip properties, the contract of one
// uniform per variate (DESIGN §4), and sample moments within an honest confidence band.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sampler, type UniformSource } from '../../engine/distributions.js';
import { gammaP, gammaQ, logGamma } from '../../engine/gammaFunctions.js';
import { gammaQuantile } from '../../engine/gammaQuantile.js';
import type { DistSpec } from '../../engine/model.js';
import { normalQuantile } from '../../engine/normalQuantile.js';
import { Stream } from '../../engine/random.js';
import { expectNear, testSeed } from '../support/statistics.js';

/** The largest number a Stream gives: it has 32 bits of resolution. */
const U_MAX = 1 - 2 ** -32;
const MIN_NORMAL = 2.2250738585072014e-308;

function expectRelClose(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('normalQuantile (Wichura 1988, AS 241)', () => {
  // Φ⁻¹(0.975) = 1.959963984540054 (the "1.96" of every 95% interval); Φ⁻¹(0.25) =
  // −0.6744897501960817 (the probable error); Φ(1) = 0.8413447460685429 (Abramowitz &
  // Stegun, Table 26.1); Φ⁻¹(1e-10) = −6.361340902404056, the far-tail branch. Every digit
  // was confirmed independently by solving Φ(z) = p at 40 digits with mpmath's ncdf.
  it.each([
    [0.975, 1.959963984540054],
    [0.25, -0.6744897501960817],
    [0.8413447460685429, 1],
    [1e-10, -6.361340902404056],
  ])('Φ⁻¹(%s) = %s, to 1e-14 relative', (p, z) => {
    expectRelClose(normalQuantile(p), z, 1e-14);
  });

  it('is 0 at the median and odd about it: Φ⁻¹(1 − p) = −Φ⁻¹(p)', () => {
    expect(normalQuantile(0.5)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, maxExcluded: true, noNaN: true }), (p) => {
        // For p in [½, 1), 1 − p is exact, so the two sides see the same probability.
        expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 13);
      }),
    );
  });

  it('is −∞ at 0 and finite at the largest number a Stream gives', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(Number.isFinite(normalQuantile(U_MAX))).toBe(true);
    expect(normalQuantile(U_MAX)).toBeGreaterThan(6.2);
  });
});

describe('logGamma (Lanczos)', () => {
  it('matches ln Γ(½) = ½ ln π and ln Γ(n) = ln (n − 1)!', () => {
    expectRelClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    for (const n of [1, 2]) expect(Math.abs(logGamma(n))).toBeLessThan(1e-14);
    for (const n of [3, 10, 30, 171, 1000]) {
      let lnFactorial = 0;
      for (let k = 2; k < n; k++) lnFactorial += Math.log(k);
      expectRelClose(logGamma(n), lnFactorial, 1e-13);
    }
  });

  it('satisfies Legendre duplication: Γ(x) Γ(x + ½) = 2^(1 − 2x) √π Γ(2x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e4, noNaN: true }), (x) => {
        const left = logGamma(x) + logGamma(x + 0.5);
        const right = (1 - 2 * x) * Math.LN2 + 0.5 * Math.log(Math.PI) + logGamma(2 * x);
        expect(Math.abs(left - right)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(left)));
      }),
    );
  });
});

describe('gammaP and gammaQ (regularized incomplete gamma)', () => {
  /** Q(n, x) = e^−x Σ_{k<n} x^k / k! for integer n: the Poisson sum, independent of either method. */
  function poissonQ(n: number, x: number): number {
    let term = Math.exp(-x);
    let sum = term;
    for (let k = 1; k < n; k++) sum += (term *= x / k);
    return sum;
  }

  it('matches closed forms: P(½, x) = erf(√x), P(3, 2) = 1 − 5e⁻²', () => {
    // erf and erfc values: A&S Table 7.1 (to fewer digits); all 16 confirmed with mpmath.
    expectRelClose(gammaP(0.5, 1), 0.8427007929497149, 1e-14); // erf(1)
    expectRelClose(gammaQ(0.5, 9), 2.209049699858544e-5, 1e-13); // erfc(3)
    expectRelClose(gammaQ(0.5, 25), 1.5374597944280349e-12, 1e-13); // erfc(5)
    expectRelClose(gammaP(3, 2), 0.3233235838169366, 1e-14);
  });

  it.each([
    [1, 0.5], [2, 1.5], [3, 10], [5, 2], [10, 50], [40, 30], [40, 60], [150, 140],
  ])('matches the Poisson sum Q(%i, %s) = e^−x Σ x^k/k!', (n, x) => {
    expectRelClose(gammaQ(n, x), poissonQ(n, x), 1e-12);
    expectRelClose(gammaP(n, x), 1 - poissonQ(n, x), 1e-12);
  });

  it('is 0 and 1 at the ends of the range', () => {
    expect(gammaP(2, 0)).toBe(0);
    expect(gammaQ(2, 0)).toBe(1);
    expect(gammaP(2, Infinity)).toBe(1);
    expect(gammaQ(2, Infinity)).toBe(0);
  });
});

describe('gammaQuantile', () => {
  it('is −ln(1 − u) for shape 1 (the exponential)', () => {
    for (const u of [1e-9, 0.01, 0.3, 0.5, 0.9, 0.999999, U_MAX]) expectRelClose(gammaQuantile(1, u), -Math.log1p(-u), 1e-13);
  });

  it('gives the Erlang-2 median: 1 − e^−x (1 + x) = ½ at x = 1.678346990016661', () => {
    expectRelClose(gammaQuantile(2, 0.5), 1.678346990016661, 1e-13);
  });

  it('is 0 at u = 0 and finite at the largest number a Stream gives', () => {
    for (const a of [0.05, 1, 500]) {
      expect(gammaQuantile(a, 0)).toBe(0);
      expect(Number.isFinite(gammaQuantile(a, U_MAX))).toBe(true);
    }
  });

  it('inverts P: P(a, quantile(u)) = u for shapes 0.05 … 500, relative to the nearer tail', () => {
    const shape = fc.double({ min: Math.log(0.05), max: Math.log(500), noNaN: true }).map(Math.exp);
    const u = fc.double({ min: 0, max: 1, minExcluded: true, maxExcluded: true, noNaN: true });
    fc.assert(
      fc.property(shape, u, (a, u) => {
        const x = gammaQuantile(a, u);
        // A quantile below the smallest normal double cannot be represented to relative accuracy.
        if (x < MIN_NORMAL) {
          expect(gammaP(a, MIN_NORMAL)).toBeGreaterThanOrEqual(u);
        } else {
          const residual = u <= 0.5 ? gammaP(a, x) - u : gammaQ(a, x) - (1 - u);
          // Plus a few steps of the subnormal grid, where neither u nor P can be finer.
          expect(Math.abs(residual)).toBeLessThanOrEqual(1e-9 * Math.min(u, 1 - u) + 4 * Number.MIN_VALUE);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('Sampler quantiles against published values', () => {
  // χ²(ν) is a gamma of shape ν/2 and scale 2: mean ν, cv √(2/ν) — an Erlang of k = ν/2 for
  // even ν. Critical values: NIST/SEMATECH e-Handbook §1.3.6.7.4 (to 3 decimals); the full
  // digits were confirmed independently at 40 digits with mpmath's regularized gammainc.
  it.each([
    ['χ²(0.95; 1)', { dist: 'gamma', mean: 1, cv: Math.SQRT2 }, 0.95, 3.841458820694124],
    ['χ²(0.95; 4)', { dist: 'erlang', mean: 4, k: 2 }, 0.95, 9.487729036781154],
    ['χ²(0.95; 4) as a gamma', { dist: 'gamma', mean: 4, cv: Math.SQRT1_2 }, 0.95, 9.487729036781154],
    ['χ²(0.05; 10)', { dist: 'erlang', mean: 10, k: 5 }, 0.05, 3.940299136119],
    ['χ²(0.99; 30)', { dist: 'erlang', mean: 30, k: 15 }, 0.99, 50.89218131151707],
    ['Erlang-2 median', { dist: 'erlang', mean: 2, k: 2 }, 0.5, 1.678346990016661],
  ] as [string, DistSpec, number, number][])('%s', (_name, spec, u, x) => {
    // 1e-12: χ²(0.05; 10) is published to 13 digits.
    expectRelClose(new Sampler(spec).quantile(u), x, 1e-12);
  });

  it('lognormal: median mean/√(1 + cv²), 97.5th percentile e^(μ + 1.959963984540054 σ)', () => {
    const s = new Sampler({ dist: 'lognormal', mean: 300, cv: 0.8 });
    const sigma = Math.sqrt(Math.log(1.64));
    const mu = Math.log(300) - (sigma * sigma) / 2;
    expectRelClose(s.quantile(0.5), 300 / Math.sqrt(1.64), 1e-14);
    expectRelClose(s.quantile(0.975), Math.exp(mu + 1.959963984540054 * sigma), 1e-14);
  });

  it('exponential, uniform, triangular and empirical invert their distribution functions', () => {
    expectRelClose(new Sampler({ dist: 'exponential', mean: 360 }).quantile(0.5), 360 * Math.LN2, 1e-15);
    expect(new Sampler({ dist: 'uniform', min: 60, max: 300 }).quantile(0.25)).toBe(120);
    // F(mode) = (mode − min)/(max − min) = 0.1 for (60, 120, 660).
    expectRelClose(new Sampler({ dist: 'triangular', min: 60, mode: 120, max: 660 }).quantile(0.1), 120, 1e-14);
    const empirical = new Sampler({ dist: 'empirical', values: [5, 7] });
    expect([0, 0.49, 0.5, U_MAX].map((u) => empirical.quantile(u))).toEqual([5, 5, 7, 7]);
  });
});

/** Every kind with random valid parameters. */
const simpleSpec: fc.Arbitrary<Exclude<DistSpec, { dist: 'mixture' }>> = fc.oneof(
  fc.record({ dist: fc.constant('exponential' as const), mean: fc.double({ min: 1e-3, max: 1e5, noNaN: true }) }),
  fc.record({ dist: fc.constant('constant' as const), mean: fc.double({ min: 0, max: 1e5, noNaN: true }) }),
  fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }))
    .map(([x, y]): DistSpec => ({ dist: 'uniform', min: Math.min(x, y), max: Math.max(x, y) })),
  fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e-3, max: 1e4, noNaN: true }))
    .map(([min, f, width]): DistSpec => ({ dist: 'triangular', min, mode: min + f * width, max: min + width })),
  fc.record({ dist: fc.constant('lognormal' as const), mean: fc.double({ min: 1e-3, max: 1e5, noNaN: true }), cv: fc.double({ min: 0.01, max: 5, noNaN: true }) }),
  fc.record({ dist: fc.constant('gamma' as const), mean: fc.double({ min: 1e-3, max: 1e5, noNaN: true }), cv: fc.double({ min: 0.05, max: 4, noNaN: true }) }),
  fc.record({ dist: fc.constant('erlang' as const), mean: fc.double({ min: 1e-3, max: 1e5, noNaN: true }), k: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ dist: fc.constant('empirical' as const), values: fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 20 }) }),
) as fc.Arbitrary<Exclude<DistSpec, { dist: 'mixture' }>>;

const anySpec: fc.Arbitrary<DistSpec> = fc.oneof(
  simpleSpec,
  fc.record({
    dist: fc.constant('mixture' as const),
    zero: fc.double({ min: 0, max: 0.999, noNaN: true }),
    components: fc.array(fc.record({ weight: fc.double({ min: 1e-3, max: 100, noNaN: true }), of: simpleSpec }), { minLength: 1, maxLength: 4 }),
  }),
);

/** Hands out the given uniforms in turn and counts how many were taken. */
class CountingSource implements UniformSource {
  taken = 0;
  constructor(private readonly uniforms: readonly number[]) {}
  next(): number {
    return this.uniforms[this.taken++ % this.uniforms.length];
  }
}

describe('Sampler: one uniform per variate (DESIGN §4)', () => {
  it('takes exactly one number a draw, for every kind, parameter and uniform, and returns a finite duration >= 0', () => {
    const uniform = fc.oneof(fc.double({ min: 0, max: U_MAX, noNaN: true }), fc.constantFrom(0, 2 ** -32, 0.5, U_MAX));
    fc.assert(
      fc.property(anySpec, fc.array(uniform, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 60 }), (spec, uniforms, n) => {
        const sampler = new Sampler(spec);
        const source = new CountingSource(uniforms);
        for (let i = 0; i < n; i++) {
          const x = sampler.draw(source);
          expect(Number.isFinite(x) && x >= 0).toBe(true);
        }
        expect(source.taken).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps two parameter values paired: the i-th draws of gamma cv 0.5 and cv 1.5 come from the same number', () => {
    const narrow = new Sampler({ dist: 'gamma', mean: 300, cv: 0.5 });
    const wide = new Sampler({ dist: 'gamma', mean: 300, cv: 1.5 });
    const a = new Stream(1, 0, 'handle:voice');
    const b = new Stream(1, 0, 'handle:voice');
    const reference = new Stream(1, 0, 'handle:voice');
    for (let i = 0; i < 1000; i++) {
      const u = reference.next();
      expect(narrow.draw(a)).toBe(narrow.quantile(u));
      expect(wide.draw(b)).toBe(wide.quantile(u));
    }
  });

  it('returns the lower end of the range at u = 0', () => {
    const lowerEnds: [DistSpec, number][] = [
      [{ dist: 'exponential', mean: 360 }, 0],
      [{ dist: 'uniform', min: 60, max: 300 }, 60],
      [{ dist: 'triangular', min: 60, mode: 120, max: 600 }, 60],
      [{ dist: 'lognormal', mean: 300, cv: 0.8 }, 0],
      [{ dist: 'gamma', mean: 300, cv: 1.5 }, 0],
      [{ dist: 'erlang', mean: 240, k: 4 }, 0],
      [{ dist: 'empirical', values: [60, 120] }, 60],
      [{ dist: 'mixture', zero: 0.2, components: [{ weight: 1, of: { dist: 'uniform', min: 60, max: 300 } }] }, 0],
      [{ dist: 'mixture', zero: 0, components: [{ weight: 1, of: { dist: 'uniform', min: 60, max: 300 } }, { weight: 1, of: { dist: 'constant', mean: 10 } }] }, 60],
    ];
    for (const [spec, end] of lowerEnds) expect(new Sampler(spec).quantile(0)).toBe(end);
  });
});

const N = 200_000;

// spec, theoretical mean, variance and fourth central moment μ₄ (by hand from the parameters:
// μ₄ = (3 + excess kurtosis)·σ⁴ — exponential 6, uniform −6/5, triangular −3/5, gamma/Erlang
// 6/k, lognormal w⁴ + 2w³ + 3w² − 6 with w = 1 + cv²; the empirical list's own population μ₄).
/**
 * Central moments (mean, variance, μ₄) of a mixture from its raw moments E[Xᵏ] = Σ pᵢ E[Xᵢᵏ]:
 * σ² = m₂ − m₁², μ₄ = m₄ − 4m₁m₃ + 6m₁²m₂ − 3m₁⁴.
 */
function mixtureMoments(parts: readonly [number, readonly [number, number, number, number]][]): [number, number, number] {
  const m = [0, 1, 2, 3].map((k) => parts.reduce((s, [p, raw]) => s + p * (raw[k] ?? 0), 0)) as [number, number, number, number];
  return [m[0], m[1] - m[0] ** 2, m[3] - 4 * m[0] * m[2] + 6 * m[0] ** 2 * m[1] - 3 * m[0] ** 4];
}
// Raw moments E[Xᵏ], k = 1…4: exponential k!·θᵏ; uniform (bᵏ⁺¹ − aᵏ⁺¹)/((k + 1)(b − a)); a constant cᵏ; zero 0.
const EXP_180 = [180, 2 * 180 ** 2, 6 * 180 ** 3, 24 * 180 ** 4] as const;
const UNIFORM_20_40 = [1, 2, 3, 4].map((k) => (40 ** (k + 1) - 20 ** (k + 1)) / ((k + 1) * 20)) as unknown as readonly [number, number, number, number];
const BALKING = mixtureMoments([[0.8, EXP_180]]);
const TWO_PARTS = mixtureMoments([[0.25, [10, 100, 1000, 10000]], [0.75, UNIFORM_20_40]]);

const TRIANGULAR_VARIANCE = (60 ** 2 + 120 ** 2 + 600 ** 2 - 60 * 120 - 60 * 600 - 120 * 600) / 18;
const cases: [string, DistSpec, number, number, number][] = [
  ['exponential', { dist: 'exponential', mean: 360 }, 360, 360 ** 2, 9 * 360 ** 4],
  ['constant', { dist: 'constant', mean: 180 }, 180, 0, 0],
  ['uniform', { dist: 'uniform', min: 60, max: 300 }, 180, 240 ** 2 / 12, 240 ** 4 / 80],
  ['triangular', { dist: 'triangular', min: 60, mode: 120, max: 600 }, 260, TRIANGULAR_VARIANCE, 2.4 * TRIANGULAR_VARIANCE ** 2],
  ['lognormal', { dist: 'lognormal', mean: 300, cv: 0.8 }, 300, (0.8 * 300) ** 2, (1.64 ** 4 + 2 * 1.64 ** 3 + 3 * 1.64 ** 2 - 3) * (0.8 * 300) ** 4],
  ['gamma', { dist: 'gamma', mean: 300, cv: 0.5 }, 300, (0.5 * 300) ** 2, (3 + 6 * 0.25) * (0.5 * 300) ** 4],
  ['gamma with shape < 1', { dist: 'gamma', mean: 300, cv: 1.5 }, 300, (1.5 * 300) ** 2, (3 + 6 * 2.25) * (1.5 * 300) ** 4],
  ['erlang', { dist: 'erlang', mean: 240, k: 4 }, 240, 240 ** 2 / 4, (3 + 6 / 4) * (240 ** 2 / 4) ** 2],
  ['empirical', { dist: 'empirical', values: [60, 120, 120, 600] }, 225, (165 ** 2 + 105 ** 2 * 2 + 375 ** 2) / 4, (165 ** 4 + 105 ** 4 * 2 + 375 ** 4) / 4],
  // 20% balking, else exponential 3 min: mean 0.8 × 180 = 144, variance 0.8 × 2 × 180² − 144² = 31,104.
  ['mixture (balking)', { dist: 'mixture', zero: 0.2, components: [{ weight: 1, of: { dist: 'exponential', mean: 180 } }] }, 144, 31_104, BALKING[2]],
  // Weights 1 : 3 of 10 s and uniform 20–40 s: mean 0.25·10 + 0.75·30 = 25, variance 0.25·100 + 0.75·(400/12 + 900) − 625 = 100.
  ['mixture (two parts)', { dist: 'mixture', zero: 0, components: [{ weight: 1, of: { dist: 'constant', mean: 10 } }, { weight: 3, of: { dist: 'uniform', min: 20, max: 40 } }] }, 25, 100, TWO_PARTS[2]],
];

// Two comparisons a case (mean, variance), each within the family-wise tolerance of
// test/support/statistics.ts (Bonferroni over the whole statistical suite), with the standard
// errors known from theory: the mean's √(σ²/N), the sample variance's √((μ₄ − σ⁴)/N). The seed
// is CCSIM_TEST_SEED's; any seed should pass.
describe('Sampler moments', () => {
  it.each(cases)('%s knows its own mean and variance', (_name, spec, mean, variance) => {
    const s = new Sampler(spec);
    expect(s.mean).toBeCloseTo(mean, 9);
    expect(s.variance).toBeCloseTo(variance, 6);
  });

  it.each(cases)('%s draws match its mean and variance within the family-wise band', (name, spec, mean, variance, mu4) => {
    const s = new Sampler(spec);
    const stream = new Stream(testSeed(), 0, `dist:${spec.dist}`);
    let sum = 0, sum2 = 0, min = Infinity;
    for (let i = 0; i < N; i++) {
      const x = s.draw(stream);
      sum += x; sum2 += x * x;
      if (x < min) min = x;
    }
    const sampleMean = sum / N;
    const sampleVariance = sum2 / N - sampleMean * sampleMean;
    if (variance === 0) {
      // A constant: every draw is the value itself.
      expect(sampleMean).toBe(mean);
      expect(sampleVariance).toBe(0);
    } else {
      // N is large: the t multiplier's degrees of freedom are N − 1 (≈ the normal quantile).
      expectNear(`distributions › ${name} › sample mean`, { mean: sampleMean, se: Math.sqrt(variance / N), n: N }, mean);
      expectNear(`distributions › ${name} › sample variance`, { mean: sampleVariance, se: Math.sqrt((mu4 - variance * variance) / N), n: N }, variance);
    }
    expect(min).toBeGreaterThanOrEqual(0);
  });

  it('draws only values from an empirical list', () => {
    const s = new Sampler({ dist: 'empirical', values: [5, 7] });
    const stream = new Stream(1, 0, 'e');
    for (let i = 0; i < 1000; i++) expect([5, 7]).toContain(s.draw(stream));
  });

  it.each([
    [{ dist: 'exponential', mean: 0 }, /mean must be > 0/],
    [{ dist: 'uniform', min: 5, max: 1 }, /min <= max/],
    [{ dist: 'triangular', min: 1, mode: 0, max: 5 }, /min <= mode <= max/],
    [{ dist: 'lognormal', mean: 10, cv: 0 }, /cv > 0/],
    [{ dist: 'erlang', mean: 10, k: 1.5 }, /integer k >= 1/],
    [{ dist: 'empirical', values: [] }, /non-empty/],
  ] as [DistSpec, RegExp][])('rejects bad parameters: %j', (spec, message) => {
    expect(() => new Sampler(spec)).toThrow(message);
  });
});

describe('mixture bands', () => {
  it('gives 0 in the zero band and each component at its place within its band', () => {
    const balk = new Sampler({ dist: 'mixture', zero: 0.2, components: [{ weight: 1, of: { dist: 'exponential', mean: 180 } }] });
    expect(balk.quantile(0)).toBe(0);
    expect(balk.quantile(0.19)).toBe(0);
    // u = 0.2 + 0.8·v is the exponential's v: at v = 1/2, 180·ln 2.
    expect(balk.quantile(0.6)).toBeCloseTo(180 * Math.LN2, 12);
    const two = new Sampler({ dist: 'mixture', zero: 0, components: [{ weight: 1, of: { dist: 'constant', mean: 10 } }, { weight: 3, of: { dist: 'uniform', min: 20, max: 40 } }] });
    expect(two.quantile(0.1)).toBe(10);
    expect(two.quantile(0.2499)).toBe(10);
    // u = 0.25 + 0.75·v, uniform 20 + 20v: v = 1/2 → 30, v = 0 → 20.
    expect(two.quantile(0.625)).toBeCloseTo(30, 12);
    expect(two.quantile(0.25)).toBe(20);
    expect(two.quantile(U_MAX)).toBeLessThanOrEqual(40);
  });

  it('refuses weights that are not positive and a zero share of 1', () => {
    expect(() => new Sampler({ dist: 'mixture', zero: 0, components: [{ weight: 0, of: { dist: 'constant', mean: 10 } }] })).toThrow(/weights > 0/);
    expect(() => new Sampler({ dist: 'mixture', zero: 1, components: [{ weight: 1, of: { dist: 'constant', mean: 10 } }] })).toThrow(/zero must be in/);
    expect(() => new Sampler({ dist: 'mixture', zero: -0.1, components: [{ weight: 1, of: { dist: 'constant', mean: 10 } }] })).toThrow(/zero must be in/);
    expect(() => new Sampler({ dist: 'mixture', zero: 0, components: [] })).toThrow(/weights > 0/);
    expect(() => new Sampler({ dist: 'mixture', zero: 0, components: [{ weight: 1, of: { dist: 'constant', mean: 10 } }, { weight: 0, of: { dist: 'constant', mean: 20 } }] })).toThrow(/weights > 0/);
  });
});
