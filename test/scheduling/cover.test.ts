// The covering program (workers/scheduling/cover.ts): optima worked out by hand, each in a
// comment; coverage recounted here from the placed shifts, not read from the program; and, for
// small random problems, the optimum cost compared with a brute force over every whole-number
// choice of (template, start, break placement) — the explicit formulation the program's
// implicit one (Aykin 1996) must agree with.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import { type CoverProblem, type CoverSolution, type ShiftTemplate, solveCover } from '../../workers/scheduling/cover.js';
import { testSeed } from '../support/statistics.js';

const H = 3600;

/** Agents on the phones per interval, counted minute by minute from the placed shifts. */
function recount(problem: CoverProblem, solution: CoverSolution): number[] {
  const minutes = (problem.requirement.length * problem.intervalSec) / 60;
  const on = new Array<number>(minutes).fill(0);
  for (const s of solution.shifts) {
    const t = problem.templates.find((u) => u.id === s.template) as ShiftTemplate;
    for (let m = s.startSec / 60; m < (s.startSec + t.lengthSec) / 60; m++) {
      const onBreak = s.breaks.some((b) => m >= b.startSec / 60 && m < (b.startSec + b.lengthSec) / 60);
      if (!onBreak) on[m] = (on[m] as number) + s.count;
    }
  }
  const perInterval = problem.intervalSec / 60;
  return problem.requirement.map((_, i) => on.slice(i * perInterval, (i + 1) * perInterval).reduce((a, b) => a + b, 0) / perInterval);
}

