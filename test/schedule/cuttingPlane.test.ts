// The cutting-plane loop (workers/scheduling/cuttingPlane.ts) on hand-computable cases. The
// program is a test double here: with templates one interval long at one price, the cheapest
// cover of a requirement is exactly the requirement (coverage = requirement, cost = Σ), so
// what the loop asks of it can be read off by hand; the real program is checked with the loop
// in schedule.test.ts. The simulation is a double too: an interval meets its target iff its
// coverage reaches a hidden need.
import { describe, expect, it } from 'vitest';
import { solveCover, type CoverSolution, type ShiftTemplate } from '../../workers/scheduling/cover.js';
import { solveCoverWithCuts, type LinearCut } from '../../workers/scheduling/coverCuts.js';
import { dayCut, overshoot, runCuttingPlane, type DayTargetValues, type ScheduleLoopPorts } from '../../workers/scheduling/cuttingPlane.js';

function identityCover(requirement: readonly number[]): CoverSolution {
  const total = requirement.reduce((s, x) => s + x, 0);
  return { status: 'optimal', gap: 0, shifts: [], coverage: [...requirement], paidHours: total / 2, cost: total, columns: requirement.length };
}

function ports(need: readonly number[], asked: (readonly number[])[] = []): ScheduleLoopPorts {
  return {
    solve: async (requirement: readonly number[], _cuts: readonly LinearCut[]) => identityCover(requirement),
    judgeIntervals: async ({ coverage }) => {
      asked.push([...coverage]);
      return { failing: coverage.flatMap((c, i) => (c < (need[i] ?? 0) ? [i] : [])) };
    },
    confirmIntervals: async () => ({ failing: [] }),
    confirmDay: async () => { throw new Error('not day level'); },
    judgeDay: async () => { throw new Error('not day level'); },
    halfWidth: () => 0,
  };
}

describe('cutting plane, per interval', () => {
  it('an Erlang cover that meets every target: one round, no cut', async () => {
    const asked: (readonly number[])[] = [];
    const o = await runCuttingPlane(ports([2, 3, 4, 1], asked), { erlangRequirement: [2, 3, 4, 1], maxRounds: 8, dayLevel: false });
    expect(o.state).toBe('met');
    expect(o.rounds).toHaveLength(1);
    expect(o.rounds[0]?.cutsAdded).toBe(0);
    expect(o.final.coverage).toEqual([2, 3, 4, 1]);
    expect(asked).toEqual([[2, 3, 4, 1]]);
  });

  it('an interval that misses: the cut lifts exactly it, by one agent a round', async () => {
    // Interval 2 needs 6, Erlang gave 4: rounds 0 and 1 miss there (4, then 5), round 2 meets.
    const asked: (readonly number[])[] = [];
    const o = await runCuttingPlane(ports([2, 3, 6, 1], asked), { erlangRequirement: [2, 3, 4, 1], maxRounds: 8, dayLevel: false });
    expect(o.state).toBe('met');
    expect(asked).toEqual([[2, 3, 4, 1], [2, 3, 5, 1], [2, 3, 6, 1]]);
    expect(o.rounds.map((r) => r.failing)).toEqual([[2], [2], []]);
    expect(o.rounds.map((r) => r.cutsAdded)).toEqual([1, 1, 0]);
    expect(o.erlangCover.coverage).toEqual([2, 3, 4, 1]);
  });

  it('a cut is coverage_i ≥ current + 1, not requirement + 1: a cover above the requirement is lifted from its coverage', async () => {
    // The program over-covers interval 0 (a long template): 3 where 1 is asked. Need 4 there.
    const over: ScheduleLoopPorts = { ...ports([4, 0]), solve: async (req) => identityCover([Math.max(3, req[0] ?? 0), req[1] ?? 0]) };
    const o = await runCuttingPlane(over, { erlangRequirement: [1, 0], maxRounds: 8, dayLevel: false });
    expect(o.rounds.map((r) => r.solution.coverage[0])).toEqual([3, 4]);
    expect(o.requirement).toEqual([4, 0]);
  });

  it('a schedule the search accepts is confirmed on fresh replications; what misses there is cut too', async () => {
    // The search's replications want 2 in interval 1, the fresh ones 3: round 0 passes the
    // search and misses interval 1 on the confirmation; the cut lifts it to 3; round 1 is confirmed.
    const both: ScheduleLoopPorts = { ...ports([1, 2]), confirmIntervals: async ({ coverage }) => ({ failing: (coverage[1] ?? 0) < 3 ? [1] : [] }) };
    const o = await runCuttingPlane(both, { erlangRequirement: [1, 2], maxRounds: 8, dayLevel: false });
    expect(o.state).toBe('met');
    expect(o.rounds.map((r) => [r.failing, r.confirmation?.failing, r.cutsAdded])).toEqual([[[], [1], 1], [[], [], 0]]);
    expect(o.final.coverage).toEqual([1, 3]);
  });

  it('stops after --max-rounds rounds of cuts, saying which intervals still miss', async () => {
    const o = await runCuttingPlane(ports([9, 9]), { erlangRequirement: [1, 9], maxRounds: 2, dayLevel: false });
    expect(o.state).toBe('rounds');
    expect(o.rounds).toHaveLength(3);
    expect(o.rounds.map((r) => r.failing)).toEqual([[0], [0], [0]]);
    expect(o.rounds.at(-1)?.cutsAdded).toBe(0);
    expect(o.final.coverage).toEqual([3, 9]);
  });

  it('ends infeasible when the program cannot cover a cut', async () => {
    const capped: ScheduleLoopPorts = { ...ports([5]), solve: async (req) => ((req[0] ?? 0) > 3 ? { ...identityCover(req), status: 'infeasible' } : identityCover(req)) };
    const o = await runCuttingPlane(capped, { erlangRequirement: [2], maxRounds: 8, dayLevel: false });
    expect(o.state).toBe('infeasible');
    expect(o.final.coverage).toEqual([3]);
  });
});

