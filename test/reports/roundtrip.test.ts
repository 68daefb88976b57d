// `ccsim report` renders a saved result without running again, byte for byte as `ccsim run`
// renders the same seed; it rejects files that are not run results with exit 2.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ccsim } from '../support/cli.js';
import { FAST, scratch } from './support.js';

const SCENARIO = 'scenarios/sales-service.yaml';

describe('ccsim report', () => {
  const dir = scratch();
  const saved = join(dir, 'r.json');
  const run = ccsim(['run', SCENARIO, ...FAST, '--json', '--out', saved]);

  it.each(['html', 'md', 'csv', 'text'])('report r.json --format %s equals run --format %s', (format) => {
    expect(run.status, run.stderr).toBe(0);
    const direct = ccsim(['run', SCENARIO, ...FAST, '--format', format]);
    const again = ccsim(['report', saved, '--format', format]);
    expect(direct.status, direct.stderr).toBe(0);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout.length).toBeGreaterThan(1000);
    expect(again.stdout).toBe(direct.stdout);
  });

  it('writes the vega-lite specs beside an HTML --out', () => {
    const out = join(dir, 'report.html');
    const r = ccsim(['report', saved, '--format', 'html', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/wrote \d+ vega-lite specs to .*report\.vega/);
    const spec = JSON.parse(readFileSync(join(dir, 'report.vega', 'occupancy.vl.json'), 'utf8')) as { $schema: string; data: { values: unknown[] } };
    expect(spec.$schema).toMatch(/vega-lite\/v6/);
    expect(spec.data.values.length).toBeGreaterThan(0);
  });

  it.each([
    ['not JSON', 'not json', /not valid JSON/],
    ['a JSON array', '[]', /not a ccsim run result/],
    ['a scenario', '{"name":"x"}', /not a ccsim run result \(no schemaVersion\)/],
    ['a future schema', '{"schemaVersion": 99}', /schemaVersion 99 is not supported by this ccsim \(supported: 1\)/],
    ['a result without summary', '{"schemaVersion": 1, "scenario": "x", "seed": 1, "replications": 1, "serviceLevelDefinition": "offered", "horizonSec": 1, "warmupSec": 0, "intervalSec": 1, "intervals": []}', /summary: missing/],
  ])('rejects %s with exit 2', (_, text, message) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, text);
    const r = ccsim(['report', file, '--format', 'md']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('bad.json');
  });

  it('rejects a missing file with exit 2', () => {
    const r = ccsim(['report', join(dir, 'nope.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nope\.json: no such file/);
  });
});
