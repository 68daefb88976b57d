// A replication's summary KPIs (analysis/sweep/summaryKpis.ts) are read straight from its KPIs;
// they must be, value for value, the means of the run result over that replication alone —
// what they were built from before, and what `ccsim run` would print for one replication.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replicationKpis } from '../../analysis/run/replicationKpis.js';
import { runResultOf } from '../../analysis/run/result.js';
import { isEstimate } from '../../analysis/scopes.js';
import { summaryOf } from '../../analysis/sweep/summaryKpis.js';
import { loadScenarioFile } from '../../scenarios/load.js';
import { runReplications } from '../../workers/replications.js';
import { ROOT } from '../support/cli.js';

/** A scope's estimates as their means (NaN for null), pooled metrics and non-estimates left out. */
function means(scope: object): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [metric, v] of Object.entries(scope)) if (isEstimate(v) && !metric.endsWith('Pooled')) out[metric] = v.mean ?? NaN;
  return out;
}

const byId = (scopes: Readonly<Record<string, object>>): Record<string, Record<string, number>> =>
  Object.fromEntries(Object.entries(scopes).map(([id, s]) => [id, means(s)]));

describe('per-replication summary KPIs', () => {
  // Live and deferred channels with chat (retail), campaigns (blended), exits and shifts (bank-day), tiers (saas).
  for (const name of ['classic-80-20', 'retail-omnichannel', 'blended-collections', 'bank-day', 'saas-support']) {
    it(`are the one-replication run summary's means, key for key, in ${name}`, () => {
      const { model } = loadScenarioFile(join(ROOT, 'scenarios', `${name}.yaml`), { overrides: ['replications=2'] });
      for (const counters of runReplications(model, model.seed, 2)) {
        const row = replicationKpis(model, counters, false);
        const { summary } = runResultOf(model, 0, [row], false);
        const expected = {
          overall: means(summary.overall), channels: byId(summary.channels), groups: byId(summary.groups),
          ...(summary.campaigns === undefined ? {} : { campaigns: byId(summary.campaigns) }),
        };
        const got = summaryOf(model, row);
        expect(got).toEqual(expected);
        // Same keys in the same order: paired differences are written in this order.
        expect(Object.keys(got.overall)).toEqual(Object.keys(expected.overall));
      }
    });
  }
});
