// Each mechanism of the whole contact-center model has a test that would fail if it were
// missing (issue 4, acceptance 3). Models are built directly (test/support/model.ts), so
// these exercise the kernel, not the scenario format.
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../engine/erlang/index.js';
import type { ContactTypeModel, GroupModel, Model, ShiftModel } from '../../engine/model.js';
import { simulateReplication } from '../../engine/simulate.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { buildRunResult } from '../../reports/result.js';
import { runReplications } from '../../workers/replications.js';
import { constant, exp, model, sum } from '../support/model.js';

/** Replaces fields of channel 0 / group 0 of a model. */
function tweak(m: Model, channel: Partial<Model['channels'][number]>, group: Partial<GroupModel> = {}, extra: Partial<Model> = {}): Model {
  const channels = m.channels.map((c, i) => (i === 0 ? { ...c, ...channel } : c));
  const groups = m.groups.map((g, i) => (i === 0 ? { ...g, ...group } : g));
  return { ...m, ...extra, channels, groups };
}

const sumOf = (reps: ReplicationCounters[], f: (r: ReplicationCounters) => number): number => reps.reduce((s, r) => s + f(r), 0);

describe('chat concurrency', () => {
  it('with 3 sessions per agent and handle factor 1, 10 agents serve like 30 Erlang C servers', () => {
    const base = model({ agents: 10, horizonSec: 8 * 3600, warmupSec: 3600, replications: 30, channels: [{ id: 'chat', perHour: 240, handle: exp(360) }] });
    const m = tweak(base, { kind: 'chat', concurrency: 3, concurrencyFactor: 1 });
    const voice = m.channels[0]!;
    const sim = buildRunResult(m, 1, runReplications(m, 1, 30)).summary.channels.chat!;
    const theory = erlangC({ ratePerSec: voice.ratePerSec[0]!, handleSec: 360, agents: 30, targetSec: 20 });
    expect(theory.serviceLevel).toBeGreaterThanOrEqual(sim.serviceLevel.ci95![0]);
    expect(theory.serviceLevel).toBeLessThanOrEqual(sim.serviceLevel.ci95![1]);
    expect(theory.asaSec).toBeGreaterThanOrEqual(sim.asaSec.ci95![0]);
    expect(theory.asaSec).toBeLessThanOrEqual(sim.asaSec.ci95![1]);
  });

  it('slows each session down by the handle factor per extra session held', () => {
    const base = model({ agents: 5, horizonSec: 3600, channels: [{ id: 'chat', handle: constant(100), arrivalTimesSec: [0, 1, 2] }] });
    const m = tweak(base, { kind: 'chat', concurrency: 3, concurrencyFactor: 1.5 }, { agentShifts: [[{ startSec: 0, endSec: 3600, breaks: [] }]], count: 1 });
    const r = simulateReplication(m, 1, 0);
    // One agent takes all three: sessions of 100, 150, 200 s.
    expect(r.channel.handleSumSec[0]).toBe(450);
    expect(r.channel.waitSumSec[0]).toBe(0);
  });
});

describe('tiers and escalation', () => {
  const types = (escalation: [number, number]): ContactTypeModel[] => [
    { id: 'issue', share: 1, priority: 2, handleByTier: [exp(300), exp(600), exp(1800)], escalation, fcr: 1 },
  ];
  const tiered = (escalation: [number, number]): Model => {
    const m = model({ agents: 30, horizonSec: 4 * 3600, channels: [{ perHour: 200 }] });
    const t2: GroupModel = { ...m.groups[0]!, id: 'tier2', tier: 2 };
    const t3: GroupModel = { ...m.groups[0]!, id: 'tier3', tier: 3 };
    return { ...tweak(m, { types: types(escalation) }), groups: [m.groups[0]!, t2, t3] };
  };

  it('leaves Tier 2 idle when the escalation probability is 0', () => {
    const r = simulateReplication(tiered([0, 0]), 1, 0);
    expect(r.tier.entered[1]).toBe(0);
    expect(r.tier.handled[1]).toBe(0);
    const busyTier2 = Array.from({ length: r.intervalCount }, (_, iv) => r.busySec[(1 * r.channelCount + 0) * r.intervalCount + iv]!);
    expect(sum(busyTier2)).toBe(0);
  });

  it('sends the escalated share to Tier 2 and on to Tier 3, and resolves the rest where they are', () => {
    const reps = runReplications(tiered([0.3, 0.2]), 1, 10);
    const t1 = sumOf(reps, (r) => r.tier.handled[0]!);
    const to2 = sumOf(reps, (r) => r.tier.escalated[0]!);
    const to3 = sumOf(reps, (r) => r.tier.escalated[1]!);
    expect(to2 / t1).toBeGreaterThan(0.27);
    expect(to2 / t1).toBeLessThan(0.33);
    expect(to3 / sumOf(reps, (r) => r.tier.handled[1]!)).toBeGreaterThan(0.15);
    expect(to3 / sumOf(reps, (r) => r.tier.handled[1]!)).toBeLessThan(0.25);
    const resolved = sumOf(reps, (r) => r.tier.resolved[0]! + r.tier.resolved[1]! + r.tier.resolved[2]!);
    const waitingTickets = sumOf(reps, (r) => sum(r.waitingAtEnd));
    // Every contact that reached tier 1 is resolved at some tier, abandoned, or still waiting.
    expect(resolved + waitingTickets + sumOf(reps, (r) => sum(r.tier.abandoned))).toBe(sumOf(reps, (r) => r.tier.entered[0]!));
  });
});

