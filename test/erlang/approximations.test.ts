// The labelled approximations — chat as agents × concurrency Erlang C servers, the workload
// baseline of deferred work, square-root staffing with Halfin–Whitt's β — and the interval
// table, on cases worked by hand or from published figures (the Erlang C case of 100 contacts
// per 30 min, AHT 180 s; Φ(1) from Abramowitz & Stegun, Table 26.1).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import {
  CHAT_APPROXIMATION,
  DEFERRED_APPROXIMATION,
  chatErlangC,
  deferredWorkBaseline,
  erlangA,
  halfinWhittBeta,
  halfinWhittPWait,
  intervalTable,
  squareRootStaffing,
  staffChat,
  staffErlangA,
} from '../../engine/erlang/index.js';

function expectRelative(actual: number, expected: number, tol = 1e-6): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

/** 100 sessions per 30 min of 180 s each: A = 10 Erlangs of session work. */
const chat = { ratePerSec: 100 / 1800, sessionHandleSec: 180, targetSec: 20 };

describe('approximation labels', () => {
  it('say what each approximation assumes, as printed beside its figures', () => {
    expect(CHAT_APPROXIMATION).toBe('chat concurrency: Erlang C on agents × concurrency effective servers with the handle time per session');
    expect(DEFERRED_APPROXIMATION).toBe('deferred work: agents = volume × AHT ÷ (window × maximum occupancy), no queueing model');
  });
});

describe('chat: n agents of concurrency k are n·k Erlang C servers', () => {
  it('7 agents holding 2 sessions are the published 14-server case: P(wait) 0.1741319336, SL 0.8883500192, ASA 7.8359370118 s', () => {
    const r = chatErlangC({ ...chat, concurrency: 2, agents: 7 });
    expect(r).toMatchObject({ model: 'erlangC', agents: 7, concurrency: 2, effectiveServers: 14, approximation: CHAT_APPROXIMATION });
    expectRelative(r.pWait, 0.1741319336);
    expectRelative(r.serviceLevel, 0.8883500192);
    expectRelative(r.asaSec, 7.8359370118);
    // Occupancy of the 14 session slots: 10 / 14.
    expectRelative(r.occupancy, 10 / 14);
  });

  it('staffs the fewest agents whose slots meet the goal: SL ≥ 0.8 needs 14 servers, ⌈14/3⌉ = 5 agents of 3 sessions', () => {
    const s = staffChat({ ...chat, concurrency: 3, targets: { serviceLevel: 0.8 } });
    expect(s.agents).toBe(5);
    // 15 servers at A = 10: P(wait) 0.102042367007988, SL 0.941452842869022 (factorial form, mpmath).
    expect(s.result).toMatchObject({ agents: 5, concurrency: 3, effectiveServers: 15 });
    expectRelative(s.result.pWait, 0.102042367007988);
    expectRelative(s.result.serviceLevel, 0.941452842869022);
  });

  it('with one session an agent is one server: 14 agents for SL ≥ 0.8', () => {
    expect(staffChat({ ...chat, concurrency: 1, targets: { serviceLevel: 0.8 } }).agents).toBe(14);
  });

  it.each([0, 1.5, -2, NaN])('refuses concurrency %s: it must be a whole number ≥ 1', (k) => {
    const message = new InputError(`concurrency: must be a whole number ≥ 1 (got ${k})`);
    expect(() => chatErlangC({ ...chat, concurrency: k, agents: 7 })).toThrow(message);
    expect(() => staffChat({ ...chat, concurrency: k, targets: { serviceLevel: 0.8 } })).toThrow(message);
  });
});

