/**
 * The sweep result as a tidy CSV (one observation a row, Wickham 2014): one row per
 * point × scope × metric × statistic, with the columns
 *
 *   point, name, <one column per varied parameter>, scope, scope_id, metric, statistic,
 *   mean, ci_low, ci_high, n
 *
 * - `scope` is `overall`, `channel` or `group`; `scope_id` the channel or group id (empty
 *   for overall) — two columns, so a channel and a group may share an id;
 * - `statistic` is `estimate` (the point's mean and 95% CI over its replications) or
 *   `difference` (this point minus the baseline, paired by replication; only with
 *   `--baseline`);
 * - `n` is the number of replications in which the metric is defined (paired ones for a
 *   difference); an undefined mean or CI is an empty cell.
 */
import { stringify } from 'csv-stringify/sync';
import type { Estimate } from './confidence.js';
import { pointKpis, series, type SweepReportInput, type SweepResult } from './sweep.js';
import type { MetricRef } from './objective.js';

type Cell = string | number;

const cell = (v: number | null | undefined): Cell => (v === null || v === undefined ? '' : v);

function row(head: readonly Cell[], scope: MetricRef, statistic: string, e: Estimate | undefined, n: number): Cell[] {
  return [...head, scope.scope === 'overall' ? 'overall' : scope.scope === 'channels' ? 'channel' : 'group', scope.id ?? '', scope.metric,
    statistic, cell(e?.mean), cell(e?.ci95?.[0]), cell(e?.ci95?.[1]), n];
}

export function sweepCsv(result: SweepResult, input: SweepReportInput): string {
  const header = ['point', 'name', ...result.parameters, 'scope', 'scope_id', 'metric', 'statistic', 'mean', 'ci_low', 'ci_high', 'n'];
  const rows: Cell[][] = [header];
  result.points.forEach((p, i) => {
    const k = pointKpis(input.points[i] as SweepReportInput['points'][number]);
    const defined = (ref: MetricRef): number => series(k, ref).filter(Number.isFinite).length;
    const head: Cell[] = [p.index, p.name, ...result.parameters.map((path) => {
      const v = p.parameters[path];
      return v === undefined || v === null ? '' : String(v);
    })];
    const scopes: [MetricRef['scope'], string | null, Record<string, unknown>][] = [
      ['overall', null, { ...p.summary.overall }],
      ...Object.entries(p.summary.channels).map(([id, c]): [MetricRef['scope'], string, Record<string, unknown>] => ['channels', id, { ...c }]),
      ...Object.entries(p.summary.groups).map(([id, g]): [MetricRef['scope'], string, Record<string, unknown>] => ['groups', id, { ...g }]),
    ];
    for (const [scope, id, estimates] of scopes) {
      const diffs = scope === 'overall' ? p.difference?.overall : scope === 'channels' ? p.difference?.channels[id ?? ''] : p.difference?.groups[id ?? ''];
      for (const [metric, value] of Object.entries(estimates)) {
        // Skip the members of a channel result that are not estimates (target, erlang…).
        if (value === null || typeof value !== 'object' || !('mean' in value) || !('ci95' in value)) continue;
        const ref: MetricRef = { scope, id, metric };
        rows.push(row(head, ref, 'estimate', value as Estimate, defined(ref)));
        const d = diffs?.[metric];
        if (d) rows.push(row(head, ref, 'difference', d, d.n));
      }
    }
  });
  return stringify(rows, { record_delimiter: 'unix' });
}
