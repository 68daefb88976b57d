/**
 * The scenario format as JSON Schema, generated from the zod schema so the two cannot
 * drift; committed as `scenarios/scenario.schema.json` for editors (YAML language servers
 * read it) and checked to be current by a test. Regenerate with
 * `node dist/cli/main.js schema > scenarios/scenario.schema.json`.
 *
 * It describes the file as written (`io: 'input'`): durations as seconds or unit strings,
 * defaults shown. Cross-field rules (ids, horizon ÷ interval) are beyond JSON Schema and
 * are enforced by `ccsim validate` only.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The committed file's exact text: two-space indentation and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