describe('deferred work: agents = volume × AHT ÷ (window × maximum occupancy)', () => {
  it('480 emails of 5 min in an 8-hour window at ≤ 85% occupancy: 144 000 s of work, 5 Erlangs, 5.88 → 6 agents', () => {
    // 480 × 300 s = 144 000 s; ÷ 28 800 s = 5 Erlangs; ÷ 0.85 = 5.882352941176471.
    const r = deferredWorkBaseline({ volume: 480, handleSec: 300, windowSec: 28_800, maxOccupancy: 0.85 });
    expect(r).toMatchObject({ model: 'workload', approximation: DEFERRED_APPROXIMATION, workloadSec: 144_000, loadErlangs: 5, agents: 6 });
    expectRelative(r.agentsExact, 5 / 0.85, 1e-15);
  });

  it('takes maximum occupancy 1 by default, and a whole number of agents needs no rounding up', () => {
    // 144 000 s ÷ 28 800 s = 5 exactly: 5 agents, not 6.
    expect(deferredWorkBaseline({ volume: 480, handleSec: 300, windowSec: 28_800 })).toMatchObject({ agentsExact: 5, agents: 5 });
  });

  it('needs no agents without volume', () => {
    const r = deferredWorkBaseline({ volume: 0, handleSec: 300, windowSec: 28_800 });
    expect(r.workloadSec).toBe(0);
    // ⌈0 − 1e-9⌉ is −0, which equals 0 (and prints as 0).
    expect(r.agents === 0).toBe(true);
  });

  it.each([
    ['volume: must be a finite number ≥ 0 (got -1)', { volume: -1, handleSec: 300, windowSec: 3600 }],
    ['handleSec: must be a finite number > 0 (got 0)', { volume: 10, handleSec: 0, windowSec: 3600 }],
    ['windowSec: must be a finite number > 0 (got -5)', { volume: 10, handleSec: 300, windowSec: -5 }],
    ['maxOccupancy: must be a finite number > 0 (got 0)', { volume: 10, handleSec: 300, windowSec: 3600, maxOccupancy: 0 }],
  ])('refuses: %s', (message, input) => {
    expect(() => deferredWorkBaseline(input)).toThrow(new InputError(message));
  });
});

describe('square-root staffing (Halfin & Whitt 1981)', () => {
  // α(1) = 1 / (1 + Φ(1)/φ(1)) with Φ(1) = 0.8413447460685429 (A&S Table 26.1) and
  // φ(1) = e^{−½}/√(2π) = 0.24197072451914337: α(1) = 0.22336127479826074.
  const alpha1 = 1 / (1 + 0.8413447460685429 / (Math.exp(-0.5) / Math.sqrt(2 * Math.PI)));

  it('α(1) = [1 + Φ(1)/φ(1)]⁻¹ = 0.2233613, and α(β) = 1 for β ≤ 0', () => {
    expectRelative(halfinWhittPWait(1), alpha1);
    expect(halfinWhittPWait(0)).toBe(1);
    expect(halfinWhittPWait(-1)).toBe(1);
  });

  it('β inverts α: β(α(1)) = 1, and α(β(p)) = p for P(wait) goals from 0.01 to 0.99', () => {
    expectRelative(halfinWhittBeta(alpha1), 1);
    for (const p of [0.01, 0.1, 0.2, 0.5, 0.8, 0.99]) expectRelative(halfinWhittPWait(halfinWhittBeta(p)), p, 1e-9);
  });

  it('100 Erlangs at P(wait) 0.2: β = 1.0615163, n = 100 + 10β = 110.615 → 111 agents', () => {
    // β solves α(β) = 0.2: 1.0615162754 (mpmath root of the exact Φ and φ).
    const r = squareRootStaffing(100, 0.2);
    expectRelative(r.beta, 1.0615162754187175);
    expectRelative(r.agentsExact, 100 + 10 * 1.0615162754187175);
    expect(r).toMatchObject({ loadErlangs: 100, targetPWait: 0.2, agents: 111 });
    expect(r.approximation).toBe('square-root staffing n = R + β√R, β from Halfin–Whitt P(wait) ≈ [1 + βΦ(β)/φ(β)]⁻¹');
  });

  it('needs no agents without load', () => {
    const r = squareRootStaffing(0, 0.2);
    expect(r.agentsExact).toBe(0);
    // ⌈0 − 1e-9⌉ is −0, which equals 0 (and prints as 0).
    expect(r.agents === 0).toBe(true);
  });

  it.each([0, 1, -0.5, 1.5, NaN])('refuses a P(wait) goal of %s: it must lie strictly between 0 and 1', (p) => {
    expect(() => halfinWhittBeta(p)).toThrow(new InputError(`targetPWait: must be strictly between 0 and 1 (got ${p})`));
  });

  it('refuses a negative load', () => {
    expect(() => squareRootStaffing(-1, 0.2)).toThrow(new InputError('loadErlangs: must be a finite number ≥ 0 (got -1)'));
  });
});

