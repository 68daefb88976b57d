// Blending against theory, at any seed (CCSIM_TEST_SEED): a progressive dialer with a reserve of
// m idle agents for inbound (Bhulai & Koole 2003, "A queueing model for call blending in call
// centers", IEEE TAC 48(8): the threshold/reserve policy). With Poisson inbound arrivals,
// exponential inbound and outbound talk times, an endless list, every dial reaching its party at
// once (reach 1, ring 0), the center is a continuous-time Markov chain on (inbound busy i,
// outbound busy o, inbound queue q): an agent freed with no caller waiting dials when more than
// m agents would be idle, else idles; an outbound talk ending with no caller waiting and
// nobody missing from the reserve is followed at once by the next dial. Its stationary law
// (solved below by Gaussian elimination, the queue truncated far beyond its reach) gives the
// inbound P(wait) (PASTA), the mean queue, and the outbound contacts per hour (Σ π·o·μ_out).
// The chain's solver is itself checked: with the reserve at all agents nobody dials, and it is
// M/M/N — its P(wait) Erlang C's.
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../engine/erlang/index.js';
import type { CampaignModel, Model } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { runReplications } from '../../workers/replications.js';
import { constant, exp, model } from '../support/model.js';
import { expectNear, meanAndError, ratioAndError, testSeed } from '../support/statistics.js';

const FILE = 'outbound-vs-theory';
const HANDLE = 180;
const TALK = 240;

interface BlendFigures {
  readonly pWait: number;
  readonly queueLength: number;
  readonly connectedPerHour: number;
}

/** The stationary figures of the reserve policy's chain: N agents, reserve m, inbound λ (per s), μ = 1/HANDLE, μ_out = 1/TALK. */
function blendChain(N: number, m: number, lambda: number, maxQueue = 150): BlendFigures {
  const mu = 1 / HANDLE, muOut = 1 / TALK;
  const index = new Map<string, number>();
  const states: [number, number, number][] = [];
  const add = (i: number, o: number, q: number): void => {
    index.set(`${i},${o},${q}`, states.length);
    states.push([i, o, q]);
  };
  // Idle agents never exceed the reserve (more would dial at once); a queue only when none is idle.
  for (let i = 0; i <= N; i++) for (let o = 0; o <= N - i; o++) if (N - i - o <= m) add(i, o, 0);
  for (let i = 0; i <= N; i++) for (let q = 1; q <= maxQueue; q++) add(i, N - i, q);
  const n = states.length;
  const Q = Array.from({ length: n }, () => new Float64Array(n));
  const at = (i: number, o: number, q: number): number => index.get(`${i},${o},${q}`) as number;
  states.forEach(([i, o, q], s) => {
    const idle = N - i - o;
    const move = (rate: number, to: number): void => {
      if (rate <= 0 || to === s) return;
      Q[s]![to]! += rate;
      Q[s]![s]! -= rate;
    };
    if (idle > 0) move(lambda, at(i + 1, o, 0));
    else if (q < maxQueue) move(lambda, at(i, o, q + 1));
    if (i > 0) {
      if (q > 0) { /* the freed agent takes the next caller: no change of (i, o) */ move(i * mu, at(i, o, q - 1)); }
      else move(i * mu, idle + 1 > m ? at(i - 1, o + 1, 0) : at(i - 1, o, 0));
    }
    if (o > 0) {
      if (q > 0) move(o * muOut, at(i + 1, o - 1, q - 1));
      else if (idle + 1 <= m) move(o * muOut, at(i, o - 1, 0));
    }
  });
  // π Q = 0, Σ π = 1: solve Qᵀ π = 0 with the last equation replaced by the normalisation.
  const A = Array.from({ length: n }, (_, r) => Float64Array.from({ length: n + 1 }, (_, c) => (c === n ? (r === n - 1 ? 1 : 0) : r === n - 1 ? 1 : Q[c]![r]!)));
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    const pivot = A[c]!;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = A[r]!;
      const f = row[c]! / pivot[c]!;
      if (f !== 0) for (let k = c; k <= n; k++) row[k]! -= f * pivot[k]!;
    }
  }
  const pi = states.map((_, s) => A[s]![n]! / A[s]![s]!);
  let pWait = 0, queueLength = 0, outPerSec = 0;
  states.forEach(([i, o, q], s) => {
    if (N - i - o === 0) pWait += pi[s]!;
    queueLength += q * pi[s]!;
    outPerSec += o * muOut * pi[s]!;
  });
  return { pWait, queueLength, connectedPerHour: outPerSec * 3600 };
}

const total = (a: Float64Array, I: number, k = 0): number => {
  let s = 0;
  for (let iv = 0; iv < I; iv++) s += a[k * I + iv]!;
  return s;
};

/** N agents, inbound at `erlangs`, a progressive campaign with reserve m, reach 1, ring 0, talk exponential: 24 h, 30 replications. */
function blended(N: number, erlangs: number, m: number): Model {
  const horizonSec = 24 * 3600;
  const campaign: CampaignModel = {
    id: 'blend', groups: [0], mode: 'progressive', ratio: 1, reserve: m, maxQueue: Infinity, listPerDay: Infinity, dialsPerHour: null,
    reach: [1], handle: exp(TALK), patience: constant(2), ringTime: constant(0), previewSec: 0,
  };
  const base = model({ agents: N, replications: 30, horizonSec, intervalSec: horizonSec, warmupSec: 20 * TALK, channels: [{ perHour: (erlangs * 3600) / HANDLE, handle: exp(HANDLE) }] });
  return { ...base, campaigns: [campaign] };
}

describe('the reserve policy against its Markov chain', () => {
  it('the chain with every agent in reserve is M/M/N: its P(wait) is Erlang C’s', () => {
    for (const [N, a] of [[6, 3], [10, 8]] as const) {
      const chain = blendChain(N, N, a / HANDLE);
      expect(chain.pWait).toBeCloseTo(erlangC({ ratePerSec: a / HANDLE, handleSec: HANDLE, agents: N, targetSec: 20 }).pWait, 9);
      expect(chain.connectedPerHour).toBe(0);
    }
  });

  it.each([
    [6, 3, 1],
    [6, 3, 2],
    [8, 5, 0],
  ])('%i agents, %f inbound erlangs, reserve %i: inbound P(wait), mean queue and outbound contacts per hour', (N, erlangs, m) => {
    const model = blended(N, erlangs, m);
    const reps: ReplicationCounters[] = runReplications(model, testSeed(), model.replications);
    const chain = blendChain(N, m, erlangs / HANDLE);
    const I = model.intervalCount;
    const name = `${FILE} › ${N} agents at ${erlangs} erlangs, reserve ${m} ›`;
    // With no reserve nobody is ever idle when a caller comes (the chain's P(wait) is 1 to rounding): every caller waits.
    if (m === 0) expect(reps.every((r) => total(r.channel.queued, I) === total(r.channel.offered, I))).toBe(true);
    else expectNear(`${name} P(wait)`, ratioAndError(reps.map((r) => [total(r.channel.queued, I), total(r.channel.offered, I)] as const)), chain.pWait);
    expectNear(`${name} avg queue`, meanAndError(reps.map((r) => total(r.channel.queueAreaSec, I) / model.horizonSec)), chain.queueLength);
    expectNear(`${name} connected per hour`, meanAndError(reps.map((r) => total(r.campaign!.connected, I) / (model.horizonSec / 3600))), chain.connectedPerHour);
  });
});
