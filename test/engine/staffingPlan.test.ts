// The staffing plan (engine/staffingPlan.ts), the duty figures (engine/duty.ts) and the model
// defaults (engine/defaults.ts) on hand-built groups whose changes are written out by hand; the
// random placements are checked against the agent's own shrinkage stream read directly.
import { describe, expect, it } from 'vitest';
import { completeChannel, completeGroup, completeModel, DEFAULT_REPEAT_DELAY, DEFAULT_TIERS, NO_SHRINKAGE } from '../../engine/defaults.js';
import { dutyTime } from '../../engine/dutyTime.js';
import type { GroupModel, Model, ShiftModel, ShrinkageModel } from '../../engine/model.js';
import { Stream } from '../../engine/random.js';
import { StaffingChange, StaffingPlan, staffingPlanFor } from '../../engine/staffingPlan.js';

const { ShiftStart, ShiftEnd, AwayStart, AwayEnd } = StaffingChange;

function group(agentShifts: ShiftModel[][], shrinkage: ShrinkageModel = NO_SHRINKAGE, id = 'team', agentKeys?: string[]): GroupModel {
  const g = completeGroup({ id, channels: [0], count: agentShifts.length, agentShifts, shrinkage }, 0, 86_400);
  return agentKeys === undefined ? g : { ...g, agentKeys };
}

/** Agent a's changes as [time, kind] pairs, with the shift end for a ShiftStart. */
function changesOf(plan: StaffingPlan, a: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = plan.start[a]!; i < plan.start[a + 1]!; i++) out.push([plan.timeSec[i]!, plan.kind[i]!, plan.shiftEndSec[i]!]);
  return out;
}

const shift = (startSec: number, endSec: number, breaks: [number, number][] = []): ShiftModel => ({
  startSec,
  endSec,
  breaks: breaks.map(([s, e]) => ({ startSec: s, endSec: e })),
});

describe('StaffingPlan: shifts and breaks', () => {
  it('lists a shift with a break in time order, the shift start carrying its end', () => {
    const plan = new StaffingPlan([group([[shift(0, 3600, [[1200, 1500]])]])], 7200, 1, 0);
    expect(changesOf(plan, 0)).toEqual([
      [0, ShiftStart, 3600],
      [1200, AwayStart, 0],
      [1500, AwayEnd, 0],
      [3600, ShiftEnd, 0],
    ]);
  });

  it('indexes the changes of several agents of several groups one after another', () => {
    const a = group([[shift(0, 100)], [shift(50, 200, [[60, 70]])]]);
    const b = group([[shift(10, 20)]], NO_SHRINKAGE, 'other');
    const plan = new StaffingPlan([a, b], 1000, 1, 0);
    expect(Array.from(plan.start)).toEqual([0, 2, 6, 8]);
    expect(changesOf(plan, 1)).toEqual([[50, ShiftStart, 200], [60, AwayStart, 0], [70, AwayEnd, 0], [200, ShiftEnd, 0]]);
    expect(changesOf(plan, 2)).toEqual([[10, ShiftStart, 20], [20, ShiftEnd, 0]]);
    expect(Array.from(plan.cursor)).toEqual([0, 2, 6]);
  });

  it('orders changes at one instant: going away before coming back (away start, shift end, shift start, away end)', () => {
    // Back-to-back shifts at 1000, a break ending at 1000 and another starting there.
    const plan = new StaffingPlan([group([[shift(0, 1000, [[900, 1000]]), shift(1000, 2000, [[1000, 1100]])]])], 5000, 1, 0);
    expect(changesOf(plan, 0).filter(([t]) => t === 1000).map(([, k]) => k)).toEqual([AwayStart, ShiftEnd, ShiftStart, AwayEnd]);
  });

  it('has no shift end for a shift without one, and ignores a break of length 0', () => {
    const plan = new StaffingPlan([group([[shift(0, Infinity, [[500, 500]])]])], 3600, 1, 0);
    expect(changesOf(plan, 0)).toEqual([[0, ShiftStart, Infinity]]);
  });

  it('drops changes that would send an agent away at or after the horizon, keeping shift starts and returns', () => {
    // Horizon 3600. Agent 0: the shift end at 4000 is dropped (it stays to drain the queues),
    // the return from its break at 3800 is kept. Agent 1: a shift starting after the horizon
    // is kept, its end dropped. Agent 2: a shift end exactly at the horizon is dropped.
    const plan = new StaffingPlan([group([[shift(0, 4000, [[3000, 3800]])], [shift(0, 1000), shift(5000, 6000)], [shift(0, 3600)]])], 3600, 1, 0);
    expect(changesOf(plan, 0)).toEqual([[0, ShiftStart, 4000], [3000, AwayStart, 0], [3800, AwayEnd, 0]]);
    expect(changesOf(plan, 1)).toEqual([[0, ShiftStart, 1000], [1000, ShiftEnd, 0], [5000, ShiftStart, 6000]]);
    expect(changesOf(plan, 2)).toEqual([[0, ShiftStart, 3600]]);
  });

  it('tells whether an agent has a change left, and rewinds every agent to its first', () => {
    const plan = new StaffingPlan([group([[shift(0, 100)], [shift(0, 100)]])], 1000, 1, 0);
    expect(plan.hasNext(0)).toBe(true);
    plan.cursor[0] = 2;
    expect(plan.hasNext(0)).toBe(false);
    expect(plan.hasNext(1)).toBe(true);
    plan.cursor[1] = 3;
    plan.rewind();
    expect(Array.from(plan.cursor)).toEqual([0, 2]);
  });
});

