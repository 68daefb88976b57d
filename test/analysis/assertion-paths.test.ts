// Assertions resolved before anything is simulated (issue 18, goal 4): a path that names no
// scope, id or metric of the model's runs is refused by validate, check and staff at once,
// at the assertion's line — the bundled saas-support.yaml once asserted a metric tiers do
// not have and found out only after simulating.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertionPathProblems } from '../../analysis/assertionPaths.js';
import { buildRunResult } from '../../analysis/run/result.js';
import { parseAssertion } from '../../analysis/assertions.js';
import { scopeEntries } from '../../analysis/scopes.js';
import { loadScenarioFile } from '../../scenarios/load.js';
import { runReplications } from '../../workers/replications.js';
import { ccsim, ROOT } from '../support/cli.js';
import { scratch } from '../reports/support.js';

const BUNDLED = ['classic-80-20', 'saas-support', 'retail-omnichannel', 'bank-voice', 'sales-service'];
const paths = (r: ReturnType<typeof buildRunResult>): string[] =>
  scopeEntries(r.summary).flatMap((e) => e.metrics.map(([m]) => `${e.scope}.${e.id ?? ''}.${m}`));

describe('the paths a run reports follow from the model alone', () => {
  for (const name of BUNDLED) {
    it(`${name}: a result of no replications has exactly the paths of a real run`, () => {
      const { model } = loadScenarioFile(join(ROOT, 'scenarios', `${name}.yaml`), { overrides: ['replications=2'] });
      const real = buildRunResult(model, model.seed, runReplications(model, model.seed, 2), { intervals: false });
      expect(paths(buildRunResult(model, model.seed, [], { intervals: false }))).toEqual(paths(real));
    });
  }

  it('names each unresolved assertion where it was written, and lets the others pass', () => {
    const { model } = loadScenarioFile(join(ROOT, 'scenarios', 'saas-support.yaml'));
    const placed = ['tiers.3.attainment >= 0.9', 'tiers.3.serviceLevel >= 0.9', 'channels.phone.serviceLevel >= 0.8', 'overall.asaSec <= 30']
      .map((text, i) => ({ assertion: parseAssertion(text, `a[${i}]`), where: `f.yaml:${10 + i}:5 assert[${i}]` }));
    expect(assertionPathProblems(model, placed)).toEqual([
      'f.yaml:11:5 assert[1]: assertion "tiers.3.serviceLevel >= 0.9": no metric "serviceLevel" in tiers.3 (metrics: volume, handled, abandoned, attainment, pending, resolved, resolvedShare, escalated, escalationRate, asaSec, ahtSec)',
      'f.yaml:12:5 assert[2]: assertion "channels.phone.serviceLevel >= 0.8": no channel "phone" (channels: chat, email)',
    ]);
  });
});

describe('validate, check and staff refuse an unknown path before simulating', () => {
  it('every bundled scenario\'s assertions resolve', () => {
    for (const name of BUNDLED) expect(ccsim(['validate', `scenarios/${name}.yaml`]).status, name).toBe(0);
  });

  it('saas-support asserting tiers.3.serviceLevel: exit 2 at its line, from validate, and from check and staff before any replication runs', () => {
    const file = join(scratch(), 'saas.yaml');
    const text = readFileSync(join(ROOT, 'scenarios/saas-support.yaml'), 'utf8').replace('tiers.3.attainment', 'tiers.3.serviceLevel');
    writeFileSync(file, text);
    // The line the assertion is on, counted here so that edits above it do not break the test.
    const line = text.split('\n').findIndex((l) => l.includes('tiers.3.serviceLevel')) + 1;
    const expected = `ccsim: ${file}:${line}:5 assert[2]: assertion "tiers.3.serviceLevel >= 0.9": no metric "serviceLevel" in tiers.3`;
    // 100,000 replications of a working week would run for hours: these answer at once.
    for (const args of [['validate', file], ['check', file, '-r', '100000'], ['staff', file, '-r', '10000', '--workers', '1']]) {
      const started = Date.now();
      const r = ccsim(args);
      expect(r.status, `${args[0]}: ${r.stderr}`).toBe(2);
      expect(r.stderr.startsWith(expected), r.stderr).toBe(true);
      expect(Date.now() - started).toBeLessThan(20_000);
    }
  });
});