describe('priorities', () => {
  it('makes P1 wait less than P4 under load', () => {
    const m0 = model({ agents: 26, horizonSec: 4 * 3600, warmupSec: 1800, channels: [{ perHour: 260 }] });
    const m = tweak(m0, {
      types: [
        { id: 'p1', share: 0.5, priority: 1, handleByTier: [exp(360), null, null], escalation: [0, 0], fcr: 1 },
        { id: 'p4', share: 0.5, priority: 4, handleByTier: [exp(360), null, null], escalation: [0, 0], fcr: 1 },
      ],
    });
    const reps = runReplications(m, 1, 10);
    const asa = (t: number) => sumOf(reps, (r) => r.type.waitSumSec[t]!) / sumOf(reps, (r) => r.type.handled[t]!);
    expect(asa(0) * 3).toBeLessThan(asa(1));
  });
});

describe('shrinkage and schedules', () => {
  it('cuts available time by about 20% with absenteeism 0.2', () => {
    const m0 = model({ agents: 50, horizonSec: 8 * 3600, channels: [{ perHour: 100 }] });
    const m = tweak(m0, {}, { shrinkage: { planned: 0, periodSec: 1800, absenteeism: 0.2 } });
    const reps = runReplications(m, 1, 20);
    const ratio = sumOf(reps, (r) => sum(r.group.availableSec)) / sumOf(reps, (r) => sum(r.group.scheduledSec));
    expect(ratio).toBeGreaterThan(0.76);
    expect(ratio).toBeLessThan(0.84);
  });

  it('takes planned shrinkage as periods adding up to the planned share', () => {
    const m0 = model({ agents: 20, horizonSec: 8 * 3600, channels: [{ perHour: 60 }] });
    const shifts: ShiftModel[] = [{ startSec: 0, endSec: 8 * 3600, breaks: [] }];
    const m = tweak(m0, {}, { agentShifts: Array.from({ length: 20 }, () => shifts), shrinkage: { planned: 0.125, periodSec: 1800, absenteeism: 0 } });
    const r = simulateReplication(m, 1, 0);
    // 8 h × 0.125 = 1 h each, as two 30-minute periods; nobody is busy at the time they start.
    expect(sum(r.group.availableSec) / sum(r.group.scheduledSec)).toBeGreaterThan(0.87);
    expect(sum(r.group.availableSec) / sum(r.group.scheduledSec)).toBeLessThan(0.9);
  });

  it('lets an agent whose shift ends mid-contact finish it as overtime; no contact is dropped', () => {
    const m0 = model({ horizonSec: 7200, intervalSec: 1800, channels: [{ arrivalTimesSec: [3500], handle: constant(300) }] });
    const m = tweak(m0, {}, { count: 1, agentShifts: [[{ startSec: 0, endSec: 3600, breaks: [] }]] });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.handled[1]).toBe(1);
    expect(sum(r.group.overtimeSec)).toBe(200); // 3600 → 3800
    expect(sum(r.group.scheduledSec)).toBe(3600);
  });

  it('sends an agent on a break only after the contact in hand', () => {
    const m0 = model({ horizonSec: 3600, intervalSec: 3600, channels: [{ arrivalTimesSec: [0, 150], handle: constant(200) }] });
    const m = tweak(m0, {}, { count: 1, agentShifts: [[{ startSec: 0, endSec: 3600, breaks: [{ startSec: 100, endSec: 400 }] }]] });
    const r = simulateReplication(m, 1, 0);
    // First contact 0–200 (the break waits), the second waits until the break ends at 400.
    expect(r.channel.waitSumSec[0]).toBe(250);
  });

  it('follows a per-interval staffing list', () => {
    const m0 = model({ horizonSec: 7200, intervalSec: 3600, channels: [{ arrivalTimesSec: [10, 20, 3610, 3620], handle: constant(500) }] });
    const m = tweak(m0, {}, {
      count: 2,
      agentShifts: [[{ startSec: 0, endSec: 7200, breaks: [] }], [{ startSec: 3600, endSec: 7200, breaks: [] }]],
    });
    const r = simulateReplication(m, 1, 0);
    expect(Array.from(r.channel.waitSumSec)).toEqual([490, 0]);
  });
});

