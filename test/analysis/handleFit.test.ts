// Handle-time fitting (analysis/fit/handleFamilies.ts, handleFit.ts, goodnessOfFit.ts): the
// MLEs on a small sample against hand-computed values and values computed independently with
// SciPy 1.17 (scipy.stats.*.fit / logpdf / kstest) and mpmath at 40 digits; the Kolmogorov
// distribution against its published critical values; recovery of known parameters from large
// samples drawn with the project's own samplers (engine/distributions.ts), within 3.5 standard
// errors of the estimator (the SE used is named at each check), at any seed.
import { describe, expect, it } from 'vitest';
import { Sampler } from '../../engine/distributions.js';
import { digamma, trigamma } from '../../engine/gammaFunctions.js';
import type { DistSpec } from '../../engine/model.js';
import { Stream } from '../../engine/random.js';
import { kolmogorovUpperTail, ksDistance, ksPValue } from '../../analysis/fit/goodnessOfFit.js';
import { fitExponential, fitGamma, fitLognormal, gammaShape, summarize } from '../../analysis/fit/handleFamilies.js';
import { fitHandleTimes, type HandleCandidate } from '../../analysis/fit/handleFit.js';
import { testSeed } from '../support/statistics.js';

/** Eight handle times, seconds: Σ = 1,072, mean 134. */
const SAMPLE = [12, 30, 45, 60, 95, 180, 240, 410];

function candidate(fit: ReturnType<typeof fitHandleTimes>, family: string): HandleCandidate {
  if (!fit.fitted) throw new Error('expected a fit');
  const c = fit.candidates.find((x) => x.family === family);
  if (c === undefined) throw new Error(`no ${family}`);
  return c;
}

