// Common random numbers, precision mode and the sweep result, run in this thread (--workers 0).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
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

describe('common random numbers (classic 80/20, 35 vs 36 agents, 20 replications)', () => {
  it('make the paired difference of service level at least 3× sharper than independent seeds', async () => {
    const withCrn = await sweep(definition({}));
    const without = await sweep(definition({ crn: false }));
    const dCrn = withCrn.points[1]?.difference?.channels.voice?.serviceLevel;
    const dInd = without.points[1]?.difference?.channels.voice?.serviceLevel;
    const hCrn = halfWidth(dCrn?.ci95 ?? null);
    const hInd = halfWidth(dInd?.ci95 ?? null);
    // The figures for the closing note of issue 5 (acceptance 4).
    console.log(JSON.stringify({ acceptance: 4, crn: { mean: dCrn?.mean, halfWidth: hCrn }, independent: { mean: dInd?.mean, halfWidth: hInd }, ratio: hInd / hCrn }));
    expect(dCrn?.n).toBe(20);
    // One more agent raises service level: both CIs agree on the sign, CRN's far more sharply.
    expect(dCrn?.mean).toBeGreaterThan(0);
    expect(hInd / hCrn).toBeGreaterThanOrEqual(3);
    // The baseline against itself is exactly zero.
    expect(withCrn.points[0]?.difference?.overall.serviceLevel).toEqual({ mean: 0, ci95: [0, 0], n: 20 });
  });
});

describe('precision mode', () => {
  it('adds replications until the half-width of the metric is below the target, or the cap', async () => {
    const def = definition({
      baseOverrides: ['horizon=2h', 'warmup=15m'],
      replications: { mode: 'precision', initial: 4, max: 60, halfWidth: 0.03, metric: 'serviceLevel', channel: 'voice' },
      report: { baseline: null, objective: null, intervals: false },
    });
    const result = await sweep(def);
    for (const p of result.points) {
      expect(p.replications).toBeGreaterThan(4);
      expect(p.precision?.met === true ? (p.precision.halfWidth ?? Infinity) <= 0.03 : p.replications === 60).toBe(true);
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
      baseOverrides: ['horizon=2h'],
      points: gridPoints([parseVary('agents[0].count=33..38')]),
      replications: { mode: 'fixed', count: 8 },
      report: { baseline: null, objective: { sense: 'minimize', quantity: 'agents', subjectTo: ['channels.voice.serviceLevel>=0.8'] }, intervals: false },
    });
    const result = await sweep(def);
    const objective = result.objective;
    if (!objective?.best) throw new Error('a best point was expected');
    const best = result.points[objective.best.point];
    expect(best?.summary.channels.voice?.serviceLevel.ci95?.[0]).toBeGreaterThanOrEqual(0.8);
    for (const p of result.points.slice(0, objective.best.point)) {
      expect(p.summary.channels.voice?.serviceLevel.ci95?.[0] ?? 0).toBeLessThan(0.8);
    }
    expect(objective.best.value).toBe(best?.parameters['agents[0].count']);
  });
});
