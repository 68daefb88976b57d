/**
 * Rules of `conference` (issue 13 item 4): a second agent joins a call on the line, so the field
 * belongs to voice (a chat agent's sessions and email's backlog have no call to join), and it
 * names an agent group of the scenario.
 */
import type { Problem } from '../problem.js';
import { idsOf, isRecord, kindOf, listOf, type Raw } from '../raw.js';
import { didYouMean } from '../suggestion.js';

export function conferenceProblems(data: Raw): Problem[] {
  const groups = idsOf(data.agents);
  return listOf(data.channels).flatMap((channel, i): Problem[] => {
    const kind = kindOf(channel);
    if (!isRecord(channel) || !isRecord(channel.conference) || kind === undefined) return [];
    const path = ['channels', i, 'conference'];
    if (kind !== 'voice') return [{ path, message: `applies to voice channels only (this one is ${kind}): a second agent joins a call`, atKey: true }];
    const group = channel.conference.group;
    if (typeof group !== 'string' || groups.includes(group)) return [];
    const hint = didYouMean(group, groups);
    return [{ path: [...path, 'group'], message: `must name an agent group of this scenario (its groups: ${groups.join(', ')})${hint === undefined ? '' : ` ${hint}`}`, got: { value: group } }];
  });
}