describe('StaffingPlan: absenteeism and planned shrinkage', () => {
  it('with absenteeism 1 an agent misses every day a shift touches, cut at midnight', () => {
    const plan = new StaffingPlan([group([[shift(-600, 90_000)]], { planned: 0, periodSec: 1800, absenteeism: 1 })], 200_000, 1, 0);
    expect(changesOf(plan, 0)).toEqual([
      [-600, AwayStart, 0], // day −1, from the shift start to midnight
      [-600, ShiftStart, 90_000],
      [0, AwayStart, 0], // day 0
      [0, AwayEnd, 0],
      [86_400, AwayStart, 0], // day 1, up to the shift end
      [86_400, AwayEnd, 0],
      [90_000, ShiftEnd, 0],
      [90_000, AwayEnd, 0],
    ]);
  });

  it('draws one number a day from the agent’s own stream shrinkage:<group>:<key> and misses the day when it is below the rate', () => {
    const shifts = [shift(3600, 3 * 86_400 + 3600)]; // touches days 0, 1, 2 and 3
    const plan = new StaffingPlan([group([shifts], { planned: 0, periodSec: 1800, absenteeism: 0.5 }, 'team', ['early.4'])], 400_000, 7, 2);
    const stream = new Stream(7, 2, 'shrinkage:team:early.4');
    const missed = [0, 1, 2, 3].filter(() => stream.next() < 0.5);
    const away = changesOf(plan, 0).filter(([, k]) => k === AwayStart).map(([t]) => t);
    expect(away).toEqual(missed.map((d) => Math.max(3600, d * 86_400)));
  });

  it('draws no absence number for the day a shift ends at midnight: the next numbers place the planned periods', () => {
    // Shift [0, 86 400): one absence draw (day 0; never past 0 with rate 1e-9), then
    // round(0.25 × 86 400 / 3600) = 6 periods in 14 400 s slices, at u × (14 400 − 3600).
    const plan = new StaffingPlan([group([[shift(0, 86_400)]], { planned: 0.25, periodSec: 3600, absenteeism: 1e-9 })], 100_000, 2, 0);
    const stream = new Stream(2, 0, 'shrinkage:team:0');
    expect(stream.next()).toBeGreaterThan(1e-9);
    const starts = [0, 1, 2, 3, 4, 5].map((i) => i * 14_400 + stream.next() * 10_800);
    expect(changesOf(plan, 0).filter(([, k]) => k === AwayStart).map(([t]) => t)).toEqual(starts);
  });

  it('keys an agent without a name by its index in the group', () => {
    const g = { ...group([[shift(0, 86_400)], [shift(0, 86_400)]], { planned: 0.25, periodSec: 900, absenteeism: 0 }), agentKeys: [] };
    const plan = new StaffingPlan([g], 100_000, 3, 0);
    const u = new Stream(3, 0, 'shrinkage:team:1').next();
    // 0.25 × 86 400 / 900 = 24 periods, one per 3600 s slice; the first at u × (3600 − 900).
    expect(changesOf(plan, 1)[1]).toEqual([u * 2700, AwayStart, 0]);
  });

  it('places round(planned · L / period) periods, one at a uniform point of each equal slice', () => {
    // 0.25 × 3600 / 450 = 2 periods of 450 s, in the slices [0, 1800) and [1800, 3600).
    const plan = new StaffingPlan([group([[shift(0, 3600)]], { planned: 0.25, periodSec: 450, absenteeism: 0 })], 7200, 5, 1);
    const stream = new Stream(5, 1, 'shrinkage:team:0');
    const [u0, u1] = [stream.next(), stream.next()];
    const from0 = u0 * (1800 - 450);
    const from1 = 1800 + u1 * (1800 - 450);
    expect(changesOf(plan, 0)).toEqual([
      [0, ShiftStart, 3600],
      [from0, AwayStart, 0],
      [from0 + 450, AwayEnd, 0],
      [from1, AwayStart, 0],
      [from1 + 450, AwayEnd, 0],
      [3600, ShiftEnd, 0],
    ]);
  });

  it('shortens a period longer than its slice to the slice: periods of 1000 s in 900 s slices fill the shift', () => {
    // round(1 × 3600 / 1000) = 4 slices of 900 s; each period is the whole slice, so no draw moves it.
    const plan = new StaffingPlan([group([[shift(0, 3600)]], { planned: 1, periodSec: 1000, absenteeism: 0 })], 7200, 1, 0);
    const away = changesOf(plan, 0).filter(([, k]) => k === AwayStart || k === AwayEnd);
    expect(away.map(([t]) => t)).toEqual([0, 900, 900, 1800, 1800, 2700, 2700, 3600]);
  });

  it('places no period when planned · L / period rounds to 0, or when the period length is 0', () => {
    // 0.1 × 3600 / 900 = 0.4 → 0 periods.
    const few = new StaffingPlan([group([[shift(0, 3600)]], { planned: 0.1, periodSec: 900, absenteeism: 0 })], 7200, 1, 0);
    expect(changesOf(few, 0)).toEqual([[0, ShiftStart, 3600], [3600, ShiftEnd, 0]]);
    const none = new StaffingPlan([group([[shift(0, 3600)]], { planned: 0.1, periodSec: 0, absenteeism: 0 })], 7200, 1, 0);
    expect(changesOf(none, 0)).toEqual([[0, ShiftStart, 3600], [3600, ShiftEnd, 0]]);
  });
});

