/**
 * The scenario file (DESIGN §2, issue 2 item 6): what a planner writes. Strict objects, so
 * an unknown or misspelt key is an error rather than silently ignored; defaults filled.
 *
 * Parsing turns every duration into seconds (field names stay those of the file), so a
 * `Scenario` is the file's meaning with nothing left to interpret. Rules that relate fields
 * to each other (ids, horizon ÷ interval, volumes per interval) live in `consistency.ts`,
 * which runs on the raw data so that they are reported together with the rules here.
 *
 * Later issues extend this shape (kinds' physics, skills, tiers, schedules); they add
 * fields and never rename these.
 */
import { z } from 'zod';
import { CHANNEL_KINDS, SERVICE_LEVEL_DEFINITIONS } from '../engine/model.js';
import { distributionSchema } from './distribution.js';
import { SCENARIO_LIMITS as L } from './limits.js';
import { boundedNumber, duration, wholeNumber } from './quantity.js';

/** Defaults applied when a field is omitted (as written in a file). */
export const SCENARIO_DEFAULTS = {
  seed: 1,
  replications: 20,
  warmup: 0,
  interval: '30m',
  serviceLevelDefinition: 'excludeShortAbandons',
  targetWithin: '20s',
  targetLevel: 0.8,
} as const;

/**
 * Ids become JSON keys, CSV columns and `--set channels.<id>.…` selectors, so they start
 * with a letter (never a number that reads as an index) and contain no dots.
 */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
const ID_RULE = 'must be an id: a letter, then letters, digits, "-" or "_"';

const id = (description: string) =>
  z
    .string({ error: ID_RULE })
    .max(L.maxIdLength, { error: `must be at most ${L.maxIdLength} characters` })
    .regex(ID_PATTERN, { error: ID_RULE })
    .meta({ description });

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
  })
  .meta({ description: 'the arrival process: exactly one of perHour or volumes' });

const targetSchema = z
  .strictObject({
    within: duration({ min: 0, max: L.maxHorizonSec }, 'service-level threshold T').prefault(SCENARIO_DEFAULTS.targetWithin),
    level: z
      .number({ error: 'must be a share greater than 0 and at most 1, e.g. 0.8' })
      .gt(0, { error: 'must be a share greater than 0 and at most 1, e.g. 0.8' })
      .max(1, { error: 'must be a share greater than 0 and at most 1, e.g. 0.8' })
      .default(SCENARIO_DEFAULTS.targetLevel)
      .meta({ description: 'share of contacts to answer within T (0.8 for 80/20)' }),
  })
  .meta({ description: 'the service-level goal: `level` of contacts answered `within` T' });

export const channelSchema = z.strictObject({
  id: id('the channel id, used by agent groups and in results'),
  kind: z
    .enum(CHANNEL_KINDS, { error: `must be one of ${CHANNEL_KINDS.join(', ')}` })
    .meta({ description: 'voice, chat, email, social or messaging (only voice-like behaviour is simulated for now)' }),
  arrivals: arrivalsSchema,
  handle: distributionSchema.meta({ description: 'handle time (talk + hold + wrap-up) of one contact' }),
  patience: distributionSchema
    .nullable()
    .optional()
    .meta({ description: 'how long a customer waits before abandoning; omit (or null) for infinite patience' }),
  target: targetSchema.prefault({}),
});

export const agentGroupSchema = z.strictObject({
  id: id('the agent group id, used in results'),
  channels: z
    .array(id('a channel id'))
    .min(1, { error: 'must list at least one channel id' })
    .meta({ description: 'ids of the channels these agents serve' }),
  count: wholeNumber(0, L.maxAgentsPerGroup, 'agents', 'agents logged in over the whole horizon'),
});

export const scenarioSchema = z
  .strictObject({
    name: z.string({ error: 'must be a text' }).min(1, { error: 'must not be empty' }).meta({ description: 'shown in reports' }),
    description: z.string({ error: 'must be a text' }).optional().meta({ description: 'what the scenario models' }),
    seed: wholeNumber(0, Number.MAX_SAFE_INTEGER, 'the seed', 'base seed of every random stream').default(SCENARIO_DEFAULTS.seed),
    replications: wholeNumber(1, L.maxReplications, 'replications', 'independent runs of the day').default(
      SCENARIO_DEFAULTS.replications,
    ),
    horizon: duration({ min: 0, exclusive: true, max: L.maxHorizonSec }, 'length of the recorded day; a whole number of intervals'),
    warmup: duration({ min: 0, max: L.maxWarmupSec }, 'simulated before t=0 at the first interval’s rates, not recorded').prefault(
      SCENARIO_DEFAULTS.warmup,
    ),
    interval: duration({ min: L.minIntervalSec, max: L.maxHorizonSec }, 'reporting and planning interval').prefault(
      SCENARIO_DEFAULTS.interval,
    ),
    serviceLevel: z
      .strictObject({
        definition: z
          .enum(SERVICE_LEVEL_DEFINITIONS, { error: `must be one of ${SERVICE_LEVEL_DEFINITIONS.join(', ')}` })
          .default(SCENARIO_DEFAULTS.serviceLevelDefinition)
          .meta({ description: 'how service level counts abandons (DESIGN §3)' }),
      })
      .prefault({}),
    channels: z
      .array(channelSchema)
      .min(1, { error: 'must list at least one channel' })
      .max(L.maxChannels, { error: `must list at most ${L.maxChannels} channels` }),
    agents: z
      .array(agentGroupSchema)
      .min(1, { error: 'must list at least one agent group' })
      .max(L.maxGroups, { error: `must list at most ${L.maxGroups} agent groups` }),
  })
  .meta({ title: 'ccsim scenario', description: 'A contact-center scenario for ccsim (durations in seconds or like "6m")' });

/** A validated scenario, defaults filled, every duration in seconds. */
export type Scenario = z.output<typeof scenarioSchema>;
export type ChannelSpec = Scenario['channels'][number];
export type AgentGroupSpec = Scenario['agents'][number];
/** What a scenario file may contain before defaults are filled (durations as written). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