describe('maximum likelihood on a small sample', () => {
  const s = summarize(SAMPLE);

  it('exponential: the mean is the sample mean, ℓ = −n (ln x̄ + 1), SE = x̄/√n', () => {
    const fit = fitExponential(s);
    expect(fit.meanSec).toBe(134);
    expect(fit.logLikelihood).toBeCloseTo(-8 * (Math.log(134) + 1), 10);
    // SciPy: expon.logpdf(x, scale=134).sum() = −47.18271839960729.
    expect(fit.logLikelihood).toBeCloseTo(-47.18271839960729, 9);
    expect(fit.meanSe).toBeCloseTo(134 / Math.sqrt(8), 12);
  });

  it('lognormal: μ and σ are the mean and the 1/n deviation of the logs (SciPy: 4.378842613621709, 1.09197561160695)', () => {
    const fit = fitLognormal(s);
    expect(fit.parameters).toEqual({ family: 'lognormal', mu: expect.closeTo(4.378842613621709, 12), sigma: expect.closeTo(1.09197561160695, 12) });
    // SciPy: lognorm.logpdf(x, 1.09197561160695, scale=exp(4.378842613621709)).sum().
    expect(fit.logLikelihood).toBeCloseTo(-47.0861575216514, 9);
    // mean = exp(μ + σ²/2), cv = √(e^{σ²} − 1).
    expect(fit.meanSec).toBeCloseTo(Math.exp(4.378842613621709 + 1.09197561160695 ** 2 / 2), 8);
    expect(fit.cv).toBeCloseTo(Math.sqrt(Math.exp(1.09197561160695 ** 2) - 1), 10);
  });

  it('gamma: the shape solves ln k − ψ(k) = ln x̄ − mean(ln x); mpmath gives k = 1.1001296099014405…, to 1e-9', () => {
    const fit = fitGamma(s);
    if (fit.parameters.family !== 'gamma') throw new Error('gamma expected');
    expect(Math.abs(fit.parameters.shape - 1.10012960990144)).toBeLessThan(1e-9);
    expect(fit.parameters.scaleSec).toBeCloseTo(134 / 1.10012960990144, 7);
    expect(fit.meanSec).toBe(134);
    // SciPy: gamma.logpdf(x, 1.1001296099014405, scale=134/1.10012960990144).sum().
    expect(fit.logLikelihood).toBeCloseTo(-47.160207001095756, 8);
  });

  it("Minka's iteration converges from any t > 0: at an exponential's t = γ it gives k = 1 (ln 1 − ψ(1) = γ)", () => {
    expect(gammaShape(0.5772156649015329)).toBeCloseTo(1, 12);
    // A round trip over five orders of magnitude of shape, ψ checked on its own in polygamma.test.ts.
    for (const k of [0.01, 0.05, 0.3, 7, 250, 1e4]) {
      expect(Math.abs(gammaShape(Math.log(k) - digamma(k)) / k - 1)).toBeLessThan(1e-9);
    }
  });

  it('AIC ranks the families (SciPy ℓ: lognormal −47.086, gamma −47.160, exponential −47.183; AIC 98.17, 98.32, 96.37)', () => {
    const fit = fitHandleTimes(SAMPLE);
    if (!fit.fitted) throw new Error('expected a fit');
    // One parameter fewer gives the exponential a 2-point head start it keeps here.
    expect(fit.candidates.map((c) => c.family)).toEqual(['exponential', 'lognormal', 'gamma']);
    expect(fit.best.spec).toEqual({ dist: 'exponential', mean: 134 });
    expect(candidate(fit, 'lognormal').aic).toBeCloseTo(4 + 2 * 47.0861575216514, 8);
    expect(candidate(fit, 'lognormal').deltaAic).toBeCloseTo(4 + 2 * 47.0861575216514 - (2 + 2 * 47.18271839960729), 8);
    expect(fit.sampleMeanSec).toBe(134);
  });

  it('the KS distances match SciPy kstest against each fitted distribution', () => {
    const fit = fitHandleTimes(SAMPLE);
    expect(candidate(fit, 'exponential').ksDistance).toBeCloseTo(0.13905727650409083, 12);
    expect(candidate(fit, 'lognormal').ksDistance).toBeCloseTo(0.14702808842716197, 9);
    expect(candidate(fit, 'gamma').ksDistance).toBeCloseTo(0.15792551440081726, 8);
  });

  it('the spec is what scenarios/distribution.ts reads: { dist, mean, cv } in seconds', () => {
    const fit = fitHandleTimes(SAMPLE);
    expect(candidate(fit, 'gamma').spec).toEqual({ dist: 'gamma', mean: 134, cv: expect.closeTo(1 / Math.sqrt(1.10012960990144), 9) });
    expect(Object.keys(candidate(fit, 'lognormal').spec)).toEqual(['dist', 'mean', 'cv']);
  });

  it('refuses a sample with fewer than two different values, saying why', () => {
    expect(fitHandleTimes([])).toEqual({ fitted: false, n: 0, reason: 'no answered calls with a handle time' });
    expect(fitHandleTimes([60, 60, 60])).toMatchObject({ fitted: false, reason: expect.stringContaining('3 calls, all 60 s') });
    expect(fitHandleTimes([60])).toMatchObject({ fitted: false, reason: expect.stringContaining('one call') });
  });
});

describe('Kolmogorov–Smirnov', () => {
  it('distance by hand: sample 0.1, 0.2, 0.9 against the uniform on [0, 1] is 2/3 − 0.2', () => {
    expect(ksDistance(Float64Array.from([0.1, 0.2, 0.9]), (x) => x)).toBeCloseTo(2 / 3 - 0.2, 15);
    // The other side of a step: 1, 2, 3 against the exponential of mean 2 is F(1) − 0 = 1 − e^{−½}.
    expect(ksDistance(Float64Array.from([1, 2, 3]), (x) => 1 - Math.exp(-x / 2))).toBeCloseTo(1 - Math.exp(-0.5), 15);
  });

  it("Kolmogorov's limit at the published critical values: Q(1.2238) = 0.10, Q(1.3581) = 0.05, Q(1.6276) = 0.01 (Smirnov 1948)", () => {
    expect(kolmogorovUpperTail(1.2238)).toBeCloseTo(0.1, 4);
    expect(kolmogorovUpperTail(1.3581)).toBeCloseTo(0.05, 4);
    expect(kolmogorovUpperTail(1.6276)).toBeCloseTo(0.01, 4);
  });

  it('both series agree with SciPy kstwobign.sf: Q(0.5) = 0.963945, Q(1.0) = 0.270000; Q(0) = 1', () => {
    expect(kolmogorovUpperTail(0.5)).toBeCloseTo(0.96394524, 7);
    expect(kolmogorovUpperTail(1.0)).toBeCloseTo(0.26999967, 7);
    expect(kolmogorovUpperTail(0)).toBe(1);
    // Continuous where the two series meet.
    expect(Math.abs(kolmogorovUpperTail(1.18 - 1e-9) - kolmogorovUpperTail(1.18 + 1e-9))).toBeLessThan(1e-8);
  });

  it("the p-value applies Stephens' correction: λ = (√n + 0.12 + 0.11/√n) D", () => {
    // n = 100: λ = (10 + 0.12 + 0.011) D; D = 1.3581 / 10.131 gives p = 0.05.
    expect(ksPValue(1.3581 / 10.131, 100)).toBeCloseTo(0.05, 4);
  });
});

