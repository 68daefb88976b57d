// Published textbook / industry values (issue 3, acceptance 1): 100 contacts per 30 minutes,
// AHT 180 s (A = 10 Erlangs), T = 20 s. The Erlang A reference figures were checked against an
// independent numerical solution of the tagged customer's chain (see erlangA.test.ts).
import { describe, expect, it } from 'vitest';
import { erlangA, erlangB, erlangC, fte, linesForBlocking, staffErlangC } from '../../engine/erlang/index.js';

const ratePerSec = 100 / 1800;
const handleSec = 180;
const targetSec = 20;

function expectRelative(actual: number, expected: number, tol = 1e-6): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(tol);
}

/** Agreement to the number of significant digits a published figure was given with. */
function expectToDigitsGiven(actual: number, published: string): void {
  const decimals = published.split('.')[1]?.length ?? 0;
  expect(Math.abs(actual - Number(published))).toBeLessThanOrEqual(0.5 * 10 ** -decimals);
}

describe('Erlang C, 100 contacts per 30 min, AHT 180 s, T = 20 s', () => {
  it('14 agents: P(wait) 0.1741319336, SL 0.8883500192, ASA 7.8359370118 s, occupancy 0.7142857', () => {
    const r = erlangC({ ratePerSec, handleSec, agents: 14, targetSec });
    expect(r.loadErlangs).toBeCloseTo(10, 12);
    expectRelative(r.pWait, 0.1741319336);
    expectRelative(r.serviceLevel, 0.8883500192);
    expectRelative(r.asaSec, 7.8359370118);
    expectRelative(r.occupancy, 0.7142857);
  });

  it('11 agents: P(wait) 0.6821182, SL 0.3896138', () => {
    const r = erlangC({ ratePerSec, handleSec, agents: 11, targetSec });
    expectRelative(r.pWait, 0.6821182);
    expectRelative(r.serviceLevel, 0.3896138);
  });

  it('the fewest agents for SL ≥ 0.8 is 14, and 20 positions at 30% shrinkage', () => {
    const s = staffErlangC({ ratePerSec, handleSec, targets: { serviceLevel: 0.8, targetSec } });
    expect(s.agents).toBe(14);
    expectRelative(fte(s.agents, 0.3), 20);
  });
});

describe('Erlang B', () => {
  it('B(1, A=1) = 0.5 and B(2, A=1) = 0.2', () => {
    expectRelative(erlangB(1, 1), 0.5, 1e-12);
    expectRelative(erlangB(2, 1), 0.2, 1e-12);
  });

  it('10 Erlangs at ≤ 2% blocking needs 17 lines (16 lines block more than 2%)', () => {
    expect(linesForBlocking(10, 0.02).lines).toBe(17);
    expect(erlangB(16, 10)).toBeGreaterThan(0.02);
    expect(erlangB(17, 10)).toBeLessThanOrEqual(0.02);
  });
});

describe('Erlang A, same load, mean patience 5 min, 14 agents', () => {
  const r = erlangA({ ratePerSec, handleSec, agents: 14, targetSec, patienceSec: 300, serviceLevelDefinition: 'offered' });

  it('P(wait) ≈ 0.14526, P(abandon) ≈ 0.013984, occupancy ≈ 0.704297', () => {
    expectToDigitsGiven(r.pWait, '0.14526');
    expectToDigitsGiven(r.pAbandon, '0.013984');
    expectToDigitsGiven(r.occupancy, '0.704297');
  });

  it('the published SL ≈ 0.9168 is the "offered" definition: answered within T ÷ offered', () => {
    expectToDigitsGiven(r.serviceLevels.offered, '0.9168');
    expect(r.serviceLevel).toBe(r.serviceLevels.offered);
    // The other two definitions are different numbers for the same queue.
    expect(Math.abs(r.serviceLevels.excludeShortAbandons - 0.9168)).toBeGreaterThan(0.005);
    expect(Math.abs(r.serviceLevels.answered - 0.9168)).toBeGreaterThan(0.005);
  });
});
