/**
 * The KPIs of DESIGN §3, computed from one replication's tally. A KPI with no denominator
 * (SL of an interval nobody called in) is NaN here and is left out of the mean over
 * replications.
 */
import type { ServiceLevelDefinition } from '../engine/model.js';
import type { Tally } from './tally.js';

/** Metrics of a channel (and of the whole center); the names are the JSON contract. */
export const CHANNEL_METRICS = [
  'offered', 'handled', 'abandoned', 'serviceLevel', 'pWait', 'asaSec', 'ahtSec', 'abandonRate',
  'waitP50Sec', 'waitP90Sec', 'waitP95Sec', 'waitP99Sec', 'occupancy', 'utilization', 'maxQueue',
] as const;
export type ChannelMetric = (typeof CHANNEL_METRICS)[number];

/** Metrics of an agent group. */
export const GROUP_METRICS = ['handled', 'ahtSec', 'occupancy', 'utilization', 'availableHours', 'scheduledHours'] as const;
export type GroupMetric = (typeof GROUP_METRICS)[number];

const ratio = (a: number, b: number): number => (b > 0 ? a / b : NaN);

/** Service level under the chosen definition (DESIGN §3). */
export function serviceLevel(t: Tally, definition: ServiceLevelDefinition): number {
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
    // P(wait) as Erlang C and A define it: the share of offered contacts that found no idle agent.
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
  };
}
