/**
 * Who can take what (issue 4 items 3–4): every skill names a channel (and type) that
 * exists, every contact type reaches a Tier-1 group with agents, and every tier that
 * escalation sends work to has a group of that tier skilled for it — otherwise that work
 * would wait forever (or all abandon), which is a broken plan, not a result.
 */
import type { PathSegment, Problem } from '../problem.js';
import { given, idOf, idsOf, isRecord, listOf, numberOf, type Raw, shareOf } from '../raw.js';
import { skillTarget } from '../skill.js';
import { didYouMean } from '../suggestion.js';
import { typeIdsOf } from './contact-types.js';
import { agentsOf } from './staffing.js';

/** What one group covers: a channel id → the type ids it takes, or '*' for all. */
interface Coverage {
  readonly tier: number;
  /** `undefined` when the group's staffing is unreadable (its own field rule says why). */
  readonly agents: number | undefined;
  readonly takes: ReadonlyMap<string, ReadonlySet<string>>;
}

export function routingProblems(data: Raw): Problem[] {
  const channels = listOf(data.channels);
  const channelIds = idsOf(channels);
  const problems: Problem[] = [];
  const coverage: Coverage[] = [];
  listOf(data.agents).forEach((group, g) => {
    if (!isRecord(group)) return;
    if (given(group.channels) === given(group.skills)) {
      problems.push({ path: ['agents', g], message: 'must give exactly one of channels or skills', atKey: true });
    }
    const takes = new Map<string, Set<string>>();
    problems.push(...channelListProblems(group, g, channelIds, takes));
    problems.push(...skillProblems(group, g, channels, channelIds, takes));
    const tier = numberOf(group.tier) ?? 1;
    coverage.push({ tier, agents: agentsOf(group), takes });
  });
  if (!Array.isArray(data.channels) || !Array.isArray(data.agents)) return problems;
  const seen = new Set<string>();
  channels.forEach((channel, i) => {
    const id = idOf(channel);
    // A repeated id is reported as a duplicate; saying it is unserved again is noise.
    if (id === undefined || !isRecord(channel) || seen.has(id)) return;
    seen.add(id);
    problems.push(...servedProblems(channel, i, id, coverage), ...escalationProblems(channel, i, id, coverage));
  });
  return problems;
}

function channelListProblems(group: Raw, g: number, channelIds: readonly string[], takes: Map<string, Set<string>>): Problem[] {
  const seen = new Set<unknown>();
  return listOf(group.channels).flatMap((ref, k): Problem[] => {
    const path = ['agents', g, 'channels', k];
    if (typeof ref !== 'string') return [];
    if (seen.has(ref)) return [{ path, message: 'lists this channel twice', got: { value: ref } }];
    seen.add(ref);
    if (channelIds.includes(ref)) {
      addTake(takes, ref, '*');
      return [];
    }
    return [unknownChannel(path, ref, channelIds)];
  });
}

function skillProblems(group: Raw, g: number, channels: readonly unknown[], channelIds: readonly string[], takes: Map<string, Set<string>>): Problem[] {
  const seen = new Set<string>();
  return listOf(group.skills).flatMap((raw, k): Problem[] => {
    const target = skillTarget(raw);
    if (target === undefined) return [];
    const base: PathSegment[] = ['agents', g, 'skills', k];
    const objectForm = typeof raw !== 'string';
    if (!channelIds.includes(target.channel)) return [unknownChannel(objectForm ? [...base, 'channel'] : base, target.channel, channelIds)];
    const rank = isRecord(raw) ? (numberOf(raw.rank) ?? 1) : 1;
    const key = `${target.channel}/${target.type ?? '*'}@${rank}`;
    if (seen.has(key)) return [{ path: base, message: 'lists this skill twice (same channel, type and rank)', got: { value: raw } }];
    seen.add(key);
    if (target.type === undefined) {
      addTake(takes, target.channel, '*');
      return [];
    }
    const channel = channels.find((c) => idOf(c) === target.channel);
    const typePath = objectForm ? [...base, 'type'] : base;
    if (!isRecord(channel) || !Array.isArray(channel.types)) {
      const message = `names type "${target.type}", but channel "${target.channel}" declares no types (use "${target.channel}" for all its contacts)`;
      return [{ path: typePath, message, got: { value: objectForm ? target.type : raw } }];
    }
    const typeIds = typeIdsOf(channel);
    if (typeIds.includes(target.type)) {
      addTake(takes, target.channel, target.type);
      return [];
    }
    const problem: Problem = {
      path: typePath,
      message: `names no contact type of channel "${target.channel}" (its types are ${typeIds.join(', ')})`,
      got: { value: objectForm ? target.type : raw },
    };
    const hint = didYouMean(target.type, typeIds);
    return [hint === undefined ? problem : { ...problem, hint: objectForm ? hint : hint.replace(/"(.*)"/, `"${target.channel}/$1"`) }];
  });
}

