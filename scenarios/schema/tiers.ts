/**
 * How escalated work reaches Tier 2 and Tier 3 (DESIGN §2 item 5): `transfer` keeps the
 * customer on the line (patience applies again), `ticket` makes it asynchronous work with a
 * resolution-time target. Tier 1 receives no escalations, so it has no entry.
 */
import { z } from 'zod';
import { SCENARIO_LIMITS as L } from '../limits.js';
import { AT_KEY } from '../problem.js';
import { duration } from '../quantity.js';
import { SCENARIO_DEFAULTS as D } from './defaults.js';

const MODES = ['transfer', 'ticket'] as const;
const IF_NO_AGENT = ['wait', 'disconnect'] as const;

const tierSchema = (tier: 2 | 3, mode: (typeof MODES)[number]) =>
  z
    .strictObject({
      mode: z
        .enum(MODES, { error: `must be one of ${MODES.join(', ')}` })
        .optional()
        .meta({ description: `transfer (the customer waits on the line) or ticket (asynchronous); default ${mode}` }),
      target: duration({ min: 0, exclusive: true, max: L.maxHorizonSec }, `answer (transfer) or resolution (ticket) target at Tier ${tier}; default: the channel’s`).optional(),
      ifNoAgent: z
        .enum(IF_NO_AGENT, { error: `must be one of ${IF_NO_AGENT.join(', ')}` })
        .optional()
        .meta({
          description:
            `a transfer to Tier ${tier} that finds no free agent: wait (in the tier's queue, with the tier's patience) or disconnect ` +
            '(a blind transfer dropped at once, counted transferDisconnected); transfer mode only; default wait',
        }),
    })
    .superRefine((t, ctx) => {
      // A ticket is asynchronous work: nobody is on the line to be dropped.
      if (t.ifNoAgent !== undefined && (t.mode ?? mode) === 'ticket') {
        const message = `must be left out: Tier ${tier} receives tickets (mode ${t.mode === undefined ? 'ticket by default' : 'ticket'}), nobody is on the line to drop (set mode: transfer, or remove it)`;
        ctx.addIssue({ code: 'custom', message, input: t.ifNoAgent, path: ['ifNoAgent'], params: AT_KEY });
      }
    })
    .meta({ description: `how work escalated to Tier ${tier} is received` });

export const tiersSchema = z
  .strictObject({
    2: tierSchema(2, D.tier2Mode).optional(),
    3: tierSchema(3, D.tier3Mode).optional(),
  })
  .meta({ description: 'escalation modes and targets of Tier 2 and Tier 3; default: 2 transfer, 3 ticket, targets the channel’s' });

export type TiersSpec = z.output<typeof tiersSchema>;
