/**
 * Rules that relate fields to each other: unique ids, the horizon a whole number of
 * intervals, one volume (and one count) per interval, skills naming channels and types
 * that exist, every contact type served at Tier 1 and every tier escalation sends work to
 * staffed, the physics of each channel kind. They run on the raw data (not zod's output) so
 * they are reported in the same pass as the field rules, and they skip quietly whatever a
 * field rule already rejects. The themed rules are in `consistency/`.
 */
import { campaignProblems } from './consistency/campaigns.js';
import { channelKindProblems } from './consistency/channel-kind.js';
import { contactTypeProblems } from './consistency/contact-types.js';
import { lineProblems } from './consistency/lines.js';
import { conferenceProblems } from './consistency/conference.js';
import { exitProblems } from './consistency/exits.js';
import { intervalMeanProblems } from './consistency/intervalMeans.js';
import { routingProblems } from './consistency/routing.js';
import { sharedOverdispersionProblems } from './consistency/sharedOverdispersion.js';
import { agentsOf, staffingProblems } from './consistency/staffing.js';
import { tierPatienceProblems } from './consistency/tierPatience.js';
import { parseDuration } from './duration.js';
import { SCENARIO_LIMITS as L } from './limits.js';
import { patternProblems } from './pattern.js';
import { type PathSegment, type Problem } from './problem.js';
import { idOf, isRecord, listOf, type Raw, secondsOf } from './raw.js';
import { SCENARIO_DEFAULTS } from './schema/defaults.js';

export function checkConsistency(data: Raw): Problem[] {
  const intervals = intervalsOf(data);
  const horizonSec = secondsOf(data.horizon);
  const warmupSec = Math.max(0, secondsOf(data.warmup ?? SCENARIO_DEFAULTS.warmup) ?? 0);
  return [
    ...intervals.problems,
    ...duplicateIds(listOf(data.channels), 'channels', 'channel'),
    ...duplicateIds(listOf(data.agents), 'agents', 'agent group'),
    ...listOf(data.channels).flatMap((channel, i) => arrivalProblems(channel, ['channels', i, 'arrivals'], intervals)),
    ...patternProblems(data, intervals.intervalSec),
    ...contactTypeProblems(data),
    ...channelKindProblems(data),
    ...lineProblems(data),
    ...sharedOverdispersionProblems(data),
    ...tierPatienceProblems(data),
    ...exitProblems(data),
    ...conferenceProblems(data),
    ...intervalMeanProblems(data, intervals.count),
    ...routingProblems(data),
    ...duplicateIds(listOf(data.campaigns), 'campaigns', 'campaign'),
    ...campaignProblems(data, intervals.count),
    ...staffingProblems(data, intervals.count, horizonSec, warmupSec),
    ...totalAgentProblems(data),
  ];
}

export interface Intervals {
  readonly count?: number;
  readonly intervalSec?: number;
  readonly problems: Problem[];
}

/** horizon ÷ interval, when both are valid durations; a problem when it is not whole. */
export function intervalsOf(data: Raw): Intervals {
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
  const { perHour, volumes, forecast, pattern } = channel.arrivals;
  if ([perHour, volumes, forecast, pattern].filter((v) => v !== undefined).length !== 1) {
    return [{ path, message: 'must give exactly one of perHour or volumes or forecast or pattern', got: { value: channel.arrivals } }];
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

function totalAgentProblems(data: Raw): Problem[] {
  const counts = listOf(data.agents).map((g) => agentsOf(g) ?? 0);
  const total = counts.reduce((sum, count) => sum + count, 0);
  // A group over its own limit is already reported there; the total would repeat it.
  if (total <= L.maxAgentsTotal || counts.some((count) => count > L.maxAgentsPerGroup)) return [];
  const message = `must have at most ${L.maxAgentsTotal.toLocaleString('en-US')} agents in all groups together`;
  return [{ path: ['agents'], message, got: { value: total } }];
}
