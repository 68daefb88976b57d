/**
 * Rules of trunk lines and queue capacity (issue 12 item 1): they limit live contacts, so
 * deferred channels (email, social: a backlog, nobody on a line) take neither; a line group
 * names channels that exist, each once, and a channel has its own `lines` or belongs to one
 * group, not both.
 */
import type { Problem } from '../problem.js';
import { given, idOf, idsOf, isRecord, kindOf, listOf, type Raw } from '../raw.js';
import { DEFERRED_KINDS } from '../schema/defaults.js';
import { didYouMean } from '../suggestion.js';

export function lineProblems(data: Raw): Problem[] {
  const problems: Problem[] = [];
  const channels = listOf(data.channels);
  const ids = idsOf(data.channels);
  const kindById = new Map(channels.map((c) => [idOf(c), kindOf(c)]));
  const deferred = (kind: string): boolean => (DEFERRED_KINDS as readonly string[]).includes(kind);
  channels.forEach((channel, i) => {
    const kind = kindOf(channel);
    if (!isRecord(channel) || kind === undefined || !deferred(kind)) return;
    for (const field of ['lines', 'queueCapacity'] as const) {
      if (given(channel[field])) problems.push({ path: ['channels', i, field], message: `applies to live channels only (voice, chat, messaging): ${kind} is a backlog, not a line`, atKey: true });
    }
  });
  const groupOf = new Map<string, string>();
  listOf(data.lineGroups).forEach((group, g) => {
    if (!isRecord(group)) return;
    const groupId = idOf(group) ?? `lineGroups[${g}]`;
    listOf(group.channels).forEach((name, k) => {
      const path = ['lineGroups', g, 'channels', k];
      if (typeof name !== 'string') return;
      if (!ids.includes(name)) {
        const hint = didYouMean(name, ids);
        problems.push({ path, message: `must name a channel of this scenario (its channels: ${ids.join(', ')})${hint === undefined ? '' : ` ${hint}`}`, got: { value: name } });
        return;
      }
      const kind = kindById.get(name);
      if (kind !== undefined && deferred(kind)) {
        problems.push({ path, message: `must be a live channel (voice, chat, messaging): ${name} is ${kind}, a backlog`, got: { value: name } });
        return;
      }
      const earlier = groupOf.get(name);
      if (earlier !== undefined) {
        problems.push({ path, message: `is already in line group ${earlier}: a channel holds lines of one group`, got: { value: name } });
        return;
      }
      groupOf.set(name, groupId);
      const i = channels.findIndex((c) => idOf(c) === name);
      const channel = channels[i];
      if (isRecord(channel) && given(channel.lines)) {
        problems.push({ path: ['channels', i, 'lines'], message: `must be left out: channel ${name} holds the lines of line group ${groupId}`, atKey: true });
      }
    });
  });
  return problems;
}
