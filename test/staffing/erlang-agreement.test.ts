// Acceptance 1 and 2 of issue 7: on a pure M/M/c day the simulated requirement equals
// Erlang C's in every interval or is one more where Erlang's count leaves the simulated CI
// straddling the target (the output says which); with exponential patience it matches
// Erlang A within one agent and never exceeds Erlang C.
//
// Statistical (test/support/statistics.ts): the search's verdicts are 95% CIs, so the test is
// sized to hold at any seed (CCSIM_TEST_SEED), never by choosing one. A day of three 8-hour
// intervals (210, 275 and 200 calls an hour: Erlang C asks 26, 33 and 25 agents) was picked for
// where Erlang's service levels sit, not for a seed: with Erlang's count, simulated SL is
// 0.83–0.84 and with one fewer 0.75–0.76, so in each interval (per-replication SD ≈ 0.07–0.09,
// 60 replications: SE ≈ 0.011) one fewer never clears 0.8 + t·SE, Erlang's count is never
// decisively short (its CI never lies below 0.8), and one more (SL ≈ 0.89) always clears it —
// each by ≥ 4.5 SE. Long intervals keep what a day inherits from the interval before (a few
// thousandths of SL) small next to those margins; a 90-minute warm-up is 4 relaxation times of
// the first interval (τ ≈ 23 min). With 2-hour intervals at 500, 800 and 650 calls, Erlang's
// third-interval count sat exactly on the target once simulated (SL 0.800), and the test
// failed at 3 seeds in 40.
import { describe, expect, it } from 'vitest';
import { staffErlangC } from '../../engine/erlang/index.js';
import { expectClaim, testSeed } from '../support/statistics.js';
import { definitionOf, staff, voiceScenario } from './support.js';

const PER_HOUR = [210, 275, 200];
const volumes = PER_HOUR.map((v) => v * 8);
const erlangC = (i: number): number => staffErlangC({ ratePerSec: PER_HOUR[i]! / 3600, handleSec: 360, targets: { serviceLevel: 0.8, targetSec: 20 } }).agents;

describe('ccsim staff against Erlang', () => {
  it('pure M/M/c: equal to Erlang C, or one more with the Erlang count inconclusive ("withinCi")', async () => {
    const r = await staff(definitionOf(voiceScenario(volumes, '8h', '', '90m'), { replications: 60, seed: testSeed() }));
    expect(r.intervals).toHaveLength(3);
    r.intervals.forEach((iv, i) => {
      expect(iv.erlangAgents).toBe(erlangC(i));
      const agrees = (iv.agreement === 'equal' && iv.simulatedAgents === iv.erlangAgents) || (iv.agreement === 'withinCi' && iv.simulatedAgents === iv.erlangAgents + 1);
      expectClaim(`staffing › M/M/c day › interval ${i} equal to Erlang C or one more within the CI`, agrees, `Erlang ${iv.erlangAgents}, simulated ${iv.simulatedAgents} (${iv.agreement})`);
    });
  });

  it('exponential patience, no shrinkage: within one agent of Erlang A and at most Erlang C', async () => {
    // Erlang A asks 23, 30 and 22 agents. One more gives SL ≈ 0.85–0.87 (per-replication SD ≈
    // 0.04, 40 replications: SE ≈ 0.0065): it always clears 0.8 + t·SE, by ≥ 6 SE; two fewer
    // (SL ≈ 0.70) never does; Erlang C's counts are 3 above Erlang A's.
    const patience = '    patience: { dist: exponential, mean: 3m }\n';
    const r = await staff(definitionOf(voiceScenario(volumes, '8h', patience, '90m'), { replications: 40, seed: testSeed() }));
    r.intervals.forEach((iv, i) => {
      // erlangAgents is Erlang A's here.
      expectClaim(`staffing › M/M/c+M day › interval ${i} within one agent of Erlang A`, Math.abs(iv.simulatedAgents - iv.erlangAgents) <= 1, `Erlang A ${iv.erlangAgents}, simulated ${iv.simulatedAgents}`);
      expectClaim(`staffing › M/M/c+M day › interval ${i} at most Erlang C`, iv.simulatedAgents <= erlangC(i), `Erlang C ${erlangC(i)}, simulated ${iv.simulatedAgents}`);
    });
    expect(r.notes.map((n) => n.feature)).toContain('abandonment');
  });
});