describe('staffingPlanFor', () => {
  function modelWith(groups: GroupModel[]): Model {
    return {
      name: 'plan',
      seed: 1,
      replications: 2,
      horizonSec: 86_400,
      warmupSec: 0,
      intervalSec: 1800,
      intervalCount: 48,
      serviceLevelDefinition: 'offered',
      channels: [],
      groups,
      tiers: DEFAULT_TIERS,
    };
  }
  const day = [[shift(0, 28_800, [[7200, 8100]])], [shift(3600, 32_400)]];

  it('builds a plan without shrinkage once per model and rewinds it for each run', () => {
    const m = modelWith([group(day)]);
    const first = staffingPlanFor(m, 1, 0);
    first.cursor[0] = 3;
    const second = staffingPlanFor(m, 9, 4);
    expect(second).toBe(first);
    expect(Array.from(second.cursor)).toEqual([0, 4]);
    expect(staffingPlanFor(modelWith([group(day)]), 1, 0)).not.toBe(first);
  });

  it.each([
    ['planned shrinkage', { planned: 0.25, periodSec: 900, absenteeism: 0 }],
    ['absenteeism', { planned: 0, periodSec: 900, absenteeism: 0.5 }],
  ])('builds a fresh plan for each run when one group has %s', (_name, shrinkage) => {
    const m = modelWith([group(day), group(day, shrinkage, 'random')]);
    const a = staffingPlanFor(m, 1, 0);
    const b = staffingPlanFor(m, 1, 1);
    expect(b).not.toBe(a);
    // Each is the plan of its own replication.
    expect(Array.from(b.timeSec)).toEqual(Array.from(new StaffingPlan(m.groups, m.horizonSec, 1, 1).timeSec));
    expect(Array.from(a.timeSec)).toEqual(Array.from(new StaffingPlan(m.groups, m.horizonSec, 1, 0).timeSec));
  });
});

