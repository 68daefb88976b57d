/**
 * The KPIs of one replication, the one definition every command reads them from: `ccsim run`'s
 * result and interval file, a sweep's points (kept per task, workers/outcomes.ts) and its
 * per-replication summaries (analysis/sweep/summaryKpis.ts), the staffing search's and the
 * back-test's per-interval figures (workers/staffing/replicaKpis.ts). A scope's KPIs over some
 * intervals are the KPIs (analysis/kpi.ts) of its tally (analysis/tally.ts) over those intervals:
 * `channelRowOver` and `groupKpisOver`.
 */
import type { Model, ServiceLevelDefinition } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { campaignKpis, type CampaignMetric } from '../campaignKpis.js';
import { customerKpis, sameCallerChannels, type CustomerMetric } from '../customerKpis.js';
import {
  channelFractions, channelKpis, groupKpis, tierKpis, typeKpis,
  type ChannelMetric, type Fraction, type GroupMetric, type PooledBase, type TierMetric, type TypeMetric,
} from '../kpi.js';
import { addChannelIntervals, addGroup, emptyTally, type Staffing, type Tally } from '../tally.js';
import { periodsOf, type Period } from './intervalDetail.js';

export type Kpis<M extends string> = Record<M, number>;

/** A channel scope's KPIs in one replication, with the fractions its pooled KPIs are pooled from. */
export interface ChannelRow {
  readonly kpis: Kpis<ChannelMetric>;
  readonly fractions: Record<PooledBase, Fraction>;
}

/**
 * Per-replication KPIs of every scope, before they are turned into estimates. Plain numbers,
 * a few hundred per scope set: a sweep keeps these per task instead of the counters they come
 * from (whose per-interval arrays grow with the horizon), so its memory — and a resume's, a
 * merge's — does not grow with the checkpoint's size (workers/outcomes.ts).
 */
export interface ReplicationKpis {
  overall: ChannelRow;
  deferred: ChannelRow | null;
  tiers: Kpis<TierMetric>[];
  types: Kpis<TypeMetric>[];
  channels: ChannelRow[];
  groups: Kpis<GroupMetric>[];
  /** Per row of the result (each interval, or each day: `periodKpis`), per channel and per group. */
  intervalChannels: ChannelRow[][];
  intervalGroups: Kpis<GroupMetric>[][];
  /** Per channel with same-caller retrials (`sameCallerChannels` order); absent when none has them. */
  customers?: Kpis<CustomerMetric>[];
  /** Per campaign over the day, and per row per campaign (`intervalChannels`' rows); absent without campaigns. */
  campaigns?: Kpis<CampaignMetric>[];
  intervalCampaigns?: Kpis<CampaignMetric>[][];
}

/** Who serves which channel and what an agent-hour costs, as the tallies need it. */
export function staffingOf(model: Model): Staffing {
  return {
    servedBy: model.channels.map((_, ch) => model.groups.flatMap((g, gi) => (g.channels.includes(ch) ? [gi] : []))),
    channelsOfGroup: model.groups.map((g) => g.channels.length),
    costPerHour: model.groups.map((g) => g.costPerHour),
    concurrency: model.channels.map((c) => c.concurrency),
  };
}

/** The channels the center scopes cover: `overall` the live ones (all when none is), `deferred` the rest when both exist. */
export function centerScopes(model: Model): { readonly overall: readonly number[]; readonly deferred: readonly number[] | null } {
  const all = model.channels.map((_, ch) => ch);
  const live = all.filter((ch) => !model.channels[ch]?.deferred);
  const deferred = all.filter((ch) => model.channels[ch]?.deferred);
  if (live.length === 0) return { overall: all, deferred: null };
  return { overall: live, deferred: deferred.length > 0 ? deferred : null };
}

/** Intervals [from, to) of a scope's tally; a scope may be several such spans (a weekday profile's row). */
export type Span = readonly [number, number];

const PCT = 4;
const NO_PERCENTILES = new Float64Array(PCT).fill(NaN);

/** p50, p90, p95, p99 of channel ch's answered waits in interval iv (or in the period the kernel kept from iv: intervalDetail.ts). */
export function intervalWaitPercentiles(r: ReplicationCounters, ch: number, iv: number): Float64Array {
  const at = (ch * r.intervalCount + iv) * PCT;
  return r.waitPctInterval.subarray(at, at + PCT);
}

/** p50, p90, p95, p99 of channel ch's answered waits over the whole recorded day. */
export function dayWaitPercentiles(r: ReplicationCounters, ch: number): Float64Array {
  return r.waitPctChannel.subarray(ch * PCT, ch * PCT + PCT);
}

/** Channel ch's tally in one replication over `spans`, summed span by span. */
export function channelTallyOver(r: ReplicationCounters, ch: number, spans: readonly Span[], by: Staffing): Tally {
  const t = emptyTally();
  for (const [a, b] of spans) addChannelIntervals(t, r, ch, a, b, by);
  return t;
}

/**
 * Channel ch's KPIs in one replication over `spans`, with the fractions of its pooled KPIs: the
 * wait percentiles are given (they do not add up), `spanSec` is the recorded time of the time averages.
 */
