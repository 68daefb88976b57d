/**
 * The result of `ccsim sweep` (and of `ccsim merge`): for every point its run summary (the
 * `summary` of `ccsim run`, analysis/run/result.ts, with Erlang beside each channel), optionally
 * its intervals, its paired differences against the baseline point, its precision figures,
 * the best point under the objective, and the tasks that errored. This object is the JSON
 * contract (`schemaVersion`); a tidy CSV of it is in reports/sweep/csv.ts.
 *
 * It is a pure function of the replications' KPIs (analysis/run/result.ts `replicationKpis`, made
 * from each task's counters as it is recorded), taken in (point, replication) order, so the
 * bytes never depend on the number of workers or the order tasks finished in.
 */
import type { Model } from '../../engine/model.js';
import type { Estimate } from '../confidence.js';
import type { ChannelMetric } from '../kpi.js';
import { judgeObjective, type MetricRef, type ObjectiveResult, type ObjectiveSpec } from '../objective.js';
import { pairedDifference, type Difference } from '../pairedDifference.js';
import { runResultOf, type IntervalResult, type RunResult } from '../run/result.js';
import { halfWidthOf, pointKpis, precisionRef, scopeOf, series, type PointKpis, type ReplicationRow } from './pointKpis.js';

export const SWEEP_SCHEMA_VERSION = 1;

type ParameterValue = string | number | boolean | null;

export interface SweepPointInput {
  readonly name: string;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  /** The parameters as the tidy CSV writes them (every varied path, durations in seconds); `parameters` when absent. */
  readonly tidyParameters?: Readonly<Record<string, ParameterValue>>;
  readonly model: Model;
  readonly seed: number;
  /** Completed replications, ascending by replication index. */
  readonly replications: readonly ReplicationRow[];
}

export interface SweepErrorEntry {
  readonly point: number;
  readonly name: string;
  readonly replication: number;
  readonly seed: number;
  readonly message: string;
  readonly simTimeSec?: number;
}

export interface PrecisionSpec {
  readonly metric: ChannelMetric;
  readonly channel: string | null;
  readonly halfWidth: number;
}

export interface SweepReportInput {
  readonly crn: boolean;
  /** The replication policy as the sweep was asked for (echoed). */
  readonly replications: unknown;
  readonly points: readonly SweepPointInput[];
  readonly errors: readonly SweepErrorEntry[];
  readonly baseline: number | null;
  readonly objective: ObjectiveSpec | null;
  readonly precision: PrecisionSpec | null;
  readonly intervals: boolean;
}

export interface ScopeDifferences {
  readonly overall: Record<string, Difference>;
  readonly channels: Record<string, Record<string, Difference>>;
  readonly groups: Record<string, Record<string, Difference>>;
}

export interface SweepPointResult {
  readonly index: number;
  readonly name: string;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  readonly seed: number;
  readonly replications: number;
  readonly errored: number;
  readonly precision?: { readonly halfWidth: number | null; readonly met: boolean };
  readonly summary: RunResult['summary'];
  readonly intervals?: readonly IntervalResult[];
  /** This point minus the baseline, replication by replication. */
  readonly difference?: ScopeDifferences;
}

export interface SweepResult {
  readonly schemaVersion: number;
  readonly kind: 'sweep';
  readonly scenario: string;
  readonly crn: boolean;
  readonly replications: unknown;
  readonly serviceLevelDefinition: string;
  readonly parameters: readonly string[];
  readonly precision: PrecisionSpec | null;
  readonly baseline: { readonly point: number; readonly name: string } | null;
  readonly points: readonly SweepPointResult[];
  readonly objective: ObjectiveResult | null;
  readonly errors: readonly SweepErrorEntry[];
}

/** Half-width of the 95% CI of the precision metric (null when it cannot be estimated). */
export function precisionHalfWidth(k: PointKpis, spec: PrecisionSpec): number | null {
  return halfWidthOf(k, precisionRef(spec.metric, spec.channel));
}

function differences(model: Model, k: PointKpis, base: PointKpis): ScopeDifferences {
  const first = k.byReplication.find((s) => s !== undefined) ?? base.byReplication.find((s) => s !== undefined);
  const diff = (scope: MetricRef['scope'], id: string | null, metrics: readonly string[]): Record<string, Difference> =>
    Object.fromEntries(metrics.map((metric) => [metric, pairedDifference(series(k, { scope, id, metric }), series(base, { scope, id, metric }))]));
  const metricsOf = (o: object | undefined): string[] => Object.keys(o ?? {});
  return {
    overall: diff('overall', null, metricsOf(first?.overall)),
    channels: Object.fromEntries(model.channels.map((c) => [c.id, diff('channels', c.id, metricsOf(first?.channels[c.id]))])),
    groups: Object.fromEntries(model.groups.map((g) => [g.id, diff('groups', g.id, metricsOf(first?.groups[g.id]))])),
  };
}

function estimateOf(summary: RunResult['summary'], ref: MetricRef): Estimate | undefined {
  return (scopeOf(summary, ref) as Record<string, Estimate> | undefined)?.[ref.metric];
}

export function buildSweepResult(input: SweepReportInput): SweepResult {
  const needKpis = input.baseline !== null || input.precision !== null;
  const kpis = needKpis ? input.points.map((p) => pointKpis(p.model, p.replications)) : [];
  const base = input.baseline === null ? null : (kpis[input.baseline] ?? null);
  const runs = input.points.map((p) => runResultOf(p.model, p.seed, p.replications.map((r) => r.kpis), input.intervals));
  const points = input.points.map((p, index): SweepPointResult => {
    const k = kpis[index];
    const run = runs[index] as RunResult;
    const h = input.precision === null || k === undefined ? undefined : precisionHalfWidth(k, input.precision);
    return {
      index,
      name: p.name,
      parameters: p.parameters,
      seed: p.seed,
      replications: p.replications.length,
      errored: input.errors.filter((e) => e.point === index).length,
      ...(input.precision === null ? {} : { precision: { halfWidth: h ?? null, met: h !== null && h !== undefined && h <= input.precision.halfWidth } }),
      summary: run.summary,
      ...(input.intervals ? { intervals: run.intervals } : {}),
      ...(base === null || k === undefined ? {} : { difference: differences(p.model, k, base) }),
    };
  });
  const parameters = [...new Set(input.points.flatMap((p) => Object.keys(p.parameters)))];
  const objective = input.objective === null ? null : judgeObjective(input.objective, input.points.map((p, i) => ({
    name: p.name,
    agents: p.model.groups.reduce((n, g) => n + g.count, 0),
    estimate: (ref: MetricRef) => estimateOf((runs[i] as RunResult).summary, ref),
  })));
  const first = input.points[0]?.model;
  return {
    schemaVersion: SWEEP_SCHEMA_VERSION,
    kind: 'sweep',
    scenario: first?.name ?? '',
    crn: input.crn,
    replications: input.replications,
    serviceLevelDefinition: first?.serviceLevelDefinition ?? '',
    parameters,
    precision: input.precision,
    baseline: input.baseline === null ? null : { point: input.baseline, name: input.points[input.baseline]?.name ?? '' },
    points,
    objective,
    errors: input.errors,
  };
}
