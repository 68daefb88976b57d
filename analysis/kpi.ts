/**
 * The KPIs of DESIGN §3, computed from one replication's tallies. A KPI with no denominator
 * (SL of an interval nobody called in) is NaN here and is left out of the mean over
 * replications.
 *
 * Every ratio KPI is written once, as a fraction (numerator, denominator) of tally sums: the
 * per-replication value is the fraction's ratio, and the pooled (ratio-of-means) estimator
 * over replications divides the summed numerators by the summed denominators
 * (analysis/confidence.ts `pooledEstimate`). Both are in the result, named apart: `serviceLevel`
 * is the mean of per-replication service levels, `serviceLevelPooled` the ratio of means.
 */
import type { ServiceLevelDefinition } from '../engine/model.js';
import type { ReplicationCounters } from '../engine/recorder.js';
import type { Tally } from './tally.js';

/** Ratio KPIs of a channel that also get a pooled (ratio-of-means) estimate, `<name>Pooled`. */
export const POOLED_BASES = ['serviceLevel', 'pWait', 'abandonRate', 'asaSec', 'meanWaitSec', 'ahtSec', 'occupancy', 'slotOccupancy', 'costPerContact'] as const;
export type PooledBase = (typeof POOLED_BASES)[number];
export const POOLED_METRICS = POOLED_BASES.map((m) => `${m}Pooled` as const);
export type PooledMetric = `${PooledBase}Pooled`;

/** Metrics of a channel (and of the whole center); the names are the JSON contract. */
export const CHANNEL_METRICS = [
  'offered', 'handled', 'abandoned', 'serviceLevel', 'pWait', 'asaSec', 'ahtSec', 'abandonRate',
  'waitP50Sec', 'waitP90Sec', 'waitP95Sec', 'waitP99Sec', 'occupancy', 'utilization', 'maxQueue',
  'deflected', 'repeats', 'retrials', 'callbacks', 'escalated', 'overflowed', 'backlogMax', 'backlogAgeP90Sec',
  'costPerContact', 'answeredWithinTarget', 'abandonedWithinTarget', 'pending', 'meanWaitSec', 'avgQueue', 'slotOccupancy',
  'blocked', 'blockingRate', 'linesBusy',
  'maxWaitExits', 'maxWaitRate', 'messages', 'disconnected',
  'talkSec', 'acwSec', 'transferDisconnected', 'conferences', 'conferencesSkipped', 'conferenceSec',
  ...POOLED_METRICS,
] as const;
export type ChannelMetric = (typeof CHANNEL_METRICS)[number];

/**
 * Metrics of the ways out of a queue added by issue 12 (the maximum wait, the close): a result
 * holds them only when the scenario uses the mechanism (analysis/scenarioMetrics.ts), so a
 * scenario without it gives the same bytes as before they existed.
 */
export const EXIT_METRICS = ['maxWaitExits', 'maxWaitRate', 'messages', 'disconnected'] as const satisfies readonly ChannelMetric[];
export type ExitMetric = (typeof EXIT_METRICS)[number];

/**
 * The two parts of AHT when after-contact work is given apart (issue 13 item 4): mean talk and
 * mean wrap-up per answered contact (`ahtSec` = `talkSec` + `acwSec`). A result holds them only
 * when some contact type has after-contact work (analysis/scenarioMetrics.ts).
 */
/**
 * Transfers dropped for want of a free agent (`ifNoAgent: disconnect`, issue 13 item 4), a channel
 * and a tier figure: written only when some tier disconnects (analysis/scenarioMetrics.ts).
 */
export const TRANSFER_DROP_METRIC = 'transferDisconnected' as const satisfies ChannelMetric & TierMetric;

/** Conference figures (issue 13 item 4): written only when some channel has conferences. */
export const CONFERENCE_METRICS = ['conferences', 'conferencesSkipped', 'conferenceSec'] as const satisfies readonly ChannelMetric[];

export const WRAP_UP_METRICS = ['talkSec', 'acwSec'] as const satisfies readonly ChannelMetric[];

/** Metrics of an agent group. */
export const GROUP_METRICS = [
  'handled', 'ahtSec', 'occupancy', 'utilization', 'availableHours', 'scheduledHours', 'overtimeHours', 'cost', 'costPerContact',
] as const;
export type GroupMetric = (typeof GROUP_METRICS)[number];

/** Metrics of a contact type (all its channel's tiers). */
export const TYPE_METRICS = ['offered', 'handled', 'abandoned', 'serviceLevel', 'pWait', 'asaSec', 'ahtSec', 'abandonRate', 'escalated', 'repeats', 'pending'] as const;
export type TypeMetric = (typeof TYPE_METRICS)[number];

/**
 * Metrics of a tier. `volume`: contacts that reached the tier; `attainment`: share of them
 * answered (transfer) or resolved (ticket) within the tier's target, over those whose outcome
 * is known (`pending` tickets excluded); `resolvedShare`: share of all tier-1 contacts
 * resolved at this tier.
 */
