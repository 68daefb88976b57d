/**
 * Rules of `patienceByTier` (issue 12 item 11): patience is for customers waiting on the line,
 * so the field belongs to live channels, and a tier listed in it must receive transfers — a
 * ticket (the default at Tier 3) has nobody waiting to abandon.
 */
import type { Problem } from '../problem.js';
import { isRecord, kindOf, listOf, type Raw } from '../raw.js';
import { DEFERRED_KINDS, SCENARIO_DEFAULTS as D } from '../schema/defaults.js';

/** The escalation mode of tier 2 or 3 as written, else its default (2 transfer, 3 ticket). */
function modeOf(data: Raw, tier: 2 | 3): string {
  const tiers = isRecord(data.tiers) ? data.tiers : {};
  const entry = tiers[String(tier)];
  const mode = isRecord(entry) ? entry.mode : undefined;
  return typeof mode === 'string' ? mode : tier === 2 ? D.tier2Mode : D.tier3Mode;
}

export function tierPatienceProblems(data: Raw): Problem[] {
  return listOf(data.channels).flatMap((channel, i) => {
    const kind = kindOf(channel);
    if (!isRecord(channel) || !isRecord(channel.patienceByTier) || kind === undefined) return [];
    const path = ['channels', i, 'patienceByTier'];
    if ((DEFERRED_KINDS as readonly string[]).includes(kind)) {
      return [{ path, message: `applies to live channels only (voice, chat, messaging): ${kind} is deferred work, its customers do not abandon`, atKey: true }];
    }
    const own = channel.patienceByTier;
    return ([2, 3] as const).flatMap((tier): Problem[] => {
      const mode = modeOf(data, tier);
      if (!(String(tier) in own) || mode !== 'ticket') return [];
      const message = `must be left out: Tier ${tier} receives tickets (tiers.${tier}.mode is ticket), nobody waits on the line there to abandon (set tiers.${tier}.mode: transfer, or remove it)`;
      return [{ path: [...path, String(tier)], message, atKey: true }];
    });
  });
}
