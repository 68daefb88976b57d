// The mechanisms of the contact-center model against theory: the random checks of what
// kernel-mechanisms.test.ts shows on scripted cases. Statistical (test/support/statistics.ts):
// seeded by CCSIM_TEST_SEED, compared with theory within the family-wise tolerance
// (`expectNear`), or, where the claim is a margin rather than a value, recorded with
// `expectClaim` and a margin that holds with overwhelming probability at any seed (each one
// says why). `npm run coverage-check` runs them over many seeds; mutation testing leaves them
// out (they simulate hundreds of thousands of contacts; the scripted suites kill mutants).
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../engine/erlang/index.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { studentTQuantile as tQuantile } from '../../engine/studentT.js';
import { buildRunResult } from '../../analysis/run/result.js';
import { runReplications } from '../../workers/replications.js';
import { relaxationSec, stationary } from '../support/birthDeath.js';
import { channelEstimates, reported } from '../support/estimates.js';
import { exp, model, sum, tieredModel, tweak } from '../support/model.js';
import { expectClaim, expectNear, meanAndError, ratioAndError, testSeed } from '../support/statistics.js';

const FILE = 'kernel-mechanisms';

const sumOf = (reps: ReplicationCounters[], f: (r: ReplicationCounters) => number): number => reps.reduce((s, r) => s + f(r), 0);

/** The pooled ratio Σa/Σb over replications with its standard error. */
const pooled = (reps: readonly ReplicationCounters[], a: (r: ReplicationCounters) => number, b: (r: ReplicationCounters) => number) =>
  ratioAndError(reps.map((r) => [a(r), b(r)] as const));

describe('chat concurrency', () => {
  it('with 3 sessions per agent and handle factor 1, 10 agents serve like 30 Erlang C servers', () => {
    // A new chat takes any free slot ("least loaded"), so no slot idles while a chat waits:
    // with exponential sessions and factor 1 this is exactly M/M/30 at 24 Erlangs (ρ = 0.8).
    // Warm-up 4 relaxation times; 40 days of 32 h keep the skew of the waiting figures ≈ 0.15.
    const queue = { ratePerSec: 240 / 3600, handleSec: 360, agents: 30, patienceSec: null };
    const horizonSec = 32 * 3600;
    const base = model({ agents: 10, horizonSec, intervalSec: horizonSec, warmupSec: Math.ceil(4 * relaxationSec(queue)), replications: 40, channels: [{ id: 'chat', perHour: 240, handle: exp(360) }] });
    const m = tweak(base, { kind: 'chat', concurrency: 3, concurrencyFactor: 1 });
    const reps = runReplications(m, testSeed(), 40);
    const sim = buildRunResult(m, testSeed(), reps).summary.channels.chat!;
    const own = channelEstimates(reps, horizonSec);
    const t975 = tQuantile(0.975, 39);
    const theory = erlangC({ ratePerSec: queue.ratePerSec, handleSec: 360, agents: 30, targetSec: 20 });
    const name = `${FILE} › chat 10 agents × 3 sessions as M/M/30 ›`;
    expectNear(`${name} SL(20 s)`, reported(sim.serviceLevelPooled, own.serviceLevel, t975), theory.serviceLevel);
    expectNear(`${name} P(wait)`, reported(sim.pWaitPooled, own.pWait, t975), theory.pWait);
    expectNear(`${name} ASA`, reported(sim.asaSecPooled, own.asaSec, t975), theory.asaSec);
    expectNear(`${name} slot occupancy`, reported(sim.slotOccupancyPooled, own.slotOccupancy(3), t975), 0.8);
    expectNear(`${name} avg queue`, reported(sim.avgQueue, own.avgQueue, t975), stationary(queue).queueLength);
  });
});