export const TIER_METRICS = [
  'volume', 'handled', 'abandoned', 'attainment', 'pending', 'resolved', 'resolvedShare', 'escalated', 'escalationRate', 'asaSec', 'ahtSec',
  'transferDisconnected',
] as const;
export type TierMetric = (typeof TIER_METRICS)[number];

/** Metrics that are shares: their estimates and confidence intervals are kept inside [0, 1]. */
const PROPORTIONS: ReadonlySet<string> = new Set([
  'serviceLevel', 'pWait', 'abandonRate', 'occupancy', 'slotOccupancy', 'attainment', 'resolvedShare', 'escalationRate', 'blockingRate', 'unansweredRate',
  'maxWaitRate', 'reachRate', 'agentShare',
]);

/**
 * The physical range of a metric: shares lie in [0, 1]; every other figure ccsim reports
 * (counts, times, hours, costs, utilization — which overtime can push past 1) in [0, ∞).
 */
export function metricRange(metric: string): readonly [number, number] {
  const base = metric.endsWith('Pooled') ? metric.slice(0, -'Pooled'.length) : metric;
  return PROPORTIONS.has(base) ? [0, 1] : [0, Infinity];
}

/** numerator ÷ denominator, NaN without a denominator. */
export const ratio = (a: number, b: number): number => (b > 0 ? a / b : NaN);

/** A ratio KPI before division: [numerator, denominator]. */
export type Fraction = readonly [number, number];

interface SlCounts {
  readonly offered: number;
  readonly handled: number;
  readonly answeredWithinTarget: number;
  readonly abandonedWithinTarget: number;
  /** Contacts whose outcome is unknown (deferred work open past the horizon, deadline beyond it). */
  readonly pending: number;
}

/**
 * Service level under the chosen definition (DESIGN §3), as a fraction, over the contacts
 * whose outcome is known (`pending` ones left out of the population):
 * - `excludeShortAbandons`: answered within T ÷ (offered − pending − abandoned within T);
 * - `offered`: answered within T ÷ (offered − pending);
 * - `answered`: answered within T ÷ answered.
 */
export function serviceLevelFraction(t: SlCounts, definition: ServiceLevelDefinition): Fraction {
  switch (definition) {
    case 'excludeShortAbandons': return [t.answeredWithinTarget, t.offered - t.pending - t.abandonedWithinTarget];
    case 'offered': return [t.answeredWithinTarget, t.offered - t.pending];
    case 'answered': return [t.answeredWithinTarget, t.handled];
  }
}

export function serviceLevel(t: SlCounts, definition: ServiceLevelDefinition): number {
  const [a, b] = serviceLevelFraction(t, definition);
  return ratio(a, b);
}

/** The fractions of a channel's pooled KPIs; `spanSec` is not needed for them. */
export function channelFractions(t: Tally, definition: ServiceLevelDefinition): Record<PooledBase, Fraction> {
  return {
    serviceLevel: serviceLevelFraction(t, definition),
    // P(wait) as Erlang C and A define it: the share of offered contacts that found no free agent.
    pWait: [t.queued, t.offered],
    abandonRate: [t.abandoned, t.offered],
    asaSec: [t.waitSumSec, t.handled],
    // Mean wait of every contact that left the queue, answered or abandoned.
    meanWaitSec: [t.waitSumSec + t.abandonWaitSumSec, t.handled + t.abandoned],
    ahtSec: [t.handleSumSec, t.handled],
    occupancy: [t.busySec, t.availableSec],
    // Chat: session time over session slots (agents' available time × concurrency).
    slotOccupancy: [t.sessionSec, t.slotCapacitySec],
    costPerContact: [t.cost, t.handled],
  };
}

/**
 * `percentiles` are p50, p90, p95, p99 of the answered waits in this scope, seconds;
 * `spanSec` the recorded time the tally covers (for the time-average queue).
 */