describe('hand-computable optima', () => {
  it('3 intervals, 2 templates: the only shift covering interval 2 plus the cheaper cover of interval 0', async () => {
    // Requirement [1, 2, 1] over 1-hour intervals. a: 0–2h at 1/h (cost 2); b: 0–2h or 1–3h at
    // 1.5/h (cost 3). Only b@1h reaches interval 2, so it is needed; it gives interval 1 one of
    // its two agents. Intervals 0 and 1 still need one agent starting at 0: a (2) beats b (3).
    // Optimum: a@0 + b@1h, cost 5, 4 paid hours, coverage [1, 2, 1].
    const problem: CoverProblem = {
      intervalSec: H,
      requirement: [1, 2, 1],
      templates: [
        { id: 'a', startsSec: [0], lengthSec: 2 * H, costPerHour: 1, breaks: [] },
        { id: 'b', startsSec: [0, H], lengthSec: 2 * H, costPerHour: 1.5, breaks: [] },
      ],
    };
    const s = await solveCover(problem);
    expect(s.status).toBe('optimal');
    expect(s.gap).toBe(0);
    expect(s.shifts).toEqual([
      { template: 'a', startSec: 0, count: 1, breaks: [] },
      { template: 'b', startSec: H, count: 1, breaks: [] },
    ]);
    expect(s.cost).toBe(5);
    expect(s.paidHours).toBe(4);
    expect(s.coverage).toEqual([1, 2, 1]);
    expect(recount(problem, s)).toEqual([1, 2, 1]);
  });

  it('a break window that leaves one placement meeting the requirement takes it', async () => {
    // One 4-hour shift from 0 with a 1-hour unpaid break starting at 1h, 2h or 3h. The
    // requirement [1, 1, 0, 1] leaves interval 2 as the only place for the break: one agent,
    // break at 2h; paid 3 hours at 10/h = 30.
    const problem: CoverProblem = {
      intervalSec: H,
      requirement: [1, 1, 0, 1],
      templates: [{ id: 'four', startsSec: [0], lengthSec: 4 * H, costPerHour: 10, breaks: [{ lengthSec: H, paid: false, earliestSec: H, latestSec: 3 * H }] }],
    };
    const s = await solveCover(problem);
    expect(s.status).toBe('optimal');
    expect(s.shifts).toEqual([{ template: 'four', startSec: 0, count: 1, breaks: [{ startSec: 2 * H, lengthSec: H, paid: false }] }]);
    expect(s.paidHours).toBe(3);
    expect(s.cost).toBe(30);
    expect(recount(problem, s)).toEqual([1, 1, 0, 1]);
  });

  it('breaks of one shift never overlap or swap, even when their windows overlap', async () => {
    // A 6-hour shift with two 1-hour unpaid breaks: the first may start at 1h, 2h or 3h, the
    // second at 2h, 3h or 4h, after the first ends. Requirement [1, 1, 0, 0, 1, 1]: intervals 1
    // and 4 must be worked, so the first break is at 2h or 3h and the second at 2h or 3h —
    // in order, first at 2h and second at 3h (the swap, first 3h and second 2h, gives the same
    // coverage and is what the precedence rows forbid). One agent, 4 paid hours.
    const problem: CoverProblem = {
      intervalSec: H,
      requirement: [1, 1, 0, 0, 1, 1],
      templates: [
        {
          id: 'six',
          startsSec: [0],
          lengthSec: 6 * H,
          costPerHour: 1,
          breaks: [
            { lengthSec: H, paid: false, earliestSec: H, latestSec: 3 * H },
            { lengthSec: H, paid: false, earliestSec: 2 * H, latestSec: 4 * H },
          ],
        },
      ],
    };
    const s = await solveCover(problem);
    expect(s.shifts).toEqual([
      { template: 'six', startSec: 0, count: 1, breaks: [{ startSec: 2 * H, lengthSec: H, paid: false }, { startSec: 3 * H, lengthSec: H, paid: false }] },
    ]);
    expect(s.cost).toBe(4);
  });

  it('agents of one start with different break slots are separate placed shifts, and cover every interval', async () => {
    // Requirement 1 in each of 4 hours; a 4-hour shift with a 1-hour break at 1h, 2h or 3h.
    // One agent leaves its break hour empty, so two are needed, with breaks in different hours:
    // 2 agents × 3 paid hours at 1/h = 6.
    const problem: CoverProblem = {
      intervalSec: H,
      requirement: [1, 1, 1, 1],
      templates: [{ id: 'four', startsSec: [0], lengthSec: 4 * H, costPerHour: 1, breaks: [{ lengthSec: H, paid: false, earliestSec: H, latestSec: 3 * H }] }],
    };
    const s = await solveCover(problem);
    expect(s.cost).toBe(6);
    expect(s.shifts.map((x) => x.count)).toEqual([1, 1]);
    expect(s.shifts[0]?.breaks[0]?.startSec).not.toBe(s.shifts[1]?.breaks[0]?.startSec);
    for (const c of recount(problem, s)) expect(c).toBeGreaterThanOrEqual(1);
    expect(s.coverage).toEqual(recount(problem, s));
  });

  it('a 15-minute break in a 30-minute interval takes half an agent from it', async () => {
    // Four 30-minute intervals needing 1 agent; a 2-hour shift with a paid 15-minute break at
    // 30m or 1h. One agent leaves half an agent in its break interval, so two are needed; both
    // may break in the same interval (2 − ½ − ½ = 1). Cost 2 agents × 2 paid hours × 1 = 4.
    const problem: CoverProblem = {
      intervalSec: 1800,
      requirement: [1, 1, 1, 1],
      templates: [{ id: 'two', startsSec: [0], lengthSec: 2 * H, costPerHour: 1, breaks: [{ lengthSec: 900, paid: true, earliestSec: 1800, latestSec: 3600 }] }],
    };
    const s = await solveCover(problem);
    expect(s.cost).toBe(4);
    expect(s.paidHours).toBe(4);
    const counted = recount(problem, s);
    expect(s.coverage).toEqual(counted);
    for (const c of counted) expect(c).toBeGreaterThanOrEqual(1);
  });

  it('costs paid breaks and not unpaid ones', async () => {
    // One 4-hour shift at 10/h with a 1-hour break: 3 paid hours (30) when the break is unpaid,
    // 4 (40) when it is paid. The requirement [1, 0, 0, 0] needs exactly one agent.
    const shift = (paid: boolean): ShiftTemplate => ({ id: 'four', startsSec: [0], lengthSec: 4 * H, costPerHour: 10, breaks: [{ lengthSec: H, paid, earliestSec: H, latestSec: 3 * H }] });
    const unpaid = await solveCover({ intervalSec: H, requirement: [1, 0, 0, 0], templates: [shift(false)] });
    const paid = await solveCover({ intervalSec: H, requirement: [1, 0, 0, 0], templates: [shift(true)] });
    expect([unpaid.paidHours, unpaid.cost]).toEqual([3, 30]);
    expect([paid.paidHours, paid.cost]).toEqual([4, 40]);
  });
});

