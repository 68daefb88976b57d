/**
 * A sweep point's KPIs replication by replication (analysis/sweep/summaryKpis.ts), and the
 * figures read from them: one metric's series, the half-width of its 95% CI. The sweep result
 * pairs two points' series (./result.ts), its CSV counts the replications that define a
 * metric (reports/sweep/csv.ts), and the precision rule (workers/precision.ts) watches a
 * half-width narrow, all without building a run result.
 */
import type { Model } from '../../engine/model.js';
import { halfWidth95 } from '../confidence.js';
import type { ChannelMetric } from '../kpi.js';
import type { MetricRef } from '../objective.js';
import type { ReplicationKpis } from '../run/replicationKpis.js';
import { summaryOf, type SummaryKpis } from './summaryKpis.js';

/** A completed replication's KPIs (with per-interval rows when the sweep reports intervals). */
export interface ReplicationRow {
  readonly replication: number;
  readonly kpis: ReplicationKpis;
}

/** Per-replication KPIs indexed by replication (NaN-filled where a replication is missing). */
export interface PointKpis {
  readonly byReplication: readonly (SummaryKpis | undefined)[];
}

/** A point's summaries, once per replication (analysis/sweep/summaryKpis.ts). */
export function pointKpis(model: Model, rows: readonly ReplicationRow[]): PointKpis {
  const byReplication: (SummaryKpis | undefined)[] = [];
  for (const r of rows) byReplication[r.replication] = summaryOf(model, r.kpis);
  return { byReplication };
}

/** The scope a reference names in a summary (of estimates, or of one replication's values). */
export function scopeOf(summary: { overall: object; channels: Readonly<Record<string, object>>; groups: Readonly<Record<string, object>>; campaigns?: Readonly<Record<string, object>> }, ref: MetricRef): object | undefined {
  const id = ref.id ?? '';
  switch (ref.scope) {
    case 'overall': return summary.overall;
    case 'channels': return summary.channels[id];
    case 'groups': return summary.groups[id];
    case 'campaigns': return summary.campaigns?.[id];
  }
}

/** One metric of one scope, replication by replication (NaN where missing or undefined). */
export function series(k: PointKpis, ref: MetricRef): number[] {
  return Array.from(k.byReplication, (s) => {
    if (s === undefined) return NaN;
    return (scopeOf(s, ref) as Record<string, number> | undefined)?.[ref.metric] ?? NaN;
  });
}

/** The metric a precision rule watches: `metric` of the whole center, or of channel `channel`. */
export function precisionRef(metric: ChannelMetric, channel: string | null): MetricRef {
  return channel === null ? { scope: 'overall', id: null, metric } : { scope: 'channels', id: channel, metric };
}

/** Half-width of the 95% CI of `ref` over the point's replications (null when it cannot be estimated). */
export function halfWidthOf(k: PointKpis, ref: MetricRef): number | null {
  const h = halfWidth95(series(k, ref).filter(Number.isFinite));
  return Number.isFinite(h) ? h : null;
}
