/**
 * Tidy CSV of a run (reports/tidyCsv.ts): the context columns `scenario, seed, replications`,
 * the core columns, and `erlang` — the Erlang figure where Erlang predicts the same quantity.
 * One row per scope × metric for the summary, then one per interval × scope × metric (or,
 * for a long run reported per day, one per day × scope × metric, scopes `days.channels` and
 * `days.groups`).
 */
import type { RunResult } from '../../analysis/run/result.js';
import { erlangFigure, scopeEntries, type ScopeEntry } from '../../analysis/scopes.js';
import { csvText, numberCell, tidyCells, TIDY_COLUMNS, type Cell } from '../tidyCsv.js';
import { clockOfDay } from '../timeline.js';

export const CSV_COLUMNS = ['scenario', 'seed', 'replications', ...TIDY_COLUMNS, 'erlang'] as const;

function rowsOf(r: RunResult, entries: readonly ScopeEntry[], startSec: number | null, label?: string): Cell[][] {
  return entries.flatMap((e) =>
    e.metrics.map(([metric, est]) => [
      r.scenario, r.seed, r.replications,
      ...tidyCells({ scope: e.scope, id: e.id, startSec, metric, statistic: 'estimate', mean: est.mean, ci95: est.ci95, ...(label === undefined ? {} : { label }) }, r),
      numberCell(erlangFigure(e, metric)),
    ]),
  );
}

/**
 * Written an interval (or a day) at a time: the same lines as one `csvText` of every row, but
 * a long run's rows are never all held as cells at once.
 */
export function renderCsv(r: RunResult): string {
  const parts = [csvText([[...CSV_COLUMNS], ...rowsOf(r, scopeEntries(r.summary), null)])];
  for (const iv of r.intervals) parts.push(csvText(rowsOf(r, scopeEntries(iv), iv.startSec)));
  // A long run's days (`--intervals day`): scope `days.channels`, `days.groups`, the day's start as interval_start.
  for (const day of r.days ?? []) {
    const entries = scopeEntries({ channels: day.channels, groups: day.groups }).map((e) => ({ ...e, scope: `days.${e.scope}` }));
    parts.push(csvText(rowsOf(r, entries, day.startSec)));
  }
  // A weekday profile (`--intervals weekday`): scope `weekdays.channels`, `weekdays.groups`, id
  // `mon/voice`, interval_start the time of day, interval_start_sec its offset from dayStart.
  for (const row of r.weekdays ?? []) {
    const entries = scopeEntries({ channels: row.channels, groups: row.groups }).map((e) => ({ ...e, scope: `weekdays.${e.scope}`, id: `${row.weekday}/${e.id ?? ''}` }));
    parts.push(csvText(rowsOf(r, entries, row.startSec, clockOfDay(r, row.startSec))));
  }
  return parts.join('');
}
