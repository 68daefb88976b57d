/**
 * An agent group (DESIGN §2 items 3, 7): its tier, what it can take (`channels`, or `skills`
 * with ranks and overflow thresholds), when its agents work (a constant `count`, a count per
 * interval, or daily `shifts` with breaks), its shrinkage and its cost. Which of `channels`
 * and `skills`, `count` and `shifts` is given is a cross-field rule (`../consistency/`).
 */
import { z } from 'zod';
import { TIERS, WHEN_COUNT_DROPS, type Tier } from '../../engine/model.js';
import { duration, share, timeOfDay, boundedNumber, wholeNumber } from '../quantity.js';
import { SCENARIO_LIMITS as L } from '../limits.js';
import { SKILL_STRING_PATTERN, SKILL_STRING_RULE, splitSkillString } from '../skill.js';
import { id } from './common.js';
import { SCENARIO_DEFAULTS as D } from './defaults.js';
import { DAY_SEC } from '../../engine/time.js';

const skillObject = z
  .strictObject({
    channel: id('a channel id'),
    type: id('a contact type of that channel; default: every type').optional(),
    rank: wholeNumber(1, L.maxSkillRank, 'ranks', 'preference: rank 1 work is served first (blending: email at rank 2 waits for idle voice agents); default 1').default(D.skillRank),
    after: duration({ min: 0, max: L.maxHorizonSec }, 'overflow: the group takes a contact only once it has waited this long; default 0').prefault(D.skillAfter),
    groupRank: wholeNumber(1, L.maxSkillRank, 'ranks', 'the contact’s preference: a new contact of this skill tries groups of groupRank 1 first; default: rank (one rank sets both orders)').optional(),
    speed: boundedNumber(
      L.minSkillSpeed,
      L.maxSkillSpeed,
      `must be a speed factor from ${L.minSkillSpeed} to ${L.maxSkillSpeed} (1: the channel’s handle time)`,
      'proficiency: the group handles this work `speed` times as fast — each handle time it serves here is divided by it (1.25: 25% faster, 0.8: slower); a type’s skill overrides its channel’s; default 1',
    ).optional(),
  })
  .meta({ description: 'a skill with its preference rank, overflow threshold and speed' });

const skillString = z
  .string({ error: SKILL_STRING_RULE })
  .regex(new RegExp(SKILL_STRING_PATTERN), { error: SKILL_STRING_RULE })
  .transform((text) => ({ ...splitSkillString(text), rank: D.skillRank, after: D.skillAfter }) as SkillSpec)
  .meta({ description: '"channel" or "channel/type", rank 1, no overflow threshold' });

export interface SkillSpec {
  readonly channel: string;
  /** Absent: every type of the channel. */
  readonly type?: string;
  readonly rank: number;
  /** Seconds. */
  readonly after: number;
  /** Absent: `rank`. */
  readonly groupRank?: number;
  /** Handle times served under this skill are divided by it; absent: 1. */
  readonly speed?: number;
}

const skillSchema = z.union([skillString, skillObject], { error: `${SKILL_STRING_RULE}, or a mapping { channel, type, rank, groupRank, after, speed }` });

const breakSchema = z
  .strictObject({
    after: duration({ min: 0, max: DAY_SEC }, 'time from the start of the shift to the break'),
    length: duration({ min: 0, exclusive: true, max: DAY_SEC }, 'length of the break'),
  })
  .meta({ description: 'a break: scheduled but not available' });

const shiftSchema = z
  .strictObject({
    start: timeOfDay(DAY_SEC, true, 'time of day the shift starts (every day of the horizon)'),
    length: duration({ min: 0, exclusive: true }, 'length of the shift, breaks included; at most 24h').refine((seconds) => seconds <= DAY_SEC, {
      error: 'must be at most 24h (a shift is one day’s work; cover longer spans with several shifts)',
    }),
    count: wholeNumber(0, L.maxAgentsPerGroup, 'agents', 'agents working this shift'),
    breaks: z
      .array(breakSchema)
      .max(L.maxBreaksPerShift, { error: `must list at most ${L.maxBreaksPerShift} breaks` })
      .default([])
      .meta({ description: 'breaks inside the shift, each ending before the shift does' }),
  })
  .superRefine((shift, ctx) => {
    let previousEnd = 0;
    shift.breaks.forEach((b, i) => {
      const end = b.after + b.length;
      if (end >= shift.length) {
        const message = `must end before the shift does (ends ${fmt(end)} into a ${fmt(shift.length)} shift)`;
        ctx.addIssue({ code: 'custom', message, input: b, path: ['breaks', i] });
      } else if (b.after < previousEnd) {
        ctx.addIssue({ code: 'custom', message: `must start after the previous break ends (${fmt(previousEnd)} into the shift)`, input: b, path: ['breaks', i] });
      }
      previousEnd = Math.max(previousEnd, end);
    });
  })
  .meta({ description: 'a daily shift: `count` agents from `start` for `length`, with breaks' });

