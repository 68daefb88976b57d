// Statistical validity (STYLE habit 11, last layer): with exponential handle times the
// simulated KPIs must agree with the exact Erlang C (M/M/c) or Erlang A (M/M/c+M) values
// within the family-wise tolerance of test/support/statistics.ts, at any seed (CCSIM_TEST_SEED).
// A systematic error (a biased sampler, a routing bug, a warm-up problem) moves an estimate
// by many standard errors.
//
// How each case is sized so that the check is honest at every seed:
// - warm-up: 4 relaxation times of the queue (test/support/birthDeath.ts `relaxationSec`), so
//   the day starts in steady state: what is left of the empty start is e^−4 ≈ 2% of the
//   initial deviation, and the day lasts tens of relaxation times, which divides its effect
//   on the day's averages again;
// - estimators: ratio KPIs pooled over replications (Σ numerator ÷ Σ denominator), whose bias
//   falls with replications × contacts, where the mean of per-replication ratios keeps an
//   O(1/contacts) bias; both pooled figures of the run result are checked against the ones
//   computed from the counters (test/support/estimates.ts);
// - horizon × replications: a day's waiting figures are skewed (a few bursts make a bad day),
//   and the skew of the mean over replications is what distorts the far tail of the t
//   statistic the family-wise tolerance relies on. It shrinks as 1/√(simulated time): the
//   small, slowly relaxing M/M/c cases (per-day skew 2–3 for ASA over 8 h) get long days and
//   more replications, so that the skew of their estimates is about 0.15.
import { studentTQuantile as tQuantile } from '../../engine/studentT.js';
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC } from '../../engine/erlang/index.js';
import type { DistSpec } from '../../engine/model.js';
import { buildRunResult } from '../../analysis/run/result.js';
import { runReplications } from '../../workers/replications.js';
import { relaxationSec, stationary, type BirthDeathQueue } from '../support/birthDeath.js';
import { channelEstimates, reported } from '../support/estimates.js';
import { exp, model } from '../support/model.js';
import { expectNear, testSeed } from '../support/statistics.js';

const FILE = 'kernel-vs-erlang';

interface Case extends BirthDeathQueue {
  readonly hours: number;
  readonly replications: number;
}

/** Exponential patience, or with balking its mixture with a zero patience (a caller who must wait leaves at once). */
function patienceOf(k: Case): DistSpec | null {
  if (k.patienceSec === null) return null;
  if ((k.balk ?? 0) === 0) return exp(k.patienceSec);
  return { dist: 'mixture', zero: k.balk ?? 0, components: [{ weight: 1, of: { dist: 'exponential', mean: k.patienceSec } }] };
}

/** Simulates a case from its own seed; the run result's voice channel and the estimates from the counters. */
function simulate(k: Case) {
  const horizonSec = k.hours * 3600;
  const m = model({
    agents: k.agents,
    replications: k.replications,
    horizonSec,
    intervalSec: horizonSec,
    warmupSec: Math.ceil(4 * relaxationSec(k)),
    channels: [{ perHour: k.ratePerSec * 3600, handle: exp(k.handleSec), patience: patienceOf(k) }],
  });
  const seed = testSeed();
  const reps = runReplications(m, seed, k.replications);
  const voice = buildRunResult(m, seed, reps).summary.channels.voice!;
  const own = channelEstimates(reps, horizonSec);
  const t975 = tQuantile(0.975, k.replications - 1);
  return { voice, own, t975 };
}

const mmc = (agents: number, occupancy: number, handleSec: number, hours: number, replications: number): Case =>
  ({ agents, ratePerSec: (occupancy * agents) / handleSec, handleSec, patienceSec: null, hours, replications });

// (agents, load per agent, AHT seconds): 2 to 500 agents, light to heavy traffic; hours and
// replications for a skew of the estimates near 0.15 (0.2 for 500 agents, whose day costs most).
const mmcCases: Case[] = [
  mmc(2, 0.7, 300, 64, 60),
  mmc(10, 0.8, 240, 32, 40),
  mmc(35, 30 / 35, 360, 48, 40),
  mmc(100, 0.9, 180, 16, 30),
  mmc(500, 0.95, 180, 24, 30),
];

describe('M/M/c simulation against Erlang C', () => {
  it.each(mmcCases.map((k) => [k.agents, k.ratePerSec * k.handleSec / k.agents, k.handleSec, k]))('%i agents at occupancy %f, AHT %i s: SL(20 s), P(wait), ASA, occupancy and mean queue', (c, rho, aht, k) => {
    const { voice, own, t975 } = simulate(k);
    const theory = erlangC({ ratePerSec: k.ratePerSec, handleSec: aht, agents: c, targetSec: 20 });
    const name = `${FILE} › M/M/${c} at ${rho.toFixed(3)}, AHT ${aht} s ›`;
    expectNear(`${name} SL(20 s)`, reported(voice.serviceLevelPooled, own.serviceLevel, t975), theory.serviceLevel);
    expectNear(`${name} P(wait)`, reported(voice.pWaitPooled, own.pWait, t975), theory.pWait);
    expectNear(`${name} ASA`, reported(voice.asaSecPooled, own.asaSec, t975), theory.asaSec);
    expectNear(`${name} occupancy`, reported(voice.occupancyPooled, own.occupancy, t975), theory.occupancy);
    // L_q = P(wait)·ρ/(1 − ρ), here from the birth–death chain, not from engine/erlang.
    expectNear(`${name} avg queue`, reported(voice.avgQueue, own.avgQueue, t975), stationary(k).queueLength);
    expect(voice.abandoned.mean).toBe(0);
  });

  it('reproduces the published case: 100 calls per 30 min, AHT 3 min, 14 agents', () => {
    const k = mmc(14, 10 / 14, 180, 32, 40);
    const { voice, own, t975 } = simulate(k);
    const name = `${FILE} › published M/M/14 ›`;
    expectNear(`${name} SL(20 s)`, reported(voice.serviceLevelPooled, own.serviceLevel, t975), 0.88835);
    expectNear(`${name} P(wait)`, reported(voice.pWaitPooled, own.pWait, t975), 0.17413);
    expectNear(`${name} ASA`, reported(voice.asaSecPooled, own.asaSec, t975), 7.836);
    expectNear(`${name} occupancy`, reported(voice.occupancyPooled, own.occupancy, t975), 0.71429);
  });
});