describe('template bounds', () => {
  it('max caps a cheap start, min forces an unneeded one', async () => {
    // Two hours needing 2 agents. a: 0–2h at 1/h, at most 1 agent; b: 0–2h at 2/h; c: 0–1h at
    // 5/h, at least 1 agent. c is forced (5) and covers hour 0 only, so hour 1 still needs two
    // agents from a and b: a (capped at 1, cost 2) and b (cost 4). Total 11.
    const problem: CoverProblem = {
      intervalSec: H,
      requirement: [2, 2],
      templates: [
        { id: 'a', startsSec: [0], lengthSec: 2 * H, costPerHour: 1, max: 1, breaks: [] },
        { id: 'b', startsSec: [0], lengthSec: 2 * H, costPerHour: 2, breaks: [] },
        { id: 'c', startsSec: [0], lengthSec: H, costPerHour: 5, min: 1, breaks: [] },
      ],
    };
    const s = await solveCover(problem);
    expect(s.shifts).toEqual([
      { template: 'a', startSec: 0, count: 1, breaks: [] },
      { template: 'b', startSec: 0, count: 1, breaks: [] },
      { template: 'c', startSec: 0, count: 1, breaks: [] },
    ]);
    expect(s.cost).toBe(11);
    expect(s.coverage).toEqual([3, 2]);
  });

  it('maxTotal caps a template over all its starts', async () => {
    // Hours 0 and 1 each need 1 agent. a: 1-hour shifts at 0 or 1h, 1/h, at most 1 in all;
    // b: the same at 3/h. One a (1) and one b (3): cost 4.
    const problem: CoverProblem = {
      intervalSec: H,
      requirement: [1, 1],
      templates: [
        { id: 'a', startsSec: [0, H], lengthSec: H, costPerHour: 1, maxTotal: 1, breaks: [] },
        { id: 'b', startsSec: [0, H], lengthSec: H, costPerHour: 3, breaks: [] },
      ],
    };
    const s = await solveCover(problem);
    expect(s.cost).toBe(4);
    expect(s.shifts.filter((x) => x.template === 'a').reduce((n, x) => n + x.count, 0)).toBe(1);
  });

  it('a requirement no shift reaches is infeasible', async () => {
    // Interval 0 needs an agent; the only shift starts at 1h.
    const s = await solveCover({ intervalSec: H, requirement: [1, 0, 0], templates: [{ id: 'late', startsSec: [H], lengthSec: H, costPerHour: 1, breaks: [] }] });
    expect(s.status).toBe('infeasible');
    expect(s.shifts).toEqual([]);
    expect(s.coverage).toEqual([0, 0, 0]);
  });

  it('max below what the requirement needs is infeasible', async () => {
    const s = await solveCover({ intervalSec: H, requirement: [3], templates: [{ id: 'one', startsSec: [0], lengthSec: H, costPerHour: 1, max: 2, breaks: [] }] });
    expect(s.status).toBe('infeasible');
  });
});

