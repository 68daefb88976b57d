/**
 * The summary KPIs of one replication (the whole center, each channel, each group, each
 * campaign), kept per replication rather than folded into estimates: sweeps need them to pair
 * replication r of two points (paired differences under common random numbers), to watch one
 * metric's CI half-width narrow (precision mode, workers/precision.ts) and to count the
 * replications that define a metric (the sweep CSV's `n`).
 *
 * They are the means the run summary over that replication alone would hold — the mean of one
 * value is the value — read straight from the replication's KPIs (analysis/run/replicationKpis.ts),
 * the ones `ccsim run` estimates from, without building that run result or its Erlang baseline:
 * for the whole center and each channel the scenario's channel metrics (analysis/scenarioMetrics.ts)
 * but the pooled ones (a ratio of means is not a per-replication quantity), for each group every
 * group metric, for each campaign every campaign metric. A KPI undefined in the replication is
 * NaN here (the run's null mean). test/analysis/summaryKpis.test.ts holds them to the run result.
 */
import type { Model } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { CAMPAIGN_METRICS } from '../campaignKpis.js';
import { estimate } from '../confidence.js';
import { GROUP_METRICS } from '../kpi.js';
import { replicationKpis, type ReplicationKpis } from '../run/replicationKpis.js';
import { channelMetricsOf } from '../scenarioMetrics.js';

export type Kpis = Readonly<Record<string, number>>;

export interface SummaryKpis {
  readonly overall: Kpis;
  /** By channel id. */
  readonly channels: Readonly<Record<string, Kpis>>;
  /** By group id. */
  readonly groups: Readonly<Record<string, Kpis>>;
  /** By outbound campaign id; absent without campaigns. */
  readonly campaigns?: Readonly<Record<string, Kpis>>;
}

/** The run summary's mean of the one value `v` (`estimate`), NaN where the run's is null. */
const meanOfOne = (v: number | undefined): number => estimate([v ?? NaN]).mean ?? NaN;

/** `metrics` of one scope's KPIs, in that order. */
function values(metrics: readonly string[], kpis: Readonly<Record<string, number>> | undefined): Kpis {
  const out: Record<string, number> = {};
  for (const m of metrics) out[m] = meanOfOne(kpis?.[m]);
  return out;
}

/** A sweep asks for a replication's summary in every precision round: made once per row. */
const summaries = new WeakMap<ReplicationKpis, SummaryKpis>();

/** The summary KPIs of one replication's KPIs (`replicationKpis`, with or without intervals). */
export function summaryOf(model: Model, row: ReplicationKpis): SummaryKpis {
  const cached = summaries.get(row);
  if (cached !== undefined) return cached;
  const channelMetrics = channelMetricsOf(model).filter((m) => !m.endsWith('Pooled'));
  const campaigns = model.campaigns ?? [];
  const s: SummaryKpis = {
    overall: values(channelMetrics, row.overall.kpis),
    channels: Object.fromEntries(model.channels.map((c, ch) => [c.id, values(channelMetrics, row.channels[ch]?.kpis)])),
    groups: Object.fromEntries(model.groups.map((g, gi) => [g.id, values(GROUP_METRICS, row.groups[gi])])),
    ...(campaigns.length === 0 || row.campaigns === undefined ? {} : {
      campaigns: Object.fromEntries(campaigns.map((c, cp) => [c.id, values(CAMPAIGN_METRICS, row.campaigns?.[cp])])),
    }),
  };
  summaries.set(row, s);
  return s;
}

export function summaryKpis(model: Model, r: ReplicationCounters): SummaryKpis {
  return summaryOf(model, replicationKpis(model, r, false));
}
