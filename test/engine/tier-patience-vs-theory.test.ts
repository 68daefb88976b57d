// Patience at a Tier-2 transfer of its own (issue 12 item 11) against theory, at any seed
// (CCSIM_TEST_SEED). Tier 1 is M/M/80 at 30 erlangs: nobody waits there (Erlang C's P(wait)
// is below 1e-15), so the channel's own short patience (10 s) never fires, and by Burke's
// theorem the departures of a stationary M/M/c queue are Poisson at the arrival rate. Each is
// escalated with probability ½, independently, so Tier 2 is fed a Poisson stream at λ/2; with
// exponential Tier-2 handle times and the tier's own exponential patience (5 min) it is the
// Erlang A queue M/M/12+M, whose figures come from its birth–death chain
// (test/support/birthDeath.ts) and from engine/erlang's erlangA. Had the tier used the
// channel's 10-second patience, its abandonment would be 0.18 instead of 0.11 (some 70 standard errors of the estimate away).
// Warm-up 2 h: 30 Tier-2 handle times, many relaxation times of both queues.
import { describe, expect, it } from 'vitest';
import { erlangA } from '../../engine/erlang/index.js';
import type { ContactTypeModel, Model } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { runReplications } from '../../workers/replications.js';
import { stationary } from '../support/birthDeath.js';
import { exp, model, withChannel } from '../support/model.js';
import { expectNear, meanAndError, ratioAndError, testSeed } from '../support/statistics.js';

const NAME = 'tier-patience-vs-theory › M/M/12+M at Tier 2 ›';
const RATE = 0.1; // calls a second at Tier 1
const TIER2 = { handleSec: 240, patienceSec: 300, agents: 12, targetSec: 60 };

function center(): Model {
  const day = 24 * 3600;
  const base = model({
    horizonSec: day, intervalSec: day, warmupSec: 7200, replications: 30,
    channels: [{ perHour: RATE * 3600, handle: exp(300), patience: exp(10) }],
    groups: [{ id: 'front', channels: [0], count: 80 }, { id: 'tier2', channels: [0], count: TIER2.agents, tier: 2 }],
  });
  const types: ContactTypeModel[] = [{ id: 'issue', share: 1, priority: 3, handleByTier: [exp(300), exp(TIER2.handleSec), null], escalation: [0.5, 0], fcr: 1 }];
  const m = withChannel(base, 0, { types, patienceByTier: [exp(TIER2.patienceSec), null] });
  return { ...m, tiers: [m.tiers[0], { tier: 2, mode: 'transfer', targetSec: TIER2.targetSec }, m.tiers[2]] };
}

const tier2 = (r: ReplicationCounters, name: keyof ReplicationCounters['tier']): number => r.tier[name][1]!;

describe('a Tier-2 queue with a patience of its own is Erlang A', () => {
  it('abandonment, occupancy, answers within the tier target and ASA at Tier 2 match M/M/12+M', () => {
    const m = center();
    const reps = runReplications(m, testSeed(), m.replications);
    const ratePerSec = RATE / 2;
    const chain = stationary({ ratePerSec, handleSec: TIER2.handleSec, agents: TIER2.agents, patienceSec: TIER2.patienceSec });
    const a = erlangA({ ratePerSec, handleSec: TIER2.handleSec, patienceSec: TIER2.patienceSec, agents: TIER2.agents, targetSec: TIER2.targetSec });
    expect(a.pAbandon).toBeCloseTo(chain.pAbandon, 9);
    // Nobody waited at Tier 1, so nobody abandoned there on the channel's short patience.
    expect(reps.every((r) => r.tier.abandoned[0] === 0)).toBe(true);
    expectNear(`${NAME} abandonment`, ratioAndError(reps.map((r) => [tier2(r, 'abandoned'), tier2(r, 'entered')] as const)), chain.pAbandon);
    expectNear(`${NAME} answered within the tier target (of entered)`, ratioAndError(reps.map((r) => [tier2(r, 'withinTarget'), tier2(r, 'entered')] as const)), a.pAnsweredWithinTarget);
    expectNear(`${NAME} ASA`, ratioAndError(reps.map((r) => [tier2(r, 'waitSumSec'), tier2(r, 'handled')] as const)), a.asaSec);
    const occupancy = (r: ReplicationCounters): number => {
      const I = r.intervalCount, C = r.channelCount;
      let busy = 0, available = 0;
      for (let iv = 0; iv < I; iv++) { busy += r.busySec[(1 * C + 0) * I + iv]!; available += r.group.availableSec[1 * I + iv]!; }
      return busy / available;
    };
    expectNear(`${NAME} occupancy`, meanAndError(reps.map(occupancy)), chain.occupancy);
    // The channel's own patience would have given a very different queue: the field is what is measured.
    const own = stationary({ ratePerSec, handleSec: TIER2.handleSec, agents: TIER2.agents, patienceSec: 10 });
    expect(own.pAbandon).toBeGreaterThan(1.5 * chain.pAbandon);
  });
});
