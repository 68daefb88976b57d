// The staffing solvers on cases whose answers are known without them: Erlang C figures from
// the factorial form at 40 digits (mpmath), Erlang A abandonment and occupancy from the
// birth–death chain of test/support/birthDeath.ts, and start points and limits worked by hand.
// properties.test.ts checks minimality on random inputs.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import { erlangA, erlangC, fte, MAX_STAFFED_AGENTS, meetsTargets, staffErlangA, staffErlangC } from '../../engine/erlang/index.js';
import { stationary } from '../support/birthDeath.js';

/** The classic case: 100 contacts per 30 min, AHT 180 s (A = 10 Erlangs). */
const ratePerSec = 100 / 1800;
const handleSec = 180;

describe('staffErlangC', () => {
  it('an ASA goal of 20 s needs 13 agents: ASA 17.116 s at 13, 40.445 s at 12', () => {
    // ASA = C / (nμ − λ) with C from the factorial form: 12 → 40.4449401868444 s, 13 → 17.1162271821896 s.
    const s = staffErlangC({ ratePerSec, handleSec, targets: { maxAsaSec: 20 } });
    expect(s.agents).toBe(13);
    expect(s.result.asaSec).toBeCloseTo(17.1162271821896, 9);
  });

  it('reports its figures at T = 20 s unless told otherwise', () => {
    const s = staffErlangC({ ratePerSec, handleSec, targets: { serviceLevel: 0.8 } });
    expect(s.agents).toBe(14);
    expect(s.result.targetSec).toBe(20);
    expect(s.result.serviceLevel).toBeCloseTo(0.8883500192, 9);
    expect(staffErlangC({ ratePerSec, handleSec, targets: { serviceLevel: 0.8, targetSec: 60 } }).result.targetSec).toBe(60);
  });

  it('never staffs an unstable queue: an occupancy cap of 100% at 10 Erlangs gives 11 agents', () => {
    // 10 agents would have occupancy exactly 1, but an unbounded queue; 11 is the first stable count.
    expect(staffErlangC({ ratePerSec, handleSec, targets: { maxOccupancy: 1 } }).agents).toBe(11);
  });

  it('an occupancy cap reached exactly counts as met: 10 Erlangs at ≤ 50% is 20 agents', () => {
    const s = staffErlangC({ ratePerSec, handleSec, targets: { maxOccupancy: 0.5 } });
    expect(s.agents).toBe(20);
    expect(s.result.occupancy).toBe(0.5);
  });

  it('needs no agents without load', () => {
    const s = staffErlangC({ ratePerSec: 0, handleSec, targets: { serviceLevel: 0.8 } });
    expect(s.agents).toBe(0);
    expect(s.result.serviceLevel).toBe(1);
  });

  it('answers a plan that needs exactly MAX_STAFFED_AGENTS agents (500 000 Erlangs at ≤ 50%)', () => {
    expect(staffErlangC({ ratePerSec: 500_000, handleSec: 1, targets: { maxOccupancy: 0.5 } }).agents).toBe(MAX_STAFFED_AGENTS);
  });

  it('refuses targets no staffing up to MAX_STAFFED_AGENTS meets, naming the limit', () => {
    // 999 999 Erlangs: the first stable count is 10⁶, and every contact there still waits.
    expect(() => staffErlangC({ ratePerSec: 999_999, handleSec: 1, targets: { maxAsaSec: 0 } })).toThrow(
      new InputError('targets: cannot be met with up to 1000000 agents (is a target 0 s or 100%?)'),
    );
  });

  it('refuses a load beyond what it may staff before any work, naming the load and the cap', () => {
    // 10¹⁵ calls an hour of 6 minutes: 10¹⁴ Erlangs, so at least 10¹⁴ + 1 agents.
    expect(() => staffErlangC({ ratePerSec: 1e15 / 3600, handleSec: 360, targets: { serviceLevel: 0.8 } })).toThrow(new InputError(
      'ratePerSec × handleSec: an offered load of 1.000e+14 Erlangs needs at least 1.000e+14 agents; the staffing solvers staff at most 1,000,000 (is the rate or the handle time in the wrong unit?)',
    ));
  });
});