export function channelKpis(t: Tally, percentiles: ArrayLike<number>, definition: ServiceLevelDefinition, spanSec: number): Record<ChannelMetric, number> {
  const f = channelFractions(t, definition);
  const r = (m: PooledBase): number => ratio(f[m][0], f[m][1]);
  return {
    offered: t.offered,
    handled: t.handled,
    abandoned: t.abandoned,
    serviceLevel: r('serviceLevel'),
    pWait: r('pWait'),
    asaSec: r('asaSec'),
    ahtSec: r('ahtSec'),
    abandonRate: r('abandonRate'),
    waitP50Sec: percentiles[0] ?? NaN,
    waitP90Sec: percentiles[1] ?? NaN,
    waitP95Sec: percentiles[2] ?? NaN,
    waitP99Sec: percentiles[3] ?? NaN,
    occupancy: r('occupancy'),
    utilization: ratio(t.busySec, t.scheduledSec),
    maxQueue: t.maxQueue,
    deflected: t.deflected,
    repeats: t.repeats,
    retrials: t.retrials,
    callbacks: t.callbacks,
    escalated: t.escalated,
    overflowed: t.overflowed,
    backlogMax: t.backlogMax,
    backlogAgeP90Sec: t.backlogAgeP90Sec,
    costPerContact: r('costPerContact'),
    answeredWithinTarget: t.answeredWithinTarget,
    abandonedWithinTarget: t.abandonedWithinTarget,
    pending: t.pending,
    meanWaitSec: r('meanWaitSec'),
    avgQueue: ratio(t.queueAreaSec, spanSec),
    slotOccupancy: r('slotOccupancy'),
    // Blocking as telephony counts it: refused arrivals over every arrival attempt at the switch
    // (offered, contained by self-service, or refused) — Erlang B's time-congestion figure
    // for Poisson arrivals (PASTA).
    blocked: t.blocked,
    blockingRate: ratio(t.blocked, t.offered + t.deflected + t.blocked),
    // Carried trunk traffic, erlangs: the arrivals' line-holding time over the span (Little's
    // law makes it the mean number of lines in use in a stationary stretch).
    linesBusy: ratio(t.lineHoldSec, spanSec),
    // The maximum wait: contacts taken out of the queue at it (a message or a callback), and
    // their share of the offered — M/M/n+D's P(V > T) without other impatience.
    maxWaitExits: t.maxWaitExits,
    maxWaitRate: ratio(t.maxWaitExits, t.offered),
    messages: t.messages,
    disconnected: t.disconnected,
    // AHT as ACD reports define it is talk + wrap-up; its two parts, per answered contact.
    talkSec: ratio(t.handleSumSec - t.acwSumSec, t.handled),
    acwSec: ratio(t.acwSumSec, t.handled),
    // Escalated contacts of the scope dropped at a tier that disconnects a transfer nobody is free for.
    transferDisconnected: t.transferDisconnected,
    // Conferences: calls a second agent joined, those that found none idle, and its mean time per conference.
    conferences: t.conferences,
    conferencesSkipped: t.conferencesSkipped,
    conferenceSec: ratio(t.conferenceSumSec, t.conferences),
    // One replication's pooled value is its own ratio; over replications result.ts pools.
    serviceLevelPooled: r('serviceLevel'),
    pWaitPooled: r('pWait'),
    abandonRatePooled: r('abandonRate'),
    asaSecPooled: r('asaSec'),
    meanWaitSecPooled: r('meanWaitSec'),
    ahtSecPooled: r('ahtSec'),
    occupancyPooled: r('occupancy'),
    slotOccupancyPooled: r('slotOccupancy'),
    costPerContactPooled: r('costPerContact'),
  };
}

export function groupKpis(t: Tally): Record<GroupMetric, number> {
  return {
    handled: t.handled,
    ahtSec: ratio(t.handleSumSec, t.handled),
    occupancy: ratio(t.busySec, t.availableSec),
    utilization: ratio(t.busySec, t.scheduledSec),
    availableHours: t.availableSec / 3600,
    scheduledHours: t.scheduledSec / 3600,
    overtimeHours: t.overtimeSec / 3600,
    cost: t.cost,
    costPerContact: ratio(t.cost, t.handled),
  };
}

export function typeKpis(r: ReplicationCounters, type: number, definition: ServiceLevelDefinition): Record<TypeMetric, number> {
  const T = r.type;
  const counts = {
    offered: T.offered[type] ?? 0, handled: T.handled[type] ?? 0, pending: T.pending[type] ?? 0,
    answeredWithinTarget: T.answeredWithinTarget[type] ?? 0, abandonedWithinTarget: T.abandonedWithinTarget[type] ?? 0,
  };
  return {
    offered: counts.offered,
    handled: counts.handled,
    abandoned: T.abandoned[type] ?? 0,
    serviceLevel: serviceLevel(counts, definition),
    pWait: ratio(T.queued[type] ?? 0, counts.offered),
    asaSec: ratio(T.waitSumSec[type] ?? 0, counts.handled),
    ahtSec: ratio(T.handleSumSec[type] ?? 0, counts.handled),
    abandonRate: ratio(T.abandoned[type] ?? 0, counts.offered),
    escalated: T.escalated[type] ?? 0,
    repeats: T.repeats[type] ?? 0,
    pending: counts.pending,
  };
}

export function tierKpis(r: ReplicationCounters, tier: number): Record<TierMetric, number> {
  const T = r.tier;
  const i = tier - 1;
  const at = (a: Float64Array): number => a[i] ?? 0;
  return {
    volume: at(T.entered),
    handled: at(T.handled),
    abandoned: at(T.abandoned),
    attainment: ratio(at(T.withinTarget), at(T.entered) - at(T.pending)),
    pending: at(T.pending),
    resolved: at(T.resolved),
    resolvedShare: ratio(at(T.resolved), T.entered[0] ?? 0),
    escalated: at(T.escalated),
    escalationRate: ratio(at(T.escalated), at(T.handled)),
    asaSec: ratio(at(T.waitSumSec), at(T.handled)),
    ahtSec: ratio(at(T.handleSumSec), at(T.handled)),
    transferDisconnected: at(T.transferDisconnected),
  };
}