export function channelRowOver(
  r: ReplicationCounters, ch: number, spans: readonly Span[], percentiles: ArrayLike<number>, def: ServiceLevelDefinition, spanSec: number, by: Staffing,
): ChannelRow {
  const t = channelTallyOver(r, ch, spans, by);
  return { kpis: channelKpis(t, percentiles, def, spanSec), fractions: channelFractions(t, def) };
}

/** Group g's KPIs in one replication over `spans`, interval by interval. */
export function groupKpisOver(r: ReplicationCounters, g: number, spans: readonly Span[], by: Staffing): Kpis<GroupMetric> {
  const t = emptyTally();
  for (const [a, b] of spans) for (let iv = a; iv < b; iv++) addGroup(t, r, g, iv, by);
  return groupKpis(t);
}

/** One replication's KPIs; per-interval rows only `withIntervals`. */
export function replicationKpis(model: Model, r: ReplicationCounters, withIntervals: boolean): ReplicationKpis {
  return periodKpis(model, r, periodsOf(model, withIntervals ? 'all' : 'none'));
}

/**
 * One replication's KPIs, with a row per period (an interval, a day): the period's counts and
 * times summed over its intervals, its wait percentiles those of its first interval — the
 * period's own when the kernel kept one histogram for the period (analysis/run/intervalDetail.ts).
 */
export function periodKpis(model: Model, r: ReplicationCounters, periods: readonly Period[]): ReplicationKpis {
  const def = model.serviceLevelDefinition;
  const by = staffingOf(model);
  const day: readonly Span[] = [[0, model.intervalCount]];
  const center = centerScopes(model);
  const centerRow = (members: readonly number[], percentiles: Float64Array): ChannelRow => {
    const t = emptyTally();
    for (const ch of members) addChannelIntervals(t, r, ch, 0, model.intervalCount, by);
    return { kpis: channelKpis(t, percentiles, def, model.horizonSec), fractions: channelFractions(t, def) };
  };
  const channels = model.channels.map((_, ch) => channelRowOver(r, ch, day, dayWaitPercentiles(r, ch), def, model.horizonSec, by));
  const groups = model.groups.map((_, g) => groupKpisOver(r, g, day, by));
  const { intervalChannels, intervalGroups } = periodRows(model, r, periods);
  const tiers = [1, 2, 3].map((tier) => tierKpis(r, tier));
  const types = Array.from({ length: r.typeCount }, (_, t) => typeKpis(r, t, def));
  const callers = sameCallerChannels(model);
  return {
    overall: centerRow(center.overall, r.waitPctOverall),
    deferred: center.deferred === null ? null : centerRow(center.deferred, r.waitPctDeferred),
    tiers, types, channels, groups, intervalChannels, intervalGroups,
    ...(callers.length === 0 ? {} : { customers: callers.map((ch) => customerKpis(r, ch)) }),
    ...campaignRows(model, r, periods),
  };
}

/** A period's spans: one, or each of its scattered intervals (a weekday profile's row). */
function spansOf({ fromInterval, toInterval, members }: Period): Span[] {
  return members === undefined ? [[fromInterval, toInterval]] : members.map((iv) => [iv, iv + 1]);
}

/** The campaigns' figures over the day and per period; nothing without campaigns (the KPIs as before). */
function campaignRows(model: Model, r: ReplicationCounters, periods: readonly Period[]): Pick<ReplicationKpis, 'campaigns' | 'intervalCampaigns'> {
  const list = model.campaigns ?? [];
  if (list.length === 0) return {};
  const I = model.intervalCount;
  return {
    campaigns: list.map((_, cp) => campaignKpis(model, r, cp, [[0, I]], model.horizonSec)),
    intervalCampaigns: periods.map((period) => list.map((_, cp) => campaignKpis(model, r, cp, spansOf(period), period.spanSec))),
  };
}

/** One replication's rows of `periods`, per channel and per group (the `interval…` fields of `ReplicationKpis`). */
export function periodRows(model: Model, r: ReplicationCounters, periods: readonly Period[]): Pick<ReplicationKpis, 'intervalChannels' | 'intervalGroups'> {
  const def = model.serviceLevelDefinition;
  const by = staffingOf(model);
  const intervalChannels: ChannelRow[][] = [];
  const intervalGroups: Kpis<GroupMetric>[][] = [];
  for (const period of periods) {
    // A period of scattered intervals (a weekday profile's row) is summed interval by interval;
    // its waits were not kept apart, so it has no percentiles (NaN: shown as missing).
    const spans = spansOf(period);
    intervalChannels.push(model.channels.map((_, ch) => {
      const percentiles = period.members === undefined ? intervalWaitPercentiles(r, ch, period.fromInterval) : NO_PERCENTILES;
      return channelRowOver(r, ch, spans, percentiles, def, period.spanSec, by);
    }));
    intervalGroups.push(model.groups.map((_, g) => groupKpisOver(r, g, spans, by)));
  }
  return { intervalChannels, intervalGroups };
}

