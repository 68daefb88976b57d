/**
 * The `variants:` block (issue 14): named what-ifs of the scenario, each a list of patches
 * applied before the command line's `--set` by `--variant NAME`. A patch is an override as
 * `--set` takes it (`channels.voice.volume*=1.2`, `agents.team-a.count+=5`) or a one-key
 * mapping from a path to any value, so a variant can replace a list outright
 * (`{ agents.team-b.skills: [chat, "voice:2"] }`). The patches' paths and operators are
 * checked here; their values are validated like the scenario itself when the variant is used
 * (and by `ccsim validate`, which tries every variant).
 */
import { z } from 'zod';
import { SCENARIO_LIMITS as L } from '../limits.js';
import { OverrideError, splitOverride } from '../overrides.js';
import { ID_PATTERN } from './common.js';

const PATCH_RULE = 'must be an override like "agents[0].count+=5" or a one-key mapping { path: value }';

const patchText = z.string({ error: PATCH_RULE }).superRefine((text, ctx) => {
  try {
    splitOverride(text);
  } catch (err) {
    if (!(err instanceof OverrideError)) throw err;
    ctx.addIssue({ code: 'custom', message: err.message, input: text });
  }
});

const patchMapping = z.record(z.string(), z.unknown()).superRefine((patch, ctx) => {
  const keys = Object.keys(patch);
  if (keys.length !== 1) {
    ctx.addIssue({ code: 'custom', message: "must have exactly one key, the path", input: patch });
    return;
  }
  try {
    splitOverride(`${keys[0] ?? ''}=null`);
  } catch (err) {
    if (!(err instanceof OverrideError)) throw err;
    ctx.addIssue({ code: 'custom', message: err.message, input: keys[0], path: [keys[0] ?? ''] });
  }
});

const variantSchema = z
  .strictObject({
    description: z.string({ error: 'must be text' }).max(500, { error: 'must be at most 500 characters' }).optional(),
    set: z
      .array(z.union([patchText, patchMapping], { error: PATCH_RULE }))
      .min(1, { error: 'must list at least one patch' })
      .max(L.maxVariantPatches, { error: `must list at most ${L.maxVariantPatches} patches` })
      .meta({ description: 'the patches, in order: overrides as --set takes them, or { path: value } mappings' }),
  })
  .meta({ description: 'a named what-if: `--variant NAME` applies its patches before --set' });

export const variantsSchema = z
  .record(z.string().regex(ID_PATTERN, { error: 'must be a variant name: a letter, then letters, digits, "-" or "_"' }), variantSchema)
  .superRefine((variants, ctx) => {
    const count = Object.keys(variants).length;
    if (count > L.maxVariants) ctx.addIssue({ code: 'custom', message: `must name at most ${L.maxVariants} variants (got ${count})`, input: count });
  })
  .meta({ description: 'named what-ifs of this scenario, used with --variant NAME' });

export type VariantsSpec = z.output<typeof variantsSchema>;

/** A variant's patches as `--set` overrides: a mapping `{ path: value }` becomes `path=<value as JSON>`. */
export function variantOverrides(patches: VariantsSpec[string]['set']): string[] {
  return patches.map((patch) => {
    if (typeof patch === 'string') return patch;
    const [path, value] = Object.entries(patch)[0] ?? ['', null];
    return `${path}=${JSON.stringify(value)}`;
  });
}
