/**
 * The `sweep:` block (issue 6): what `ccsim sweep` varies when no `--vary` is given — a
 * `grid` of every combination, named `variants`, or random / Latin-hypercube `samples`.
 * It is part of the scenario format (issue 17), so `ccsim validate` checks it with the usual
 * `file:line:col sweep.grid.agents[0].count: rule (got X)` and editors see it in the JSON
 * Schema; `ccsim run` and `check` ignore it. workers/sweepBlock.ts turns the parsed block
 * into points. Field paths are those of `--set`; values as `--vary` reads them
 * (../sweepValues.ts).
 *
 * ```yaml
 * sweep:
 *   grid:                          # first key varies slowest
 *     agents[0].count: 30..45      # a range, a range with a step 30..45:5, or a list
 *     channels[0].handle.mean: [5m, 6m]
 * ```
 */
import { z } from 'zod';
import { SCENARIO_LIMITS as L } from '../limits.js';
import { AT_KEY, BAD_KEY } from '../problem.js';
import { wholeNumber } from '../quantity.js';
import { type ParameterValue, readFieldPath, readValues } from '../sweepValues.js';

const MAX = L.maxSweepPoints;
const FIELD_PATH_EXAMPLE = 'agents[0].count or channels.voice.handle.mean';
const SCALAR_RULE = 'must be a number, a duration or a word';

/** A mapping from field paths (as `--set` takes them) to `value`; at least one entry. */
function byFieldPath<T extends z.ZodType>(value: T, what: string, description: string) {
  return z
    .record(z.string(), value, { error: `must map field paths (${FIELD_PATH_EXAMPLE}) to ${what}` })
    .superRefine((entries, ctx) => {
      for (const path of Object.keys(entries)) {
        const read = readFieldPath(path);
        if (!read.ok) ctx.addIssue({ code: 'custom', message: `must be a field path such as ${FIELD_PATH_EXAMPLE}: ${read.reason}`, path: [path], params: BAD_KEY });
      }
    })
    .meta({ description });
}

const nonEmpty = (entries: Readonly<Record<string, unknown>>): boolean => Object.keys(entries).length > 0;

const scalar = z
  .union([z.number(), z.string(), z.boolean(), z.null()], { error: SCALAR_RULE })
  .meta({ description: 'a value as --set reads it: a number, a duration ("5m") or a word' });

/** A grid dimension: a range string, a comma list, one value, or a list of values. */
const gridValues = z
  .union([z.number(), z.string(), z.array(scalar).min(1, { error: 'must list at least one value' })], {
    error: 'must be a range such as 30..45 (or 30..45:5), a comma list such as 0.2,0.3, or a list of values',
  })
  .transform((spec, ctx): ParameterValue[] => {
    if (typeof spec === 'number') return [spec];
    if (Array.isArray(spec)) return spec;
    const read = readValues(spec);
    if (read.ok) return read.value;
    ctx.issues.push({ code: 'custom', message: read.reason, input: spec });
    return z.NEVER;
  })
  .meta({ description: 'the values: a range "30..45", a range with a step "30..45:5", a comma list "0.2,0.3", or a YAML list' });

const gridSchema = byFieldPath(gridValues, 'their values', 'every combination of these fields\u2019 values; the first field varies slowest')
  .refine(nonEmpty, { error: 'must map at least one field path to its values, e.g. { agents[0].count: 30..45 }' })
  .superRefine((grid, ctx) => {
    const points = Object.values(grid).reduce((n, values) => n * (Array.isArray(values) ? values.length : 1), 1);
    if (points > MAX) ctx.addIssue({ code: 'custom', message: `makes ${points} points; a sweep may have at most ${MAX}`, input: grid });
  });

const variantSchema = z
  .strictObject(
    {
      name: z
        .string({ error: 'must be a name (a non-empty text)' })
        .trim()
        .min(1, { error: 'must be a name (a non-empty text)' })
        .meta({ description: 'the point\u2019s name in results and for --baseline' }),
      set: byFieldPath(scalar, 'values', 'the overrides that make this variant, path: value; default none').default({}),
    },
    { error: 'must be a mapping { name, set }' },
  )
  .meta({ description: 'a named point: the scenario with these overrides' });

const variantsSchema = z
  .array(variantSchema)
  .min(1, { error: 'must list at least one variant { name, set }' })
  .max(MAX, { error: `must list at most ${MAX} variants` })
  .superRefine((variants, ctx) => {
    const first = new Map<string, number>();
    variants.forEach((v, i) => {
      const earlier = first.get(v.name);
      if (earlier === undefined) first.set(v.name, i);
      else ctx.addIssue({ code: 'custom', message: `duplicate variant name (also variants[${earlier}].name)`, input: v.name, path: [i, 'name'] });
    });
  })
  .meta({ description: 'named points, each a set of overrides' });

const rangeSchema = z
  .strictObject(
    {
      min: z.number({ error: 'must be a number' }).meta({ description: 'smallest value' }),
      max: z.number({ error: 'must be a number' }).meta({ description: 'largest value' }),
      integer: z.boolean({ error: 'must be true or false' }).default(false).meta({ description: 'draw whole numbers from min..max (agent counts); default false' }),
    },
    { error: 'must be a mapping { min, max, integer }' },
  )
  .superRefine((r, ctx) => {
    if (r.min > r.max) ctx.addIssue({ code: 'custom', message: 'must be at least min', input: r.max, path: ['max'] });
    else if (r.integer && !(Number.isInteger(r.min) && Number.isInteger(r.max))) {
      ctx.addIssue({ code: 'custom', message: 'must have whole min and max when integer is true', input: r });
    }
  })
  .meta({ description: 'the range a sampled field is drawn from' });

const samplesSchema = z
  .strictObject(
    {
      method: z
        .enum(['lhs', 'random'], { error: 'must be one of lhs, random' })
        .default('lhs')
        .meta({ description: 'lhs (Latin hypercube: every stratum of every range once) or random; default lhs' }),
      count: wholeNumber(1, MAX, 'samples', 'points to draw'),
      seed: wholeNumber(0, Number.MAX_SAFE_INTEGER, 'the seed', 'seed of the draw (not of the simulation); default 1').default(1),
      ranges: byFieldPath(rangeSchema, '{ min, max, integer }', 'the fields to sample and their ranges').refine(nonEmpty, {
        error: 'must map at least one field path to { min, max }',
      }),
    },
    { error: 'must be a mapping { method, count, seed, ranges }' },
  )
  .meta({ description: 'random or Latin-hypercube samples of the fields\u2019 ranges, named sample-0, sample-1, …' });

const KINDS = ['grid', 'variants', 'samples'] as const;

export const sweepSchema = z
  .strictObject(
    {
      grid: gridSchema.optional(),
      variants: variantsSchema.optional(),
      samples: samplesSchema.optional(),
    },
    { error: 'must be a mapping with one of grid, variants or samples' },
  )
  .superRefine((block, ctx) => {
    const given = KINDS.filter((k) => block[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `must have exactly one of grid, variants or samples (got ${given.length === 0 ? 'none' : given.join(', ')})`, input: block, params: AT_KEY });
    }
  })
  // Exactly one of the three keys, for editors: the object is strict, so one property is one of them.
  .meta({ description: 'what `ccsim sweep` varies when no --vary is given: exactly one of grid, variants or samples; ignored by run and check', minProperties: 1, maxProperties: 1 });

/** A parsed `sweep:` block: values read, defaults filled. */
export type SweepBlock = z.output<typeof sweepSchema>;
