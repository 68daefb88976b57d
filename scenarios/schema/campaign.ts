/**
 * Outbound campaigns (issue 13 items 1–3): a top-level `campaigns:` list of what blended
 * groups dial between inbound work — who dials (`groups`), how (`dialer`), how much (`list`,
 * `dialsPerHour`), whom they reach (`reach`) and for how long (`handle`, `patience`,
 * `ringTime`, `preview`). Rules that relate fields (groups that exist, one value per interval,
 * `ratio` for predictive only, `preview` for preview only) are in `../consistency/campaigns.ts`.
 */
import { z } from 'zod';
import { DIALER_MODES } from '../../engine/model.js';
import { distributionSchema } from '../distribution.js';
import { SCENARIO_LIMITS as L } from '../limits.js';
import { boundedNumber, duration, wholeNumber } from '../quantity.js';
import { id } from './common.js';

/**
 * A number in [min, max], or a list of one per interval of the horizon (the count is checked
 * with the horizon, consistency/campaigns.ts). A plain number check (no transform) in the list,
 * so a bad item is reported at its index.
 */
function perInterval(min: number, max: number, rule: string, description: string) {
  const one = boundedNumber(min, max, rule, description);
  return z
    .union([one, z.array(one).min(1, { error: 'must list one value per interval' }).max(L.maxIntervals, { error: `must list at most ${L.maxIntervals} intervals` })], {
      error: `${rule}, or a list of one such number per interval`,
    })
    .meta({ description });
}

const dialerSchema = z
  .strictObject({
    mode: z
      .enum(DIALER_MODES, { error: `must be one of ${DIALER_MODES.join(', ')}` })
      .meta({ description: 'preview: an agent is reserved and reads the record before the dial; progressive: one call per idle agent, the agent held for it; predictive: ratio × spare idle agents ringing at once, no agent held (answered parties may find none: abandoned)' }),
    ratio: boundedNumber(1, L.maxDialRatio, `must be a number from 1 to ${L.maxDialRatio}`, 'predictive only: calls ringing per spare idle agent (1 dials like progressive without holding the agent); default 1').optional(),
    reserve: wholeNumber(0, L.maxAgentsTotal, 'agents', 'idle agents of its groups kept for inbound: the dialer dials only while more are idle; default 0').default(0),
    maxQueue: wholeNumber(0, L.maxAgentsTotal, 'contacts', 'dial only while the live inbound queues of the channels its groups serve hold at most this many; default no limit').optional(),
  })
  .meta({ description: 'how the campaign dials (README, “Outbound campaigns”)' });

export const campaignSchema = z
  .strictObject({
    id: id('the campaign id, used in results'),
    groups: z
      .array(z.string({ error: 'must be an agent group id' }))
      .min(1, { error: 'must list at least one agent group' })
      .max(L.maxGroups, { error: `must list at most ${L.maxGroups} agent groups` })
      .meta({ description: 'the agent groups that dial it and talk to its parties (between their inbound work)' }),
    dialer: dialerSchema,
    list: wholeNumber(0, L.maxArrivalsPerHour * 24, 'records', 'records dialed at most per day (days of 24 h from the start); default no limit').optional(),
    dialsPerHour: perInterval(
      0,
      L.maxArrivalsPerHour,
      `must be a number of dials per hour from 0 to ${L.maxArrivalsPerHour.toLocaleString('en-US')}`,
      'the most dials started per hour: one rate, or one per interval (at most ⌈rate × interval⌉ dials an interval); default no limit',
    ).optional(),
    reach: perInterval(0, 1, 'must be a probability from 0 to 1', 'probability that a dial reaches the right party (right-party contact): one, or one per interval'),
    handle: distributionSchema.meta({ description: 'talk and wrap time of a connected outbound call' }),
    patience: distributionSchema
      .optional()
      .meta({ description: 'how long an answered party waits for an agent before hanging up (predictive dialing only): dropped calls are abandoned (nuisance) calls; default constant 2s (Ofcom’s 2-second rule)' }),
    ringTime: distributionSchema.optional().meta({ description: 'time from the dial to the answer, or to giving up with no answer; default constant 20s' }),
    preview: duration({ min: 0, max: L.maxDistributionSec }, 'preview only: time the reserved agent reads the record before the dial; default 0').optional(),
  })
  .meta({ description: 'an outbound campaign worked by blended agent groups between inbound contacts' });

export type CampaignSpec = z.output<typeof campaignSchema>;
