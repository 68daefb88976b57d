/**
 * The summary KPIs of one replication (the whole center, each channel, each group), kept
 * per replication rather than folded into estimates: sweeps need them to pair replication r
 * of two points (paired differences under common random numbers) and to watch one metric's
 * CI half-width narrow (precision mode).
 *
 * They are taken from the run result over that replication alone — the mean of one value
 * is the value — so they are by construction what `ccsim run` computes, whatever the KPI
 * code becomes. A KPI undefined in the replication (null mean) is NaN here.
 */
import type { Model } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { replicationKpis, runResultOf, type ReplicationKpis } from '../run/result.js';

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

const isEstimate = (v: unknown): v is { mean: number | null } => v !== null && typeof v === 'object' && 'mean' in v && 'ci95' in v;

/**
 * The estimates of a scope as plain numbers (members that are not estimates, e.g. `erlang`,
 * left out, and the pooled metrics: a ratio of means is not a per-replication quantity).
 */
function values(scope: object): Kpis {
  const out: Record<string, number> = {};
  for (const [metric, v] of Object.entries(scope)) if (isEstimate(v) && !metric.endsWith('Pooled')) out[metric] = v.mean ?? NaN;
  return out;
}

const byId = (scopes: Readonly<Record<string, object>>): Record<string, Kpis> =>
  Object.fromEntries(Object.entries(scopes).map(([id, s]) => [id, values(s)]));

/** A sweep asks for a replication's summary in every precision round: made once per row. */
const summaries = new WeakMap<ReplicationKpis, SummaryKpis>();

/** The summary KPIs of one replication's KPIs (`replicationKpis`, with or without intervals). */
export function summaryOf(model: Model, row: ReplicationKpis): SummaryKpis {
  const cached = summaries.get(row);
  if (cached !== undefined) return cached;
  const { summary } = runResultOf(model, 0, [row], false);
  const s: SummaryKpis = {
    overall: values(summary.overall), channels: byId(summary.channels), groups: byId(summary.groups),
    ...(summary.campaigns === undefined ? {} : { campaigns: byId(summary.campaigns) }),
  };
  summaries.set(row, s);
  return s;
}

export function summaryKpis(model: Model, r: ReplicationCounters): SummaryKpis {
  return summaryOf(model, replicationKpis(model, r, false));
}
