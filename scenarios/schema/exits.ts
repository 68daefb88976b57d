/**
 * How live contacts leave a queue other than by being answered or abandoning (issue 12 items 3
 * and 9): a maximum time in queue, and what the close does to those still waiting. Rules that
 * depend on the channel's kind (live channels only; a callback on voice only) are in
 * `../consistency/exits.ts`.
 */
import { z } from 'zod';
import { SCENARIO_LIMITS as L } from '../limits.js';
import { duration } from '../quantity.js';

export const MAX_WAIT_ACTIONS = ['message', 'callback'] as const;
export const AT_CLOSE = ['serve', 'disconnect'] as const;

export const maxWaitSchema = z
  .strictObject({
    after: duration({ min: 0, exclusive: true, max: L.maxHorizonSec }, 'longest a contact waits in the live queue, from its arrival'),
    then: z
      .enum(MAX_WAIT_ACTIONS, { error: `must be one of ${MAX_WAIT_ACTIONS.join(', ')}` })
      .default('message')
      .meta({ description: 'message: the caller leaves a message (counted apart, never answered); callback: the contact becomes callback work (voice); default message' }),
  })
  .meta({
    description: 'a maximum time in queue (live channels): a contact still waiting `after` its arrival leaves the queue — whichever comes first, this or its patience',
  });

export const atCloseSchema = z
  .enum(AT_CLOSE, { error: `must be one of ${AT_CLOSE.join(', ')}` })
  .meta({ description: 'live contacts still waiting at the end of the horizon: serve (agents on duty stay until the queue drains) or disconnect (cut off, counted disconnected); default serve' });
