/**
 * A weekly arrival pattern (issue 14): the compact form planners think in — a total, weights
 * by day of the week, and a curve over the day's intervals — so a week, a month or a year is
 * a few lines instead of one volume per interval. The arithmetic is in `../pattern.ts`; the
 * rules that relate the pattern to the horizon, the interval and `startDate` are there too.
 */
import { z } from 'zod';
import { WEEKDAY_NAMES, type Weekday } from '../dateTime.js';
import { SCENARIO_LIMITS as L } from '../limits.js';
import { AT_KEY } from '../problem.js';
import { boundedNumber } from '../quantity.js';

/** Relative weights are only ever divided by their sum; this bound keeps the sum finite. */
const MAX_WEIGHT = 1e9;

const weight = (description: string) => boundedNumber(0, MAX_WEIGHT, `must be a weight from 0 to ${MAX_WEIGHT.toExponential()}`, description);

const curveSchema = z
  .array(weight('relative volume of one interval of the day'), { error: 'must be a list of relative weights, one per interval of the day from dayStart' })
  .min(1, { error: 'must list at least one weight' })
  .max(L.maxIntervals, { error: `must list at most ${L.maxIntervals} weights` })
  // A negative weight is its own item's mistake; a list of zeros only is this one.
  .refine((w) => w.some((x) => x > 0) || w.some((x) => !(x >= 0)), { error: 'must have a weight above 0 (the curve is normalised by its sum)' })
  .meta({ description: 'relative volume of each interval of a day, from dayStart; normalised by its sum; intervals past its end get 0' });

const weekdayShape = <T extends z.ZodType>(field: (day: Weekday) => T) =>
  Object.fromEntries(WEEKDAY_NAMES.map((day) => [day, field(day)])) as Record<Weekday, T>;

const daysSchema = z
  .strictObject(weekdayShape((day) => weight(`relative volume of ${day}`)))
  .refine((d) => Object.values(d).some((w) => w > 0 || !(w >= 0)), { error: 'must give some weekday a weight above 0' })
  .meta({ description: 'relative volume of each weekday, mon … sun, all seven; normalised by their sum (weekly) or mean (daily); needs startDate' });

const curvesSchema = z
  .strictObject(weekdayShape(() => curveSchema.optional()))
  .meta({ description: 'a curve of its own for some weekdays (e.g. sat, sun), in place of `curve`; needs startDate' });

const total = (description: string) =>
  boundedNumber(0, L.maxArrivalsPerHour * 24 * 7, 'must be a number of contacts, 0 or more', description).optional();

export const patternSchema = z
  .strictObject({
    weekly: total('contacts in a whole week (7 days from the first); each day gets its weekday’s share'),
    daily: total('contacts on an average day: the same as weekly: 7 × daily'),
    days: daysSchema.optional(),
    curve: curveSchema,
    curves: curvesSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.weekly === undefined) === (p.daily === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'must give exactly one of weekly or daily (the total it spreads)', input: p, path: [], params: AT_KEY });
    }
  })
  .meta({
    description:
      'a weekly pattern: volume(day d, interval k) = weekly × days[weekday(d)] ÷ Σdays × curve[k] ÷ Σcurve (daily: D is weekly: 7D)',
  });

export type PatternSpec = z.output<typeof patternSchema>;
