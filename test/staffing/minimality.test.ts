// Acceptance 3 of issue 7, with issue 15's fresh replications: the answer meets every target
// with 95% confidence in every interval on replications the search never saw (R..2R−1), and one
// agent fewer in an interval does not meet them there or on the search's own (0..R−1) — checked
// by re-simulating the plan independently of the search, with the same library path as `ccsim run`.
import { describe, expect, it } from 'vitest';
import { buildRunResult } from '../../analysis/run/result.js';
import { judge } from '../../analysis/verdict.js';
import { runReplications } from '../../workers/replications.js';
import { countModel } from '../../workers/staffing/candidate.js';
import { staffScenario } from '../../workers/staffing/staff.js';
import { expectClaim, testSeed } from '../support/statistics.js';
import { definitionOf, staff, voiceScenario } from './support.js';

describe('ccsim staff answer', () => {
  it('meets the targets in every interval on fresh replications, and one agent fewer in any interval misses them', async () => {
    // Statistical only in its seed (CCSIM_TEST_SEED): the re-simulation uses the search's own
    // seed and replication indices, so its verdicts are the search's at any seed.
    const def = definitionOf(voiceScenario([200, 320, 260], '1h'), { replications: 20, seed: testSeed() });
    const R = def.replications;
    const r = await staff(def);
    const { model } = staffScenario(def);
    const answer = r.intervals.map((iv) => iv.groups.team!.simulatedAgents);
    const verdicts = (counts: number[], first: number) => {
      const m = countModel(model, [counts]);
      const run = buildRunResult(m, def.seed, runReplications(m, def.seed, R, first));
      return run.intervals.map((iv) => judge(iv.channels.voice!.serviceLevel, '>=', 0.8).state);
    };
    const fresh = verdicts(answer, R);
    // The result reports the fresh verdicts: the same as an independent run of replications R..2R−1.
    expect(r.intervals.map((iv) => iv.met)).toEqual(fresh.map((v) => v === 'pass'));
    expectClaim('staffing › minimality › the answer meets the target in every interval on fresh replications', fresh.every((v) => v === 'pass'), `answer ${answer.join(', ')}: ${fresh.join(', ')}`);
    answer.forEach((n, i) => {
      const fewer = answer.map((x, j) => (j === i ? x - 1 : x));
      const misses = verdicts(fewer, R).some((v) => v !== 'pass') || verdicts(fewer, 0).some((v) => v !== 'pass');
      expectClaim(`staffing › minimality › one fewer in interval ${i} misses on the fresh or the search replications`, misses, `interval ${i} at ${n - 1}`);
    });
  });
});
