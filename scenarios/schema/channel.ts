/**
 * A channel (DESIGN §2): its arrivals, handle time, patience and target, and the physics of
 * its kind — sessions for chat, a backlog for email and social, retrials and callbacks for
 * voice — plus self-service deflection, contact types and repeats. Rules that depend on the
 * kind (no patience on email, concurrency only on chat) are cross-field rules, checked in
 * `../consistency/channel-kind.ts` so they are reported with every other mistake.
 */
import { z } from 'zod';
import { DEFAULT_REPEAT_DELAY } from '../../engine/defaults.js';
import { CHANNEL_KINDS, type DistSpec } from '../../engine/model.js';
import { distributionSchema } from '../distribution.js';
import { parseDuration } from '../duration.js';
import { SCENARIO_LIMITS as L } from '../limits.js';
import { boundedNumber, duration, share, timeOfDay, wholeNumber } from '../quantity.js';
import { id } from './common.js';
import { contactTypeSchema, escalateSchema, fcrField, priorityField } from './contact-type.js';
import { SCENARIO_DEFAULTS as D, TARGET_WITHIN_BY_KIND } from './defaults.js';
import { atCloseSchema, maxWaitSchema } from './exits.js';
import { overdispersionSchema } from './overdispersion.js';
import { patternSchema } from './pattern.js';
import { DAY_SEC } from '../../engine/time.js';

const arrivalsSchema = z
  .strictObject({
    perHour: boundedNumber(
      0,
      L.maxArrivalsPerHour,
      `must be a number of contacts per hour from 0 to ${L.maxArrivalsPerHour.toLocaleString('en-US')}`,
      'a constant Poisson arrival rate, contacts per hour',
    ).optional(),
    volumes: z
      .array(z.number({ error: 'must be a number of contacts, 0 or more' }).min(0, { error: 'must be a number of contacts, 0 or more' }))
      .max(L.maxIntervals, { error: `must list at most ${L.maxIntervals} intervals` })
      .optional()
      .meta({ description: 'expected contacts in each interval of the horizon, one number per interval' }),
    forecast: z
      .string({ error: 'must be the path of a CSV file' })
      .min(1, { error: 'must be the path of a CSV file' })
      .optional()
      .meta({
        description:
          'a forecast CSV, relative to the scenario file: columns interval_start,volume or interval_start,channel,volume, ' +
          'optionally with aht and patience (each interval’s means: they fill ahtByInterval and patienceByInterval), ' +
          'one row per interval in order; interval_start is a date-time ("2026-03-02T08:30", read with startDate and dayStart), ' +
          'a clock time ("08:30", read with dayStart), seconds or a duration from the start',
      }),
    pattern: patternSchema.optional(),
    scale: boundedNumber(
      0,
      L.maxArrivalScale,
      `must be a factor from 0 to ${L.maxArrivalScale}`,
      'a what-if multiplier of the volume, whichever form it has (perHour, volumes, forecast, pattern): 1.15 is +15%; default 1',
    ).default(1),
  })
  .meta({ description: 'the arrival process: exactly one of perHour, volumes, forecast or pattern' });

/**
 * A mean per interval of the horizon (issue 12 item 4): how many items is checked with the
 * horizon (consistency/intervalMeans.ts), like `arrivals.volumes`.
 */
function perIntervalMeans(what: string, description: string) {
  return z
    .array(duration({ min: 0, exclusive: true, max: L.maxDistributionSec }, what))
    .max(L.maxIntervals, { error: `must list at most ${L.maxIntervals} intervals` })
    .optional()
    .meta({ description });
}

/**
 * Patience of a customer waiting for a Tier-2 or Tier-3 transfer (issue 12 item 11): a
 * distribution of its own, or null for one who waits as long as it takes; a tier left out
 * keeps the channel's `patience` (drawn afresh for that tier, as before the field existed).
 */
const patienceByTierSchema = z
  .strictObject({
    2: distributionSchema.nullable().optional().meta({ description: 'patience waiting for a Tier-2 transfer; null: never abandons there; default the channel’s patience' }),
    3: distributionSchema.nullable().optional().meta({ description: 'patience waiting for a Tier-3 transfer; null: never abandons there; default the channel’s patience' }),
  })
  .meta({ description: 'patience of its own at Tier 2 and Tier 3 transfers (customers waiting for a specialist are often more patient); live channels, transfer tiers only' });

