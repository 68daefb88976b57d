// Truncated distributions (issue 12 item 2): exact means and variances against closed forms
// derived by hand or published (never the program's output), sampling by inversion checked by
// a Kolmogorov–Smirnov distance against the truncated distribution function, one uniform per
// draw, draws inside [min, max], and the validation errors of the scenario format.
import { describe, expect, it } from 'vitest';
import { Sampler } from '../../engine/distributions.js';
import type { ContinuousSpec, DistSpec, TruncatedSpec } from '../../engine/model.js';
import { Stream } from '../../engine/random.js';
import { baseCdf, normalCdf } from '../../engine/truncation.js';
import { loadScenarioText } from '../../scenarios/load.js';
import { problemsOf } from '../support/problems.js';
import { testSeed } from '../support/statistics.js';

const E = Math.E;
const rel = (actual: number, expected: number, tol = 1e-6): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
};

/** Simpson's rule with n (even) panels: the test's own integrals, independent of the engine's formulas. */
function simpson(f: (x: number) => number, a: number, b: number, n = 20000): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

/** Mean and variance of density f restricted to [a, b], by Simpson. */
function integratedMoments(f: (x: number) => number, a: number, b: number): { mean: number; variance: number } {
  const m0 = simpson(f, a, b), m1 = simpson((x) => x * f(x), a, b), m2 = simpson((x) => x * x * f(x), a, b);
  return { mean: m1 / m0, variance: m2 / m0 - (m1 / m0) ** 2 };
}

const truncated = (of: ContinuousSpec, min?: number, max?: number): TruncatedSpec =>
  ({ dist: 'truncated', of, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) });

describe('the normal distribution function', () => {
  // Φ(1.96) = 0.9750021048517795 and Φ(−3) = 0.0013498980316301 (Abramowitz & Stegun, Table 26.1).
  it('matches published values', () => {
    rel(normalCdf(1.96), 0.9750021048517795, 1e-13);
    rel(normalCdf(-3), 0.0013498980316301, 1e-12);
    expect(normalCdf(0)).toBe(0.5);
  });
});

describe('mean and variance of a truncation, against closed forms', () => {
  it('exponential cut above: mean 1 − L/(e^L − 1), variance 1 − L²e^L/(e^L − 1)² (rate 1, L = 1)', () => {
    const s = new Sampler(truncated({ dist: 'exponential', mean: 1 }, undefined, 1));
    rel(s.mean, 1 - 1 / (E - 1));
    rel(s.variance, 1 - E / (E - 1) ** 2);
  });

  it('exponential cut below is memoryless: min + mean, variance mean² (mean 3 min, min 10 min)', () => {
    const s = new Sampler(truncated({ dist: 'exponential', mean: 180 }, 600));
    rel(s.mean, 780);
    rel(s.variance, 180 * 180);
  });

  it('exponential cut on both sides: the memoryless shift of the one-sided case', () => {
    // X ∈ [a, a + L] is a + (Exp truncated to [0, L]); mean 2, a = 5, L = 3: mean 5 + 2 − 3/(e^{1.5} − 1).
    const s = new Sampler(truncated({ dist: 'exponential', mean: 2 }, 5, 8));
    const r = Math.exp(1.5);
    rel(s.mean, 5 + 2 - 3 / (r - 1));
    rel(s.variance, 4 - (9 * r) / (r - 1) ** 2);
  });

  it('uniform: the uniform law on the intersection', () => {
    const s = new Sampler(truncated({ dist: 'uniform', min: 0, max: 10 }, 2, 5));
    rel(s.mean, 3.5);
    rel(s.variance, 9 / 12);
  });

  it('triangular (0, 1, 2) cut at 1: density 2x on [0, 1], mean 2/3, variance 1/18', () => {
    const s = new Sampler(truncated({ dist: 'triangular', min: 0, mode: 1, max: 2 }, undefined, 1));
    rel(s.mean, 2 / 3);
    rel(s.variance, 1 / 18);
  });

  it('Erlang k = 2, rate 1, cut at 1: M₀ = 1 − 2/e, M₁ = 2 − 5/e, M₂ = 6 − 16/e (by parts)', () => {
    const s = new Sampler(truncated({ dist: 'erlang', mean: 2, k: 2 }, undefined, 1));
    const m0 = 1 - 2 / E, m1 = 2 - 5 / E, m2 = 6 - 16 / E;
    rel(s.mean, m1 / m0);
    rel(s.variance, m2 / m0 - (m1 / m0) ** 2);
  });

  it.each([
    ['lognormal', { dist: 'lognormal', mean: 300, cv: 1.2 }, 60, 1800],
    ['lognormal cut above only', { dist: 'lognormal', mean: 300, cv: 0.6 }, undefined, 400],
    ['gamma (shape 0.69)', { dist: 'gamma', mean: 300, cv: 1.2 }, 30, 900],
    ['gamma far in the right tail', { dist: 'gamma', mean: 60, cv: 0.5 }, 240, 400],
  ] as [string, ContinuousSpec, number | undefined, number][])('%s: against the density integrated by Simpson', (_name, of, min, max) => {
    const density = (x: number): number => {
      if (x <= 0) return 0;
      if (of.dist === 'lognormal') {
        const s2 = Math.log(1 + of.cv * of.cv), mu = Math.log(of.mean) - s2 / 2;
        return Math.exp(-((Math.log(x) - mu) ** 2) / (2 * s2)) / (x * Math.sqrt(2 * Math.PI * s2));
      }
      if (of.dist !== 'gamma') throw new Error('unused');
      const k = 1 / (of.cv * of.cv), theta = of.mean / k;
      // Unnormalised: the constant 1/Γ(k) cancels in the ratios.
      return (x ** (k - 1) * Math.exp(-x / theta)) / theta ** k;
    };
    const lo = min ?? 1e-9;
    const s = new Sampler(truncated(of, min, max));
    const want = integratedMoments(density, lo, max);
    rel(s.mean, want.mean, 1e-6);
    rel(s.variance, want.variance, 1e-6);
  });
});

