// Common random numbers, precision mode and the sweep result, run in this thread (--workers 0).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { expectClaim, testSeed } from '../support/statistics.js';
import { replicationKpisMismatches } from './support.js';
import { sweepResult } from '../../workers/outcomes.js';
import type { SweepDefinition } from '../../workers/plan.js';
import { runSweep } from '../../workers/sweep.js';
import { gridPoints, parseVary } from '../../workers/sweepSpec.js';

const classic = readFileSync(fileURLToPath(new URL('../../scenarios/classic-80-20.yaml', import.meta.url)), 'utf8');
const silent = pino({ level: 'silent' });

function definition(over: Partial<SweepDefinition>): SweepDefinition {
  return {
    scenario: { label: 'classic-80-20.yaml', text: classic },
    inputs: [],
    baseOverrides: [],
    points: gridPoints([parseVary('agents[0].count=35,36')]),
    seed: null,
    crn: true,
    replications: { mode: 'fixed', count: 20 },
    serviceLevelDefinition: null,
    report: { baseline: 'agents[0].count=35', objective: null, intervals: false },
    ...over,
  };
}

async function sweep(def: SweepDefinition) {
  const run = await runSweep({ definition: def, shard: { index: 0, count: 1 }, workers: 0, out: null, resume: false, signal: new AbortController().signal, logger: silent });
  return sweepResult(def, run.planned, run.outcomes).result;
}

const halfWidth = (ci: readonly [number, number] | null): number => (ci ? (ci[1] - ci[0]) / 2 : NaN);

describe('common random numbers (classic 80/20, 35 vs 36 agents, 150 replications)', () => {
  it('make the paired difference of service level at least 3× sharper than independent seeds', async () => {
    // Statistical (test/support/statistics.ts), seeded by CCSIM_TEST_SEED. The ratio of the
    // two half-widths is a ratio of sample SDs: over seeds its logarithm has mean ln 4.6 and
    // SD ≈ 1.06/√(n − 1) (measured over 30 seeds at n = 100: 0.106), so with 150
    // replications 3× is 4.9 SDs below the typical ratio (with 20, 1.9 SDs: it failed at 1
    // seed in 60).
    const n = 150;
    const withCrn = await sweep(definition({ seed: testSeed(), replications: { mode: 'fixed', count: n } }));
    const without = await sweep(definition({ seed: testSeed(), replications: { mode: 'fixed', count: n }, crn: false }));
    const dCrn = withCrn.points[1]?.difference?.channels.voice?.serviceLevel;
    const dInd = without.points[1]?.difference?.channels.voice?.serviceLevel;
    const hCrn = halfWidth(dCrn?.ci95 ?? null);
    const hInd = halfWidth(dInd?.ci95 ?? null);
    // The figures for the closing note of issue 5 (acceptance 4).
    console.log(JSON.stringify({ acceptance: 4, replications: n, crn: { mean: dCrn?.mean, halfWidth: hCrn }, independent: { mean: dInd?.mean, halfWidth: hInd }, ratio: hInd / hCrn }));
    expect(dCrn?.n).toBe(n);
    // One more agent raises service level by ≈ 0.06; with CRN its half-width is ≈ 0.004, so a
    // difference ≤ 0 is ~30 SEs away.
    expectClaim('crnPrecision › CRN › one more agent raises service level', (dCrn?.mean ?? 0) > 0, `paired difference ${dCrn?.mean}`);
    expectClaim('crnPrecision › CRN › half-width 3× narrower than with independent seeds', hInd / hCrn >= 3, `ratio ${hInd / hCrn} (CRN ${hCrn}, independent ${hInd})`);
    // The baseline against itself is exactly zero.
    expect(withCrn.points[0]?.difference?.overall.serviceLevel).toEqual({ mean: 0, ci95: [0, 0], n });
  });
});

describe('precision mode', () => {
  it('adds replications until the half-width of the metric is below the target, or the cap', async () => {
    // Starting from 8 replications, a half-width of 0.01 would need a sample SD ≤ 0.012
    // where one 2-hour day's service level has an SD of 0.12–0.14 (P < 1e-6 with 7 degrees of
    // freedom; none in 10,000 draws of 8 days): more replications are always added, at any
    // seed. (From 4 replications, with 0.03, the target was met at once at ~1% of seeds.)
    const def = definition({
      seed: testSeed(),
      baseOverrides: ['horizon=2h', 'warmup=15m'],
      replications: { mode: 'precision', initial: 8, max: 60, halfWidth: 0.01, metric: 'serviceLevel', channel: 'voice' },
      report: { baseline: null, objective: null, intervals: false },
    });
    const result = await sweep(def);
    for (const p of result.points) {
      expectClaim(`crnPrecision › precision mode › adds replications at ${p.parameters['agents[0].count']} agents`, p.replications > 8, `${p.replications} replications`);
      expect(p.precision?.met === true ? (p.precision.halfWidth ?? Infinity) <= 0.01 : p.replications === 60).toBe(true);
    }
    // Decisions read only deterministic results: the same sweep takes the same rounds.
    expect(JSON.stringify(await sweep(def))).toBe(JSON.stringify(result));
  });
});

describe('the sweep result', () => {
  it('takes per-replication KPIs from each replication\'s own counters', () => {
    expect(replicationKpisMismatches(classic)).toEqual([]);
  });

  it('picks the cheapest staffing whose service level meets 0.8 with 95% confidence', async () => {
    const def = definition({
      seed: testSeed(),
      baseOverrides: ['horizon=2h'],
      points: gridPoints([parseVary('agents[0].count=33..44')]),
      replications: { mode: 'fixed', count: 12 },
      report: { baseline: null, objective: { sense: 'minimize', quantity: 'agents', subjectTo: ['channels.voice.serviceLevel>=0.8'] }, intervals: false },
    });
    const result = await sweep(def);
    const objective = result.objective;
    // Some point must meet the target at any seed. One 2-hour day's SL is skewed (a bad day
    // drags a small sample's CI down): with 38 agents and 8 replications the CI missed 0.8 in
    // 8.5% of draws; from 42 agents on, with 12 replications, in none of 5,000 (SL ≈ 0.99).
    expectClaim('crnPrecision › objective › some staffing meets the target', Boolean(objective?.best), 'no point met the target');
    if (!objective?.best) return;
    const best = result.points[objective.best.point];
    expect(best?.summary.channels.voice?.serviceLevel.ci95?.[0]).toBeGreaterThanOrEqual(0.8);
    for (const p of result.points.slice(0, objective.best.point)) {
      expect(p.summary.channels.voice?.serviceLevel.ci95?.[0] ?? 0).toBeLessThan(0.8);
    }
    expect(objective.best.value).toBe(best?.parameters['agents[0].count']);
  });
});
