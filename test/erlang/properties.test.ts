// fast-check properties of the Erlang models and the staffing solvers (issue 3, acceptance 2).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, meetsTargets, staffErlangA, staffErlangC, type StaffingTargets } from '../../engine/erlang/index.js';
import { SERVICE_LEVEL_DEFINITIONS } from '../../engine/model.js';

const handleSec = fc.double({ min: 30, max: 900, noNaN: true });
const load = fc.double({ min: 0.05, max: 400, noNaN: true });
const patienceSec = fc.double({ min: 5, max: 3600, noNaN: true });
const targetSec = fc.double({ min: 0, max: 120, noNaN: true });
const EPS = 1e-12;

describe('monotone in agents', () => {
  it('Erlang C: SL rises and P(wait) falls with each added agent', () => {
    fc.assert(
      fc.property(load, handleSec, targetSec, fc.integer({ min: 1, max: 60 }), (a, h, t, extra) => {
        const n = Math.floor(a) + extra;
        const r0 = erlangC({ ratePerSec: a / h, handleSec: h, agents: n, targetSec: t });
        const r1 = erlangC({ ratePerSec: a / h, handleSec: h, agents: n + 1, targetSec: t });
        expect(r1.serviceLevel).toBeGreaterThanOrEqual(r0.serviceLevel - EPS);
        expect(r1.pWait).toBeLessThanOrEqual(r0.pWait + EPS);
        expect(r1.asaSec).toBeLessThanOrEqual(r0.asaSec + EPS);
      }),
    );
  });

  it('Erlang A: every SL definition rises; P(wait), P(abandon), ASA and occupancy fall', () => {
    fc.assert(
      fc.property(load, handleSec, patienceSec, targetSec, fc.double({ min: 0, max: 2, noNaN: true }), (a, h, p, t, spread) => {
        const n = Math.max(0, Math.floor(a * spread));
        const at = (agents: number) => erlangA({ ratePerSec: a / h, handleSec: h, patienceSec: p, agents, targetSec: t });
        const [r0, r1] = [at(n), at(n + 1)];
        for (const d of SERVICE_LEVEL_DEFINITIONS) expect(r1.serviceLevels[d]).toBeGreaterThanOrEqual(r0.serviceLevels[d] - 1e-9);
        expect(r1.pWait).toBeLessThanOrEqual(r0.pWait + 1e-9);
        expect(r1.pAbandon).toBeLessThanOrEqual(r0.pAbandon + 1e-9);
        if (n > 0) expect(r1.occupancy).toBeLessThanOrEqual(r0.occupancy + 1e-9);
        if (n > 0) expect(r1.asaSec).toBeLessThanOrEqual(r0.asaSec + 1e-9);
      }),
      { numRuns: 150 },
    );
  });
});

describe('Erlang A → Erlang C as patience → ∞', () => {
  // The gap closes linearly in θ (about θ·E[W²]/E[W] relative); at 10¹¹ × AHT it is below 1e-8.
  it('with patience 10¹¹ × AHT the figures agree with Erlang C to 1e-6', () => {
    fc.assert(
      fc.property(load, handleSec, targetSec, fc.double({ min: 0.02, max: 3, noNaN: true }), (a, h, t, slack) => {
        const n = Math.floor(a + slack * Math.sqrt(a)) + 1;
        const c = erlangC({ ratePerSec: a / h, handleSec: h, agents: n, targetSec: t });
        const r = erlangA({ ratePerSec: a / h, handleSec: h, patienceSec: 1e11 * h, agents: n, targetSec: t });
        expect(r.pWait).toBeCloseTo(c.pWait, 6);
        for (const d of SERVICE_LEVEL_DEFINITIONS) expect(r.serviceLevels[d]).toBeCloseTo(c.serviceLevel, 6);
        expect(Math.abs(r.asaSec - c.asaSec)).toBeLessThanOrEqual(1e-6 * (1 + c.asaSec));
        expect(r.occupancy).toBeCloseTo(c.occupancy, 6);
      }),
      { numRuns: 60 },
    );
  });
});

const goals: fc.Arbitrary<StaffingTargets> = fc.record(
  {
    serviceLevel: fc.double({ min: 0.5, max: 0.98, noNaN: true }),
    targetSec: fc.double({ min: 5, max: 60, noNaN: true }),
    maxAsaSec: fc.double({ min: 2, max: 120, noNaN: true }),
    maxOccupancy: fc.double({ min: 0.6, max: 0.95, noNaN: true }),
  },
  { requiredKeys: [] },
).filter((t) => t.serviceLevel !== undefined || t.maxAsaSec !== undefined || t.maxOccupancy !== undefined);

describe('staffing solvers: the answer meets every target and one agent fewer does not', () => {
  it('Erlang C', () => {
    fc.assert(
      fc.property(load, handleSec, goals, (a, h, targets) => {
        const { agents } = staffErlangC({ ratePerSec: a / h, handleSec: h, targets });
        const at = (n: number) => erlangC({ ratePerSec: a / h, handleSec: h, agents: n, targetSec: targets.targetSec ?? 20 });
        expect(meetsTargets(at(agents), targets)).toBe(true);
        expect(meetsTargets(at(agents - 1), targets)).toBe(false);
      }),
    );
  });

  it('Erlang A, with an abandonment cap and every SL definition', () => {
    const withAbandon = fc.tuple(goals, fc.option(fc.double({ min: 0.005, max: 0.2, noNaN: true }), { nil: undefined }));
    fc.assert(
      fc.property(load, handleSec, patienceSec, withAbandon, fc.constantFrom(...SERVICE_LEVEL_DEFINITIONS), (a, h, p, [g, maxAbandon], d) => {
        const targets = maxAbandon === undefined ? g : { ...g, maxAbandon };
        const input = { ratePerSec: a / h, handleSec: h, patienceSec: p, serviceLevelDefinition: d };
        const { agents } = staffErlangA({ ...input, targets });
        const at = (n: number) => erlangA({ ...input, agents: n, targetSec: targets.targetSec ?? 20 });
        expect(meetsTargets(at(agents), targets)).toBe(true);
        if (agents > 0) expect(meetsTargets(at(agents - 1), targets)).toBe(false);
      }),
      { numRuns: 80 },
    );
  });
});

describe('numerically stable at scale', () => {
  it('finite figures for 20,000 agents at loads up to 0.999 per agent', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), handleSec, patienceSec, targetSec, (rho, h, p, t) => {
        const n = 20_000;
        const ratePerSec = (rho * n) / h;
        const c = erlangC({ ratePerSec, handleSec: h, agents: n, targetSec: t });
        const r = erlangA({ ratePerSec, handleSec: h, patienceSec: p, agents: n, targetSec: t });
        for (const x of [c.pWait, c.serviceLevel, c.asaSec, c.occupancy, r.pWait, r.pAbandon, r.serviceLevel, r.asaSec, r.asaAllSec, r.occupancy]) {
          expect(Number.isFinite(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(0);
        }
        for (const x of [c.pWait, c.serviceLevel, r.pWait, r.pAbandon, r.serviceLevel, r.occupancy]) expect(x).toBeLessThanOrEqual(1);
        expect(r.pWait).toBeLessThanOrEqual(c.pWait + 1e-9);
      }),
      { numRuns: 40 },
    );
  });
});
