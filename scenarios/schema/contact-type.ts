/**
 * Contact types (the intake taxonomy: billing, bug, outage…) and their escalation to Tier 2
 * and Tier 3. A channel's `priority`, `fcr` and `escalate` are the defaults of its types;
 * a channel without `types` is one type named after the channel.
 */
import { z } from 'zod';
import { distributionSchema } from '../distribution.js';
import { share } from '../quantity.js';
import { id, priority } from './common.js';

const escalationStep = (tier: 2 | 3, from: string) =>
  z
    .strictObject({
      probability: share(`probability that a contact handled at ${from} goes on to Tier ${tier}`),
      handle: distributionSchema
        .optional()
        .meta({ description: `handle time at Tier ${tier}; default: the handle time at ${from}` }),
    })
    .meta({ description: `escalation to Tier ${tier}` });

export const escalateSchema = z
  .strictObject({
    tier2: escalationStep(2, 'Tier 1').optional(),
    tier3: escalationStep(3, 'Tier 2').optional(),
  })
  .meta({ id: 'escalate', description: 'escalation after service: tier2.probability from Tier 1, tier3.probability of a Tier-2 contact' });

export type EscalateSpec = z.output<typeof escalateSchema>;

export const priorityField = (of: string) =>
  priority.optional().meta({ description: `queue priority of ${of}: P1 (most urgent, served first) to P4, or 1–4` });

export const fcrField = (of: string) =>
  share(`first-contact resolution of ${of}: a share 1 − fcr comes back as a repeat contact`, { above0: true }).optional();

export const contactTypeSchema = z
  .strictObject({
    id: id('the contact type id (unique within its channel), used by skills ("voice/billing") and in results'),
    share: share('share of the channel’s contacts (those reaching agents) of this type; the shares of a channel sum to 1'),
    priority: priorityField('this type; default: the channel’s'),
    handle: distributionSchema.optional().meta({ description: 'Tier-1 handle time of this type; default: the channel’s handle' }),
    afterContactWork: distributionSchema.optional().meta({ description: 'after-contact work (wrap-up) of this type’s Tier-1 agent; default: the channel’s afterContactWork' }),
    escalate: escalateSchema.optional().meta({ description: 'escalation of this type; replaces the channel’s `escalate`' }),
    fcr: fcrField('this type; default: the channel’s'),
  })
  .meta({ description: 'a contact type of the channel: its share, priority, handle time and escalation' });

export type ContactTypeSpec = z.output<typeof contactTypeSchema>;
