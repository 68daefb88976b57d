// Acceptance 3 of issue 7: the answer meets every target with 95% confidence in every
// interval, and one agent fewer in an interval does not — checked by re-simulating the
// plan independently of the search, with the same library path as `ccsim run`.
import { describe, it } from 'vitest';
import { buildRunResult } from '../../reports/result.js';
import { judge } from '../../reports/verdict.js';
import { runReplications } from '../../workers/replications.js';
import { countModel } from '../../workers/staffing/candidate.js';
import { staffScenario } from '../../workers/staffing/staff.js';
import { expectClaim, testSeed } from '../support/statistics.js';
import { definitionOf, staff, voiceScenario } from './support.js';

describe('ccsim staff answer', () => {
  it('meets the targets in every interval, and one agent fewer in any interval misses them', async () => {
    // Statistical only in its seed (CCSIM_TEST_SEED): the re-simulation uses the search's own
    // seed and replications, so its verdicts are the search's at any seed.
    const def = definitionOf(voiceScenario([200, 320, 260], '1h'), { replications: 20, seed: testSeed() });
    const r = await staff(def);
    const { model } = staffScenario(def);
    const answer = r.intervals.map((iv) => iv.groups.team!.simulatedAgents);
    const verdicts = (counts: number[]) => {
      const m = countModel(model, [counts]);
      const run = buildRunResult(m, def.seed, runReplications(m, def.seed, def.replications));
      return run.intervals.map((iv) => judge(iv.channels.voice!.serviceLevel, '>=', 0.8).state);
    };
    expectClaim('staffing › minimality › the answer meets the target in every interval', verdicts(answer).every((v) => v === 'pass'), `answer ${answer.join(', ')}`);
    answer.forEach((n, i) => {
      const fewer = answer.map((x, j) => (j === i ? x - 1 : x));
      expectClaim(`staffing › minimality › one fewer in interval ${i} misses`, verdicts(fewer).some((v) => v !== 'pass'), `interval ${i} at ${n - 1}`);
    });
  });
});
