// Patience from censored waits (analysis/fit/kaplanMeier.ts, patienceFit.ts): the product-limit
// curve on the classic 6-MP arm of the leukemia remission data (Freireich et al. 1963, Blood 21;
// Gehan 1965, Biometrika 52), whose Kaplan–Meier values and Greenwood standard errors are
// published (Klein & Moeschberger, "Survival Analysis", 2nd ed. 2003, Example 4.1 / Table 4.1A;
// R's survfit prints the same), then the exponential MLE with censoring against its closed form
// and chi-square limits computed with SciPy, and recovery of a known patience from seeded
// waits drawn with the project's samplers.
import { describe, expect, it } from 'vitest';
import { Sampler } from '../../engine/distributions.js';
import type { DistSpec } from '../../engine/model.js';
import { Stream } from '../../engine/random.js';
import { kaplanMeier, type SurvivalTime } from '../../analysis/fit/kaplanMeier.js';
import { fitPatience } from '../../analysis/fit/patienceFit.js';
import { testSeed } from '../support/statistics.js';

/** 6-MP remission times, weeks; `+` marks censored (still in remission). */
const SIX_MP = '6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+'
  .split(' ')
  .map((w): SurvivalTime => ({ timeSec: Number.parseFloat(w), event: !w.endsWith('+') }));
const Z95 = 1.959963984540054;

describe('Kaplan–Meier on the 6-MP data', () => {
  const curve = kaplanMeier(SIX_MP, Z95);

  it('steps at the event times with the published survival (exact fractions) and Greenwood SEs (±5e-5)', () => {
    expect(curve.steps.map((s) => [s.timeSec, s.atRisk, s.events])).toEqual([
      [6, 21, 3], [7, 17, 1], [10, 15, 1], [13, 12, 1], [16, 11, 1], [22, 7, 1], [23, 6, 1],
    ]);
    // Ŝ = 18/21, ×16/17, ×14/15, ×11/12, ×10/11, ×6/7, ×5/6 — by hand.
    const exact = [18 / 21];
    for (const f of [16 / 17, 14 / 15, 11 / 12, 10 / 11, 6 / 7, 5 / 6]) exact.push((exact[exact.length - 1] as number) * f);
    curve.steps.forEach((s, i) => expect(s.survival).toBeCloseTo(exact[i] as number, 12));
    // Published: 0.8571 0.8067 0.7529 0.6902 0.6275 0.5378 0.4482; SE 0.0764 0.0869 0.0963 0.1068 0.1141 0.1282 0.1346.
    const se = [0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346];
    curve.steps.forEach((s, i) => expect(Math.abs(s.se - (se[i] as number))).toBeLessThan(5e-5));
    expect([curve.n, curve.events, curve.horizonSec]).toEqual([21, 9, 35]);
  });

  it('restricted mean to 35 weeks: 6 + 0.857·1 + 0.807·3 + 0.753·3 + 0.690·3 + 0.627·6 + 0.538·1 + 0.448·12 = 23.287 (R: 23.29, se 2.827)', () => {
    expect(curve.restrictedMeanSec).toBeCloseTo(23.287394957983192, 9);
    expect(curve.restrictedMeanSe).toBeCloseTo(2.827, 3);
  });

  it("median 23 weeks; its 95% interval (log-scale band, R's default) is [16, NA)", () => {
    // At 13 the band's lower edge is 0.6902·exp(−1.96·0.1548) = 0.510 > ½; at 16 it is 0.440 ≤ ½.
    // The upper edge at 23 is 0.4482·exp(1.96·0.3003) = 0.807: it never reaches ½.
    expect(curve.median).toEqual({ valueSec: 23, lowerSec: 16, upperSec: null });
  });

  it('counts a call answered at the instant another abandons as still waiting then (events before censorings)', () => {
    const c = kaplanMeier([{ timeSec: 5, event: true }, { timeSec: 5, event: false }, { timeSec: 10, event: true }], Z95);
    // At 5: 3 at risk, 1 event → 2/3. At 10: 1 at risk, 1 event → 0, and Ŝ = 0 has no spread.
    expect(c.steps.map((s) => [s.timeSec, s.atRisk, s.survival, s.se])).toEqual([
      [5, 3, expect.closeTo(2 / 3, 15), expect.closeTo((2 / 3) * Math.sqrt(1 / 6), 14)],
      [10, 1, 0, 0],
    ]);
    expect(c.median?.valueSec).toBe(10);
    // ∫ Ŝ = 5·1 + 5·(2/3) = 8.333…
    expect(c.restrictedMeanSec).toBeCloseTo(5 + 10 / 3, 12);
  });

  it('has no median when fewer than half the calls abandon within the data', () => {
    const c = kaplanMeier([{ timeSec: 1, event: true }, { timeSec: 2, event: false }, { timeSec: 3, event: false }], Z95);
    expect(c.median).toBeNull();
    expect(c.restrictedMeanSec).toBeCloseTo(1 + (2 / 3) * 2, 12);
  });
});

