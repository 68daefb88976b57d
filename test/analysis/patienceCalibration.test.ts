// Patience from an ACD interval report (analysis/calibration/): Erlang A inverted per
// interval and pooled by maximum likelihood, the abandonment–waiting relation, and the
// warnings where the report cannot identify patience.
import { describe, expect, it } from 'vitest';
import { abandonShare, invertAbandonShare, THETA_RANGE, type AbandonObservation } from '../../analysis/calibration/abandonShare.js';
import { calibrateChannel, type IntervalFigures } from '../../analysis/calibration/channelCalibration.js';
import { fitPooledPatience } from '../../analysis/calibration/patienceFit.js';
import { fitWaitingRelation } from '../../analysis/calibration/waitingRelation.js';

const HALF_HOUR = 1800;

describe('Erlang A abandon share, by hand for one agent', () => {
  // M/M/1+M with θ = μ: the chain's death rate with k waiting is μ + kθ = (k + 1)μ, so
  // π_{1+k} = π_1 ρ^k/(k + 1)!, π_0 = π_1/ρ. Summing: π_1 = ρe^{−ρ}, E[Q] = ρ − 1 + e^{−ρ},
  // and P(abandon) = θE[Q]/λ = (ρ − 1 + e^{−ρ})/ρ — 1/e at ρ = 1, (1 + e^{−2})/2 at ρ = 2.
  const one = (rho: number, abandoned = 0): AbandonObservation => ({ offered: 100, abandoned, ratePerSec: rho / 300, handleSec: 300, agents: 1 });

  it('equals (ρ − 1 + e^−ρ)/ρ at θ = μ', () => {
    expect(abandonShare(one(1), 1 / 300)).toBeCloseTo(Math.exp(-1), 12);
    expect(abandonShare(one(2), 1 / 300)).toBeCloseTo((1 + Math.exp(-2)) / 2, 12);
  });

  it('inverts a share of 1/e at ρ = 1 to θ = μ (patience mean = AHT)', () => {
    const inverse = invertAbandonShare(one(1, 100 * Math.exp(-1)));
    expect(inverse.status).toBe('fit');
    expect(1 / inverse.thetaPerSec).toBeCloseTo(300, 8);
  });

  it('says which side a share no patience explains falls on', () => {
    expect(invertAbandonShare(one(0.5, 0))).toEqual({ status: 'below', thetaPerSec: THETA_RANGE.min });
    // One agent, ρ = 0.5: Erlang B blocking is ρ/(1 + ρ) = 1/3, the most any patience gives.
    expect(invertAbandonShare(one(0.5, 40)).status).toBe('above');
  });
});

// A consistency check of the inversion and of the pooled fit, not evidence about patience:
// each interval's abandoned count is set to its expected value N·P_i(θ₀) under Erlang A
// itself, so both must give θ₀ back (to their numerical precision).
describe('Erlang A fit recovers the θ that made the shares', () => {
  const theta0 = 1 / 150;
  const shapes = [
    { offered: 120, handleSec: 365, agents: 22 },
    { offered: 200, handleSec: 300, agents: 30.5 },
    { offered: 80, handleSec: 420, agents: 17 },
    { offered: 310, handleSec: 280, agents: 45 },
    { offered: 150, handleSec: 330, agents: 25 },
  ];
  const observations = shapes.map((s) => {
    const o = { ...s, ratePerSec: s.offered / HALF_HOUR, abandoned: 0 };
    return { ...o, abandoned: s.offered * abandonShare(o, theta0) };
  });

  it('per interval', () => {
    for (const o of observations) {
      const inverse = invertAbandonShare(o);
      expect(inverse.status).toBe('fit');
      expect(Math.abs(inverse.thetaPerSec / theta0 - 1)).toBeLessThan(1e-9);
    }
  });

  it('pooled by maximum likelihood, with an interval around it', () => {
    const fit = fitPooledPatience(observations);
    expect(fit.status).toBe('fit');
    expect(Math.abs(fit.thetaPerSec / theta0 - 1)).toBeLessThan(1e-6);
    expect(fit.thetaCi.lower).toBeLessThan(theta0);
    expect(fit.thetaCi.upper).toBeGreaterThan(theta0);
    // Exact expected counts fit perfectly: no over-dispersion.
    expect(fit.dispersion).toBe(1);
  });

  it('the interval narrows as the counts grow (×100 offered: about ×10 narrower)', () => {
    const big = observations.map((o) => ({ ...o, offered: o.offered * 100, abandoned: o.abandoned * 100, ratePerSec: o.ratePerSec }));
    const width = (os: AbandonObservation[]) => {
      const f = fitPooledPatience(os);
      return Math.log(f.thetaCi.upper / f.thetaCi.lower);
    };
    const ratio = width(observations) / width(big);
    expect(ratio).toBeGreaterThan(8);
    expect(ratio).toBeLessThan(12);
  });

  it('with no abandons: θ at the slow bound, and only a bound on the mean', () => {
    const fit = fitPooledPatience(observations.map((o) => ({ ...o, abandoned: 0 })));
    expect(fit.status).toBe('noAbandons');
    expect(fit.thetaCi.lower).toBe(0);
    expect(fit.thetaCi.upper).toBeLessThan(THETA_RANGE.max);
  });
});