describe('tiers and escalation', () => {
  it('sends the escalated share to Tier 2 and on to Tier 3, and resolves the rest where they are', () => {
    // Every contact draws its escalation independently of its service, and with no
    // abandonment every contact answered at a tier finishes there: Σ escalated ÷ Σ answered
    // estimates the probability without bias.
    const reps = runReplications(tieredModel([0.3, 0.2]), testSeed(), 30);
    expectNear(`${FILE} › escalation › share of tier 1 sent to tier 2`, pooled(reps, (r) => r.tier.escalated[0]!, (r) => r.tier.handled[0]!), 0.3);
    expectNear(`${FILE} › escalation › share of tier 2 sent to tier 3`, pooled(reps, (r) => r.tier.escalated[1]!, (r) => r.tier.handled[1]!), 0.2);
    const resolved = sumOf(reps, (r) => r.tier.resolved[0]! + r.tier.resolved[1]! + r.tier.resolved[2]!);
    const waitingTickets = sumOf(reps, (r) => sum(r.waitingAtEnd));
    // Every contact that reached tier 1 is resolved at some tier, abandoned, or still waiting.
    expect(resolved + waitingTickets + sumOf(reps, (r) => sum(r.tier.abandoned))).toBe(sumOf(reps, (r) => r.tier.entered[0]!));
  });
});

describe('priorities', () => {
  it('makes P1 wait less than P4 under load, as the non-preemptive priority queue does', () => {
    // Two classes of equal size and service rate on 26 agents at ρ = 0.85. For M/M/c with
    // non-preemptive priorities and one exponential service rate, class k waits on average
    // W_k = C(c, a) / (cμ (1 − σ_{k−1})(1 − σ_k)), σ_k the load of classes 1..k per agent
    // (Cobham 1954, "Priority assignment in waiting line problems", Oper. Res. 2; Gross &
    // Harris, Fundamentals of Queueing Theory, §3.4): W_P1 = W₀/(1 − ρ/2), W_P4 = W_P1/(1 − ρ).
    // The total queue relaxes as M/M/26's (τ ≈ 41 min; warm-up 4τ); P4's waits are the most
    // skewed figure of this file, hence 40 days of 48 h.
    const c = 26, aht = 360, rho = 0.85;
    const queue = { ratePerSec: (rho * c) / aht, handleSec: aht, agents: c, patienceSec: null };
    const horizonSec = 48 * 3600;
    const m0 = model({ agents: c, horizonSec, intervalSec: horizonSec, warmupSec: Math.ceil(4 * relaxationSec(queue)), channels: [{ perHour: queue.ratePerSec * 3600, handle: exp(aht) }] });
    const m = tweak(m0, {
      types: [
        { id: 'p1', share: 0.5, priority: 1, handleByTier: [exp(aht), null, null], escalation: [0, 0], fcr: 1 },
        { id: 'p4', share: 0.5, priority: 4, handleByTier: [exp(aht), null, null], escalation: [0, 0], fcr: 1 },
      ],
    });
    const reps = runReplications(m, testSeed(), 40);
    const asa = (t: number) => pooled(reps, (r) => r.type.waitSumSec[t]!, (r) => r.type.handled[t]!);
    const erlang = erlangC({ ratePerSec: queue.ratePerSec, handleSec: aht, agents: c, targetSec: 20 });
    const w1 = erlang.pWait / ((c / aht) * (1 - rho / 2));
    expectNear(`${FILE} › priorities › ASA of P1`, asa(0), w1);
    expectNear(`${FILE} › priorities › ASA of P4`, asa(1), w1 / (1 - rho));
    // W_P4 / W_P1 = 1/(1 − ρ) ≈ 6.7, estimated within ≈ 9% (relative SEs ≈ 2.5% for P1 and 8%
    // for P4): 3× is a factor 2.2 below, ~9 standard errors of the log ratio.
    expectClaim(`${FILE} › priorities › P4 waits over 3× longer than P1`, asa(0).mean * 3 < asa(1).mean, `ASA P1 ${asa(0).mean}, P4 ${asa(1).mean}`);
  });
});

describe('shrinkage', () => {
  it('cuts available time by 20% with absenteeism 0.2', () => {
    // Each agent misses the whole (one-day) shift with probability 0.2 and is available all of
    // it otherwise (one shift covering the day: no overtime), so E[available] = 0.8 × scheduled.
    const m0 = model({ agents: 50, horizonSec: 8 * 3600, channels: [{ perHour: 100 }] });
    const m = tweak(m0, {}, { shrinkage: { planned: 0, periodSec: 1800, absenteeism: 0.2 } });
    const reps = runReplications(m, testSeed(), 40);
    expectNear(`${FILE} › absenteeism › available ÷ scheduled`, pooled(reps, (r) => sum(r.group.availableSec), (r) => sum(r.group.scheduledSec)), 0.8);
  });
});

