/**
 * Field builders shared by the parts of the scenario schema: ids and priorities. (Durations,
 * counts and shares are in `../quantity.ts`.)
 */
import { z } from 'zod';
import { SCENARIO_LIMITS as L } from '../limits.js';

/**
 * Ids become JSON keys, CSV columns and `--set channels.<id>.…` selectors, so they start
 * with a letter (never a number that reads as an index) and contain no dots (nor "/",
 * which separates channel and type in a skill such as "voice/billing").
 */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
const ID_RULE = 'must be an id: a letter, then letters, digits, "-" or "_"';

export const id = (description: string) =>
  z
    .string({ error: ID_RULE })
    .max(L.maxIdLength, { error: `must be at most ${L.maxIdLength} characters` })
    .regex(ID_PATTERN, { error: ID_RULE })
    .meta({ description });

const PRIORITY_RULE = 'must be a priority P1 (most urgent) to P4, or 1 to 4';

/**
 * A queue priority, written `P1`–`P4` as service desks do, or `1`–`4`; parses to 1–4.
 * P1 is served first (DOMAIN: P1 = system down).
 */
export const priority = z
  .union(
    [
      z.string().regex(/^P[1-4]$/, { error: PRIORITY_RULE }),
      z.number().int({ error: PRIORITY_RULE }).min(1, { error: PRIORITY_RULE }).max(4, { error: PRIORITY_RULE }),
    ],
    { error: PRIORITY_RULE },
  )
  .transform((p): number => (typeof p === 'number' ? p : Number(p.slice(1))));
