/**
 * The figures of an outbound campaign (issue 13), per replication over a span of intervals (the
 * day, or one interval), from the kernel's counters (engine/kernel/campaigns.ts), every count in
 * the interval of the dial:
 * - `dialed`, `reached` (right-party contacts), `connected` (talked to an agent), `abandoned`
 *   (answered, dropped with no agent: nuisance calls), `unreached` = dialed − reached;
 * - `reachRate` = reached ÷ dialed;
 * - `abandonRate` = abandoned ÷ reached — the UK regulator's measure (Ofcom: abandoned calls ÷
 *   live-answered calls, per campaign and 24 hours, at most 3%); a replication is a day, so the
 *   mean over replications is the mean daily rate;
 * - `connectedPerHour` = connected ÷ the span's hours: the outbound contacts the team makes;
 * - `agentHours`: agent time on the campaign (held for a ring or preview, and talking);
 *   `agentShare`: that time ÷ the available time of its groups (the groups' `occupancy` counts
 *   inbound work only: a blended group's whole occupancy is the two added).
 */
import type { Model } from '../engine/model.js';
import type { ReplicationCounters } from '../engine/recorder.js';
import { ratio } from './kpi.js';

export const CAMPAIGN_METRICS = [
  'dialed', 'reached', 'connected', 'abandoned', 'unreached', 'reachRate', 'abandonRate', 'connectedPerHour', 'agentHours', 'agentShare',
] as const;
export type CampaignMetric = (typeof CAMPAIGN_METRICS)[number];

/** Intervals [from, to) of a period (a weekday profile's row has several such spans). */
export type IntervalSpan = readonly [number, number];

/** One replication's figures of campaign cp over the intervals of `spans`, lasting `spanSec` in all. */
export function campaignKpis(model: Model, r: ReplicationCounters, cp: number, spans: readonly IntervalSpan[], spanSec: number): Record<CampaignMetric, number> {
  const I = r.intervalCount;
  const sum = (a: Float64Array | undefined): number => {
    let s = 0;
    for (const [from, to] of spans) for (let iv = from; iv < to; iv++) s += a?.[cp * I + iv] ?? 0;
    return s;
  };
  const c = r.campaign;
  const dialed = sum(c?.dialed);
  const reached = sum(c?.reached);
  const connected = sum(c?.connected);
  const agentSec = sum(c?.agentSec);
  let availableSec = 0;
  for (const g of model.campaigns?.[cp]?.groups ?? []) {
    for (const [from, to] of spans) for (let iv = from; iv < to; iv++) availableSec += r.group.availableSec[g * I + iv] ?? 0;
  }
  return {
    dialed,
    reached,
    connected,
    abandoned: sum(c?.abandoned),
    unreached: dialed - reached,
    reachRate: ratio(reached, dialed),
    abandonRate: ratio(sum(c?.abandoned), reached),
    connectedPerHour: ratio(connected, spanSec / 3600),
    agentHours: agentSec / 3600,
    agentShare: ratio(agentSec, availableSec),
  };
}