describe('the day-level cut', () => {
  it('is the finite-difference linearization at the point, asking the mean for bound + half-width', () => {
    // h at ȳ = (2, 3): replications 0.70, 0.74 (mean 0.72). One more agent in interval 0:
    // 0.78, 0.80 (d₀ = mean(0.08, 0.06) = 0.07); in interval 1: 0.69, 0.73 (d₁ = −0.01 → 0).
    // Cut: 0.07·x₀ + 0·x₁ ≥ 0.8 + 0.02 − 0.72 + 0.07·2 = 0.24.
    const cut = dayCut({ label: 'sl', bound: 0.8, values: [0.7, 0.74], met: false }, [[0.78, 0.8], [0.69, 0.73]], [2, 3], 0.02);
    expect(cut.coefficients[0]).toBeCloseTo(0.07, 12);
    expect(cut.coefficients[1]).toBe(0);
    expect(cut.bound).toBeCloseTo(0.24, 12);
    // ȳ violates it (0.14 < 0.24); x₀ = 4 meets it (0.28 ≥ 0.24).
    expect(0.07 * 2).toBeLessThan(cut.bound);
    expect(0.07 * 4).toBeGreaterThanOrEqual(cut.bound);
  });

  it('leaves out replications where the metric is undefined', () => {
    const cut = dayCut({ label: 'sl', bound: 0.5, values: [0.4, NaN], met: false }, [[0.5, 0.9]], [1], 0);
    expect(cut.coefficients[0]).toBeCloseTo(0.1, 12);
    expect(cut.bound).toBeCloseTo(0.5 - 0.4 + 0.1, 12);
  });
});

