/**
 * The result of `ccsim run`: every KPI as { mean, ci95 } over replications, for the whole
 * center, each channel, each group, and each interval (DESIGN §3). This object is the JSON
 * contract; later versions extend it and never rename (`schemaVersion` says which).
 * Replications are taken in index order, so the same counters always give the same bytes.
 */
import type { Model, ServiceLevelDefinition } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { erlangBaseline, type ChannelBaseline, type ErlangBaselineFigures } from '../baseline.js';
import { CAMPAIGN_METRICS, type CampaignMetric } from '../campaignKpis.js';
import { estimate, pooledEstimate, type Estimate } from '../confidence.js';
import { CUSTOMER_METRICS, sameCallerChannels, type CustomerMetric } from '../customerKpis.js';
import {
  CHANNEL_METRICS, GROUP_METRICS, POOLED_BASES, TYPE_METRICS, metricRange,
  type ChannelMetric, type ExitMetric, type GroupMetric, type PooledBase, type TierMetric, type TypeMetric,
} from '../kpi.js';
import { channelMetricsOf, tierMetricsOf } from '../scenarioMetrics.js';
import { startDateField, startField } from '../timeline.js';
import type { IntervalDetail } from './intervalDetail.js';
import { centerScopes, replicationKpis, type ChannelRow, type Kpis, type ReplicationKpis } from './replicationKpis.js';

export const SCHEMA_VERSION = 1;

/** A channel scope's estimates; the exit metrics only where the scenario has the mechanism (scenarioMetrics.ts). */
export type ChannelEstimates = Record<Exclude<ChannelMetric, ExitMetric>, Estimate> & Partial<Record<ExitMetric, Estimate>>;

/**
 * The whole center: `overall` covers the live channels (voice, chat, messaging) — or every
 * channel when none is live — and `deferred` the deferred ones (email, social) when both
 * kinds exist, so a p99 of email response times never sits beside a live ASA. `channels`
 * names the channels the scope covers.
 */
export type CenterEstimates = ChannelEstimates & {
  /** Which channels: `live`, `deferred`, or `all` (every channel is one kind). */
  readonly covers: 'live' | 'deferred' | 'all';
  readonly channels: readonly string[];
};
export type GroupEstimates = Record<GroupMetric, Estimate>;
export type TypeEstimates = Record<TypeMetric, Estimate> & { readonly channel: string; readonly priority: number };
export type TierEstimates = Record<TierMetric, Estimate> & { readonly mode: string };

export interface ChannelResult extends ChannelEstimates {
  readonly target: { readonly withinSec: number; readonly level: number };
  /** What Erlang C (or A, with patience) predicts for the same load and staffing. */
  readonly erlang: ErlangBaselineFigures;
}

export interface IntervalResult {
  readonly startSec: number;
  /** The interval's date-time, `2026-03-02T08:30`, when the scenario has a startDate. */
  readonly start?: string;
  readonly channels: Record<string, ChannelResult>;
  readonly groups: Record<string, GroupEstimates>;
  /** Outbound campaigns' figures of the interval (counts in the interval of the dial); absent without campaigns. */
  readonly campaigns?: Record<string, CampaignEstimates>;
}

export type CampaignEstimates = Record<CampaignMetric, Estimate>;

/**
 * One day of a long run (`--intervals day`): the day's counts and times summed over its
 * intervals, each ratio of those sums, wait percentiles of the day's waits. No Erlang figure:
 * Erlang predicts an interval's steady state, not a day's.
 */
export interface DayResult {
  /** Seconds from time 0 to the day's first interval, and the day's length (the last may be shorter). */
  readonly startSec: number;
  readonly spanSec: number;
  /** The day's first date-time, `2026-03-02T08:00`, when the scenario has a startDate. */
  readonly start?: string;
  readonly channels: Record<string, ChannelEstimates & { readonly target: ChannelResult['target'] }>;
  readonly groups: Record<string, GroupEstimates>;
  /** Outbound campaigns' figures of the day; absent without campaigns. */
  readonly campaigns?: Record<string, CampaignEstimates>;
}

