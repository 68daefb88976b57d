/**
 * The recorded outcomes of a sweep's tasks, keyed by task id (never by finishing order),
 * and the report's data made from them. `ccsim sweep`, its `--resume` and `ccsim merge` all
 * end here, with records read back from their JSONL form, so all three print the same bytes
 * in every format (reports/sweep/render.ts).
 *
 * A completed task is kept as its KPIs (analysis/run/result.ts `replicationKpis`), made as it is
 * added, not as its counters: the per-interval counter arrays — most of a checkpoint's bytes,
 * growing with the horizon — are dropped at once, so a sweep, a resume of a large checkpoint
 * and a merge hold a few kilobytes a task (per-interval rows only when the sweep reports
 * intervals). The KPIs are the same function of the same counters whenever they are made, so
 * the bytes do not change.
 */
import type { ReplicationCounters } from '../engine/recorder.js';
import { replicationKpis } from '../analysis/run/replicationKpis.js';
import { buildSweepResult, type SweepErrorEntry, type SweepReportInput, type SweepResult } from '../analysis/sweep/result.js';
import { type ReplicationRow } from '../analysis/sweep/pointKpis.js';
import { parseScenarioDocument } from '../scenarios/document.js';
import { parseDuration } from '../scenarios/duration.js';
import { valueAt } from '../scenarios/overrides.js';
import type { ParameterValue } from '../scenarios/sweepValues.js';
import type { TaskError, TaskRecord } from './checkpoint.js';
import { pointIndexByName, type PlannedPoint, type SweepDefinition, type Task } from './plan.js';

/** A task's outcome as kept for the report: its KPIs, or its error. */
export type OutcomeEntry = Task & { readonly attempts: number } & (
  | { readonly state: 'completed'; readonly row: ReplicationRow }
  | { readonly state: 'errored'; readonly error: TaskError });

export class Outcomes {
  private readonly byId = new Map<string, OutcomeEntry>();

  /** `planned`: the sweep's points (each record's model); `intervals`: keep per-interval KPIs (the sweep reports them). */
  constructor(private readonly planned: readonly PlannedPoint[], private readonly intervals: boolean) {}

  /** A completed record is never replaced by an errored one (a retry after resume may fail differently). */
  add(record: TaskRecord): void {
    const previous = this.byId.get(record.id);
    if (previous?.state === 'completed' && record.state === 'errored') return;
    this.byId.set(record.id, this.entryOf(record));
  }

  private entryOf(record: TaskRecord): OutcomeEntry {
    const { type: _type, ...fields } = record;
    if (fields.state === 'errored') return fields;
    const { counters, encoded: _encoded, ...task } = fields;
    const model = (this.planned[record.point] as PlannedPoint).model;
    return { ...task, row: { replication: record.replication, kpis: replicationKpis(model, counters as ReplicationCounters, this.intervals) } };
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Entries in (point, replication) order. */
  ordered(): OutcomeEntry[] {
    return [...this.byId.values()].sort((a, b) => a.point - b.point || a.replication - b.replication);
  }

  /**
   * Completed replications of `point` below `below`, ascending by replication.
   * A precision round decides on replications 0..n−1 only: a resumed sweep may already hold
   * later ones, and must take the same decisions as the run it continues.
   */
  rowsOf(point: number, below = Infinity): ReplicationRow[] {
    const rows: ReplicationRow[] = [];
    for (const r of this.byId.values()) if (r.point === point && r.replication < below && r.state === 'completed') rows.push(r.row);
    return rows.sort((a, b) => a.replication - b.replication);
  }
}

/**
 * Each point's parameters as the tidy CSV writes them: every varied path filled — with the
 * scenario's own value where a point leaves it unset (a baseline variant) — and durations
 * (`30s`, `10m`) as numbers of seconds.
 */
function tidyParameters(scenarioText: string, points: readonly Readonly<Record<string, ParameterValue>>[]): Record<string, ParameterValue>[] {
  const paths = [...new Set(points.flatMap((p) => Object.keys(p)))];
  const base = parseScenarioDocument(scenarioText).data;
  const asNumber = (v: unknown): ParameterValue => {
    if (typeof v === 'string') {
      const d = parseDuration(v);
      return d.ok ? d.seconds : v;
    }
    return typeof v === 'number' || typeof v === 'boolean' || v === null ? v : v === undefined ? null : JSON.stringify(v);
  };
  return points.map((p) => Object.fromEntries(paths.map((path) => [path, asNumber(path in p ? p[path] : valueAt(base, path))])));
}

export function reportInput(def: SweepDefinition, planned: readonly PlannedPoint[], outcomes: Outcomes): SweepReportInput {
  const records = outcomes.ordered();
  const rows: ReplicationRow[][] = planned.map(() => []);
  const errors: SweepErrorEntry[] = [];
  for (const r of records) {
    if (r.state === 'completed') rows[r.point]?.push(r.row);
    else {
      errors.push({
        point: r.point, name: planned[r.point]?.point.name ?? '', replication: r.replication, seed: r.seed, message: r.error.message,
        ...(r.error.simTimeSec === undefined ? {} : { simTimeSec: r.error.simTimeSec }),
      });
    }
  }
  const policy = def.replications;
  const tidy = tidyParameters(def.scenario.text, planned.map((p) => p.point.parameters));
  return {
    crn: def.crn,
    replications: policy,
    points: planned.map((p, i) => ({
      name: p.point.name, parameters: p.point.parameters, tidyParameters: tidy[i] ?? {}, model: p.model, seed: p.seed, replications: rows[i] ?? [],
    })),
    errors,
    baseline: def.report.baseline === null ? null : pointIndexByName(def.points, def.report.baseline, '--baseline'),
    objective: def.report.objective,
    precision: policy.mode === 'precision' ? { metric: policy.metric, channel: policy.channel, halfWidth: policy.halfWidth } : null,
    intervals: def.report.intervals,
  };
}

export function sweepResult(def: SweepDefinition, planned: readonly PlannedPoint[], outcomes: Outcomes): { result: SweepResult; input: SweepReportInput } {
  const input = reportInput(def, planned, outcomes);
  return { result: buildSweepResult(input), input };
}
