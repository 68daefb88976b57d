import { describe, expect, it } from 'vitest';
import { Sampler } from '../../engine/distributions.js';
import type { DistSpec } from '../../engine/model.js';
import { Stream } from '../../engine/random.js';

const N = 200_000;

function moments(spec: DistSpec): { mean: number; variance: number; min: number; theory: Sampler } {
  const s = new Sampler(spec);
  const stream = new Stream(1, 0, `dist:${spec.dist}`);
  let sum = 0, sum2 = 0, min = Infinity;
  for (let i = 0; i < N; i++) {
    const x = s.draw(stream);
    sum += x; sum2 += x * x;
    if (x < min) min = x;
  }
  const mean = sum / N;
  return { mean, variance: sum2 / N - mean * mean, min, theory: s };
}

const cases: [string, DistSpec, number, number][] = [
  // spec, theoretical mean, theoretical variance (computed by hand from the parameters)
  ['exponential', { dist: 'exponential', mean: 360 }, 360, 360 ** 2],
  ['constant', { dist: 'constant', mean: 180 }, 180, 0],
  ['uniform', { dist: 'uniform', min: 60, max: 300 }, 180, 240 ** 2 / 12],
  ['triangular', { dist: 'triangular', min: 60, mode: 120, max: 600 }, 260, (60 ** 2 + 120 ** 2 + 600 ** 2 - 60 * 120 - 60 * 600 - 120 * 600) / 18],
  ['lognormal', { dist: 'lognormal', mean: 300, cv: 0.8 }, 300, (0.8 * 300) ** 2],
  ['gamma', { dist: 'gamma', mean: 300, cv: 0.5 }, 300, (0.5 * 300) ** 2],
  ['gamma with shape < 1', { dist: 'gamma', mean: 300, cv: 1.5 }, 300, (1.5 * 300) ** 2],
  ['erlang', { dist: 'erlang', mean: 240, k: 4 }, 240, 240 ** 2 / 4],
  ['empirical', { dist: 'empirical', values: [60, 120, 120, 600] }, 225, (165 ** 2 + 105 ** 2 * 2 + 375 ** 2) / 4],
];

describe('Sampler', () => {
  it.each(cases)('%s knows its own mean and variance', (_name, spec, mean, variance) => {
    const s = new Sampler(spec);
    expect(s.mean).toBeCloseTo(mean, 9);
    expect(s.variance).toBeCloseTo(variance, 6);
  });

  it.each(cases)('%s draws match its mean and variance', (_name, spec, mean, variance) => {
    const m = moments(spec);
    const se = Math.sqrt(variance / N);
    expect(Math.abs(m.mean - mean)).toBeLessThanOrEqual(Math.max(5 * se, 1e-9));
    // The sample variance's own error needs the 4th moment; 6% covers the heaviest tail here.
    expect(Math.abs(m.variance - variance)).toBeLessThanOrEqual(0.06 * variance + 1e-9);
    expect(m.min).toBeGreaterThanOrEqual(0);
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
