// Trunk lines and queue capacity (issue 12 item 1) against theory, at any seed
// (CCSIM_TEST_SEED): with exponential times the system is a finite birth–death chain
// (test/support/birthDeath.ts, `systemCapacity`), so the blocking probability, P(wait), the
// mean queue and the lines in use have exact values.
// - lines = agents, no queue: Erlang's loss system; its blocking is also checked against the
//   published Erlang B table value E(10 erlangs, 10 lines) = 0.21458 and engine/erlang's erlangB;
// - N lines, c < N agents: M/M/c/N, the same chain as c agents with a queue of N − c
//   (`queueCapacity`), which is checked to give the same figures;
// - one line group shared by two channels: Poisson streams merge, so each channel's blocking
//   is the loss system's at the summed load (PASTA).
// Loss systems relax within a few handle times (the busy count is an M/M/N-like chain whose
// spectral gap is at least μ), so a warm-up of 10 handle times leaves e^−10 of the empty start.
import { describe, expect, it } from 'vitest';
import { erlangB } from '../../engine/erlang/index.js';
import type { Model } from '../../engine/model.js';
import { studentTQuantile as tQuantile } from '../../engine/studentT.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { buildRunResult } from '../../analysis/run/result.js';
import { runReplications } from '../../workers/replications.js';
import { stationary, type BirthDeathQueue } from '../support/birthDeath.js';
import { channelEstimates, reported } from '../support/estimates.js';
import { exp, model, tweak, withChannel } from '../support/model.js';
import { expectNear, meanAndError, ratioAndError, testSeed } from '../support/statistics.js';

const FILE = 'lines-vs-theory';
const HANDLE = 180;

const total = (r: ReplicationCounters, name: keyof ReplicationCounters['channel'], ch: number): number => {
  let s = 0;
  for (let iv = 0; iv < r.intervalCount; iv++) s += r.channel[name][ch * r.intervalCount + iv]!;
  return s;
};

/** A one-interval day of `hours` at `erlangs` offered to `agents`, exponential handle times, no patience. */
function base(agents: number, erlangs: number, hours: number, replications: number, channels = 1): Model {
  const horizonSec = hours * 3600;
  return model({
    agents,
    replications,
    horizonSec,
    intervalSec: horizonSec,
    warmupSec: 10 * HANDLE,
    channels: Array.from({ length: channels }, (_, i) => ({ id: `line${i}`, perHour: ((erlangs / channels) * 3600) / HANDLE, handle: exp(HANDLE) })),
  });
}

function run(m: Model) {
  const seed = testSeed();
  const reps = runReplications(m, seed, m.replications);
  const result = buildRunResult(m, seed, reps);
  return { reps, result, t975: tQuantile(0.975, m.replications - 1) };
}

/** Pooled blocking of channel ch: Σ blocked ÷ Σ arrival attempts. */
const blocking = (reps: readonly ReplicationCounters[], ch = 0) =>
  ratioAndError(reps.map((r) => [total(r, 'blocked', ch), total(r, 'offered', ch) + total(r, 'deflected', ch) + total(r, 'blocked', ch)] as const));