describe('interval table', () => {
  it('staffs each interval on its own: 14 agents (20 FTE at 30% shrinkage) at 10 Erlangs, none without calls', () => {
    const rows = intervalTable({ ratesPerSec: [100 / 1800, 0], handleSec: 180, patienceSec: null, targets: { serviceLevel: 0.8 }, shrinkage: 0.3 });
    expect(rows).toHaveLength(2);
    const [busy, idle] = rows;
    expect(busy).toMatchObject({ interval: 0, ratePerSec: 100 / 1800, agents: 14 });
    expect(busy!.loadErlangs).toBeCloseTo(10, 12);
    expect(busy!.fte).toBeCloseTo(20, 12);
    expectRelative(busy!.serviceLevel, 0.8883500192);
    expectRelative(busy!.asaSec, 7.8359370118);
    expectRelative(busy!.pWait, 0.1741319336);
    expectRelative(busy!.occupancy, 10 / 14);
    expect('pAbandon' in busy!).toBe(false);
    expect(idle).toMatchObject({ interval: 1, ratePerSec: 0, loadErlangs: 0, agents: 0, fte: 0, serviceLevel: 1, asaSec: 0, pWait: 0, occupancy: 0 });
  });

  it('takes shrinkage 0 by default: FTE = agents', () => {
    const [row] = intervalTable({ ratesPerSec: [100 / 1800], handleSec: 180, patienceSec: null, targets: { serviceLevel: 0.8 } });
    expect(row!.fte).toBe(14);
  });

  it('uses Erlang A with the given patience and SL definition, and reports P(abandon)', () => {
    const input = { ratePerSec: 100 / 1800, handleSec: 180, patienceSec: 300, targets: { serviceLevel: 0.9 } };
    for (const serviceLevelDefinition of ['offered', 'answered'] as const) {
      const [row] = intervalTable({ ratesPerSec: [input.ratePerSec], handleSec: 180, patienceSec: 300, targets: input.targets, serviceLevelDefinition });
      const s = staffErlangA({ ...input, serviceLevelDefinition });
      expect(row).toEqual({
        interval: 0,
        ratePerSec: input.ratePerSec,
        loadErlangs: s.result.loadErlangs,
        agents: s.agents,
        fte: s.agents,
        serviceLevel: s.result.serviceLevels[serviceLevelDefinition],
        asaSec: s.result.asaSec,
        pWait: s.result.pWait,
        occupancy: s.result.occupancy,
        pAbandon: s.result.pAbandon,
      });
    }
  });

  it('reports Erlang A under the excludeShortAbandons definition unless told otherwise', () => {
    const [row] = intervalTable({ ratesPerSec: [100 / 1800], handleSec: 180, patienceSec: 300, targets: { serviceLevel: 0.9 } });
    const r = erlangA({ ratePerSec: 100 / 1800, handleSec: 180, patienceSec: 300, agents: row!.agents, targetSec: 20 });
    expect(row!.serviceLevel).toBe(r.serviceLevels.excludeShortAbandons);
  });
});