describe('staffErlangA', () => {
  it('staffs a load of exactly the cap: 10⁶ Erlangs with a minute\'s patience meet SL 0.5 within 10⁶ agents', () => {
    const s = staffErlangA({ ratePerSec: 10_000, handleSec: 100, patienceSec: 60, targets: { serviceLevel: 0.5 } });
    expect(s.agents).toBeGreaterThan(0);
    expect(s.agents).toBeLessThanOrEqual(MAX_STAFFED_AGENTS);
    expect(s.result.serviceLevel).toBeGreaterThanOrEqual(0.5 - 1e-12);
  });

  it('refuses a load beyond what it may staff before any work, as Erlang C does', () => {
    // 10¹² calls an hour of 6 minutes: 10¹¹ Erlangs; abandonment keeps the queue stable, so
    // without the check the search would double up to 10⁶ agents before failing.
    expect(() => staffErlangA({ ratePerSec: 1e12 / 3600, handleSec: 360, patienceSec: 300, targets: { serviceLevel: 0.8 } })).toThrow(new InputError(
      'ratePerSec × handleSec: an offered load of 1.000e+11 Erlangs needs at least as many agents; the staffing solvers staff at most 1,000,000 (is the rate or the handle time in the wrong unit?)',
    ));
  });

  /** The fewest agents whose birth–death chain meets `ok`, by scanning up from 0. */
  function fewestByChain(patienceSec: number, ok: (f: ReturnType<typeof stationary>) => boolean): number {
    for (let n = 1; ; n++) if (ok(stationary({ ratePerSec, handleSec, agents: n, patienceSec }))) return n;
  }

  it('gives the fewest agents the birth–death chain says keep P(abandon) ≤ 2% (patience 5 min)', () => {
    const expected = fewestByChain(300, (f) => f.pAbandon <= 0.02);
    const s = staffErlangA({ ratePerSec, handleSec, patienceSec: 300, targets: { maxAbandon: 0.02 } });
    expect(s.agents).toBe(expected);
    expect(s.result.pAbandon).toBeCloseTo(stationary({ ratePerSec, handleSec, agents: expected, patienceSec: 300 }).pAbandon, 9);
  });

  it('gives the fewest agents the birth–death chain says keep occupancy ≤ 85% and P(abandon) ≤ 50% (patience 1 min)', () => {
    // The chain: P(abandon) ≤ 50% from 6 agents, occupancy ≤ 85% from 10 (0.8425; 0.8742 at 9).
    const expected = fewestByChain(60, (f) => f.occupancy <= 0.85 && f.pAbandon <= 0.5);
    expect(expected).toBe(10);
    expect(staffErlangA({ ratePerSec, handleSec, patienceSec: 60, targets: { maxOccupancy: 0.85, maxAbandon: 0.5 } }).agents).toBe(expected);
  });

  it('needs no agents when nobody calls, or when any abandonment is allowed', () => {
    expect(staffErlangA({ ratePerSec: 0, handleSec, patienceSec: 300, targets: { serviceLevel: 0.8 } }).agents).toBe(0);
    const anything = staffErlangA({ ratePerSec, handleSec, patienceSec: 300, targets: { maxAbandon: 1 } });
    expect(anything.agents).toBe(0);
    expect(anything.result.agents).toBe(0);
  });

  it('reports T = 20 s and the excludeShortAbandons definition unless told otherwise', () => {
    const s = staffErlangA({ ratePerSec, handleSec, patienceSec: 300, targets: { serviceLevel: 0.8 } });
    expect(s.result.targetSec).toBe(20);
    expect(s.result.serviceLevelDefinition).toBe('excludeShortAbandons');
    const offered = staffErlangA({ ratePerSec, handleSec, patienceSec: 300, serviceLevelDefinition: 'offered', targets: { serviceLevel: 0.8, targetSec: 30 } });
    expect(offered.result.serviceLevelDefinition).toBe('offered');
    expect(offered.result.targetSec).toBe(30);
    expect(offered.result.serviceLevel).toBe(offered.result.serviceLevels.offered);
  });

  it('returns the figures of the staffing it answers', () => {
    const s = staffErlangA({ ratePerSec, handleSec, patienceSec: 300, targets: { serviceLevel: 0.8 } });
    expect(s.result.agents).toBe(s.agents);
    expect(s.result).toEqual(erlangA({ ratePerSec, handleSec, patienceSec: 300, agents: s.agents, targetSec: 20 }));
  });

  it('refuses targets no staffing up to MAX_STAFFED_AGENTS meets, naming the limit', () => {
    // 999 999 Erlangs with a 1 ms patience: every staffing the doubling tries leaves answered contacts waiting.
    expect(() => staffErlangA({ ratePerSec: 999_999, handleSec: 1, patienceSec: 1e-3, targets: { maxAsaSec: 0 } })).toThrow(
      new InputError('targets: cannot be met with up to 1000000 agents (is a target 0 s or 100%?)'),
    );
  });
});

