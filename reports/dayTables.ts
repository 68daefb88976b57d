/**
 * The text report's table of a long run's days (`--intervals day`, reports/intervalDetail.ts):
 * one row a day, the figures a planner scans a year by — volume, service level, ASA,
 * abandonment, occupancy — as means over replications. No Erlang column: Erlang predicts an
 * interval, not a day.
 */
import { count } from './format.js';
import { formatValue } from './metricFormat.js';
import type { Palette } from './palette.js';
import type { DayResult, RunResult } from './result.js';
import { scopeEntries, metricOf, type ScopeEntry } from './scopes.js';
import { renderTable, type Column } from './textTable.js';
import { dayLabel } from './timeline.js';

interface DayRow {
  readonly day: DayResult;
  readonly entry: ScopeEntry;
}

/** Channel `id`'s days, or null when the result has none. */
export function dayTable(r: RunResult, id: string, p: Palette): string | null {
  if (r.days === undefined) return null;
  const rows: DayRow[] = [];
  for (const day of r.days) {
    const entry = scopeEntries({ channels: day.channels }).find((e) => e.id === id);
    if (entry) rows.push({ day, entry });
  }
  const mean = (m: string) => (row: DayRow) => formatValue(m, metricOf(row.entry, m)?.mean);
  const sl = (row: DayRow): string => {
    const text = mean('serviceLevel')(row);
    const value = metricOf(row.entry, 'serviceLevel')?.mean;
    const level = row.entry.target?.level;
    if (value === null || value === undefined || level === undefined) return text;
    return value >= level ? p.green(text) : p.red(text);
  };
  const cols: Column<DayRow>[] = [
    { head: 'day from', cell: (row) => dayLabel(r, row.day.startSec), align: 'left' },
    { head: 'hours', cell: (row) => count(row.day.spanSec / 3600, 1) },
    { head: 'offered', cell: (row) => count(metricOf(row.entry, 'offered')?.mean, 1) },
    { head: 'service level', cell: sl },
    { head: 'ASA', cell: mean('asaSec') },
    { head: 'wait p90', cell: mean('waitP90Sec') },
    { head: 'aband.', cell: mean('abandonRate') },
    { head: 'occupancy', cell: mean('occupancy') },
  ];
  return renderTable(cols, rows, { bold: p.bold });
}