describe('exponential patience with censoring', () => {
  it('θ̂ = Σ times / events = 359/9 on the 6-MP data, with Garwood limits T / (½χ²₂D₊₂(0.975)), T / (½χ²₂D(0.025))', () => {
    const fit = fitPatience(SIX_MP);
    expect(fit.exponential.meanSec).toBeCloseTo(359 / 9, 12);
    // SciPy: 359 / (chi2.ppf(0.975, 20) / 2) = 21.01282587305266; 359 / (chi2.ppf(0.025, 18) / 2) = 87.23388900721982.
    expect(fit.exponential.lowerSec).toBeCloseTo(21.01282587305266, 8);
    expect(fit.exponential.upperSec).toBeCloseTo(87.23388900721982, 8);
    expect(fit.spec).toEqual({ dist: 'exponential', mean: 359 / 9 });
    expect([fit.calls, fit.abandons, fit.totalWaitSec]).toEqual([21, 9, 359]);
    // Nine events: the mean is poorly known, and the warning says how poorly.
    expect(fit.warnings).toEqual([expect.stringMatching(/^only 9 abandons: the mean patience 40 s is known to within 21 s–87 s \(95%\)/)]);
  });

  it('with no abandons, no spec: only a lower bound on the mean, T / −ln 0.025 = 1000 / 3.689 = 271 s', () => {
    const fit = fitPatience([{ timeSec: 400, event: false }, { timeSec: 600, event: false }]);
    expect(fit.exponential.meanSec).toBeNull();
    expect(fit.spec).toBeNull();
    expect(fit.exponential.lowerSec).toBeCloseTo(1000 / -Math.log(0.025), 9);
    expect(fit.exponential.upperSec).toBeNull();
    expect(fit.warnings).toEqual([expect.stringContaining('no abandons among 2 calls: patience cannot be fitted; the waits say only that its mean is at least 271 s (95% lower bound)')]);
  });

  it('the total-time-on-test gap by hand: abandons at 1 and 2 s, an answer at 3 s', () => {
    // Exposure by 1 s: 3 calls × 1 s = 3 of T = 6 (share ½); by 2 s: 1 + 2 × 2 = 5 (share 5/6).
    // Abandon shares 0 → ½ at 1 s and ½ → 1 at 2 s: the largest gap is ½, just before 1 s.
    const fit = fitPatience([{ timeSec: 1, event: true }, { timeSec: 2, event: true }, { timeSec: 3, event: false }]);
    expect(fit.exponentialGap).toEqual({ atSec: 1, kaplanMeier: 1, exponential: Math.exp(-1 / 3), observed: 0, expected: 1, distance: 0.5, pValue: expect.any(Number) });
  });

  it('abandons only at 0 s are balking, not patience: no spec', () => {
    const fit = fitPatience([{ timeSec: 0, event: true }, { timeSec: 0, event: false }]);
    expect(fit.spec).toBeNull();
    expect(fit.warnings[0]).toContain('balking');
  });
});

const N = 20_000;

/** Calls whose caller has patience from `patience` and is answered after a time drawn from `answerAfter`: the wait is the smaller. */
function waits(patience: DistSpec, answerAfter: DistSpec, source: string): SurvivalTime[] {
  const [p, a] = [new Sampler(patience), new Sampler(answerAfter)];
  const [ps, as] = [new Stream(testSeed(), 0, `${source}-patience`), new Stream(testSeed(), 0, `${source}-answer`)];
  return Array.from({ length: N }, () => {
    const [give, answer] = [p.draw(ps), a.draw(as)];
    return give < answer ? { timeSec: give, event: true } : { timeSec: answer, event: false };
  });
}

describe(`recovery from ${N.toLocaleString('en-US')} seeded calls, answered after an exponential time of mean 60 s`, () => {
  it('exponential patience of mean 120 s: θ̂ within 3.5 θ/√E[D] (E[D] = n·60/180), the KM curve within 3.5 Greenwood SEs of e^{−t/120} at 60 s, no warning', () => {
    const fit = fitPatience(waits({ dist: 'exponential', mean: 120 }, { dist: 'exponential', mean: 60 }, 'patience-exp'));
    // P(abandon) = P(patience < answer) = (1/120) / (1/120 + 1/60) = 1/3.
    const expectedAbandons = N / 3;
    expect(Math.abs((fit.exponential.meanSec ?? 0) - 120)).toBeLessThan((3.5 * 120) / Math.sqrt(expectedAbandons));
    const at60 = [...fit.kaplanMeier.steps].reverse().find((s) => s.timeSec <= 60);
    if (at60 === undefined) throw new Error('no step before 60 s');
    expect(Math.abs(at60.survival - Math.exp(-at60.timeSec / 120))).toBeLessThan(3.5 * at60.se);
    expect(fit.warnings).toEqual([]);
  });

  it('lognormal patience (mean 120 s, cv 2): the hazard is far from constant and the warning says so', () => {
    const fit = fitPatience(waits({ dist: 'lognormal', mean: 120, cv: 2 }, { dist: 'exponential', mean: 60 }, 'patience-lognormal'));
    expect(fit.exponentialGap?.pValue).toBeLessThan(1e-6);
    expect(fit.warnings).toEqual([expect.stringContaining('the calls depart from exponential patience')]);
  });
});
