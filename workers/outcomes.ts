/**
 * The recorded outcomes of a sweep's tasks, keyed by task id (never by finishing order),
 * and the report's data made from them. `ccsim sweep`, its `--resume` and `ccsim merge` all
 * end here, with records read back from their JSONL form, so all three print the same bytes
 * in every format (reports/sweepRender.ts).
 */
import type { ReplicationCounters } from '../engine/recorder.js';
import { buildSweepResult, type SweepErrorEntry, type SweepReportInput, type SweepResult } from '../reports/sweep.js';
import { parseScenarioDocument } from '../scenarios/document.js';
import { parseDuration } from '../scenarios/duration.js';
import { valueAt } from '../scenarios/overrides.js';
import type { ParameterValue } from '../scenarios/sweepValues.js';
import type { TaskRecord } from './checkpoint.js';
import { pointIndexByName, type PlannedPoint, type SweepDefinition } from './plan.js';

export class Outcomes {
  private readonly byId = new Map<string, TaskRecord>();

  /** A completed record is never replaced by an errored one (a retry after resume may fail differently). */
  add(record: TaskRecord): void {
    const previous = this.byId.get(record.id);
    if (previous?.state === 'completed' && record.state === 'errored') return;
    this.byId.set(record.id, record);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Records in (point, replication) order. */
  ordered(): TaskRecord[] {
    return [...this.byId.values()].sort((a, b) => a.point - b.point || a.replication - b.replication);
  }

  /**
   * Completed counters of `point` with replication below `below`, ascending by replication.
   * A precision round decides on replications 0..n−1 only: a resumed sweep may already hold
   * later ones, and must take the same decisions as the run it continues.
   */
  countersOf(point: number, below = Infinity): ReplicationCounters[] {
    return this.ordered().flatMap((r) => (r.point === point && r.replication < below && r.state === 'completed' ? [r.counters] : []));
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
  const counters: ReplicationCounters[][] = planned.map(() => []);
  const errors: SweepErrorEntry[] = [];
  for (const r of records) {
    if (r.state === 'completed') counters[r.point]?.push(r.counters);
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
      name: p.point.name, parameters: p.point.parameters, tidyParameters: tidy[i] ?? {}, model: p.model, seed: p.seed, counters: counters[i] ?? [],
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
