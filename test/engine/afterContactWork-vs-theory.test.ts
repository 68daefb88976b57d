// After-contact work against queueing theory (issue 13 item 4). The wrap-up holds the agent, not
// the customer, so the queue sees a holding time of talk + wrap-up:
// - with a negligible talk (1 ms) and an exponential wrap-up the holding time is exponential to
//   within 1 ms in 240 s (a shifted exponential; its effect on the waits is ~10⁻⁵ relative, far
//   below a standard error), so SL, P(wait), ASA and occupancy are Erlang C's at AHT = talk +
//   wrap-up — a model that let the wrap-up vanish would see an empty queue;
// - with exponential talk and a constant wrap-up (M/G/c, no closed form for the waits), the
//   occupancy is the offered load λ(E[talk] + E[wrap-up]) ÷ c, the reported AHT is E[talk] +
//   E[wrap-up], and the mean wrap-up is exactly the constant.
// Sized as test/engine/kernel-vs-erlang.test.ts sizes its M/M/10 case (warm-up 4 relaxation
// times, 32-hour days, 40 replications, pooled ratio estimators); must pass at any seed.
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../engine/erlang/index.js';
import type { DistSpec, Model } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { runReplications } from '../../workers/replications.js';
import { relaxationSec } from '../support/birthDeath.js';
import { channelEstimates } from '../support/estimates.js';
import { constant, exp, model, sum, withChannel } from '../support/model.js';
import { expectNear, ratioAndError, testSeed } from '../support/statistics.js';

const FILE = 'afterContactWork-vs-theory';
const AGENTS = 10;
const HOURS = 32;
const REPLICATIONS = 40;

/** An M/G/10 day at occupancy 0.8 whose holding time is talk + wrap-up (mean `holdSec`). */
function simulate(talk: DistSpec, acw: DistSpec, holdSec: number): { reps: ReplicationCounters[]; ratePerSec: number; m: Model } {
  const ratePerSec = (0.8 * AGENTS) / holdSec;
  const horizonSec = HOURS * 3600;
  const base = model({
    agents: AGENTS,
    replications: REPLICATIONS,
    horizonSec,
    intervalSec: horizonSec,
    warmupSec: Math.ceil(4 * relaxationSec({ agents: AGENTS, ratePerSec, handleSec: holdSec, patienceSec: null })),
    channels: [{ perHour: ratePerSec * 3600, handle: talk }],
  });
  const m = withChannel(base, 0, { types: [{ id: 'voice', share: 1, priority: 3, handleByTier: [talk, null, null], escalation: [0, 0], fcr: 1, afterContactWork: acw }] });
  return { reps: runReplications(m, testSeed(), REPLICATIONS), ratePerSec, m };
}

const pooled = (reps: readonly ReplicationCounters[], a: (r: ReplicationCounters) => number, b: (r: ReplicationCounters) => number) =>
  ratioAndError(reps.map((r) => [a(r), b(r)] as const));

describe('after-contact work against theory', () => {
  it('a 1 ms talk with an exponential 240 s wrap-up queues as Erlang C at AHT 240.001 s', () => {
    const hold = 240.001;
    const { reps, ratePerSec } = simulate(constant(0.001), exp(240), hold);
    const own = channelEstimates(reps, HOURS * 3600);
    const theory = erlangC({ ratePerSec, handleSec: hold, agents: AGENTS, targetSec: 20 });
    const name = `${FILE} › M/M/${AGENTS} of wrap-up ›`;
    expectNear(`${name} SL(20 s)`, own.serviceLevel, theory.serviceLevel);
    expectNear(`${name} P(wait)`, own.pWait, theory.pWait);
    expectNear(`${name} ASA`, own.asaSec, theory.asaSec);
    expectNear(`${name} occupancy`, own.occupancy, theory.occupancy);
    expectNear(`${name} AHT`, pooled(reps, (r) => sum(r.channel.handleSumSec), (r) => sum(r.channel.handled)), hold);
  });

  it('exponential talk (180 s) and a constant wrap-up (60 s): occupancy is λ·240 ÷ c, AHT 240 s, the mean wrap-up exactly 60 s', () => {
    const { reps, ratePerSec } = simulate(exp(180), constant(60), 240);
    const own = channelEstimates(reps, HOURS * 3600);
    const name = `${FILE} › M/G/${AGENTS}, exponential talk + constant wrap-up ›`;
    expectNear(`${name} occupancy`, own.occupancy, (ratePerSec * 240) / AGENTS);
    expectNear(`${name} AHT`, pooled(reps, (r) => sum(r.channel.handleSumSec), (r) => sum(r.channel.handled)), 240);
    expectNear(`${name} talk`, pooled(reps, (r) => sum(r.channel.handleSumSec) - sum(r.channel.acwSumSec), (r) => sum(r.channel.handled)), 180);
    for (const r of reps) expect(sum(r.channel.acwSumSec) / sum(r.channel.handled)).toBeCloseTo(60, 9);
  });
});
