// Statistical validity (STYLE habit 11, last layer): with exponential handle times the
// simulated KPIs must contain the exact Erlang C (M/M/c) or Erlang A (M/M/c+M) value in
// their 95% confidence interval over replications. Seeds are fixed, so these are
// deterministic; the cases were not tuned to pass — a systematic error (a biased sampler,
// a routing bug, a warm-up problem) moves the estimate by many half-widths.
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC } from '../../engine/erlang/index.js';
import type { Estimate } from '../../reports/confidence.js';
import { buildRunResult } from '../../reports/result.js';
import { runReplications } from '../../workers/replications.js';
import { exp, model } from '../support/model.js';

function expectInside(e: Estimate, theory: number, label: string): void {
  expect(e.ci95, label).not.toBeNull();
  const [lo, hi] = e.ci95!;
  expect(theory, `${label}: ${theory} outside [${lo}, ${hi}] (mean ${e.mean})`).toBeGreaterThanOrEqual(lo);
  expect(theory, `${label}: ${theory} outside [${lo}, ${hi}] (mean ${e.mean})`).toBeLessThanOrEqual(hi);
}

function simulate(agents: number, ratePerSec: number, ahtSec: number, patienceSec: number | null, replications: number) {
  const m = model({
    agents,
    replications,
    horizonSec: 8 * 3600,
    warmupSec: 3600,
    channels: [{ perHour: ratePerSec * 3600, handle: exp(ahtSec), patience: patienceSec === null ? null : exp(patienceSec) }],
  });
  return buildRunResult(m, 1, runReplications(m, 1, replications)).summary.channels.voice!;
}

// (agents, load per agent, AHT seconds): 2 to 500 agents, light to heavy traffic.
const mmcCases: [number, number, number][] = [
  [2, 0.7, 300],
  [10, 0.8, 240],
  [35, 300 / 3600 * 360 / 35, 360],
  [100, 0.9, 180],
  [500, 0.95, 180],
];

describe('M/M/c simulation against Erlang C', () => {
  it.each(mmcCases)('%i agents at occupancy %f, AHT %i s: SL(20 s), P(wait), ASA and occupancy', (c, rho, aht) => {
    const rate = (rho * c) / aht;
    const sim = simulate(c, rate, aht, null, 30);
    const theory = erlangC({ ratePerSec: rate, handleSec: aht, agents: c, targetSec: 20 });
    expectInside(sim.serviceLevel, theory.serviceLevel, 'SL');
    expectInside(sim.pWait, theory.pWait, 'P(wait)');
    expectInside(sim.asaSec, theory.asaSec, 'ASA');
    expectInside(sim.occupancy, theory.occupancy, 'occupancy');
    expect(sim.abandoned.mean).toBe(0);
  });

  it('reproduces the published case: 100 calls per 30 min, AHT 3 min, 14 agents', () => {
    const sim = simulate(14, 100 / 1800, 180, null, 40);
    expectInside(sim.serviceLevel, 0.88835, 'SL');
    expectInside(sim.pWait, 0.17413, 'P(wait)');
    expectInside(sim.asaSec, 7.836, 'ASA');
    expectInside(sim.occupancy, 0.71429, 'occupancy');
  });
});

// (agents, offered load in Erlangs, AHT, mean patience)
const mmcmCases: [number, number, number, number][] = [
  [14, 10, 180, 300],
  [35, 30, 360, 180],
  [5, 5, 300, 120],
  [200, 200, 180, 120],
];

describe('M/M/c+M simulation against Erlang A', () => {
  it.each(mmcmCases)('%i agents, %f Erlangs, AHT %i s, patience %i s: P(wait), abandonment, SL, ASA, occupancy', (c, load, aht, patience) => {
    const rate = load / aht;
    const sim = simulate(c, rate, aht, patience, 30);
    const theory = erlangA({ ratePerSec: rate, handleSec: aht, agents: c, targetSec: 20, patienceSec: patience });
    expectInside(sim.pWait, theory.pWait, 'P(wait)');
    expectInside(sim.abandonRate, theory.pAbandon, 'abandon rate');
    expectInside(sim.serviceLevel, theory.serviceLevels.excludeShortAbandons, 'SL');
    expectInside(sim.asaSec, theory.asaSec, 'ASA');
    expectInside(sim.occupancy, theory.occupancy, 'occupancy');
  });

  it('reproduces the published case: 14 agents with 5-minute patience', () => {
    const sim = simulate(14, 100 / 1800, 180, 300, 40);
    expectInside(sim.pWait, 0.14526, 'P(wait)');
    expectInside(sim.abandonRate, 0.013984, 'abandon rate');
  });
});