describe('abandonment–waiting relation (Mandelbaum–Zeltyn)', () => {
  it('is abandons ÷ total wait, with Garwood bounds (A = 10: 4.795 and 18.390, Poisson tables)', () => {
    // Wait: 90 answered × 20 s + 10 abandoned × 30 s = 2,100 s.
    const fit = fitWaitingRelation([{ answered: 90, abandoned: 10, asaSec: 20, ataSec: 30 }]);
    expect(fit?.thetaPerSec).toBeCloseTo(10 / 2100, 15);
    expect((fit?.thetaCi.lower ?? 0) * 2100).toBeCloseTo(4.795, 3);
    expect((fit?.thetaCi.upper ?? 0) * 2100).toBeCloseTo(18.39, 2);
    expect(fit?.approximate).toBe(false);
  });

  it('takes ASA for abandoners without a time to abandon, and says so', () => {
    const fit = fitWaitingRelation([{ answered: 90, abandoned: 10, asaSec: 20, ataSec: undefined }]);
    expect(fit?.thetaPerSec).toBeCloseTo(10 / 2000, 15);
    expect(fit?.approximate).toBe(true);
  });
});

describe('calibrateChannel', () => {
  const row = (label: string, f: Partial<IntervalFigures>): IntervalFigures => ({
    label,
    offered: 100,
    answered: 95,
    abandoned: 5,
    ahtSec: 300,
    asaSec: 15,
    ataSec: undefined,
    staffed: 20,
    ...f,
  });

  it('reports arrivals, the answered-weighted AHT and staffing rounded to the nearest (half up), carried over a blank', () => {
    const c = calibrateChannel([row('08:00', { staffed: 12.5, answered: 100, ahtSec: 200 }), row('08:30', { staffed: undefined, answered: 300, ahtSec: 400 }), undefined, row('09:30', { staffed: 18.49 })], HALF_HOUR, true);
    expect(c.volumes).toEqual([100, 100, 0, 100]);
    // (100 × 200 + 300 × 400 + 95 × 300) / 495
    expect(c.handleMeanSec).toBeCloseTo((20000 + 120000 + 28500) / 495, 10);
    expect(c.staffing).toEqual([13, 13, 13, 18]);
    expect(c.ahtByInterval?.[2]).toBe(c.handleMeanSec);
    expect(c.warnings).toContainEqual(expect.stringMatching(/^1 interval with contacts but no staffed figure \(08:30\) take/));
    expect(c.intervals.map((i) => i.status)).toEqual(['fit', 'noStaffed', 'noRow', 'fit']);
  });

  it('fits no patience without an abandoned column, and says so', () => {
    const c = calibrateChannel([row('a', { abandoned: undefined }), row('b', { abandoned: undefined })], HALF_HOUR, true);
    expect(c.patience).toBeUndefined();
    expect(c.warnings).toContainEqual(expect.stringMatching(/^patience not fitted: the report gives no abandoned counts/));
  });

  it('warns of few intervals, few abandons, overload and a rare abandon share', () => {
    const c = calibrateChannel([row('a', { abandoned: 0, staffed: 30 }), row('b', { abandoned: 1, offered: 400, answered: 399, staffed: 60 })], HALF_HOUR, true);
    const text = c.warnings.join('\n');
    expect(text).toMatch(/only 2 intervals usable for the fit \(fewer than 4\)/);
    expect(text).toMatch(/only 1 abandon \(fewer than 30\)/);
    expect(text).toMatch(/abandon share is 0\.20% \(under 0\.5%\)/);
    // b: 400 × 300 s / 1800 s = 66.67 Erlangs on 60 agents.
    expect(text).toMatch(/1 interval had fewer staffed agents than offered load \(b: 60 < 66\.67\)/);
  });

  it('warns when no patience explains the abandons (at or above Erlang B blocking)', () => {
    const c = calibrateChannel(['a', 'b', 'c', 'd'].map((l) => row(l, { abandoned: 90, answered: 10 })), HALF_HOUR, true);
    expect(c.patience?.status).toBe('atFastBound');
    expect(c.warnings.join('\n')).toMatch(/4 intervals abandon as much as Erlang B blocking or more \(a, b, c, d\)/);
  });

  it('does not fit patience for a channel that does not abandon (email)', () => {
    const c = calibrateChannel([row('a', {})], HALF_HOUR, false);
    expect(c.patience).toBeUndefined();
    expect(c.waitingCheck).toBeUndefined();
  });
});
