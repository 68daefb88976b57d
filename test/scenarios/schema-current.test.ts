// The committed scenarios/scenario.schema.json must equal what the zod schema generates now.
// When this fails after a schema change, regenerate it (after `npm run build`) with:
//   node dist/cli/main.js schema > scenarios/scenario.schema.json
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../../scenarios/json-schema.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('scenario.schema.json', () => {
  it('is current with the zod schema', () => {
    expect(readFileSync(`${root}/scenarios/scenario.schema.json`, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('is what `ccsim schema` prints', () => {
    const r = spawnSync(process.execPath, ['dist/cli/main.js', 'schema'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(scenarioJsonSchemaText());
  });

  it('is strict and describes durations as written', () => {
    const schema = JSON.parse(scenarioJsonSchemaText()) as { additionalProperties: unknown; required: string[]; properties: Record<string, { default?: unknown }> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['name', 'horizon', 'channels', 'agents']);
    expect(schema.properties.interval?.default).toBe('30m');
  });
});