function fmt(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return m === 0 ? `${h}h` : `${h}h${m}m`;
}

const shrinkageSchema = z
  .strictObject({
    planned: share('share of scheduled time in meetings, training, coaching (not breaks given in shifts)', { below1: true }).default(0),
    period: duration({ min: 0, exclusive: true, max: DAY_SEC }, 'length of one planned-shrinkage period').prefault(D.shrinkagePeriod),
    absenteeism: share('probability that an agent misses a whole day', { below1: true }).default(0),
  })
  .meta({ description: 'shrinkage: planned (a share of scheduled time, in periods) and absenteeism; default none' });

const TIER_RULE = 'must be a tier: 1, 2 or 3';

export const agentGroupSchema = z.strictObject({
  id: id('the agent group id, used in results'),
  tier: z
    .number({ error: TIER_RULE })
    .refine((t) => (TIERS as readonly number[]).includes(t), { error: TIER_RULE })
    .transform((t) => t as Tier)
    .default(D.tier)
    .meta({ description: 'the support tier these agents work at (1 front line, 2, 3); default 1' }),
  channels: z
    .array(id('a channel id'))
    .min(1, { error: 'must list at least one channel id' })
    .optional()
    .meta({ description: 'ids of the channels these agents serve (every type, rank 1); or use skills' }),
  skills: z
    .array(skillSchema)
    .min(1, { error: 'must list at least one skill' })
    .max(L.maxSkillsPerGroup, { error: `must list at most ${L.maxSkillsPerGroup} skills` })
    .optional()
    .meta({ description: 'what these agents take, instead of channels: "voice", "voice/billing" or { channel, type, rank, after, speed }' }),
  count: z
    .union(
      [
        wholeNumber(0, L.maxAgentsPerGroup, 'agents', 'agents logged in over the whole horizon'),
        z
          .array(wholeNumber(0, L.maxAgentsPerGroup, 'agents', 'agents in this interval'))
          .max(L.maxIntervals, { error: `must list at most ${L.maxIntervals} intervals` })
          .meta({ description: 'agents on duty in each interval, one number per interval' }),
      ],
      { error: `must be a whole number of agents from 0 to ${L.maxAgentsPerGroup.toLocaleString('en-US')}, or a list of one such count per interval` },
    )
    .optional()
    .meta({ description: 'agents: a constant, or one count per interval; or use shifts' }),
  shifts: z
    .array(shiftSchema)
    .min(1, { error: 'must list at least one shift' })
    .max(L.maxShiftsPerGroup, { error: `must list at most ${L.maxShiftsPerGroup} shifts` })
    .optional()
    .meta({ description: 'daily shifts instead of count, repeated every day of the horizon' }),
  whenCountDrops: z
    .enum(WHEN_COUNT_DROPS, { error: `must be one of ${WHEN_COUNT_DROPS.join(', ')}` })
    .optional()
    .meta({
      description:
        'when the staffed count drops: byIdentity (the agent whose shift ends leaves, finishing its contact first, in overtime) or idleFirst (an idle colleague leaves in its stead; a busy agent leaves only when no one is idle, as it frees up); default byIdentity',
    }),
  shrinkage: shrinkageSchema.optional(),
  costPerHour: boundedNumber(
    0,
    L.maxCostPerHour,
    `must be a cost of 0 or more per agent-hour (at most ${L.maxCostPerHour.toLocaleString('en-US')})`,
    'cost of one scheduled agent-hour (and of overtime), in the scenario’s currency; default 0',
  ).default(D.costPerHour),
});

export type AgentGroupSpec = z.output<typeof agentGroupSchema>;
export type ShiftSpec = z.output<typeof shiftSchema>;
