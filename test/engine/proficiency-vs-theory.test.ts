// Proficiency (issue 12 item 5) against theory. Every agent at speed s serving exponential draws
// of mean h gives exponential service of mean h ÷ s, so the center is exactly M/M/c with AHT
// h ÷ s: the simulation must agree with Erlang C at h ÷ s within the family-wise tolerance
// (test/support/statistics.ts, any seed), and the run's Erlang baseline — whose one-group case
// is exact — must be Erlang C at h ÷ s to the last digit. The case mirrors kernel-vs-erlang's
// M/M/10 at ρ = 0.8 (AHT 240 s there, drawn as 300 s here and served at speed 1.25).
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC } from '../../engine/erlang/index.js';
import { studentTQuantile as tQuantile } from '../../engine/studentT.js';
import { buildRunResult } from '../../analysis/run/result.js';
import { runReplications } from '../../workers/replications.js';
import { relaxationSec, stationary } from '../support/birthDeath.js';
import { channelEstimates, reported } from '../support/estimates.js';
import { exp, model } from '../support/model.js';
import { expectNear, testSeed } from '../support/statistics.js';

const FILE = 'proficiency';

describe('every agent at speed s: M/M/c with AHT ÷ s', () => {
  it('10 agents at speed 1.25 on 300-second draws agree with Erlang C at 240 s (ρ = 0.8)', () => {
    const agents = 10, drawnSec = 300, speed = 1.25, servedSec = 240, replications = 40;
    const ratePerSec = (0.8 * agents) / servedSec;
    const queue = { ratePerSec, handleSec: servedSec, agents, patienceSec: null };
    const horizonSec = 32 * 3600;
    const m = model({
      agents, replications, horizonSec, intervalSec: horizonSec, warmupSec: Math.ceil(4 * relaxationSec(queue)),
      channels: [{ perHour: ratePerSec * 3600, handle: exp(drawnSec) }],
      groups: [{ id: 'team', channels: [0], count: agents, skills: [{ channel: 0, type: -1, rank: 1, afterSec: 0, speed }] }],
    });
    const reps = runReplications(m, testSeed(), replications);
    const voice = buildRunResult(m, testSeed(), reps).summary.channels.voice!;
    const own = channelEstimates(reps, horizonSec);
    const t975 = tQuantile(0.975, replications - 1);
    const theory = erlangC({ ratePerSec, handleSec: servedSec, agents, targetSec: 20 });
    const name = `${FILE} › M/M/10 at speed 1.25 ›`;
    expectNear(`${name} SL(20 s)`, reported(voice.serviceLevelPooled, own.serviceLevel, t975), theory.serviceLevel);
    expectNear(`${name} P(wait)`, reported(voice.pWaitPooled, own.pWait, t975), theory.pWait);
    expectNear(`${name} ASA`, reported(voice.asaSecPooled, own.asaSec, t975), theory.asaSec);
    expectNear(`${name} occupancy`, reported(voice.occupancyPooled, own.occupancy, t975), theory.occupancy);
    expectNear(`${name} avg queue`, reported(voice.avgQueue, own.avgQueue, t975), stationary(queue).queueLength);
    // The baseline with one group is exact: Erlang C at the served mean.
    expect(voice.erlang.loadErlangs).toBeCloseTo(ratePerSec * servedSec, 12);
    expect(voice.erlang.serviceLevel).toBeCloseTo(theory.serviceLevel, 12);
    expect(voice.erlang.asaSec).toBeCloseTo(theory.asaSec, 9);
  });

  it('8 agents at speed 0.8 with exponential patience agree with Erlang A at AHT ÷ 0.8', () => {
    // 8 agents, 240-second draws served in 300 s, 7 Erlangs offered, patience 180 s: abandonment
    // pulls the queue back within 1/min(μ, θ), so an 8-hour day is dozens of relaxation times.
    const agents = 8, drawnSec = 240, speed = 0.8, servedSec = 300, patienceSec = 180, replications = 30;
    const ratePerSec = 7 / servedSec;
    const queue = { ratePerSec, handleSec: servedSec, agents, patienceSec };
    const horizonSec = 8 * 3600;
    const m = model({
      agents, replications, horizonSec, intervalSec: horizonSec, warmupSec: Math.ceil(4 * relaxationSec(queue)),
      channels: [{ perHour: ratePerSec * 3600, handle: exp(drawnSec), patience: exp(patienceSec) }],
      groups: [{ id: 'team', channels: [0], count: agents, skills: [{ channel: 0, type: -1, rank: 1, afterSec: 0, speed }] }],
    });
    const reps = runReplications(m, testSeed(), replications);
    const voice = buildRunResult(m, testSeed(), reps).summary.channels.voice!;
    const own = channelEstimates(reps, horizonSec);
    const t975 = tQuantile(0.975, replications - 1);
    const theory = erlangA({ ratePerSec, handleSec: servedSec, agents, targetSec: 20, patienceSec });
    const name = `${FILE} › M/M/8+M at speed 0.8 ›`;
    expectNear(`${name} P(wait)`, reported(voice.pWaitPooled, own.pWait, t975), theory.pWait);
    expectNear(`${name} abandon rate`, reported(voice.abandonRatePooled, own.abandonRate, t975), theory.pAbandon);
    expectNear(`${name} ASA`, reported(voice.asaSecPooled, own.asaSec, t975), theory.asaSec);
    expectNear(`${name} occupancy`, reported(voice.occupancyPooled, own.occupancy, t975), theory.occupancy);
    expect(voice.erlang.model).toBe('erlangA');
    expect(voice.erlang.pAbandon).toBeCloseTo(theory.pAbandon, 12);
  });
});
