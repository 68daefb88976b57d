/**
 * Rules that relate fields to each other: unique ids, groups naming channels that exist,
 * every channel served, the horizon a whole number of intervals, one volume per interval.
 * They run on the raw data (not zod's output) so they are reported in the same pass as
 * the field rules, and they skip quietly whatever a field rule already rejects.
 */
import { parseDuration } from './duration.js';
import { SCENARIO_LIMITS as L } from './limits.js';
import { type PathSegment, type Problem } from './problem.js';
import { SCENARIO_DEFAULTS } from './schema.js';
import { didYouMean } from './suggestion.js';

type Raw = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const listOf = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const idOf = (v: unknown): string | undefined => (isRecord(v) && typeof v.id === 'string' ? v.id : undefined);

export function checkConsistency(data: Raw): Problem[] {
  const intervals = intervalCount(data);
  return [
    ...intervals.problems,
    ...duplicateIds(listOf(data.channels), 'channels', 'channel'),
    ...duplicateIds(listOf(data.agents), 'agents', 'agent group'),
    ...listOf(data.channels).flatMap((channel, i) => arrivalProblems(channel, ['channels', i, 'arrivals'], intervals)),
    ...groupChannelProblems(data),
    ...servedProblems(data),
    ...totalAgentProblems(data),
  ];
}

interface Intervals {
  readonly count?: number;
  readonly intervalSec?: number;
  readonly problems: Problem[];
}

/** horizon ÷ interval, when both are valid durations; a problem when it is not whole. */
function intervalCount(data: Raw): Intervals {
  const horizon = parseDuration(data.horizon);
  const interval = parseDuration(data.interval ?? SCENARIO_DEFAULTS.interval);
  const usable = horizon.ok && interval.ok && horizon.seconds > 0 && horizon.seconds <= L.maxHorizonSec;
  if (!usable || interval.seconds < L.minIntervalSec) return { problems: [] };
  const ratio = horizon.seconds / interval.seconds;
  const count = Math.round(ratio);
  if (Math.abs(ratio - count) > 1e-9 * Math.max(1, ratio)) {
    const message = `must be a whole number of intervals (interval ${String(data.interval ?? SCENARIO_DEFAULTS.interval)} gives ${ratio.toFixed(2)})`;
    return { problems: [{ path: ['horizon'], message, got: { value: data.horizon } }] };
  }
  if (count > L.maxIntervals) {
    const message = `makes ${count} intervals over the horizon; at most ${L.maxIntervals} are allowed (use a longer interval)`;
    return { problems: [{ path: ['interval'], message, got: { value: data.interval } }] };
  }
  return { count, intervalSec: interval.seconds, problems: [] };
}

function duplicateIds(items: readonly unknown[], list: string, noun: string): Problem[] {
  const firstIndex = new Map<string, number>();
  const problems: Problem[] = [];
  items.forEach((item, i) => {
    const id = idOf(item);
    if (id === undefined) return;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, i);
    else problems.push({ path: [list, i, 'id'], message: `duplicate ${noun} id (also ${list}[${first}].id)`, got: { value: id } });
  });
  return problems;
}

function arrivalProblems(channel: unknown, path: PathSegment[], intervals: Intervals): Problem[] {
  if (!isRecord(channel) || !isRecord(channel.arrivals)) return [];
  const { perHour, volumes } = channel.arrivals;
  if ((perHour === undefined) === (volumes === undefined)) {
    return [{ path, message: 'must give exactly one of perHour or volumes', got: { value: channel.arrivals } }];
  }
  if (!Array.isArray(volumes) || intervals.count === undefined || intervals.intervalSec === undefined) return [];
  if (volumes.length !== intervals.count) {
    const message = `must list one volume per interval: ${intervals.count} intervals, ${volumes.length} listed`;
    return [{ path: [...path, 'volumes'], message }];
  }
  const perHourFactor = 3600 / intervals.intervalSec;
  const tooHigh = volumes.findIndex((v) => typeof v === 'number' && v * perHourFactor > L.maxArrivalsPerHour);
  if (tooHigh < 0) return [];
  const message = `must be at most ${L.maxArrivalsPerHour.toLocaleString('en-US')} contacts per hour (${L.maxArrivalsPerHour / perHourFactor} per interval)`;
  return [{ path: [...path, 'volumes', tooHigh], message, got: { value: volumes[tooHigh] } }];
}

function groupChannelProblems(data: Raw): Problem[] {
  const channelIds = [...new Set(listOf(data.channels).map(idOf).filter((id): id is string => id !== undefined))];
  if (!Array.isArray(data.channels)) return [];
  return listOf(data.agents).flatMap((group, g) => {
    if (!isRecord(group)) return [];
    const seen = new Set<unknown>();
    return listOf(group.channels).flatMap((ref, k): Problem[] => {
      const path = ['agents', g, 'channels', k];
      if (typeof ref !== 'string') return [];
      if (seen.has(ref)) return [{ path, message: 'lists this channel twice', got: { value: ref } }];
      seen.add(ref);
      if (channelIds.includes(ref)) return [];
      const known = channelIds.length > 0 ? ` (channels are ${channelIds.join(', ')})` : '';
      const problem: Problem = { path, message: `names no channel of this scenario${known}`, got: { value: ref } };
      const hint = didYouMean(ref, channelIds);
      return [hint === undefined ? problem : { ...problem, hint }];
    });
  });
}

/** Every channel needs agents: otherwise its contacts queue forever (or all abandon). */
function servedProblems(data: Raw): Problem[] {
  if (!Array.isArray(data.agents)) return [];
  const agentsFor = new Map<string, number>();
  for (const group of data.agents) {
    if (!isRecord(group)) continue;
    const count = typeof group.count === 'number' ? group.count : 0;
    for (const ref of listOf(group.channels)) if (typeof ref === 'string') agentsFor.set(ref, (agentsFor.get(ref) ?? 0) + count);
  }
  const seen = new Set<string>();
  return listOf(data.channels).flatMap((channel, i): Problem[] => {
    const id = idOf(channel);
    // A repeated id is reported as a duplicate; saying it is unserved again is noise.
    if (id === undefined || !isRecord(channel) || seen.has(id)) return [];
    seen.add(id);
    const path = ['channels', i, 'id'];
    const agents = agentsFor.get(id);
    if (agents === undefined) {
      return [{ path, message: `no agent group serves this channel (add "${id}" to the channels of a group in agents)`, got: { value: id } }];
    }
    if (agents === 0 && (channel.patience === undefined || channel.patience === null)) {
      const message = 'is served by 0 agents and its customers never abandon, so every contact would wait forever';
      return [{ path, message, got: { value: id } }];
    }
    return [];
  });
}

function totalAgentProblems(data: Raw): Problem[] {
  const counts = listOf(data.agents).map((g) => (isRecord(g) && typeof g.count === 'number' ? g.count : 0));
  const total = counts.reduce((sum, count) => sum + count, 0);
  // A group over its own limit is already reported there; the total would repeat it.
  if (total <= L.maxAgentsTotal || counts.some((count) => count > L.maxAgentsPerGroup)) return [];
  const message = `must have at most ${L.maxAgentsTotal.toLocaleString('en-US')} agents in all groups together`;
  return [{ path: ['agents'], message, got: { value: total } }];
}