/** A second agent on a share of the calls (issue 13 item 4): rules with other fields in consistency/conference.ts. */
const conferenceSchema = z
  .strictObject({
    probability: share('share of the channel’s Tier-1 calls that bring in a second agent'),
    group: id('the agent group the second agent comes from (its longest idle agent joins)'),
    duration: distributionSchema.meta({ description: 'how long the second agent stays on the call, from the answer (at most the talk)' }),
  })
  .meta({
    description:
      'conferences (voice): a share of the calls bring in a second agent of `group` when answered, busy for `duration`; ' +
      'a call that finds none idle goes on without one (counted conferencesSkipped)',
  });

const targetSchema = z
  .strictObject({
    within: duration({ min: 0, max: L.maxHorizonSec }, 'service-level threshold T; default by kind: voice 20s, chat and messaging 2m, social 1h, email 24h (resolution time for email and social)').optional(),
    level: share('share of contacts to answer (email, social: resolve) within T: 0.8 for 80/20', { above0: true }).default(D.targetLevel),
  })
  .meta({ description: 'the service-level goal: `level` of contacts answered `within` T' });

const deflectionReturnSchema = z
  .strictObject({
    share: share('share of deflected contacts that come back (self-service did not solve it)'),
    delay: distributionSchema.meta({ description: 'delay before a deflected contact comes back, as a new contact that skips self-service' }),
  })
  .meta({ description: 'deflected contacts that bounce back later' });

const deflectionObject = z.strictObject({
  share: share('share contained by self-service (IVR, bot, knowledge base) before reaching agents', { below1: true }),
  residualHandle: boundedNumber(0.01, 100, 'must be a factor from 0.01 to 100 (1: unchanged)', 'handle times of contacts that get through are multiplied by this (self-service takes the easy ones: often > 1)').default(
    D.residualHandle,
  ),
  returns: deflectionReturnSchema.optional(),
});

const deflectionSchema = z
  .union([share('share contained by self-service before reaching agents', { below1: true }), deflectionObject], {
    error: 'must be a share less than 1, or a mapping { share, residualHandle, returns }',
  })
  .meta({ description: 'self-service deflection: a share (0.3), or { share, residualHandle, returns: { share, delay } }' });

const openHoursSchema = z
  .strictObject({
    start: timeOfDay(DAY_SEC, true, 'time of day the queue starts being worked'),
    end: timeOfDay(DAY_SEC, false, 'time of day work stops (after start, at most 24:00)'),
  })
  .superRefine((hours, ctx) => {
    if (hours.start >= hours.end) ctx.addIssue({ code: 'custom', message: 'must be after start', input: hours.end, path: ['end'] });
  })
  .meta({ description: 'hours of the day when a deferred channel’s backlog is worked (email, social); default: always' });

const retrialSchema = z
  .strictObject({
    probability: share('probability that a customer who abandoned tries again'),
    delay: distributionSchema.meta({ description: 'time between abandoning and trying again' }),
    sameCaller: z
      .boolean({ error: 'must be true or false' })
      .optional()
      .meta({
        description:
          'true: a retrial is the same caller — it keeps its handle times, patience and choices, and the run reports a customer view ' +
          '(summary.customers: callers counted once, waits from the first attempt); default false: a fresh contact per attempt',
      }),
  })
  .meta({ description: 'abandoners who call again (counted as retrials); needs patience' });

const callbackSchema = z
  .strictObject({
    after: duration({ min: 0, max: L.maxHorizonSec }, 'wait after which callers are offered a callback'),
    share: share('share of callers offered a callback who accept it'),
    target: duration({ min: 0, exclusive: true, max: L.maxHorizonSec }, 'time within which a callback should be made').prefault(
      D.callbackTarget,
    ),
  })
  .meta({ description: 'virtual hold (voice): callers still waiting after `after` take a callback with probability `share`' });