describe('dutyTime', () => {
  it('counts agent time on shift and on breaks inside the window', () => {
    // Agent 0: [0, 3600) with a break [1200, 1500); agent 1: [1800, 7200) with a break [3000, 4000).
    const g = group([[shift(0, 3600, [[1200, 1500]])], [shift(1800, 7200, [[3000, 4000]])]]);
    // Window [1000, 3600): agent 0 on shift 2600 s, agent 1 1800 s; breaks 300 s + 600 s.
    expect(dutyTime(g, 1000, 3600)).toEqual({ onShiftSec: 2600 + 1800, onBreakSec: 300 + 600 });
    // Window [0, 10 000): everything.
    expect(dutyTime(g, 0, 10_000)).toEqual({ onShiftSec: 3600 + 5400, onBreakSec: 300 + 1000 });
  });

  it('counts nothing for shifts outside the window', () => {
    const g = group([[shift(0, 3600, [[1200, 1500]]), shift(7200, 9000)]]);
    expect(dutyTime(g, 3600, 7200)).toEqual({ onShiftSec: 0, onBreakSec: 0 });
  });
});

describe('model defaults', () => {
  it('completes a bare channel: one type with its handle time, no optional mechanism, deferred for email and social', () => {
    const basics = { id: 'mail', kind: 'email' as const, ratePerSec: [0.1], handle: { dist: 'exponential' as const, mean: 300 }, patience: null, targetSec: 3600, targetLevel: 0.8 };
    expect(completeChannel(basics)).toEqual({
      ...basics,
      types: [{ id: 'mail', share: 1, priority: 3, handleByTier: [basics.handle, null, null], escalation: [0, 0], fcr: 1 }],
      deflection: 0,
      residualHandleFactor: 1,
      deflectionReturn: null,
      concurrency: 1,
      concurrencyFactor: 1,
      deferred: true,
      openHours: null,
      retrial: null,
      callback: null,
      repeatDelay: { dist: 'exponential', mean: 86_400 },
      overdispersion: 0,
      initialBacklog: 0,
      handleMeanByIntervalSec: null,
      patienceMeanByIntervalSec: null,
    });
    expect(completeChannel({ ...basics, kind: 'social' }).deferred).toBe(true);
    expect(completeChannel({ ...basics, kind: 'voice' }).deferred).toBe(false);
    expect(completeChannel({ ...basics, kind: 'chat', concurrency: 3 }).concurrency).toBe(3);
  });

  it('completes a bare group: count agents on duty from the warm-up to the horizon, keyed 0, 1, …', () => {
    expect(completeGroup({ id: 'g', channels: [0, 2], count: 2 }, 600, 3600)).toEqual({
      id: 'g',
      channels: [0, 2],
      count: 2,
      tier: 1,
      skills: [
        { channel: 0, type: -1, rank: 1, afterSec: 0 },
        { channel: 2, type: -1, rank: 1, afterSec: 0 },
      ],
      agentShifts: [[{ startSec: -600, endSec: 3600, breaks: [] }], [{ startSec: -600, endSec: 3600, breaks: [] }]],
      agentKeys: ['0', '1'],
      shrinkage: { planned: 0, periodSec: 1800, absenteeism: 0 },
      costPerHour: 0,
    });
  });

  it('completes a model with the default tiers 1 and 2 by transfer and 3 by ticket, unless tiers are given', () => {
    const m = completeModel({
      name: 'm', seed: 1, replications: 1, horizonSec: 3600, warmupSec: 300, intervalSec: 1800, intervalCount: 2, serviceLevelDefinition: 'offered',
      channels: [{ id: 'voice', kind: 'voice', ratePerSec: [0.1, 0.1], handle: { dist: 'constant', mean: 60 }, patience: null, targetSec: 20, targetLevel: 0.8 }],
      groups: [{ id: 'g', channels: [0], count: 1 }],
    });
    expect(m.tiers).toEqual([
      { tier: 1, mode: 'transfer', targetSec: null },
      { tier: 2, mode: 'transfer', targetSec: null },
      { tier: 3, mode: 'ticket', targetSec: null },
    ]);
    expect(m.channels[0]!.types[0]!.id).toBe('voice');
    expect(m.groups[0]!.agentShifts).toEqual([[{ startSec: -300, endSec: 3600, breaks: [] }]]);
    expect(DEFAULT_REPEAT_DELAY).toEqual({ dist: 'exponential', mean: 86_400 });
    const tiers = [DEFAULT_TIERS[0], DEFAULT_TIERS[1], { tier: 3, mode: 'transfer', targetSec: 600 }] as const;
    expect(completeModel({ ...m, channels: [m.channels[0]!], groups: [{ id: 'g', channels: [0], count: 1 }], tiers }).tiers).toBe(tiers);
  });
});