const mmcm = (agents: number, loadErlangs: number, handleSec: number, patienceSec: number, hours: number, replications: number): Case =>
  ({ agents, ratePerSec: loadErlangs / handleSec, handleSec, patienceSec, hours, replications });

// (agents, offered load in Erlangs, AHT, mean patience): abandonment pulls the queue back
// within 1/min(μ, θ), so 8-hour days are dozens of relaxation times and barely skewed (≤ 0.7).
const mmcmCases: Case[] = [
  mmcm(14, 10, 180, 300, 8, 30),
  mmcm(35, 30, 360, 180, 8, 30),
  mmcm(5, 5, 300, 120, 8, 30),
  mmcm(200, 200, 180, 120, 8, 30),
];

describe('M/M/c+M simulation against Erlang A', () => {
  it.each(mmcmCases.map((k) => [k.agents, k.ratePerSec * k.handleSec, k.handleSec, k.patienceSec, k]))('%i agents, %f Erlangs, AHT %i s, patience %i s: P(wait), abandonment, SL, ASA, mean wait, occupancy, mean queue', (c, load, aht, patience, k) => {
    const { voice, own, t975 } = simulate(k);
    const theory = erlangA({ ratePerSec: k.ratePerSec, handleSec: aht, agents: c, targetSec: 20, patienceSec: patience! });
    const chain = stationary(k);
    const name = `${FILE} › M/M/${c}+M at ${load} Erlangs, AHT ${aht} s, patience ${patience} s ›`;
    expectNear(`${name} P(wait)`, reported(voice.pWaitPooled, own.pWait, t975), theory.pWait);
    expectNear(`${name} abandon rate`, reported(voice.abandonRatePooled, own.abandonRate, t975), theory.pAbandon);
    expectNear(`${name} SL(20 s)`, reported(voice.serviceLevelPooled, own.serviceLevel, t975), theory.serviceLevels.excludeShortAbandons);
    expectNear(`${name} ASA`, reported(voice.asaSecPooled, own.asaSec, t975), theory.asaSec);
    expectNear(`${name} occupancy`, reported(voice.occupancyPooled, own.occupancy, t975), theory.occupancy);
    // The mean wait of every caller, abandoners included, is L_q/λ (Little), and L_q the
    // birth–death chain's mean queue.
    expectNear(`${name} mean wait (all)`, reported(voice.meanWaitSecPooled, own.meanWaitSec, t975), chain.meanWaitSec);
    expectNear(`${name} avg queue`, reported(voice.avgQueue, own.avgQueue, t975), chain.queueLength);
  });

  it('reproduces the published case: 14 agents with 5-minute patience', () => {
    const { voice, own, t975 } = simulate(mmcm(14, 10, 180, 300, 16, 40));
    const name = `${FILE} › published M/M/14+M ›`;
    expectNear(`${name} P(wait)`, reported(voice.pWaitPooled, own.pWait, t975), 0.14526);
    expectNear(`${name} abandon rate`, reported(voice.abandonRatePooled, own.abandonRate, t975), 0.013984);
  });
});

describe('M/M/c+M with balking against its birth–death chain', () => {
  // Patience is a mixture: 0 with probability b (the caller who hears the queue announcement
  // hangs up), else exponential. No Erlang formula covers it; the chain does (test/support/birthDeath.ts).
  const cases: Case[] = [
    { ...mmcm(14, 12, 180, 300, 8, 30), balk: 0.2 },
    { ...mmcm(35, 36, 360, 180, 8, 30), balk: 0.5 },
  ];
  it.each(cases.map((k) => [k.agents, k.ratePerSec * k.handleSec, k.balk, k]))('%i agents, %f Erlangs, balking %f: P(wait), abandonment, mean wait, occupancy, mean queue', (c, load, balk, k) => {
    const { voice, own, t975 } = simulate(k);
    const chain = stationary(k);
    const name = `${FILE} › M/M/${c}+M at ${load} Erlangs with ${balk} balking ›`;
    expectNear(`${name} P(wait)`, reported(voice.pWaitPooled, own.pWait, t975), chain.pWait);
    expectNear(`${name} abandon rate`, reported(voice.abandonRatePooled, own.abandonRate, t975), chain.pAbandon);
    expectNear(`${name} mean wait (all)`, reported(voice.meanWaitSecPooled, own.meanWaitSec, t975), chain.meanWaitSec);
    expectNear(`${name} occupancy`, reported(voice.occupancyPooled, own.occupancy, t975), chain.occupancy);
    expectNear(`${name} avg queue`, reported(voice.avgQueue, own.avgQueue, t975), chain.queueLength);
  });
});
