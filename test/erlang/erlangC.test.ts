// Erlang C beyond the published 14-agent case of published.test.ts: every figure against the
// birth–death chain of test/support/birthDeath.ts (an independent derivation), the unstable
// and empty queues worked by hand, and the interpolation of fractional agent counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../engine/erlang/index.js';
import { stationary } from '../support/birthDeath.js';

/** The classic case: 100 contacts per 30 min, AHT 180 s (A = 10 Erlangs), T = 20 s. */
const ratePerSec = 100 / 1800;
const handleSec = 180;
const targetSec = 20;

function expectRelative(actual: number, expected: number, tol = 1e-6): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

/** Relative agreement, or 1e-13 absolute for figures the chain's truncation (1e-15 of its total) leaves near 0. */
function expectChain(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected) + 1e-13);
}

describe('Erlang C against the birth–death chain of M/M/n', () => {
  it('P(wait), mean queue, mean wait and occupancy agree to 1e-9 for any stable queue', () => {
    // A load of whole + fraction ≤ 0.9 keeps every queue at least 0.1 agent from saturation, so
    // the chain's tail (ratio ρ < 1 − 0.1/n) is summed in a few thousand states.
    const loads = fc.tuple(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 0.9, noNaN: true })).map(([whole, frac]) => whole + frac);
    fc.assert(
      fc.property(loads, fc.double({ min: 30, max: 900, noNaN: true }), fc.integer({ min: 1, max: 8 }), (load, h, extra) => {
        const agents = Math.floor(load) + extra;
        const chain = stationary({ ratePerSec: load / h, handleSec: h, agents, patienceSec: null });
        const r = erlangC({ ratePerSec: load / h, handleSec: h, agents, targetSec });
        expect(r.stable).toBe(true);
        expectChain(r.pWait, chain.pWait);
        expectChain(r.queueLength, chain.queueLength);
        // In units of the handle time, so the absolute floor means the same for any AHT.
        expectChain(r.asaSec / h, chain.meanWaitSec / h);
        expectChain(r.occupancy, chain.occupancy);
      }),
      { numRuns: 60 },
    );
  });

  it('14 agents: mean queue Lq = λ·ASA = (100/1800)·7.8359370118 = 0.4353298340 (Little), load 10 Erl', () => {
    const r = erlangC({ ratePerSec, handleSec, agents: 14, targetSec });
    expectRelative(r.queueLength, (100 / 1800) * 7.8359370118);
    expect(r.loadErlangs).toBeCloseTo(10, 12);
    expect(r).toMatchObject({ model: 'erlangC', agents: 14, targetSec: 20, stable: true });
  });

  it('reports one service level under all three definitions (nobody abandons)', () => {
    const r = erlangC({ ratePerSec, handleSec, agents: 14, targetSec });
    expectRelative(r.serviceLevel, 0.8883500192);
    expect(r.serviceLevels).toEqual({ excludeShortAbandons: r.serviceLevel, offered: r.serviceLevel, answered: r.serviceLevel });
  });

  it('SL(T) = 1 − C·e^{−(nμ − λ)T}: at T = 0 the SL is the share answered at once, 1 − P(wait)', () => {
    const r = erlangC({ ratePerSec, handleSec, agents: 14, targetSec: 0 });
    expectRelative(r.serviceLevel, 1 - 0.1741319336);
  });
});

describe('Erlang C outside the stable range', () => {
  it('calls a queue with as many agents as Erlangs unstable: everyone waits, SL 0, ASA and Lq infinite, occupancy 1', () => {
    const r = erlangC({ ratePerSec, handleSec, agents: 10, targetSec });
    expect(r).toMatchObject({ stable: false, pWait: 1, serviceLevel: 0, asaSec: Infinity, queueLength: Infinity, occupancy: 1 });
    expect(r.serviceLevels).toEqual({ excludeShortAbandons: 0, offered: 0, answered: 0 });
  });

  it('calls a queue with no agents unstable with occupancy 1', () => {
    const r = erlangC({ ratePerSec, handleSec, agents: 0, targetSec });
    expect(r).toMatchObject({ stable: false, pWait: 1, serviceLevel: 0, asaSec: Infinity, queueLength: Infinity, occupancy: 1 });
  });

  it('with no load nobody waits and nobody works, even with no agents', () => {
    for (const agents of [0, 3]) {
      const r = erlangC({ ratePerSec: 0, handleSec, agents, targetSec });
      expect(r).toMatchObject({ loadErlangs: 0, stable: true, pWait: 0, serviceLevel: 1, asaSec: 0, queueLength: 0, occupancy: 0 });
    }
  });
});

describe('Erlang C with a fractional agent count', () => {
  it('interpolates every waiting figure linearly between ⌊n⌋ and ⌈n⌉ and takes occupancy as A / n', () => {
    // A = 10.5 Erl (λ = 10.5/180), n = 11.25: ¾ of n = 11 and ¼ of n = 12. Figures of n = 11 and
    // 12 from the birth–death chain; SL(20 s) at 11 and 12 agents, 0.212103870 and 0.522667768,
    // from the factorial form of Erlang C at 40 digits (mpmath).
    const rate = 10.5 / 180;
    const at11 = stationary({ ratePerSec: rate, handleSec, agents: 11, patienceSec: null });
    const at12 = stationary({ ratePerSec: rate, handleSec, agents: 12, patienceSec: null });
    const r = erlangC({ ratePerSec: rate, handleSec, agents: 11.25, targetSec });
    expect(r.agents).toBe(11.25);
    expect(r.stable).toBe(true);
    expectRelative(r.pWait, 0.75 * at11.pWait + 0.25 * at12.pWait, 1e-9);
    expectRelative(r.queueLength, 0.75 * at11.queueLength + 0.25 * at12.queueLength, 1e-9);
    expectRelative(r.asaSec, 0.75 * at11.meanWaitSec + 0.25 * at12.meanWaitSec, 1e-9);
    expectRelative(r.serviceLevel, 0.75 * 0.21210387027893615 + 0.25 * 0.522667768391011, 1e-9);
    expect(r.serviceLevels).toEqual({ excludeShortAbandons: r.serviceLevel, offered: r.serviceLevel, answered: r.serviceLevel });
    expectRelative(r.occupancy, 10.5 / 11.25, 1e-15);
    expectRelative(r.loadErlangs, 10.5, 1e-15);
  });

  it('is unstable when the fractional count equals the load, and keeps the infinite ASA of the unstable end', () => {
    // A = 10.5 Erl on 10.5 agents: ⌊n⌋ = 10 is unstable (ASA ∞), ⌈n⌉ = 11 stable.
    const r = erlangC({ ratePerSec: 10.5 / 180, handleSec, agents: 10.5, targetSec });
    expect(r.stable).toBe(false);
    expect(r.asaSec).toBe(Infinity);
    expect(r.occupancy).toBe(1);
  });

  it('is stable just above the load, and caps occupancy at 1 just below it', () => {
    expect(erlangC({ ratePerSec, handleSec, agents: 10.5, targetSec }).stable).toBe(true);
    const below = erlangC({ ratePerSec, handleSec, agents: 9.5, targetSec });
    expect(below.stable).toBe(false);
    expect(below.occupancy).toBe(1);
  });

  it('with no load a fractional count has occupancy 0 and nobody waiting', () => {
    const r = erlangC({ ratePerSec: 0, handleSec, agents: 2.5, targetSec });
    expect(r).toMatchObject({ stable: true, pWait: 0, serviceLevel: 1, asaSec: 0, queueLength: 0, occupancy: 0 });
  });
});