describe('horizons of several days (solved day by day first, then whole)', () => {
  it('covers each day with its own shifts', async () => {
    // Two days of 1-hour intervals; one agent needed at 10:00 and at 15:00 each day. An 8-hour
    // shift from 08:00 covers both hours of its day: one a day, 8 paid hours each, cost 16.
    const requirement = new Array<number>(48).fill(0);
    for (const h of [10, 15, 34, 39]) requirement[h] = 1;
    const problem: CoverProblem = { intervalSec: H, requirement, templates: [{ id: 'day', startsSec: [8 * H, 32 * H], lengthSec: 8 * H, costPerHour: 1, breaks: [] }] };
    const s = await solveCover(problem);
    expect(s.status).toBe('optimal');
    expect(s.shifts.map((x) => [x.startSec / H, x.count])).toEqual([[8, 1], [32, 1]]);
    expect(s.cost).toBe(16);
  });

  it('still finds the schedule when a day cannot be covered by its own shifts', async () => {
    // One agent needed at 02:00 on day 2. Only the 20:00 shift of day 1 reaches it (day 2's
    // 20:00 shift would end past the 48-hour horizon), so no day-by-day schedule exists; the
    // whole solve places that one shift: cost 8.
    const requirement = new Array<number>(48).fill(0);
    requirement[26] = 1;
    const problem: CoverProblem = { intervalSec: H, requirement, templates: [{ id: 'night', startsSec: [20 * H], lengthSec: 8 * H, costPerHour: 1, breaks: [] }] };
    const s = await solveCover(problem);
    expect(s.status).toBe('optimal');
    expect(s.shifts).toEqual([{ template: 'night', startSec: 20 * H, count: 1, breaks: [] }]);
    expect(s.cost).toBe(8);
  });
});

describe('determinism and checks', () => {
  it('gives the same bytes for the same problem', async () => {
    const problem: CoverProblem = {
      intervalSec: 1800,
      requirement: [2, 3, 5, 6, 6, 5, 4, 4, 5, 6, 5, 3, 2, 2, 1, 1],
      templates: [
        { id: 'long', startsSec: [0, 1800, 3600, 5400], lengthSec: 6 * H, costPerHour: 20, breaks: [{ lengthSec: 1800, paid: false, earliestSec: 2 * H, latestSec: 4 * H }] },
        { id: 'short', startsSec: [0, 3600, 7200, 10800, 14400], lengthSec: 3 * H, costPerHour: 22, breaks: [{ lengthSec: 900, paid: true, earliestSec: H, latestSec: 2 * H }] },
      ],
    };
    const first = JSON.stringify(await solveCover(problem));
    expect(JSON.stringify(await solveCover(problem))).toBe(first);
  });

  it('names the field, the rule and the value of a malformed problem', async () => {
    const ok: ShiftTemplate = { id: 'a', startsSec: [0], lengthSec: H, costPerHour: 1, breaks: [] };
    await expect(solveCover({ intervalSec: H, requirement: [1, Number.NaN], templates: [ok] })).rejects.toThrow('requirement[1]: must be a number of agents from 0 to 1,000,000 (got NaN)');
    await expect(solveCover({ intervalSec: H, requirement: [1], templates: [{ ...ok, startsSec: [1800] }] })).rejects.toThrow(
      'templates[0].startsSec[0]: must put the whole shift inside the horizon, 0 to 0 (got 1800)',
    );
    await expect(solveCover({ intervalSec: H, requirement: [1], templates: [{ ...ok, costPerHour: 0 }] })).rejects.toThrow('templates[0].costPerHour: must be a number greater than 0 (got 0)');
    await expect(solveCover({ intervalSec: H, requirement: [1], templates: [ok] }, { timeLimitSec: -1 })).rejects.toThrow('timeLimitSec: must be more than 0 and at most 3600 (got -1)');
    await expect(solveCover({ intervalSec: H, requirement: [1], templates: [ok] }, { timeLimitSec: -1 })).rejects.toBeInstanceOf(InputError);
  });
});

/** Every whole placement of a template's breaks at a start, found by its own recursion over the hour grid. */
function explicitPlacements(t: ShiftTemplate, start: number): number[][] {
  const out: number[][] = [];
  const go = (k: number, notBefore: number, chosen: number[]): void => {
    const rule = t.breaks[k];
    if (rule === undefined) {
      out.push(chosen);
      return;
    }
    for (let p = Math.ceil((start + rule.earliestSec) / H) * H; p <= start + rule.latestSec; p += H) if (p >= notBefore) go(k + 1, p + rule.lengthSec, [...chosen, p]);
  };
  go(0, 0, []);
  return out;
}