export const channelSchema = z
  .strictObject({
    id: id('the channel id, used by agent groups and in results'),
    kind: z
      .enum(CHANNEL_KINDS, { error: `must be one of ${CHANNEL_KINDS.join(', ')}` })
      .meta({ description: 'voice, chat, messaging (live, with patience), email or social (deferred: a backlog, no abandonment)' }),
    arrivals: arrivalsSchema,
    overdispersion: overdispersionSchema,
    initialBacklog: wholeNumber(0, L.maxInitialBacklog, 'contacts', 'contacts already waiting at time 0; default 0').default(D.initialBacklog),
    lines: wholeNumber(1, L.maxLines, 'lines', 'trunk lines of this channel alone: each live contact holds one from arrival until it leaves (waiting, talking, transferred); an arrival finding none free is blocked; default unlimited').optional(),
    queueCapacity: wholeNumber(0, L.maxLines, 'contacts', 'at most this many of the channel’s contacts wait at once; an arrival that finds no free agent and a full queue is blocked; default unlimited').optional(),
    handle: distributionSchema.meta({ description: 'handle time of one contact at Tier 1 (talk + hold, and wrap-up unless afterContactWork gives it apart); the default of its types' }),
    afterContactWork: distributionSchema.optional().meta({
      description:
        'after-contact work (wrap-up) of the Tier-1 agent once the customer has left: the agent stays busy this long before new work; ' +
        'counted in occupancy and AHT (talk + wrap-up), not in the customer’s time; the default of its types; default none',
    }),
    patience: distributionSchema
      .nullable()
      .optional()
      .meta({ description: 'how long a customer waits before abandoning; omit (or null) for infinite patience; not for email or social' }),
    patienceByTier: patienceByTierSchema.optional(),
    ahtByInterval: perIntervalMeans(
      'mean Tier-1 handle time of the contacts arriving in this interval',
      'mean Tier-1 handle time per interval of the horizon (AHT as WFM forecasts give it), one duration per interval: ' +
        'each contact’s Tier-1 handle draw (every type’s) is multiplied by this interval’s value ÷ the mean of `handle`, ' +
        'so the distribution keeps its shape; Tiers 2–3 unchanged. Also a forecast CSV’s `aht` column',
    ),
    patienceByInterval: perIntervalMeans(
      'mean patience of the contacts arriving in this interval',
      'mean Tier-1 patience per interval of the horizon, one duration per interval (needs `patience`, whose draws it scales ' +
        'like ahtByInterval scales handle times). Also a forecast CSV’s `patience` column',
    ),
    target: targetSchema.prefault({}),
    deflection: deflectionSchema.optional(),
    concurrency: wholeNumber(1, L.maxConcurrency, 'sessions', 'sessions an agent holds at once (chat, messaging only); default 1').optional(),
    sessionHandleFactor: boundedNumber(1, 10, 'must be a factor from 1 to 10 (1: no slowdown)', 'each extra session held multiplies handle time by 1 + (factor − 1)·(sessions − 1); default 1').optional(),
    openHours: openHoursSchema.optional(),
    retrial: retrialSchema.optional(),
    callback: callbackSchema.optional(),
    maxWait: maxWaitSchema.optional(),
    atClose: atCloseSchema.optional(),
    conference: conferenceSchema.optional(),
    priority: priorityField('the channel’s types; default P3'),
    fcr: fcrField('the channel’s types; default 1 (no repeats)'),
    escalate: escalateSchema.optional().meta({ description: 'escalation of the channel’s types (a type’s own `escalate` replaces it); default none' }),
    repeatDelay: distributionSchema.optional().meta({ description: 'delay before a repeat contact comes back; default exponential, mean 1d' }),
    types: z
      .array(contactTypeSchema)
      .min(1, { error: 'must list at least one contact type (or leave types out)' })
      .max(L.maxTypesPerChannel, { error: `must list at most ${L.maxTypesPerChannel} contact types` })
      .optional()
      .meta({ description: 'contact types; default: one type named after the channel' }),
  })
  .transform((c) => {
    const { deflection, target, concurrency, sessionHandleFactor, repeatDelay, priority, fcr, ...rest } = c;
    return {
      ...rest,
      target: { within: target.within ?? kindTargetSec(c.kind), level: target.level },
      deflection: normalDeflection(deflection),
      concurrency: concurrency ?? D.concurrency,
      sessionHandleFactor: sessionHandleFactor ?? D.sessionHandleFactor,
      repeatDelay: repeatDelay ?? (DEFAULT_REPEAT_DELAY as DistSpec),
      priority: priority ?? D.priority,
      fcr: fcr ?? D.fcr,
    };
  });

function kindTargetSec(kind: keyof typeof TARGET_WITHIN_BY_KIND): number {
  const parsed = parseDuration(TARGET_WITHIN_BY_KIND[kind]);
  if (!parsed.ok) throw new Error(`bad default target for ${kind}`);
  return parsed.seconds;
}

type DeflectionInput = z.output<typeof deflectionSchema> | undefined;

export interface DeflectionSpec {
  readonly share: number;
  readonly residualHandle: number;
  readonly returns: { readonly share: number; readonly delay: DistSpec } | null;
}

function normalDeflection(d: DeflectionInput): DeflectionSpec {
  if (d === undefined) return { share: D.deflection, residualHandle: D.residualHandle, returns: null };
  if (typeof d === 'number') return { share: d, residualHandle: D.residualHandle, returns: null };
  return { share: d.share, residualHandle: d.residualHandle, returns: d.returns ?? null };
}

export type ChannelSpec = z.output<typeof channelSchema>;