describe('routing', () => {
  it('with an overflow threshold of 0 behaves like one pooled group', () => {
    const pooled = model({ agents: 30, horizonSec: 4 * 3600, channels: [{ perHour: 290 }] });
    const split = {
      ...pooled,
      groups: [
        { ...pooled.groups[0]!, id: 'a', count: 20, agentShifts: pooled.groups[0]!.agentShifts.slice(0, 20) },
        { ...pooled.groups[0]!, id: 'b', count: 10, agentShifts: pooled.groups[0]!.agentShifts.slice(0, 10), skills: [{ channel: 0, type: -1, rank: 1, afterSec: 0 }] },
      ],
    };
    for (const seed of [1, 2, 3]) {
      const a = simulateReplication(pooled, seed, 0);
      const b = simulateReplication(split, seed, 0);
      expect(sum(b.channel.waitSumSec)).toBeCloseTo(sum(a.channel.waitSumSec), 6);
    }
  });

  it('lets backup groups take a contact only after the overflow threshold', () => {
    const m0 = model({ horizonSec: 3600, intervalSec: 3600, channels: [{ arrivalTimesSec: [0, 10], handle: constant(600) }] });
    const m = {
      ...m0,
      groups: [
        { ...m0.groups[0]!, id: 'primary', count: 1, agentShifts: [m0.groups[0]!.agentShifts[0]!] },
        { ...m0.groups[0]!, id: 'backup', count: 1, agentShifts: [m0.groups[0]!.agentShifts[0]!], skills: [{ channel: 0, type: -1, rank: 2, afterSec: 60 }] },
      ],
    };
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.waitSumSec[0]).toBe(60);
    expect(r.channel.overflowed[0]).toBe(1);
  });

  it('blends: an agent serving voice (rank 1) and email (rank 2) takes email only when no voice waits', () => {
    const m0 = model({
      horizonSec: 3600, intervalSec: 3600,
      channels: [{ id: 'voice', arrivalTimesSec: [0, 50], handle: constant(100) }, { id: 'email', arrivalTimesSec: [10], handle: constant(100) }],
    });
    const m = {
      ...tweak(m0, {}),
      channels: [m0.channels[0]!, { ...m0.channels[1]!, kind: 'email' as const, deferred: true, targetSec: 86400 }],
      groups: [{ ...m0.groups[0]!, count: 1, agentShifts: [m0.groups[0]!.agentShifts[0]!], skills: [{ channel: 0, type: -1, rank: 1, afterSec: 0 }, { channel: 1, type: -1, rank: 2, afterSec: 0 }] }],
    };
    const r = simulateReplication(m, 1, 0);
    // voice 0–100, voice (arrived 50, older? no: email arrived at 10 but is rank 2) 100–200, email 200–300.
    expect(r.channel.waitSumSec[0]).toBe(50);
    expect(r.channel.waitSumSec[1]).toBe(190);
  });
});

