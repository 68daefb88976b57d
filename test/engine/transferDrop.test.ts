// Transfers that find no free agent (issue 13 item 4, `tiers.N.ifNoAgent: disconnect`): a scripted
// day with every tier figure by hand (one transfer answered, the next dropped at once; with `wait`
// it queues as before), and Erlang B. A tier that drops what it cannot take at once is a loss
// system: fed a Poisson stream it is M/G/c/c, whose share lost is Erlang B at the tier's load
// whatever the handle-time distribution (insensitivity: Sevastyanov 1957). Tier 1 is M/M/80 at 30
// erlangs (nobody waits: Erlang C's P(wait) < 1e-15), so by Burke's theorem its departures are
// Poisson at λ, and escalating each with probability ½ feeds Tier 2 a Poisson stream at λ/2 — as
// test/engine/tier-patience-vs-theory.test.ts argues. Tier 2: 12 agents, lognormal handle time of
// mean 240 s and cv 1.5 (12 erlangs): Erlang B(12, 12) = 0.19857.
import { describe, expect, it } from 'vitest';
import { erlangB } from '../../engine/erlang/index.js';
import type { ContactTypeModel, DistSpec, Model, TierModel } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { simulateReplication } from '../../engine/simulate.js';
import { StageOutcome, type ContactTracer } from '../../engine/trace.js';
import { runReplications } from '../../workers/replications.js';
import { constant, exp, model, withChannel } from '../support/model.js';
import { expectNear, meanAndError, ratioAndError, testSeed } from '../support/statistics.js';

const tiersWith = (m: Model, ifNoAgent: TierModel['ifNoAgent']): Model['tiers'] =>
  [m.tiers[0], { tier: 2, mode: 'transfer', targetSec: 30, ...(ifNoAgent === undefined ? {} : { ifNoAgent }) }, m.tiers[2]];

describe('a transfer to a tier that disconnects when nobody is free', () => {
  // Two Tier-1 agents, one Tier-2 agent; every call goes on to Tier 2. Talk 50 s at Tier 1, 60 s at
  // Tier 2. Calls a at 0 and b at 10: a is transferred at 50 and answered at once (50–110); b is
  // transferred at 60, when the Tier-2 agent is busy: dropped (with `wait`: answered at 110).
  function day(ifNoAgent: TierModel['ifNoAgent']): Model {
    const base = model({
      horizonSec: 300, intervalSec: 100,
      channels: [{ arrivalTimesSec: [0, 10], handle: constant(50) }],
      groups: [{ id: 't1', channels: [0], count: 2 }, { id: 't2', channels: [0], count: 1, tier: 2 }],
    });
    const types: ContactTypeModel[] = [{ id: 'issue', share: 1, priority: 3, handleByTier: [constant(50), constant(60), null], escalation: [1, 0], fcr: 1 }];
    const m = withChannel(base, 0, { types });
    return { ...m, tiers: tiersWith(m, ifNoAgent) };
  }
  const tierCounts = (r: ReplicationCounters) => Object.fromEntries(
    (['entered', 'handled', 'abandoned', 'withinTarget', 'resolved', 'escalated', 'waitSumSec', 'handleSumSec', 'transferDisconnected'] as const)
      .map((n) => [n, Array.from(r.tier[n])]),
  );

  it('drops the transfer that finds the tier busy: its own outcome at the tier and in the channel, a miss of the tier target', () => {
    const r = simulateReplication(day('disconnect'), 1, 0);
    expect(tierCounts(r)).toEqual({
      entered: [2, 2, 0], handled: [2, 1, 0], abandoned: [0, 0, 0], withinTarget: [2, 1, 0], resolved: [0, 1, 0], escalated: [2, 0, 0],
      waitSumSec: [0, 0, 0], handleSumSec: [100, 60, 0], transferDisconnected: [0, 1, 0],
    });
    expect(Array.from(r.channel.transferDisconnected)).toEqual([1, 0, 0]);
    // Tier 2 busy 50–110 only: nothing was kept waiting for it.
    const I = r.intervalCount;
    expect([r.busySec[(1 * r.channelCount) * I]!, r.busySec[(1 * r.channelCount) * I + 1]!]).toEqual([50, 10]);
    const ends: [number, number, number][] = [];
    const tracer: ContactTracer = {
      arrived() {}, followUp() {}, calledBack() {}, answered() {},
      ended(P, c, now, outcome) { ends.push([P.arrivalSec[c]!, now, outcome]); },
    };
    simulateReplication(day('disconnect'), 1, 0, null, tracer);
    expect(ends).toEqual([[0, 50, StageOutcome.Escalated], [10, 60, StageOutcome.Escalated], [10, 60, StageOutcome.Disconnected], [0, 110, StageOutcome.Resolved]]);
  });

  it('queues the transfer with `wait`, exactly as without the field', () => {
    const waiting = simulateReplication(day('wait'), 1, 0);
    expect(tierCounts(waiting)).toEqual({
      entered: [2, 2, 0], handled: [2, 2, 0], abandoned: [0, 0, 0], withinTarget: [2, 1, 0], resolved: [0, 2, 0], escalated: [2, 0, 0],
      waitSumSec: [0, 50, 0], handleSumSec: [100, 120, 0], transferDisconnected: [0, 0, 0],
    });
    expect(tierCounts(simulateReplication(day(undefined), 1, 0))).toEqual(tierCounts(waiting));
  });
});