describe('meetsTargets', () => {
  const c14 = () => erlangC({ ratePerSec, handleSec, agents: 14, targetSec: 20 });

  it('counts a figure within 1e-12 of its goal as meeting it, and one 1e-11 beyond as not', () => {
    const r = c14();
    expect(meetsTargets({ ...r, serviceLevel: 0.8 }, { serviceLevel: 0.8 })).toBe(true);
    expect(meetsTargets({ ...r, serviceLevel: 0.8 - 5e-13 }, { serviceLevel: 0.8 })).toBe(true);
    expect(meetsTargets({ ...r, serviceLevel: 0.8 - 1e-11 }, { serviceLevel: 0.8 })).toBe(false);
    expect(meetsTargets({ ...r, asaSec: 20 + 5e-13 }, { maxAsaSec: 20 })).toBe(true);
    expect(meetsTargets({ ...r, asaSec: 20 + 1e-11 }, { maxAsaSec: 20 })).toBe(false);
    expect(meetsTargets({ ...r, occupancy: 0.85 + 5e-13 }, { maxOccupancy: 0.85 })).toBe(true);
    expect(meetsTargets({ ...r, occupancy: 0.85 + 1e-11 }, { maxOccupancy: 0.85 })).toBe(false);
    const a = erlangA({ ratePerSec, handleSec, patienceSec: 300, agents: 14, targetSec: 20 });
    expect(meetsTargets({ ...a, pAbandon: 0.02 + 5e-13 }, { maxAbandon: 0.02 })).toBe(true);
    expect(meetsTargets({ ...a, pAbandon: 0.02 + 1e-11 }, { maxAbandon: 0.02 })).toBe(false);
  });

  it('counts a figure exactly 1e-12 from its goal as meeting it (the slack is inclusive)', () => {
    const r = c14();
    expect(meetsTargets({ ...r, serviceLevel: 0.8 - 1e-12 }, { serviceLevel: 0.8 })).toBe(true);
    expect(meetsTargets({ ...r, asaSec: 20 + 1e-12 }, { maxAsaSec: 20 })).toBe(true);
    expect(meetsTargets({ ...r, occupancy: 0.85 + 1e-12 }, { maxOccupancy: 0.85 })).toBe(true);
    const a = erlangA({ ratePerSec, handleSec, patienceSec: 300, agents: 14, targetSec: 20 });
    expect(meetsTargets({ ...a, pAbandon: 0.02 + 1e-12 }, { maxAbandon: 0.02 })).toBe(true);
  });

  it('requires every target given: one missed goal fails the rest', () => {
    const r = c14(); // SL 0.888, ASA 7.84 s, occupancy 0.714
    expect(meetsTargets(r, { serviceLevel: 0.8, maxAsaSec: 10, maxOccupancy: 0.75 })).toBe(true);
    expect(meetsTargets(r, { serviceLevel: 0.9, maxAsaSec: 10, maxOccupancy: 0.75 })).toBe(false);
    expect(meetsTargets(r, { serviceLevel: 0.8, maxAsaSec: 5, maxOccupancy: 0.75 })).toBe(false);
    expect(meetsTargets(r, { serviceLevel: 0.8, maxAsaSec: 10, maxOccupancy: 0.7 })).toBe(false);
  });

  it('counts P(abandon) as 0 for Erlang C, so an abandonment cap of 0 is met', () => {
    expect(meetsTargets(c14(), { maxAbandon: 0 })).toBe(true);
  });
});

