/**
 * The scenario file (DESIGN §2): what a planner writes. Strict objects, so an unknown or
 * misspelt key is an error rather than silently ignored; defaults filled.
 *
 * Parsing turns every duration into seconds (field names stay those of the file), so a
 * `Scenario` is the file's meaning with nothing left to interpret. Rules that relate fields
 * to each other (ids, horizon ÷ interval, volumes per interval, skills naming channels and
 * types, kinds' physics) live in `consistency.ts`, which runs on the raw data so that they
 * are reported together with the rules here.
 *
 * The parts are in `schema/`: channels (`channel.ts`, `contact-type.ts`), agent groups
 * (`group.ts`), tiers (`tiers.ts`), the `sweep:` block of `ccsim sweep` (`sweep.ts`). Later
 * issues add fields and never rename these.
 */
import { z } from 'zod';
import { AGENT_SELECTIONS, SERVICE_LEVEL_DEFINITIONS } from '../engine/model.js';
import { ASSERTION_PATTERN, ASSERTION_RULE, readAssertion } from './assertion.js';
import { SCENARIO_LIMITS as L } from './limits.js';
import { calendarDate, duration, timeOfDay, wholeNumber } from './quantity.js';
import { campaignSchema } from './schema/campaign.js';
import { channelSchema } from './schema/channel.js';
import { SCENARIO_DEFAULTS } from './schema/defaults.js';
import { agentGroupSchema } from './schema/group.js';
import { lineGroupSchema } from './schema/lineGroup.js';
import { sweepSchema } from './schema/sweep.js';
import { tiersSchema } from './schema/tiers.js';
import { variantsSchema } from './schema/variant.js';
import { DAY_SEC } from '../engine/time.js';

export { ID_PATTERN } from './schema/common.js';
export { SCENARIO_DEFAULTS, TARGET_WITHIN_BY_KIND, DEFERRED_KINDS, CONCURRENT_KINDS } from './schema/defaults.js';
export { channelSchema, type ChannelSpec, type DeflectionSpec } from './schema/channel.js';
export { patternSchema, type PatternSpec } from './schema/pattern.js';
export { agentGroupSchema, type AgentGroupSpec, type ShiftSpec, type SkillSpec } from './schema/group.js';
export { type ContactTypeSpec, type EscalateSpec } from './schema/contact-type.js';
export { type TiersSpec } from './schema/tiers.js';
export { sweepSchema, type SweepBlock } from './schema/sweep.js';
export { campaignSchema, type CampaignSpec } from './schema/campaign.js';

const assertionSchema = z
  .string({ error: ASSERTION_RULE })
  .max(L.maxAssertLength, { error: `must be at most ${L.maxAssertLength} characters` })
  .regex(new RegExp(ASSERTION_PATTERN), { error: ASSERTION_RULE })
  .superRefine((text, ctx) => {
    const read = readAssertion(text);
    // A text not of the form is reported by the pattern; here only a bound with an unknown unit.
    if (!read.ok && read.failed === 'unit') ctx.addIssue({ code: 'custom', message: `must be an assertion: ${read.reason}`, input: text });
  })
  .meta({
    description:
      'a check on the results, "<path> <op> <bound>": e.g. "channels.voice.serviceLevel >= 0.8" (or 80%), "channels.voice.asaSec <= 20s"',
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
    dayStart: timeOfDay(
      DAY_SEC,
      true,
      'the time of day at time 0 (the start of the horizon), e.g. "08:00"; shift starts, open hours and forecast clock times are read against it; default 00:00',
    ).prefault(SCENARIO_DEFAULTS.dayStart),
    startDate: calendarDate(
      'the calendar date of time 0 (with dayStart its time of day): labels show dates, weekly patterns and forecast date-times are read against it; default none (labels show clock times)',
    ).optional(),
    serviceLevel: z
      .strictObject({
        definition: z
          .enum(SERVICE_LEVEL_DEFINITIONS, { error: `must be one of ${SERVICE_LEVEL_DEFINITIONS.join(', ')}` })
          .default(SCENARIO_DEFAULTS.serviceLevelDefinition)
          .meta({ description: 'how service level counts abandons (DESIGN §3)' }),
      })
      .prefault({}),
    tiers: tiersSchema.prefault({}),
    channels: z
      .array(channelSchema)
      .min(1, { error: 'must list at least one channel' })
      .max(L.maxChannels, { error: `must list at most ${L.maxChannels} channels` }),
    lineGroups: z
      .array(lineGroupSchema)
      .max(L.maxLineGroups, { error: `must list at most ${L.maxLineGroups} line groups` })
      .optional()
      .meta({ description: 'trunk lines shared by several channels (a channel alone: its `lines`)' }),
    agents: z
      .array(agentGroupSchema)
      .min(1, { error: 'must list at least one agent group' })
      .max(L.maxGroups, { error: `must list at most ${L.maxGroups} agent groups` }),
    routing: z
      .strictObject({
        agentSelection: z
          .enum(AGENT_SELECTIONS, { error: `must be one of ${AGENT_SELECTIONS.join(', ')}` })
          .optional()
          .meta({
            description:
              'which idle agent a new contact goes to, among the eligible groups of its best groupRank: longestIdle (the agent idle longest), random (uniformly), groupOrder (the first group in order, its agent idle longest); default longestIdle',
          }),
      })
      .optional()
      .meta({ description: 'the router’s choices (README, “Routing”); default: longest idle' }),
    campaigns: z
      .array(campaignSchema)
      .max(L.maxCampaigns, { error: `must list at most ${L.maxCampaigns} campaigns` })
      .optional()
      .meta({ description: 'outbound campaigns worked by blended groups between inbound contacts (README, “Outbound campaigns”)' }),
    assert: z
      .array(assertionSchema)
      .max(L.maxAsserts, { error: `must list at most ${L.maxAsserts} assertions` })
      .default([])
      .meta({ description: 'checks that `ccsim check` evaluates on the results; stored, not run, by validate and run' }),
    sweep: sweepSchema.optional(),
    variants: variantsSchema.optional(),
  })
  .meta({ title: 'ccsim scenario', description: 'A contact-center scenario for ccsim (durations in seconds or like "6m")' });

/** A validated scenario, defaults filled, every duration in seconds. */
export type Scenario = z.output<typeof scenarioSchema>;
/** What a scenario file may contain before defaults are filled (durations as written). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
