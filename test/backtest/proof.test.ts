// Proof on known truth (issue 14, goal 6): a day simulated from a known scenario (seed A) is
// summed into an ACD interval report (workers/acdReport.ts), written and read back by the
// report reader (scenarios/intervalReport.ts); the same scenario back-tested
// against it (seed B ≠ A) must cover the actual values at the band's nominal rate, and a
// scenario with AHT +30% must not.
//
// Why coverage is exactly nominal here: the back-test replays each interval's offered count
// with uniform times (a Poisson day conditioned on its counts) and the report's staffing,
// which is the scenario's; so given the counts, the actual interval value and each
// replication's are independent draws of one distribution, and the band between order
// statistics j and R+1−j covers the actual with probability (R+1−2j)/(R+1) (Wilks 1941).
// Each metric is tested over its 48 intervals as a binomial count with ±3.5 standard
// errors. Ties make a discrete metric's inclusive band cover more than that, so the
// intervals are large — 30 minutes of ~300–500 calls, ~10% abandoning — where service level
// moves in steps of ~1/400, ASA is continuous and abandon counts are ~30–50 (the most
// likely count has probability ~6%). Consecutive intervals are nearly independent (waits are
// a minute against 30-minute intervals).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../engine/model.js';
import { readIntervalReport, type IntervalReport } from '../../scenarios/intervalReport.js';
import { acdReportCsv } from '../../reports/run/acdReport.js';
import { AcdAggregator, staffedAgents } from '../../workers/acdReport.js';
import type { BacktestResult } from '../../analysis/backtest/result.js';
import { backtest } from '../../workers/backtest/backtest.js';
import { traceReplication } from '../../workers/contactTrace.js';
import { countModel } from '../../workers/staffing/candidate.js';
import { exp, model } from '../support/model.js';
import { testSeed } from '../support/statistics.js';

const INTERVALS = 48;
const INTERVAL_SEC = 1800;
const AHT = 240;
/** Calls per half-hour over the day: a smooth curve from 300 to 500. */
const VOLUMES = Array.from({ length: INTERVALS }, (_, k) => 300 + 200 * Math.sin((Math.PI * k) / (INTERVALS - 1)));

/** A center staffed a little under square-root staffing (n = R + 0.5√R): queues, waits and abandons in every interval. */
function center(ahtSec: number): Model {
  const base = model({
    horizonSec: INTERVALS * INTERVAL_SEC, intervalSec: INTERVAL_SEC, warmupSec: 1800,
    channels: [{ ratePerSec: VOLUMES.map((v) => v / INTERVAL_SEC), handle: exp(ahtSec), patience: exp(180), targetSec: 20 }],
  });
  const counts = VOLUMES.map((v) => {
    const load = (v / INTERVAL_SEC) * AHT;
    return Math.round(load + 0.5 * Math.sqrt(load));
  });
  return countModel(base, [counts]);
}

/** One simulated day written as an ACD report file (workers/acdReport.ts) and read back as a user's would be. */
function historyOf(m: Model, seed: number): IntervalReport {
  const agg = new AcdAggregator(['voice'], INTERVAL_SEC, INTERVALS, [20]);
  const counters = traceReplication(m, seed, 0, agg);
  const file = join(mkdtempSync(join(tmpdir(), 'ccsim-proof-')), 'history.csv');
  writeFileSync(file, acdReportCsv(agg.rows((ch, iv) => staffedAgents(m, counters, ch, iv)), String));
  const read = readIntervalReport(file, { slWithinSec: 20 });
  if (!read.ok) throw new Error(read.problems.join('\n'));
  return read.report;
}

const coverage = (r: BacktestResult, metric: string): { coverage: number; scored: number } => {
  const s = r.summary.find((x) => x.metric === metric);
  return { coverage: s?.coverage ?? NaN, scored: s?.scored ?? 0 };
};

/** 3.5 binomial standard errors of a coverage share over n intervals. */
const tolerance = (p: number, n: number): number => 3.5 * Math.sqrt((p * (1 - p)) / n);

const seed = testSeed();
const truth = center(AHT);
const history = historyOf(truth, seed);
const R = 50;

describe('back-test of a scenario against its own simulated history', () => {
  for (const level of [0.9, 0.5]) {
    it(`covers the actual values at the band's nominal rate (level ${level}), for SL, ASA and abandon share`, () => {
      const result = backtest(truth, history, { seed: seed + 1000, replications: R, level, slDefinition: 'offered' });
      const p = result.nominalCoverage;
      // (R + 1 − 2j)/(R + 1): j = 2 at 90% (47/51), j = 12 at 50% (27/51).
      expect(p).toBeCloseTo(level === 0.9 ? 47 / 51 : 27 / 51, 12);
      for (const metric of ['serviceLevel', 'asaSec', 'abandonRate']) {
        const c = coverage(result, metric);
        expect(c.scored, metric).toBe(INTERVALS);
        expect(Math.abs(c.coverage - p), `${metric}: coverage ${c.coverage} against ${p}`).toBeLessThanOrEqual(tolerance(p, INTERVALS));
      }
    });
  }

  it('collapses for a scenario whose AHT is 30% too long: SL and ASA miss nearly every interval, predicted worse than actual', () => {
    const result = backtest(center(AHT * 1.3), history, { seed: seed + 1000, replications: R, level: 0.9, slDefinition: 'offered' });
    const p = result.nominalCoverage;
    for (const metric of ['serviceLevel', 'asaSec']) {
      // Far below what a correct model gives at any seed (the bound of the test above).
      expect(coverage(result, metric).coverage, metric).toBeLessThan(p - tolerance(p, INTERVALS));
    }
    const bias = (metric: string): number => result.summary.find((s) => s.metric === metric)?.bias ?? NaN;
    expect(bias('serviceLevel')).toBeLessThan(0);
    expect(bias('asaSec')).toBeGreaterThan(0);
    expect(bias('abandonRate')).toBeGreaterThan(0);
  });
});