describe('trunk lines against the loss system and M/M/c/N', () => {
  it('lines = agents, no queue: blocking is Erlang B (published E(10, 10) = 0.21458)', () => {
    const m = tweak(base(10, 10, 24, 30), {}, {}, { lineGroups: [{ id: 'trunk', lines: 10, channels: [0] }] });
    const { reps, result } = run(m);
    const chain = stationary({ ratePerSec: 10 / HANDLE, handleSec: HANDLE, agents: 10, patienceSec: null, systemCapacity: 10 });
    expect(chain.pBlock).toBeCloseTo(0.21458, 5);
    expect(erlangB(10, 10)).toBeCloseTo(chain.pBlock, 12);
    const name = `${FILE} › Erlang B, 10 lines at 10 erlangs ›`;
    expectNear(`${name} blocking`, blocking(reps), chain.pBlock);
    // Nobody waits: a contact that gets a line gets an agent.
    expect(reps.every((r) => total(r, 'queued', 0) === 0)).toBe(true);
    expectNear(`${name} lines busy`, meanAndError(reps.map((r) => total(r, 'lineHoldSec', 0) / m.horizonSec)), chain.inSystem);
    // The run result's figures are these counters' (mean of per-replication ratios).
    const voice = result.summary.channels.line0!;
    const perRep = reps.map((r) => total(r, 'blocked', 0) / (total(r, 'offered', 0) + total(r, 'blocked', 0)));
    expect(voice.blockingRate.mean).toBeCloseTo(perRep.reduce((a, b) => a + b, 0) / perRep.length, 12);
    expect(voice.blocked.mean).toBe(reps.reduce((s, r) => s + total(r, 'blocked', 0), 0) / reps.length);
    expect(voice.linesBusy.mean).toBeCloseTo(reps.reduce((s, r) => s + total(r, 'lineHoldSec', 0) / m.horizonSec, 0) / reps.length, 9);
  });

  const mmcn = (agents: number, erlangs: number, K: number): BirthDeathQueue & { K: number } =>
    ({ ratePerSec: erlangs / HANDLE, handleSec: HANDLE, agents, patienceSec: null, systemCapacity: K, K });

  it.each([
    [10, 9.5, 15],
    [20, 24, 26],
  ])('%i agents at %f erlangs, %i lines (M/M/c/N), and the same as a queue capacity of N − c', (c, erlangs, K) => {
    const k = mmcn(c, erlangs, K);
    const chain = stationary(k);
    const lined = tweak(base(c, erlangs, 24, 30), {}, {}, { lineGroups: [{ id: 'trunk', lines: K, channels: [0] }] });
    const capped = withChannel(base(c, erlangs, 24, 30), 0, { queueCapacity: K - c });
    for (const [how, m] of [['lines', lined], ['queue capacity', capped]] as const) {
      const { reps, result, t975 } = run(m);
      const own = channelEstimates(reps, m.horizonSec);
      const voice = result.summary.channels.line0!;
      const name = `${FILE} › M/M/${c}/${K} at ${erlangs} erlangs by ${how} ›`;
      expectNear(`${name} blocking`, blocking(reps), chain.pBlock);
      expectNear(`${name} P(wait)`, reported(voice.pWaitPooled, own.pWait, t975), chain.pWait);
      expectNear(`${name} mean wait`, reported(voice.meanWaitSecPooled, own.meanWaitSec, t975), chain.meanWaitSec);
      expectNear(`${name} avg queue`, reported(voice.avgQueue, own.avgQueue, t975), chain.queueLength);
      expectNear(`${name} occupancy`, reported(voice.occupancyPooled, own.occupancy, t975), chain.occupancy);
      if (how === 'lines') expectNear(`${name} lines busy`, meanAndError(reps.map((r) => total(r, 'lineHoldSec', 0) / m.horizonSec)), chain.inSystem);
      else expect(reps.every((r) => total(r, 'lineHoldSec', 0) === 0)).toBe(true);
    }
  });

  it('a line group shared by two channels blocks each at the loss system of the summed load', () => {
    // Two channels, 6 erlangs each, one group of 14 agents serving both, 12 shared lines.
    const m = tweak(base(14, 12, 24, 30, 2), {}, {}, { lineGroups: [{ id: 'trunk', lines: 12, channels: [0, 1] }] });
    const { reps } = run(m);
    const chain = stationary({ ratePerSec: 12 / HANDLE, handleSec: HANDLE, agents: 14, patienceSec: null, systemCapacity: 12 });
    expect(erlangB(12, 12)).toBeCloseTo(chain.pBlock, 12);
    for (const ch of [0, 1]) expectNear(`${FILE} › shared trunk, channel ${ch} › blocking`, blocking(reps, ch), chain.pBlock);
    const both = meanAndError(reps.map((r) => (total(r, 'lineHoldSec', 0) + total(r, 'lineHoldSec', 1)) / m.horizonSec));
    expectNear(`${FILE} › shared trunk › lines busy`, both, chain.inSystem);
  });
});
