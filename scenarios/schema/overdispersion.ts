/**
 * Day-level forecast error of a channel's volume (DESIGN §2; issue 12 item 7): a number is
 * the cv of the channel's own Gamma(mean 1) multiplier of each day's rates; `{ cv, shared }`
 * makes the channels naming the same factor draw ONE multiplier a day between them (a busy
 * day is busy on every channel). Members of a factor give the same cv
 * (consistency/sharedOverdispersion.ts): the factor is one random quantity, not one per channel.
 */
import { z } from 'zod';
import { SCENARIO_LIMITS as L } from '../limits.js';
import { boundedNumber } from '../quantity.js';
import { id } from './common.js';
import { SCENARIO_DEFAULTS as D } from './defaults.js';

const cvRule = `must be a coefficient of variation from 0 to ${L.maxOverdispersion}`;
const cv = (description: string) => boundedNumber(0, L.maxOverdispersion, cvRule, description);

const sharedFactor = z
  .strictObject({
    cv: cv('cv of the day-level Gamma(mean 1) multiplier; every channel naming the same `shared` factor gives the same cv'),
    shared: id('the name of a day-level busyness factor: channels naming it draw one multiplier a day between them (correlated forecast error); its own random stream, keyed by this name').optional(),
  })
  .meta({ description: 'a day-level multiplier of the arrival rates: { cv } (the channel’s own) or { cv, shared: NAME } (one factor shared by the channels that name it)' });

export const overdispersionSchema = z
  .union([cv('cv of the channel’s own day-level Gamma(mean 1) multiplier of the arrival rates (forecast error)'), sharedFactor], {
    error: `${cvRule}, or a mapping { cv, shared }`,
  })
  .default(D.overdispersion)
  .meta({
    description:
      'day-level forecast error: a number is the cv of the channel’s own Gamma(mean 1) multiplier of each day’s arrival rates; ' +
      '{ cv, shared: NAME } draws one multiplier a day shared by every channel naming NAME; default 0',
  });

export type OverdispersionSpec = z.output<typeof overdispersionSchema>;

/** The cv, whichever form was written. */
export const overdispersionCv = (o: OverdispersionSpec): number => (typeof o === 'number' ? o : o.cv);

/** The shared factor's name, or undefined for the channel's own factor. */
export const overdispersionShared = (o: OverdispersionSpec): string | undefined => (typeof o === 'number' ? undefined : o.shared);