export interface RunResult {
  readonly schemaVersion: number;
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  readonly serviceLevelDefinition: ServiceLevelDefinition;
  readonly horizonSec: number;
  readonly warmupSec: number;
  readonly intervalSec: number;
  /** The clock time at the start of the recorded day, seconds after midnight (the scenario's `dayStart`). */
  readonly dayStartSec: number;
  /** The calendar date of time 0 (the scenario's `startDate`); absent when it has none. */
  readonly startDate?: string;
  /**
   * What the result holds per interval, when not every interval (`day`: `days`; `none`:
   * nothing); absent when `intervals` has them all, as in every result before this field.
   */
  readonly intervalDetail?: Exclude<IntervalDetail, 'all'>;
  /** What the result left out and how to get it; absent when nothing was. */
  readonly notes?: readonly string[];
  readonly summary: {
    readonly overall: CenterEstimates;
    /** Present when the scenario has both live and deferred channels. */
    readonly deferred?: CenterEstimates;
    readonly channels: Record<string, ChannelResult>;
    readonly groups: Record<string, GroupEstimates>;
    /** Tiers "1", "2", "3". */
    readonly tiers: Record<string, TierEstimates>;
    /** Contact types, keyed "<channel>/<type>" (a channel without declared types has one, "<channel>/<channel>"). */
    readonly types: Record<string, TypeEstimates>;
    /** Channels whose retrials are the same caller: the customer view (analysis/customerKpis.ts); absent when none. */
    readonly customers?: Record<string, Record<CustomerMetric, Estimate>>;
    /** Outbound campaigns (analysis/campaignKpis.ts); absent when the scenario has none. */
    readonly campaigns?: Record<string, CampaignEstimates>;
  };
  readonly intervals: readonly IntervalResult[];
  /** Present with `intervalDetail: 'day'`. */
  readonly days?: readonly DayResult[];
  /** Present with `intervalDetail: 'weekday'`. */
  readonly weekdays?: readonly WeekdayResult[];
}

/**
 * One row of a weekday profile (`--intervals weekday`): an interval of the day (`startSec` from
 * dayStart) on one weekday, its counts and times summed over the horizon's `days` of that
 * weekday, its ratios those of the sums. No wait percentiles, no Erlang figure.
 */
export interface WeekdayResult extends Omit<DayResult, 'start'> {
  /** `mon` … `sun`. */
  readonly weekday: string;
  /** How many of the horizon's days this row sums. */
  readonly days: number;
}

/** Each metric's estimate over replications, kept inside the metric's physical range. */
export function estimates<M extends string>(metrics: readonly M[], rows: readonly Kpis<M>[]): Record<M, Estimate> {
  const out = {} as Record<M, Estimate>;
  for (const m of metrics) out[m] = estimate(rows.map((row) => row[m]), metricRange(m));
  return out;
}

const POOLED_OF: ReadonlyMap<string, PooledBase> = new Map(POOLED_BASES.map((b) => [`${b}Pooled`, b]));

/**
 * A channel scope's estimates of `metrics` (the scenario's: `channelMetricsOf`): means of
 * per-replication values, and ratios of means for the pooled metrics.
 */
export function channelEstimates(rows: readonly ChannelRow[], metrics: readonly ChannelMetric[] = CHANNEL_METRICS): ChannelEstimates {
  const out = {} as Record<ChannelMetric, Estimate>;
  for (const m of metrics) {
    const base = POOLED_OF.get(m);
    out[m] = base === undefined
      ? estimate(rows.map((row) => row.kpis[m]), metricRange(m))
      : pooledEstimate(rows.map((row) => row.fractions[base]), metricRange(m));
  }
  return out;
}

function channelResult(model: Model, ch: number, rows: readonly ChannelRow[], erlang: ErlangBaselineFigures): ChannelResult {
  const c = model.channels[ch];
  return { ...channelEstimates(rows, channelMetricsOf(model)), target: { withinSec: c?.targetSec ?? 0, level: c?.targetLevel ?? 0 }, erlang };
}

/**
 * The Erlang baseline depends on the model alone; sweeps ask for it once per replication.
 * Without intervals, only the overall figures are made (`overallBaselines`).
 */
const baselines = new WeakMap<Model, readonly ChannelBaseline[]>();
const overallBaselines = new WeakMap<Model, readonly ChannelBaseline[]>();
function baselineOf(model: Model, withIntervals: boolean): readonly ChannelBaseline[] {
  const cache = withIntervals ? baselines : overallBaselines;
  let b = baselines.get(model) ?? cache.get(model);
  if (b === undefined) {
    b = erlangBaseline(model, { intervals: withIntervals });
    cache.set(model, b);
  }
  return b;
}

export interface RunResultOptions {
  /**
   * Estimate every interval (the default). Without, `intervals` is empty: a sweep that does
   * not report intervals, or a single replication's summary KPIs, would otherwise spend most
   * of the report's time on per-interval estimates nobody reads.
   */
  readonly intervals?: boolean;
}

/** Builds the run result from the counters of every replication (in replication order). */
export function buildRunResult(model: Model, seed: number, counters: readonly ReplicationCounters[], options: RunResultOptions = {}): RunResult {
  const withIntervals = options.intervals ?? true;
  return runResultOf(model, seed, counters.map((r) => replicationKpis(model, r, withIntervals)), withIntervals);
}

/**
 * The run result from each replication's KPIs (in replication order), made by
 * `replicationKpis` with intervals when `withIntervals`.
 */
