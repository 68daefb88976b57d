// `ccsim run` end to end against Erlang C: the bundled M/M/c scenario's simulated KPIs agree
// with the Erlang columns of its own result. A statistical check (test/support/statistics.ts),
// in a file of its own so that `npm run coverage-check` runs it without the other CLI suites.
import { studentTQuantile as tQuantile } from '../../engine/studentT.js';
import { describe, expect, it } from 'vitest';
import type { Estimate } from '../../analysis/confidence.js';
import type { RunResult } from '../../analysis/run/result.js';
import { ccsim } from '../support/cli.js';
import { expectNear, testSeed } from '../support/statistics.js';

describe('ccsim run against Erlang', () => {
  it('agrees with Erlang C on the bundled M/M/c scenario, within the family-wise tolerance', () => {
    // Statistical (test/support/statistics.ts): the seed is CCSIM_TEST_SEED's, and the warm-up
    // 4 relaxation times of M/M/35 at 30 Erlangs (τ = 1/(cμ(1 − √ρ)²) ≈ 31 min, Abate & Whitt
    // 1987) instead of the scenario's 30 minutes, so that the day starts in steady state.
    // Pooled (ratio-of-means) estimates; their standard error is the 95% half-width ÷ t(0.975, n − 1).
    const r = ccsim(['run', 'scenarios/classic-80-20.yaml', '--seed', String(testSeed()), '--set', 'warmup=125m', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as RunResult;
    const voice = result.summary.channels.voice!;
    expect(voice.erlang.model).toBe('erlangC');
    const t975 = tQuantile(0.975, result.replications - 1);
    const measured = (e: Estimate) => {
      const [lo, hi] = e.ci95!;
      return { mean: e.mean!, se: (hi - lo) / 2 / t975, n: result.replications };
    };
    for (const [metric, sim, erl] of [
      ['SL(20 s)', voice.serviceLevelPooled, voice.erlang.serviceLevel],
      ['occupancy', voice.occupancyPooled, voice.erlang.occupancy],
      ['P(wait)', voice.pWaitPooled, voice.erlang.pWait],
    ] as const) {
      // The interval is not cut at a bound of [0, 1] here (SL ≈ 0.8, P(wait) ≈ 0.35, occupancy ≈ 0.86).
      expect(sim.ci95![1]).toBeLessThan(1);
      expectNear(`cli run › classic 80/20 against Erlang C › ${metric}`, measured(sim), erl);
    }
  });
});