describe('channel physics', () => {
  it('contains the deflected share before agents and counts it', () => {
    // Each arrival is contained with probability 0.3, independently of everything else.
    const m = tweak(model({ horizonSec: 8 * 3600, channels: [{ perHour: 300 }] }), { deflection: 0.3 });
    const reps = runReplications(m, testSeed(), 30);
    const deflected = (r: ReplicationCounters) => sum(r.channel.deflected);
    expectNear(`${FILE} › deflection › deflected share of arrivals`, pooled(reps, deflected, (r) => deflected(r) + sum(r.channel.offered)), 0.3);
  });

  it('brings back unresolved contacts as repeats in proportion to 1 − FCR', () => {
    // Every handled contact (repeats too) comes back with probability 1 − FCR = 0.3. In steady
    // state repeats arrive at 0.3 × the rate contacts are handled, and every contact arriving
    // in the day is handled (the queue drains at the end), so Σ repeats ÷ Σ handled over the
    // day estimates 0.3. Steady state needs the warm-up to fill the repeat loop (a cycle of
    // wait + 6 min + 10 min on average, 0.3× smaller each round) and the queue (M/M/50 at
    // ρ = 300/0.7 × 6 min / 50 ≈ 0.86, τ ≈ 22 min): 2 hours.
    const m0 = model({ agents: 50, horizonSec: 8 * 3600, warmupSec: 2 * 3600, channels: [{ perHour: 300 }] });
    const m = tweak(m0, {
      types: [{ id: 'x', share: 1, priority: 1, handleByTier: [exp(360), null, null], escalation: [0, 0], fcr: 0.7 }],
      repeatDelay: exp(600),
    });
    const reps = runReplications(m, testSeed(), 30);
    expectNear(`${FILE} › repeats › repeats ÷ handled`, pooled(reps, (r) => sum(r.channel.repeats), (r) => sum(r.channel.handled)), 0.3);
  });

  it('multiplies each day\'s arrivals by a random factor with overdispersion', () => {
    // A day's arrivals are Poisson(μG), G ~ Gamma(mean 1, cv) once a day: E[N] = μ and
    // Var N = μ + cv²μ² (μ = 200 in a 2-hour day; with cv 0.2, 1,800 where Poisson alone gives
    // 200). One 2-hour day a replication, many agents (arrivals alone matter here).
    const m0 = model({ agents: 60, horizonSec: 2 * 3600, intervalSec: 3600, channels: [{ perHour: 100 }] });
    const mu = 200;
    const days = (cv: number, n: number) => runReplications(tweak(m0, { overdispersion: cv }), testSeed(), n).map((r) => sum(r.channel.offered));
    // Without: Poisson counts, judged by Fisher's index of dispersion, Σ(N − N̄)²/N̄ ~ χ²(n − 1),
    // through the Wilson–Hilferty cube root (≈ normal, mean 1 − 2/(9(n − 1)), variance 2/(9(n − 1))).
    const plain = days(0, 400);
    expectNear(`${FILE} › overdispersion › mean day without`, meanAndError(plain), mu);
    const df = plain.length - 1;
    const mean = sum(plain) / plain.length;
    const dispersion = plain.reduce((s, x) => s + (x - mean) ** 2, 0) / mean / df;
    expectNear(`${FILE} › overdispersion › Poisson dispersion without`, { mean: Math.cbrt(dispersion), se: Math.sqrt(2 / (9 * df)), n: plain.length }, 1 - 2 / (9 * df));
    // With cv 0.2: the mean of (N − μ)² (μ known) estimates the variance; 800 days keep the
    // skew of that mean (a χ²-like sum) near 0.1.
    const cv = 0.2;
    const spread = days(cv, 800);
    expectNear(`${FILE} › overdispersion › mean day with cv 0.2`, meanAndError(spread), mu);
    expectNear(`${FILE} › overdispersion › variance with cv 0.2`, meanAndError(spread.map((x) => (x - mu) ** 2)), mu + cv * cv * mu * mu);
  });
});
