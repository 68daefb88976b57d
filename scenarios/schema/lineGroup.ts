/**
 * Trunk line groups (issue 12 item 1): lines shared by several live channels, e.g. one
 * carrier trunk for the sales and service numbers. A channel's own `lines: N` is the
 * one-channel case; a channel is in at most one group (consistency/lines.ts).
 */
import { z } from 'zod';
import { SCENARIO_LIMITS as L } from '../limits.js';
import { wholeNumber } from '../quantity.js';
import { id } from './common.js';

export const lineGroupSchema = z
  .strictObject({
    id: id('the line group id, used in results'),
    lines: wholeNumber(1, L.maxLines, 'lines', 'trunk lines shared by the channels'),
    channels: z
      .array(z.string({ error: 'must be a channel id' }))
      .min(1, { error: 'must list at least one channel' })
      .max(L.maxChannels, { error: `must list at most ${L.maxChannels} channels` })
      .meta({ description: 'the live channels (voice, chat, messaging) whose contacts hold these lines' }),
  })
  .meta({ description: 'trunk lines shared by channels: an arrival on any of them that finds every line held is blocked' });

export type LineGroupSpec = z.output<typeof lineGroupSchema>;