/** The least cost over every count 0…max(requirement) of every explicit column (whole-hour grid, 1-hour breaks). */
function bruteForceCost(problem: CoverProblem): number {
  const columns = problem.templates.flatMap((t) =>
    t.startsSec.flatMap((start) =>
      explicitPlacements(t, start).map((breaks) => {
        const on = problem.requirement.map((_, i) => (i * H >= start && i * H < start + t.lengthSec && !breaks.includes(i * H) ? 1 : 0));
        const unpaid = t.breaks.reduce((sum, b) => sum + (b.paid ? 0 : b.lengthSec), 0);
        return { on, cost: ((t.lengthSec - unpaid) / H) * t.costPerHour };
      }),
    ),
  );
  const most = Math.max(...problem.requirement);
  let best = Infinity;
  const have = problem.requirement.map(() => 0);
  const go = (j: number, cost: number): void => {
    if (cost >= best) return;
    const column = columns[j];
    if (column === undefined) {
      if (have.every((h, i) => h >= (problem.requirement[i] as number))) best = cost;
      return;
    }
    for (let n = 0; n <= most; n++) {
      column.on.forEach((o, i) => (have[i] = (have[i] as number) + n * o));
      go(j + 1, cost + n * column.cost);
      column.on.forEach((o, i) => (have[i] = (have[i] as number) - n * o));
    }
  };
  go(0, 0);
  return best;
}

const templateArb = (id: string) =>
  fc
    .record({
      lengthH: fc.integer({ min: 2, max: 4 }),
      starts: fc.subarray([0, 1, 2], { minLength: 1, maxLength: 2 }),
      cost: fc.integer({ min: 1, max: 3 }),
      breakFrom: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
      breakSlots: fc.integer({ min: 1, max: 2 }),
      paid: fc.boolean(),
    })
    .map(({ lengthH, starts, cost, breakFrom, breakSlots, paid }): ShiftTemplate => {
      const hasBreak = breakFrom !== undefined && breakFrom + 1 <= lengthH - 1;
      const latestH = hasBreak ? Math.min(breakFrom + breakSlots - 1, lengthH - 1) : 0;
      return {
        id,
        startsSec: starts.filter((s) => s + lengthH <= 5).map((s) => s * H),
        lengthSec: lengthH * H,
        costPerHour: cost,
        breaks: hasBreak ? [{ lengthSec: H, paid, earliestSec: breakFrom * H, latestSec: latestH * H }] : [],
      };
    });

describe('small random programs', () => {
  it('reach the brute-force optimum, with coverage recounted from the placed shifts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }), templateArb('a'), templateArb('b'), async (requirement, a, b) => {
        const problem: CoverProblem = { intervalSec: H, requirement, templates: [a, b] };
        const expected = bruteForceCost(problem);
        const s = await solveCover(problem);
        const counted = recount(problem, s);
        expect(s.coverage).toEqual(counted);
        if (expected === Infinity) {
          expect(s.status).toBe('infeasible');
          return;
        }
        expect(s.status).toBe('optimal');
        expect(s.cost).toBeCloseTo(expected, 9);
        counted.forEach((c, i) => expect(c).toBeGreaterThanOrEqual(requirement[i] as number));
        for (const shift of s.shifts) {
          const t = shift.template === 'a' ? a : b;
          expect(t.startsSec).toContain(shift.startSec);
          shift.breaks.forEach((br, k) => {
            const rule = t.breaks[k] as ShiftTemplate['breaks'][number];
            expect(br.startSec - shift.startSec).toBeGreaterThanOrEqual(rule.earliestSec);
            expect(br.startSec - shift.startSec).toBeLessThanOrEqual(rule.latestSec);
            expect(br.startSec % H).toBe(0);
          });
        }
      }),
      { seed: testSeed(), numRuns: 40 },
    );
  });
});