describe('fte', () => {
  it('is agents ÷ (1 − shrinkage): 14 agents at 0% is 14, at 30% is 20', () => {
    expect(fte(14, 0)).toBe(14);
    expect(fte(14, 0.3)).toBeCloseTo(20, 12);
  });
});

describe('argument errors of the staffing solvers name the argument, the rule and the value', () => {
  it.each([
    [{}, 'targets: give at least one of serviceLevel, maxAsaSec, maxOccupancy, maxAbandon'],
    [{ targetSec: 30 }, 'targets: give at least one of serviceLevel, maxAsaSec, maxOccupancy, maxAbandon'],
    [{ serviceLevel: 1.5 }, 'targets.serviceLevel: must be between 0 and 1 (got 1.5)'],
    [{ serviceLevel: 0.8, targetSec: -1 }, 'targets.targetSec: must be a finite number ≥ 0 (got -1)'],
    [{ maxAsaSec: -1 }, 'targets.maxAsaSec: must be a finite number ≥ 0 (got -1)'],
    [{ maxOccupancy: 0 }, 'targets.maxOccupancy: must be a finite number > 0 (got 0)'],
    [{ maxOccupancy: 1.2 }, 'targets.maxOccupancy: must be between 0 and 1 (got 1.2)'],
    [{ maxAbandon: -0.1 }, 'targets.maxAbandon: must be between 0 and 1 (got -0.1)'],
  ])('targets %j: %s', (targets, message) => {
    expect(() => staffErlangC({ ratePerSec, handleSec, targets })).toThrow(new InputError(message));
    expect(() => staffErlangA({ ratePerSec, handleSec, patienceSec: 300, targets })).toThrow(new InputError(message));
  });

  it('accepts the ends of each range: SL goal 0 and 1, T = 0, ASA goal 0, occupancy cap 1, abandonment cap 0', () => {
    expect(staffErlangC({ ratePerSec, handleSec, targets: { serviceLevel: 0 } }).agents).toBe(11);
    expect(() => staffErlangC({ ratePerSec: 1 / 180, handleSec, targets: { serviceLevel: 1, targetSec: 0, maxAsaSec: 0, maxOccupancy: 1, maxAbandon: 0 } })).not.toThrow();
  });

  it.each([
    ['ratePerSec: must be a finite number ≥ 0 (got -1)', { ratePerSec: -1, handleSec }],
    ['ratePerSec: must be a finite number ≥ 0 (got Infinity)', { ratePerSec: Infinity, handleSec }],
    ['handleSec: must be a finite number > 0 (got 0)', { ratePerSec, handleSec: 0 }],
  ])('Erlang C staffing: %s', (message, input) => {
    expect(() => staffErlangC({ ...input, targets: { serviceLevel: 0.8 } })).toThrow(new InputError(message));
  });

  it.each([
    [-1, 'agents: must be a finite number ≥ 0 (got -1)', 0.3],
    [14, 'shrinkage: must be at least 0 and below 1 (got 1)', 1],
    [14, 'shrinkage: must be at least 0 and below 1 (got -0.1)', -0.1],
    [14, 'shrinkage: must be at least 0 and below 1 (got NaN)', NaN],
  ])('fte(%s agents): %s', (agents, message, shrinkage) => {
    expect(() => fte(agents, shrinkage)).toThrow(new InputError(message));
  });
});
