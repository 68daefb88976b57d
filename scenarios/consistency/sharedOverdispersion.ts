/**
 * Rules of a shared day-level factor (issue 12 item 7): the channels naming one factor draw
 * one Gamma(mean 1, cv) multiplier a day, so they must agree on its cv (a per-channel
 * exponent would give each member a different mean or need a distribution ccsim does not
 * have; see docs/decisions.md), and a factor named by one channel alone is most likely a
 * misspelt name, which would silently leave both channels uncorrelated.
 */
import type { Problem } from '../problem.js';
import { idOf, isRecord, listOf, numberOf, type Raw } from '../raw.js';
import { ID_PATTERN } from '../schema/common.js';
import { didYouMean } from '../suggestion.js';

interface Member {
  readonly index: number;
  readonly cv: number | undefined;
}

export function sharedOverdispersionProblems(data: Raw): Problem[] {
  const members = new Map<string, Member[]>();
  listOf(data.channels).forEach((channel, index) => {
    if (!isRecord(channel) || !isRecord(channel.overdispersion)) return;
    const { shared, cv } = channel.overdispersion;
    if (typeof shared !== 'string' || !ID_PATTERN.test(shared)) return; // the field rule reports a bad name
    members.set(shared, [...(members.get(shared) ?? []), { index, cv: numberOf(cv) }]);
  });
  const names = [...members.keys()];
  const problems: Problem[] = [];
  for (const [name, list] of members) {
    const first = list[0]!;
    if (list.length === 1) {
      const hint = didYouMean(name, names.filter((other) => other !== name));
      const message = `must name a factor shared with another channel: no other channel names "${name}" (write a number for the channel’s own factor)`;
      problems.push({ path: ['channels', first.index, 'overdispersion', 'shared'], message, got: { value: name }, ...(hint === undefined ? {} : { hint }) });
      continue;
    }
    const firstId = idOf(listOf(data.channels)[first.index]) ?? `channels[${first.index}]`;
    for (const other of list.slice(1)) {
      if (first.cv === undefined || other.cv === undefined || other.cv === first.cv) continue;
      const message = `must equal the cv of the other channels sharing factor "${name}" (${firstId} gives ${first.cv}): one multiplier a day has one cv`;
      problems.push({ path: ['channels', other.index, 'overdispersion', 'cv'], message, got: { value: other.cv } });
    }
  }
  return problems;
}