/** n draws of `spec` from a seeded stream of its own. */
function draws(spec: DistSpec, n: number, source: string): Float64Array {
  const sampler = new Sampler(spec);
  const stream = new Stream(testSeed(), 0, source);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sampler.draw(stream);
  return out;
}

const N = 20_000;
const WITHIN = 3.5;

describe(`recovery from ${N.toLocaleString('en-US')} draws of the project's samplers (3.5 standard errors)`, () => {
  it('exponential, mean 300 s: m̂ within 3.5 m/√n; the exponential is within AIC noise of the best', () => {
    const fit = fitHandleTimes(draws({ dist: 'exponential', mean: 300 }, N, 'fit-exponential'));
    const e = candidate(fit, 'exponential');
    expect(Math.abs(e.meanSec - 300)).toBeLessThan((WITHIN * 300) / Math.sqrt(N));
    // Nested in the gamma (k = 1): 2(ℓ_gamma − ℓ_exp) is χ²₁, so ΔAIC = χ²₁ − 2 < 12.2 but for p ≈ 2e-4.
    expect(e.deltaAic).toBeLessThan(12.2);
    // D √n below 1.95 (p = 0.001 for known parameters; fitted ones only shrink D).
    expect(e.ksDistance * Math.sqrt(N)).toBeLessThan(1.95);
  });

  it('lognormal, mean 240 s, cv 1.2: μ̂ within 3.5 σ/√n, σ̂ within 3.5 σ/√(2n), and lognormal is best', () => {
    const sigma2 = Math.log(1 + 1.2 * 1.2);
    const [mu, sigma] = [Math.log(240) - sigma2 / 2, Math.sqrt(sigma2)];
    const fit = fitHandleTimes(draws({ dist: 'lognormal', mean: 240, cv: 1.2 }, N, 'fit-lognormal'));
    if (!fit.fitted) throw new Error('expected a fit');
    expect(fit.best.family).toBe('lognormal');
    const p = fit.best.parameters;
    if (p.family !== 'lognormal') throw new Error('lognormal expected');
    expect(Math.abs(p.mu - mu)).toBeLessThan((WITHIN * sigma) / Math.sqrt(N));
    expect(Math.abs(p.sigma - sigma)).toBeLessThan((WITHIN * sigma) / Math.sqrt(2 * N));
    // The delta-method SE of the mean, checked against the truth it claims to cover.
    expect(Math.abs(fit.best.meanSec - 240)).toBeLessThan(WITHIN * fit.best.meanSe);
    expect(fit.best.ksDistance * Math.sqrt(N)).toBeLessThan(1.95);
  });

  it('gamma, mean 300 s, cv 0.8 (k = 1.5625): k̂ within 3.5 √(k / (n (k ψ′(k) − 1))), and gamma is best', () => {
    const k = 1 / 0.64;
    const fit = fitHandleTimes(draws({ dist: 'gamma', mean: 300, cv: 0.8 }, N, 'fit-gamma'));
    if (!fit.fitted) throw new Error('expected a fit');
    expect(fit.best.family).toBe('gamma');
    const p = fit.best.parameters;
    if (p.family !== 'gamma') throw new Error('gamma expected');
    // The inverse Fisher information of (k, θ) gives Var k̂ = k / (n (k ψ′(k) − 1)).
    expect(Math.abs(p.shape - k)).toBeLessThan(WITHIN * Math.sqrt(k / (N * (k * trigamma(k) - 1))));
    expect(Math.abs(fit.best.meanSec - 300)).toBeLessThan((WITHIN * 300 * 0.8) / Math.sqrt(N));
    expect(fit.best.ksDistance * Math.sqrt(N)).toBeLessThan(1.95);
  });
});
