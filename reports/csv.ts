/**
 * Tidy CSV of a run (reports/tidyCsv.ts): the context columns `scenario, seed, replications`,
 * the core columns, and `erlang` — the Erlang figure where Erlang predicts the same quantity.
 * One row per scope × metric for the summary, then one per interval × scope × metric.
 */
import type { RunResult } from './result.js';
import { erlangFigure, scopeEntries, type ScopeEntry } from './scopes.js';
import { csvText, numberCell, tidyCells, TIDY_COLUMNS, type Cell } from './tidyCsv.js';

export const CSV_COLUMNS = ['scenario', 'seed', 'replications', ...TIDY_COLUMNS, 'erlang'] as const;

function rowsOf(r: RunResult, entries: readonly ScopeEntry[], startSec: number | null): Cell[][] {
  return entries.flatMap((e) =>
    e.metrics.map(([metric, est]) => [
      r.scenario, r.seed, r.replications,
      ...tidyCells({ scope: e.scope, id: e.id, startSec, metric, statistic: 'estimate', mean: est.mean, ci95: est.ci95 }, r.dayStartSec),
      numberCell(erlangFigure(e, metric)),
    ]),
  );
}

export function renderCsv(r: RunResult): string {
  const rows: Cell[][] = [[...CSV_COLUMNS], ...rowsOf(r, scopeEntries(r.summary), null)];
  for (const iv of r.intervals) rows.push(...rowsOf(r, scopeEntries(iv), iv.startSec));
  return csvText(rows);
}
