/**
 * The KPIs of DESIGN §3, computed from one replication's tallies. A KPI with no denominator
 * (SL of an interval nobody called in) is NaN here and is left out of the mean over
 * replications.
 */
import type { ServiceLevelDefinition } from '../engine/model.js';
import type { ReplicationCounters } from '../engine/recorder.js';
import type { Tally } from './tally.js';

/** Metrics of a channel (and of the whole center); the names are the JSON contract. */
export const CHANNEL_METRICS = [
  'offered', 'handled', 'abandoned', 'serviceLevel', 'pWait', 'asaSec', 'ahtSec', 'abandonRate',
  'waitP50Sec', 'waitP90Sec', 'waitP95Sec', 'waitP99Sec', 'occupancy', 'utilization', 'maxQueue',
  'deflected', 'repeats', 'retrials', 'callbacks', 'escalated', 'overflowed', 'backlogMax', 'backlogAgeP90Sec',
  'costPerContact',
] as const;
export type ChannelMetric = (typeof CHANNEL_METRICS)[number];

/** Metrics of an agent group. */
export const GROUP_METRICS = [
  'handled', 'ahtSec', 'occupancy', 'utilization', 'availableHours', 'scheduledHours', 'overtimeHours', 'cost', 'costPerContact',
] as const;
export type GroupMetric = (typeof GROUP_METRICS)[number];

/** Metrics of a contact type (all its channel's tiers). */
export const TYPE_METRICS = ['offered', 'handled', 'abandoned', 'serviceLevel', 'pWait', 'asaSec', 'ahtSec', 'abandonRate', 'escalated', 'repeats'] as const;
export type TypeMetric = (typeof TYPE_METRICS)[number];

/**
 * Metrics of a tier. `volume`: contacts that reached the tier; `attainment`: share of them
 * answered (transfer) or resolved (ticket) within the tier's target; `resolvedShare`: share of
 * all tier-1 contacts resolved at this tier.
 */
export const TIER_METRICS = ['volume', 'handled', 'abandoned', 'attainment', 'resolved', 'resolvedShare', 'escalated', 'escalationRate', 'asaSec', 'ahtSec'] as const;
export type TierMetric = (typeof TIER_METRICS)[number];

const ratio = (a: number, b: number): number => (b > 0 ? a / b : NaN);

interface SlCounts {
  readonly offered: number;
  readonly handled: number;
  readonly answeredWithinTarget: number;
  readonly abandonedWithinTarget: number;
}

/** Service level under the chosen definition (DESIGN §3). */
export function serviceLevel(t: SlCounts, definition: ServiceLevelDefinition): number {
  switch (definition) {
    case 'excludeShortAbandons': return ratio(t.answeredWithinTarget, t.offered - t.abandonedWithinTarget);
    case 'offered': return ratio(t.answeredWithinTarget, t.offered);
    case 'answered': return ratio(t.answeredWithinTarget, t.handled);
  }
}

/** `percentiles` are p50, p90, p95, p99 of the answered waits in this scope, seconds. */
export function channelKpis(t: Tally, percentiles: ArrayLike<number>, definition: ServiceLevelDefinition): Record<ChannelMetric, number> {
  return {
    offered: t.offered,
    handled: t.handled,
    abandoned: t.abandoned,
    serviceLevel: serviceLevel(t, definition),
    // P(wait) as Erlang C and A define it: the share of offered contacts that found no free agent.
    pWait: ratio(t.queued, t.offered),
    asaSec: ratio(t.waitSumSec, t.handled),
    ahtSec: ratio(t.handleSumSec, t.handled),
    abandonRate: ratio(t.abandoned, t.offered),
    waitP50Sec: percentiles[0] ?? NaN,
    waitP90Sec: percentiles[1] ?? NaN,
    waitP95Sec: percentiles[2] ?? NaN,
    waitP99Sec: percentiles[3] ?? NaN,
    occupancy: ratio(t.busySec, t.availableSec),
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
    costPerContact: ratio(t.cost, t.handled),
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
    offered: T.offered[type], handled: T.handled[type],
    answeredWithinTarget: T.answeredWithinTarget[type], abandonedWithinTarget: T.abandonedWithinTarget[type],
  };
  return {
    offered: counts.offered,
    handled: counts.handled,
    abandoned: T.abandoned[type],
    serviceLevel: serviceLevel(counts, definition),
    pWait: ratio(T.queued[type], counts.offered),
    asaSec: ratio(T.waitSumSec[type], counts.handled),
    ahtSec: ratio(T.handleSumSec[type], counts.handled),
    abandonRate: ratio(T.abandoned[type], counts.offered),
    escalated: T.escalated[type],
    repeats: T.repeats[type],
  };
}

export function tierKpis(r: ReplicationCounters, tier: number): Record<TierMetric, number> {
  const T = r.tier;
  const i = tier - 1;
  return {
    volume: T.entered[i],
    handled: T.handled[i],
    abandoned: T.abandoned[i],
    attainment: ratio(T.withinTarget[i], T.entered[i]),
    resolved: T.resolved[i],
    resolvedShare: ratio(T.resolved[i], T.entered[0]),
    escalated: T.escalated[i],
    escalationRate: ratio(T.escalated[i], T.handled[i]),
    asaSec: ratio(T.waitSumSec[i], T.handled[i]),
    ahtSec: ratio(T.handleSumSec[i], T.handled[i]),
  };
}