describe('a tier that drops transfers is Erlang B (M/G/c/c)', () => {
  const RATE = 0.1;
  const TIER2 = { agents: 12, handle: { dist: 'lognormal', mean: 240, cv: 1.5 } as DistSpec };

  it('the share of transfers dropped and the tier’s occupancy match Erlang B at 12 erlangs on 12 agents', () => {
    const dayLength = 24 * 3600;
    const base = model({
      horizonSec: dayLength, intervalSec: dayLength, warmupSec: 7200, replications: 30,
      channels: [{ perHour: RATE * 3600, handle: exp(300) }],
      groups: [{ id: 'front', channels: [0], count: 80 }, { id: 'tier2', channels: [0], count: TIER2.agents, tier: 2 }],
    });
    const types: ContactTypeModel[] = [{ id: 'issue', share: 1, priority: 3, handleByTier: [exp(300), TIER2.handle, null], escalation: [0.5, 0], fcr: 1 }];
    const m0 = withChannel(base, 0, { types });
    const m: Model = { ...m0, tiers: tiersWith(m0, 'disconnect') };
    const reps = runReplications(m, testSeed(), m.replications);
    const load = (RATE / 2) * 240;
    const lost = erlangB(TIER2.agents, load);
    expect(lost).toBeCloseTo(0.19857, 5);
    const name = 'transferDrop › M/G/12/12 at Tier 2 ›';
    expectNear(`${name} share dropped`, ratioAndError(reps.map((r) => [r.tier.transferDisconnected[1]!, r.tier.entered[1]!] as const)), lost);
    const occupancy = (r: ReplicationCounters): number => {
      const I = r.intervalCount, C = r.channelCount;
      let busy = 0, available = 0;
      for (let iv = 0; iv < I; iv++) { busy += r.busySec[(1 * C + 0) * I + iv]!; available += r.group.availableSec[1 * I + iv]!; }
      return busy / available;
    };
    // Carried load ÷ agents: λ₂·h·(1 − B) ÷ c.
    expectNear(`${name} occupancy`, meanAndError(reps.map(occupancy)), (load * (1 - lost)) / TIER2.agents);
    // Nobody waits at Tier 2: every transfer is answered at once or dropped.
    expect(reps.every((r) => r.tier.waitSumSec[1] === 0 && r.tier.handled[1]! + r.tier.transferDisconnected[1]! === r.tier.entered[1])).toBe(true);
  });
});
