/**
 * Tidy CSV of a run (one observation a row: Wickham, "Tidy Data", 2014): one row per scope ×
 * metric for the summary, then one per interval × scope × metric, with the mean, the 95% CI
 * and, where Erlang predicts the same quantity, the Erlang figure. Empty cells are missing
 * values (no CI with one replication, no Erlang counterpart, a summary row's interval).
 * Numbers are written in full precision (JavaScript's shortest round-tripping form).
 */
import { stringify } from 'csv-stringify/sync';
import type { RunResult } from './result.js';
import { erlangFigure, scopeEntries, type ScopeEntry } from './scopes.js';

export const CSV_COLUMNS = [
  'scenario', 'seed', 'replications', 'scope', 'id', 'interval_start_sec', 'metric', 'mean', 'ci_low', 'ci_high', 'erlang',
] as const;

type Cell = string | number;

const cell = (x: number | null | undefined): Cell => (x === null || x === undefined || !Number.isFinite(x) ? '' : x);

function rowsOf(r: RunResult, entries: readonly ScopeEntry[], startSec: number | null): Cell[][] {
  return entries.flatMap((e) =>
    e.metrics.map(([metric, est]) => [
      r.scenario, r.seed, r.replications, e.scope, e.id ?? '', cell(startSec), metric,
      cell(est.mean), cell(est.ci95?.[0]), cell(est.ci95?.[1]), cell(erlangFigure(e, metric)),
    ]),
  );
}

export function renderCsv(r: RunResult): string {
  const rows: Cell[][] = [[...CSV_COLUMNS], ...rowsOf(r, scopeEntries(r.summary), null)];
  for (const iv of r.intervals) rows.push(...rowsOf(r, scopeEntries(iv), iv.startSec));
  return stringify(rows, { cast: { number: (x) => String(x) } });
}