describe('drawing a truncation', () => {
  const CASES: [string, TruncatedSpec][] = [
    ['exponential [1m, 10m]', truncated({ dist: 'exponential', mean: 180 }, 60, 600)],
    ['lognormal up to 30m', truncated({ dist: 'lognormal', mean: 300, cv: 1.5 }, undefined, 1800)],
    ['gamma from 20s', truncated({ dist: 'gamma', mean: 120, cv: 0.8 }, 20)],
    ['triangular [3, 7]', truncated({ dist: 'triangular', min: 1, mode: 4, max: 9 }, 3, 7)],
  ];

  it.each(CASES)('%s: draws lie in [min, max] and their KS distance to the truncated cdf is small', (_name, spec) => {
    const s = new Sampler(spec);
    const stream = new Stream(testSeed(), 0, `truncation:${_name}`);
    const n = 20000;
    const x = Float64Array.from({ length: n }, () => s.draw(stream)).sort();
    const a = spec.min ?? 0, b = spec.max ?? Infinity;
    const Fa = baseCdf(spec.of, a), Fb = b === Infinity ? 1 : baseCdf(spec.of, b);
    let d = 0;
    x.forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual(a);
      expect(v).toBeLessThanOrEqual(b);
      const F = (baseCdf(spec.of, v) - Fa) / (Fb - Fa);
      d = Math.max(d, Math.abs(F - i / n), Math.abs(F - (i + 1) / n));
    });
    // Kolmogorov's limit: P(√n·D > 1.95) ≈ 0.001, for each of the four cases at any seed.
    expect(Math.sqrt(n) * d).toBeLessThan(1.95);
  });

  it('reads exactly one uniform a draw, u = 0 giving min', () => {
    let calls = 0;
    const source = { next: () => { calls++; return 0; } };
    const s = new Sampler(truncated({ dist: 'gamma', mean: 120, cv: 0.8 }, 20, 400));
    expect(s.draw(source)).toBeCloseTo(20, 9);
    expect(calls).toBe(1);
    const top = new Sampler(truncated({ dist: 'exponential', mean: 60 }, undefined, 100)).quantile(1 - 2 ** -32);
    expect(top).toBeLessThanOrEqual(100);
    expect(top).toBeGreaterThan(99.99);
  });
});

describe('truncated in the scenario format', () => {
  const scenario = (patience: string): string => `name: t
horizon: 1h
channels:
  - id: line
    kind: voice
    arrivals: { perHour: 60 }
    handle: { dist: exponential, mean: 5m }
    patience: ${patience}
agents:
  - { id: team, channels: [line], count: 6 }
`;
  const problemsIn = (patience: string): readonly string[] => problemsOf(() => loadScenarioText(scenario(patience), 'x.yaml'));

  it('compiles to the engine’s spec, in seconds', () => {
    const { model } = loadScenarioText(scenario('{ dist: truncated, of: { dist: lognormal, mean: 2m, cv: 1 }, min: 5s, max: 20m }'), 'x.yaml');
    const want: DistSpec = { dist: 'truncated', of: { dist: 'lognormal', mean: 120, cv: 1 }, min: 5, max: 1200 };
    expect(model.channels[0]?.patience).toEqual(want);
  });

  it('refuses min ≥ max, no bound at all, a truncation with no probability and a discrete base, each at its place', () => {
    expect(problemsIn('{ dist: truncated, of: { dist: exponential, mean: 2m }, min: 10m, max: 5m }')).toEqual([
      'x.yaml:8:76 channels[0].patience.min: must be below max (got "10m")',
    ]);
    expect(problemsIn('{ dist: truncated, of: { dist: exponential, mean: 2m } }')).toEqual([
      'x.yaml:8:5 channels[0].patience: must give min, max or both (a truncation with neither is its `of`)',
    ]);
    expect(problemsIn('{ dist: truncated, of: { dist: uniform, min: 1m, max: 2m }, min: 5m, max: 6m }')).toEqual([
      'x.yaml:8:5 channels[0].patience: must keep some of the distribution: uniform has probability 0.00 between min and max (at least 0.000001 needed)',
    ]);
    expect(problemsIn('{ dist: truncated, of: { dist: constant, mean: 2m }, max: 5m }')).toEqual([
      'x.yaml:8:46 channels[0].patience.of.dist: must be one of exponential, uniform, triangular, lognormal, gamma, erlang (got "constant")',
    ]);
  });
});
