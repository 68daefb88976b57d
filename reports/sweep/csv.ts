/**
 * The sweep result as tidy CSV (reports/tidyCsv.ts): the context columns `point, name` and one
 * column per varied parameter, the core columns (summary rows: no interval), and `n` — the
 * replications in which the metric is defined (paired ones for a difference). One row per
 * point × scope × metric × statistic: `estimate` (the point's mean and 95% CI over its
 * replications) and, with `--baseline`, `difference` (this point minus the baseline, paired
 * by replication).
 */
import type { Estimate } from '../../analysis/confidence.js';
import type { MetricRef } from '../../analysis/objective.js';
import { type SweepReportInput, type SweepResult } from '../../analysis/sweep/result.js';
import { pointKpis, series } from '../../analysis/sweep/pointKpis.js';
import { isEstimate } from '../../analysis/scopes.js';
import { csvText, tidyCells, TIDY_COLUMNS, type Cell } from '../tidyCsv.js';

export function sweepCsv(result: SweepResult, input: SweepReportInput): string {
  const header = ['point', 'name', ...result.parameters, ...TIDY_COLUMNS, 'n'];
  const rows: Cell[][] = [header];
  result.points.forEach((p, i) => {
    const point = input.points[i] as SweepReportInput['points'][number];
    const k = pointKpis(point.model, point.replications);
    const defined = (ref: MetricRef): number => series(k, ref).filter(Number.isFinite).length;
    const values = input.points[i]?.tidyParameters ?? p.parameters;
    const head: Cell[] = [p.index, p.name, ...result.parameters.map((path) => {
      const v = values[path];
      return v === undefined || v === null ? '' : typeof v === 'number' ? v : String(v);
    })];
    const scopes: [MetricRef['scope'], string | null, Record<string, unknown>][] = [
      ['overall', null, { ...p.summary.overall }],
      ...Object.entries(p.summary.channels).map(([id, c]): [MetricRef['scope'], string, Record<string, unknown>] => ['channels', id, { ...c }]),
      ...Object.entries(p.summary.groups).map(([id, g]): [MetricRef['scope'], string, Record<string, unknown>] => ['groups', id, { ...g }]),
      // Outbound campaigns (absent without them): estimates only, no paired differences.
      ...Object.entries(p.summary.campaigns ?? {}).map(([id, c]): [MetricRef['scope'], string, Record<string, unknown>] => ['campaigns', id, { ...c }]),
    ];
    const row = (scope: MetricRef, statistic: 'estimate' | 'difference', e: Estimate, n: number): Cell[] =>
      [...head, ...tidyCells({ scope: scope.scope, id: scope.id, startSec: null, metric: scope.metric, statistic, mean: e.mean, ci95: e.ci95 }, {}), n];
    for (const [scope, id, estimates] of scopes) {
      const diffs = scope === 'overall' ? p.difference?.overall : scope === 'channels' ? p.difference?.channels[id ?? '']
        : scope === 'groups' ? p.difference?.groups[id ?? ''] : undefined;
      for (const [metric, value] of Object.entries(estimates)) {
        // Skip the members of a channel result that are not estimates (target, erlang…).
        if (!isEstimate(value)) continue;
        const ref: MetricRef = { scope, id, metric };
        rows.push(row(ref, 'estimate', value, defined(ref)));
        const d = diffs?.[metric];
        if (d) rows.push(row(ref, 'difference', d, d.n));
      }
    }
  });
  return csvText(rows);
}