function unknownChannel(path: PathSegment[], ref: string, channelIds: readonly string[]): Problem {
  const known = channelIds.length > 0 ? ` (channels are ${channelIds.join(', ')})` : '';
  const problem: Problem = { path, message: `names no channel of this scenario${known}`, got: { value: ref } };
  const hint = didYouMean(ref, channelIds);
  return hint === undefined ? problem : { ...problem, hint };
}

function addTake(takes: Map<string, Set<string>>, channel: string, type: string): void {
  const set = takes.get(channel) ?? new Set<string>();
  set.add(type);
  takes.set(channel, set);
}

const covers = (c: Coverage, channel: string, type: string | undefined): boolean => {
  const set = c.takes.get(channel);
  return set !== undefined && (type === undefined ? set.size > 0 : set.has('*') || set.has(type));
};

/** Every channel (and each of its types) needs Tier-1 agents: otherwise its contacts queue forever. */
function servedProblems(channel: Raw, i: number, id: string, coverage: readonly Coverage[]): Problem[] {
  const path = ['channels', i, 'id'];
  const tier1 = coverage.filter((c) => c.tier === 1 && covers(c, id, undefined));
  if (tier1.length === 0) {
    const higher = coverage.some((c) => covers(c, id, undefined));
    const message = higher
      ? `no tier-1 agent group serves this channel (groups of tier 2 and 3 take only escalated work; add "${id}" to the channels of a tier-1 group)`
      : `no agent group serves this channel (add "${id}" to the channels of a group in agents)`;
    return [{ path, message, got: { value: id } }];
  }
  // An unreadable count (`count: abc`) is reported by its field rule: no cascade from it.
  const unreadable = tier1.some((c) => c.agents === undefined);
  if (!unreadable && tier1.reduce((sum, c) => sum + (c.agents ?? 0), 0) === 0 && !given(channel.patience)) {
    const message = 'is served by 0 agents and its customers never abandon, so every contact would wait forever';
    return [{ path, message, got: { value: id } }];
  }
  if (!Array.isArray(channel.types)) return [];
  return listOf(channel.types).flatMap((type, j): Problem[] => {
    const typeId = idOf(type);
    if (typeId === undefined || tier1.some((c) => covers(c, id, typeId))) return [];
    const message = `no tier-1 agent group serves this contact type (add the skill "${id}/${typeId}" or "${id}" to a tier-1 group)`;
    return [{ path: ['channels', i, 'types', j, 'id'], message, got: { value: typeId } }];
  });
}

/** Escalation probabilities of a raw `escalate` mapping: [to Tier 2, Tier 2 → Tier 3]. */
function escalationOf(escalate: unknown): readonly [number, number] {
  if (!isRecord(escalate)) return [0, 0];
  const p = (step: unknown) => (isRecord(step) ? (shareOf(step.probability) ?? 0) : 0);
  return [p(escalate.tier2), p(escalate.tier3)];
}

function escalationProblems(channel: Raw, i: number, id: string, coverage: readonly Coverage[]): Problem[] {
  const declared = Array.isArray(channel.types);
  // One problem per place the probability is written: an inherited channel `escalate` is
  // reported once, naming every type it leaves stranded.
  const stranded = new Map<string, { path: PathSegment[]; tier: number; labels: string[]; agentsOnly: boolean }>();
  const typeEntries = declared ? listOf(channel.types) : [undefined];
  typeEntries.forEach((type, j) => {
    const typeId = declared ? idOf(type) : undefined;
    if (declared && typeId === undefined) return;
    const own = isRecord(type) && given(type.escalate);
    const escalate = own ? (type as Raw).escalate : channel.escalate;
    const base: PathSegment[] = own ? ['channels', i, 'types', j, 'escalate'] : ['channels', i, 'escalate'];
    const [toTier2, toTier3] = escalationOf(escalate);
    const reaches: readonly [number, boolean][] = [
      [2, toTier2 > 0],
      [3, toTier2 > 0 && toTier3 > 0],
    ];
    for (const [tier, sent] of reaches) {
      if (!sent) continue;
      const groups = coverage.filter((c) => c.tier === tier && covers(c, id, typeId));
      if (groups.length > 0 && groups.some((c) => c.agents === undefined || c.agents > 0)) continue;
      const path = [...base, `tier${tier}`, 'probability'];
      const key = path.join('.');
      const entry = stranded.get(key) ?? { path, tier, labels: [], agentsOnly: groups.length > 0 };
      entry.labels.push(typeId === undefined ? id : `${id}/${typeId}`);
      stranded.set(key, entry);
    }
  });
  return [...stranded.values()].map(({ path, tier, labels, agentsOnly }) => {
    const what = labels.map((l) => `"${l}"`).join(', ');
    const message = agentsOnly
      ? `sends work to Tier ${tier}, but the tier-${tier} groups serving ${what} have 0 agents`
      : `sends work to Tier ${tier}, but no tier-${tier} agent group serves ${what} (add a group with tier: ${tier} and the skill ${labels.length === 1 ? what : `"${id}"`})`;
    return { path, message };
  });
}