export function runResultOf(model: Model, seed: number, reps: readonly ReplicationKpis[], withIntervals: boolean): RunResult {
  const baseline = baselineOf(model, withIntervals);
  const erlangOf = (ch: number, iv?: number): ErlangBaselineFigures => {
    const b = baseline[ch] as ChannelBaseline;
    return iv === undefined ? b.overall : (b.intervals[iv] as ErlangBaselineFigures);
  };
  const byId = <T>(items: readonly { id: string }[], f: (i: number) => T): Record<string, T> =>
    Object.fromEntries(items.map((item, i) => [item.id, f(i)]));
  const center = centerScopes(model);
  const idOf = (ch: number): string => model.channels[ch]?.id ?? '';
  return {
    schemaVersion: SCHEMA_VERSION,
    scenario: model.name,
    seed,
    replications: reps.length,
    serviceLevelDefinition: model.serviceLevelDefinition,
    horizonSec: model.horizonSec,
    warmupSec: model.warmupSec,
    intervalSec: model.intervalSec,
    dayStartSec: model.dayStartSec ?? 0,
    ...startDateField(model),
    summary: {
      overall: { ...channelEstimates(reps.map((k) => k.overall), channelMetricsOf(model)), covers: center.deferred === null ? 'all' : 'live', channels: center.overall.map(idOf) },
      ...(center.deferred === null ? {} : {
        deferred: { ...channelEstimates(reps.map((k) => k.deferred as ChannelRow), channelMetricsOf(model)), covers: 'deferred' as const, channels: center.deferred.map(idOf) },
      }),
      channels: byId(model.channels, (ch) => channelResult(model, ch, reps.map((k) => k.channels[ch] as ChannelRow), erlangOf(ch))),
      groups: byId(model.groups, (g) => estimates(GROUP_METRICS, reps.map((k) => k.groups[g] as Kpis<GroupMetric>))),
      tiers: Object.fromEntries(model.tiers.map((t, i) => [
        String(t.tier),
        { ...estimates(tierMetricsOf(model), reps.map((k) => k.tiers[i] as Kpis<TierMetric>)), mode: i === 0 ? 'front line' : t.mode },
      ])),
      types: Object.fromEntries(model.channels.flatMap((c) => c.types).map((t, i) => {
        const channel = model.channels.find((c) => c.types.includes(t))!;
        return [
          `${channel.id}/${t.id}`,
          { ...estimates(TYPE_METRICS, reps.map((k) => k.types[i] as Kpis<TypeMetric>)), channel: channel.id, priority: t.priority },
        ];
      })),
      ...customersField(model, reps),
      ...campaignsField(model, reps, (k) => k.campaigns),
    },
    intervals: Array.from({ length: withIntervals ? model.intervalCount : 0 }, (_, iv) => ({
      startSec: iv * model.intervalSec,
      ...startField(model, iv * model.intervalSec),
      channels: byId(model.channels, (ch) => channelResult(model, ch, reps.map((k) => k.intervalChannels[iv]?.[ch] as ChannelRow), erlangOf(ch, iv))),
      groups: byId(model.groups, (g) => estimates(GROUP_METRICS, reps.map((k) => k.intervalGroups[iv]?.[g] as Kpis<GroupMetric>))),
      ...campaignsField(model, reps, (k) => k.intervalCampaigns?.[iv]),
    })),
  };
}

/** `campaigns` of a scope from each replication's rows (`rows(k)`, one per campaign); nothing without campaigns. */
export function campaignsField(
  model: Model,
  reps: readonly ReplicationKpis[],
  rows: (k: ReplicationKpis) => readonly Kpis<CampaignMetric>[] | undefined,
): { campaigns?: Record<string, CampaignEstimates> } {
  const list = model.campaigns ?? [];
  if (list.length === 0 || reps.some((k) => rows(k) === undefined)) return {};
  return {
    campaigns: Object.fromEntries(list.map((c, cp) => [c.id, estimates(CAMPAIGN_METRICS, reps.map((k) => rows(k)?.[cp] as Kpis<CampaignMetric>))])),
  };
}

/** `summary.customers` for the channels with same-caller retrials; nothing when there are none (the result as before). */
function customersField(model: Model, reps: readonly ReplicationKpis[]): Pick<RunResult['summary'], 'customers'> {
  const callers = sameCallerChannels(model);
  if (callers.length === 0 || reps.some((k) => k.customers === undefined)) return {};
  return {
    customers: Object.fromEntries(callers.map((ch, i) => [
      model.channels[ch]?.id ?? '',
      estimates(CUSTOMER_METRICS, reps.map((k) => k.customers?.[i] as Kpis<CustomerMetric>)),
    ])),
  };
}