describe('channel physics', () => {
  it('contains the deflected share before agents and counts it', () => {
    const m = tweak(model({ horizonSec: 8 * 3600, channels: [{ perHour: 300 }] }), { deflection: 0.3 });
    const reps = runReplications(m, 1, 5);
    const deflected = sumOf(reps, (r) => sum(r.channel.deflected));
    const offered = sumOf(reps, (r) => sum(r.channel.offered));
    expect(deflected / (deflected + offered)).toBeGreaterThan(0.28);
    expect(deflected / (deflected + offered)).toBeLessThan(0.32);
  });

  it('brings abandoners back as retrials and long waiters to callbacks', () => {
    const m0 = model({ agents: 25, horizonSec: 4 * 3600, channels: [{ perHour: 300, patience: exp(120) }] });
    const m = tweak(m0, { retrial: { probability: 0.5, delay: exp(300) }, callback: { afterSec: 60, share: 0.5, targetSec: 3600 } });
    const r = simulateReplication(m, 1, 0);
    expect(sum(r.channel.retrials)).toBeGreaterThan(0);
    expect(sum(r.channel.callbacks)).toBeGreaterThan(0);
    const without = simulateReplication(tweak(m0, {}), 1, 0);
    expect(sum(without.channel.retrials)).toBe(0);
    expect(sum(without.channel.callbacks)).toBe(0);
  });

  it('brings back unresolved contacts as repeats in proportion to 1 − FCR', () => {
    const m0 = model({ agents: 40, horizonSec: 8 * 3600, channels: [{ perHour: 300 }] });
    const m = tweak(m0, {
      types: [{ id: 'x', share: 1, priority: 1, handleByTier: [exp(360), null, null], escalation: [0, 0], fcr: 0.7 }],
      repeatDelay: exp(600),
    });
    const reps = runReplications(m, 1, 5);
    const repeats = sumOf(reps, (r) => sum(r.channel.repeats));
    const handled = sumOf(reps, (r) => sum(r.channel.handled));
    // Every handled contact (repeats too) comes back with probability 0.3, so repeats are ~30%
    // of handled contacts — a little less, since some would return after the horizon.
    expect(repeats / handled).toBeGreaterThan(0.25);
    expect(repeats / handled).toBeLessThan(0.305);
  });

  it('never abandons deferred work and leaves the unworked backlog in the system at the end', () => {
    const m0 = model({ agents: 2, horizonSec: 4 * 3600, channels: [{ id: 'email', perHour: 60, handle: exp(600), patience: exp(60) }] });
    const m = tweak(m0, { kind: 'email', deferred: true, targetSec: 86400 });
    const r = simulateReplication(m, 1, 0);
    expect(sum(r.channel.abandoned)).toBe(0);
    expect(sum(r.waitingAtEnd)).toBeGreaterThan(0);
    expect(Math.max(...r.channel.backlogMax)).toBeGreaterThan(10);
    expect(Number.isFinite(r.channel.backlogAgeP90Sec[r.intervalCount - 1]!)).toBe(true);
  });

  it('works a channel only within its open hours', () => {
    const m0 = model({ horizonSec: 86400, intervalSec: 3600, channels: [{ id: 'email', arrivalTimesSec: [3600], handle: constant(60) }] });
    const m = tweak(m0, { kind: 'email', deferred: true, targetSec: 86400, openHours: { startSec: 8 * 3600, endSec: 17 * 3600 } });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.waitSumSec[1]).toBe(7 * 3600); // arrived 01:00, worked at 08:00
  });

  it('multiplies each day\'s arrivals by a random factor with overdispersion', () => {
    const m0 = model({ agents: 60, horizonSec: 86400, intervalSec: 3600, channels: [{ perHour: 100 }] });
    const days = (cv: number) => Array.from({ length: 40 }, (_, rep) => sum(simulateReplication(tweak(m0, { overdispersion: cv }), 1, rep).channel.offered));
    const sd = (xs: number[]) => { const m = sum(xs) / xs.length; return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1)); };
    // Poisson alone: sd ≈ √2400 ≈ 49; with cv 0.2: √(2400 + (0.2·2400)²) ≈ 482.
    expect(sd(days(0))).toBeLessThan(80);
    expect(sd(days(0.2))).toBeGreaterThan(300);
  });

  it('starts with the initial backlog waiting at time 0', () => {
    const m0 = model({ agents: 1, horizonSec: 3600, intervalSec: 3600, channels: [{ id: 'email', arrivalTimesSec: [], handle: constant(100) }] });
    const m = tweak(m0, { kind: 'email', deferred: true, targetSec: 86400, initialBacklog: 3 });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.offered[0]).toBe(3);
    expect(r.channel.waitSumSec[0]).toBe(0 + 100 + 200);
  });
});