describe('cutting plane, day level, with the real program', () => {
  // Two half-hours, one template a half-hour long at either start, 1 per agent (0.5 h × 2).
  // The day's figure is h(x) = 0.1·min(x₀, 5) + 0.2·min(x₁, 5), the same in every replication
  // (so every CI has width 0); the target is h ≥ 1. Erlang asks 5 and 5 (cost 10, h = 1.5).
  const templates: ShiftTemplate[] = [{ id: 'half', startsSec: [0, 1800], lengthSec: 1800, costPerHour: 2, breaks: [] }];
  const h = (x: readonly number[]): number => 0.1 * Math.min(x[0] ?? 0, 5) + 0.2 * Math.min(x[1] ?? 0, 5);
  const targetAt = (x: readonly number[]): DayTargetValues => ({ label: 'h >= 1', bound: 1, values: [h(x), h(x)], met: h(x) >= 1 - 1e-12 });
  const dayPorts: ScheduleLoopPorts = {
    solve: (requirement, cuts) => (cuts.length === 0 ? solveCover({ intervalSec: 1800, requirement, templates }) : solveCoverWithCuts({ intervalSec: 1800, requirement, templates, cuts })),
    judgeIntervals: async () => { throw new Error('not per interval'); },
    confirmIntervals: async () => { throw new Error('not per interval'); },
    judgeDay: async (s, extraAt) => extraAt.map((i) => [targetAt(s.coverage.map((x, j) => (j === i ? x + 1 : x)))]),
    confirmDay: async (s) => [targetAt(s.coverage)],
    halfWidth: () => 0,
  };

  it('goes below the Erlang cover where the day allows: 0 and 5 agents, cost 5 instead of 10', async () => {
    // Round 0: the cover (5, 5) meets h ≥ 1; one more agent anywhere adds nothing (d = 0), so
    // no cut; the program without cuts places nothing. Round 1: (0, 0), h = 0, misses;
    // d = (0.1, 0.2); cut 0.1·x₀ + 0.2·x₁ ≥ 1 − 0 + 0 = 1; cheapest: x = (0, 5), cost 5.
    // Round 2: h(0, 5) = 1 meets: the program's cheapest under the cuts, so nothing cheaper can.
    const o = await runCuttingPlane(dayPorts, { erlangRequirement: [5, 5], maxRounds: 8, dayLevel: true });
    expect(o.state).toBe('met');
    expect(o.erlangCover.coverage).toEqual([5, 5]);
    expect(o.rounds.map((r) => r.solution.coverage)).toEqual([[5, 5], [0, 0], [0, 5]]);
    expect(o.final.coverage).toEqual([0, 5]);
    expect(o.final.cost).toBeCloseTo(5, 9);
    expect(o.cuts).toHaveLength(1);
    expect(o.cuts[0]?.coefficients[0]).toBeCloseTo(0.1, 12);
    expect(o.cuts[0]?.coefficients[1]).toBeCloseTo(0.2, 12);
    expect(o.cuts[0]?.bound).toBeCloseTo(1, 12);
  });

  it('keeps the offered load as a floor: with floor (2, 2) the answer is (2, 4)', async () => {
    // Round 1 is (2, 2): h = 0.6; d = (0.1, 0.2); cut 0.1·x₀ + 0.2·x₁ ≥ 1 − 0.6 + 0.2·2 + 0.1·2 = 1;
    // with x ≥ (2, 2) the cheapest is (2, 4) (0.2 + 0.8 = 1), cost 6.
    const o = await runCuttingPlane(dayPorts, { erlangRequirement: [5, 5], dayFloor: [2, 2], maxRounds: 8, dayLevel: true });
    expect(o.state).toBe('met');
    expect(o.final.coverage).toEqual([2, 4]);
    expect(o.final.cost).toBeCloseTo(6, 9);
  });

  it('the overshoot: how far the last cut over-promised at the new point', () => {
    const last = { cut: { coefficients: [0.1, 0.2], bound: 1, label: 'h' }, level: 0.6, point: [2, 2] };
    // Predicted at (2, 4): 0.6 + 0.2·2 = 1.0; simulated 0.9 → 0.1. Simulated above it → 0.
    expect(overshoot(last, [2, 4], 0.9)).toBeCloseTo(0.1, 12);
    expect(overshoot(last, [2, 4], 1.05)).toBe(0);
    expect(overshoot(undefined, [2, 4], 0.9)).toBe(0);
  });
});
