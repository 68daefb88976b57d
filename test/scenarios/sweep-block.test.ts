// The `sweep:` block is part of the scenario format (issue 17): `ccsim validate` accepts it and
// checks it with file:line:col errors, the JSON Schema describes it, and `ccsim sweep` reports
// its mistakes in the same words, from the same zod schema.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../scenarios/json-schema.js';
import { ccsim, ROOT } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-sweep-block-'));
const base = readFileSync(join(ROOT, 'scenarios/classic-80-20.yaml'), 'utf8');

/** The classic scenario with a sweep block appended (its first line is line 23). */
function withBlock(name: string, block: string): string {
  const file = join(dir, name);
  writeFileSync(file, `${base.trimEnd()}\n${block}`);
  return file;
}
const FIRST_BLOCK_LINE = base.trimEnd().split('\n').length + 1;

describe('the sweep: block in the scenario format', () => {
  it('validate accepts a grid, variants and samples', () => {
    for (const block of [
      'sweep:\n  grid:\n    agents[0].count: 34..36\n    channels[0].handle.mean: [5m, 6m]\n',
      'sweep:\n  variants:\n    - name: today\n    - name: plus-two\n      set:\n        agents[0].count: 37\n',
      'sweep:\n  samples:\n    method: lhs\n    count: 4\n    ranges:\n      agents[0].count: { min: 30, max: 40, integer: true }\n',
    ]) {
      const r = ccsim(['validate', withBlock('ok.yaml', block)]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('validate reports a bad block as file:line:col path: rule (got X), every mistake at once', () => {
    const file = withBlock('bad.yaml', 'sweep:\n  grid:\n    agents[0].count: 36..34\n    channels[0].handle.mean: []\n');
    const r = ccsim(['validate', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:${FIRST_BLOCK_LINE + 2}:22 sweep.grid.agents[0].count: the range must go up (36 is above 34) (got "36..34")`);
    expect(r.stderr).toContain(`${file}:${FIRST_BLOCK_LINE + 3}:30 sweep.grid.channels[0].handle.mean: must list at least one value (got [])`);
  });

  it.each([
    ['two kinds at once', 'sweep:\n  grid: { seed: 1..2 }\n  variants: [{ name: a }]\n', ':1 sweep: must have exactly one of grid, variants or samples (got grid, variants)'],
    ['an unknown kind', 'sweep:\n  gird: { seed: 1..2 }\n', ':3 sweep.gird: unknown key (did you mean "grid"?)'],
    ['a duplicate variant name', 'sweep:\n  variants:\n    - name: a\n    - name: a\n', ':13 sweep.variants[1].name: duplicate variant name (also variants[0].name) (got "a")'],
    ['a sample count of 0', 'sweep:\n  samples:\n    count: 0\n    ranges: { seed: { min: 1, max: 2 } }\n', ':12 sweep.samples.count: must be a whole number of samples from 1 to 10,000 (got 0)'],
    ['an integer range with a fraction', 'sweep:\n  samples:\n    count: 2\n    ranges:\n      seed: { min: 1.5, max: 2, integer: true }\n', ':13 sweep.samples.ranges.seed: must have whole min and max when integer is true'],
    ['a path that is not a field path', 'sweep:\n  grid:\n    agents[0]count: 1..2\n', ':5 sweep.grid.agents[0]count: must be a field path such as agents[0].count or channels.voice.handle.mean: expected "." or "[" before "count" (got "agents[0]count")'],
    ['a block that is not a mapping', 'sweep: 3\n', ':8 sweep: must be a mapping with one of grid, variants or samples (got 3)'],
    ['a grid of too many points', 'sweep:\n  grid:\n    seed: 1..200\n    replications: 1..100\n', ':5 sweep.grid: makes 20000 points; a sweep may have at most 10000'],
    ['an empty variant list', 'sweep:\n  variants: []\n', ':13 sweep.variants: must list at least one variant { name, set }'],
    ['empty ranges', 'sweep:\n  samples: { count: 2, ranges: {} }\n', ':32 sweep.samples.ranges: must map at least one field path to { min, max }'],
  ])('validate rejects %s', (_what, block, message) => {
    const file = withBlock('broken.yaml', block);
    const r = ccsim(['validate', file]);
    expect(r.status).toBe(2);
    // The message's own ":col" follows the block's line.
    const [col, text] = [message.slice(0, message.indexOf(' ')), message.slice(message.indexOf(' ') + 1)];
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+${col} `));
    expect(r.stderr).toContain(text);
  });

  it('ccsim sweep reports the same mistake in the same words, before anything runs', () => {
    const file = withBlock('bad-sweep.yaml', 'sweep:\n  grid:\n    agents[0].count: 36..34\n');
    const r = ccsim(['sweep', file, '--replications', '2', '--workers', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`ccsim: ${file}:${FIRST_BLOCK_LINE + 2}:22 sweep.grid.agents[0].count: the range must go up (36 is above 34) (got "36..34")\n`);
  });

  it('ccsim sweep runs the block; ccsim run ignores it', () => {
    const file = withBlock('runs.yaml', 'sweep:\n  variants:\n    - name: today\n    - name: plus-one\n      set:\n        agents[0].count: 36\n');
    const swept = ccsim(['sweep', file, '--replications', '2', '--workers', '0', '--set', 'horizon=1h', '--json']);
    expect(swept.status, swept.stderr).toBe(0);
    expect((JSON.parse(swept.stdout) as { points: { name: string }[] }).points.map((p) => p.name)).toEqual(['today', 'plus-one']);
    expect(ccsim(['run', file, '--replications', '2', '--set', 'horizon=1h', '--json']).status).toBe(0);
  });

  it('ccsim sweep prints the base scenario\'s warnings once, not once per point', () => {
    const file = withBlock('six.yaml', 'sweep:\n  grid:\n    agents[0].count: 34..36\n');
    writeFileSync(file, readFileSync(file, 'utf8').replace('mean: 6m', 'mean: 6'));
    const r = ccsim(['sweep', file, '--replications', '2', '--workers', '0', '--set', 'horizon=1h', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('ccsim: warning: six.yaml:17:40 channels[0].handle.mean: 6 means 6 seconds; write 6m for minutes (or 6s to keep seconds)\n');
  });

  it('is in the JSON Schema: exactly one of grid, variants, samples, each described', () => {
    const schema = scenarioJsonSchema() as { properties: { sweep?: { properties: Record<string, { description?: string }>; minProperties?: number; maxProperties?: number; additionalProperties?: unknown } } };
    const sweep = schema.properties.sweep;
    expect(sweep).toBeDefined();
    expect(Object.keys(sweep?.properties ?? {})).toEqual(['grid', 'variants', 'samples']);
    expect(sweep).toMatchObject({ minProperties: 1, maxProperties: 1, additionalProperties: false });
    for (const kind of Object.values(sweep?.properties ?? {})) expect(kind.description).toBeTruthy();
  });
});
