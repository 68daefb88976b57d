// Proof on known truth (issue 14 goal 6): a scenario with known handle time and patience is
// simulated (`run --acd-report` and `--trace`, as a center's ACD would record its day), then
// `ccsim calibrate` recovers the truth from the interval report — and, with `--calls`, from the
// call records — within the uncertainty it states, at any seed (CCSIM_TEST_SEED): each
// estimate within the family-wise tolerance (~3.5 SE) of the truth, the SE read off the
// command's own 95% interval (half-width ÷ 1.96).
//
// The day is stationary (constant rate and staffing, a warm-up of 10 relaxation times of
// M/M/n+M, ≤ 1/min(μ, θ)), so Erlang A, which the interval fit inverts, holds in each hour;
// a loaded but not overloaded center (20 erlangs on 21 agents) abandons enough (~5%, a few
// hundred a day) for patience to be identified.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ccsim } from '../support/cli.js';
import { expectNear, testSeed } from '../support/statistics.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-recovery-'));
const HANDLE_SEC = 300;
const PATIENCE_SEC = 180;

const TRUTH = `name: known truth
horizon: 2d
interval: 1h
warmup: 1h
replications: 1
channels:
  - id: voice
    kind: voice
    arrivals: { perHour: 240 }
    handle: { dist: exponential, mean: ${HANDLE_SEC}s }
    patience: { dist: exponential, mean: ${PATIENCE_SEC}s }
    target: { within: 20s }
agents:
  - { id: team, channels: [voice], count: 21 }
`;

interface Fit {
  readonly handleMeanSec: number;
  readonly patience: { readonly meanSec: number; readonly ci95: { readonly lower: number; readonly upper: number } };
  readonly calls: null | {
    readonly answered: number;
    readonly abandoned: number;
    readonly handle: { readonly candidates: readonly { readonly family: string; readonly meanSec: number; readonly meanSe: number }[] };
    readonly patience: { readonly exponential: { readonly meanSec: number; readonly ci: { readonly lower: number; readonly upper: number } } };
  };
}

/** A 95% interval read as an estimate with a standard error (for `expectNear`). */
const fromInterval = (mean: number, lower: number, upper: number, n: number) => ({ mean, se: (upper - lower) / (2 * 1.96), n });

describe('calibrate recovers a known scenario from its simulated history', () => {
  const seed = testSeed();
  const truth = join(dir, 'truth.yaml');
  writeFileSync(truth, TRUTH);
  const report = join(dir, 'report.csv');
  const calls = join(dir, 'calls.csv');
  const run = ccsim(['run', truth, '--seed', String(seed), '--acd-report', report, '--acd-date', '2026-03-02', '--trace', calls, '--json']);

  it('from the interval report: arrivals as offered, AHT and patience within their stated uncertainty', () => {
    expect(run.status, run.stderr).toBe(0);
    const r = ccsim(['calibrate', report, '--within', '20s', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { channels: Fit[]; scenario: string };
    const fit = out.channels[0]!;
    const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const answered = rows.reduce((s, row) => s + Number(row[3]), 0);
    const abandoned = rows.reduce((s, row) => s + Number(row[4]), 0);
    // The answered-weighted AHT is the mean of `answered` exponential handle times: SE = mean / √n.
    expectNear('calibration recovery › AHT from the report', { mean: fit.handleMeanSec, se: HANDLE_SEC / Math.sqrt(answered), n: answered }, HANDLE_SEC);
    const p = fit.patience;
    expectNear('calibration recovery › patience from the report (Erlang A)', fromInterval(p.meanSec, p.ci95.lower, p.ci95.upper, abandoned), PATIENCE_SEC);
    // The scenario written replays the report's offered counts as its volumes.
    const volumes = /volumes: \[([^\]]*)\]/.exec(out.scenario)?.[1]?.split(',').map(Number);
    expect(volumes).toEqual(rows.map((row) => Number(row[2])));
  });

  it('with --calls: the handle family and mean, and patience with answered calls censored', () => {
    const r = ccsim(['calibrate', report, '--within', '20s', '--calls', calls, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const fit = (JSON.parse(r.stdout) as { channels: Fit[] }).channels[0]!;
    const c = fit.calls!;
    const exponential = c.handle.candidates.find((k) => k.family === 'exponential')!;
    expectNear('calibration recovery › handle mean from the calls', { mean: exponential.meanSec, se: exponential.meanSe, n: c.answered }, HANDLE_SEC);
    const e = c.patience.exponential;
    expectNear('calibration recovery › patience from the calls', fromInterval(e.meanSec, e.ci.lower, e.ci.upper, c.abandoned), PATIENCE_SEC);
  });
});
