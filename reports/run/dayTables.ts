/**
 * The text report's table of a long run's days (`--intervals day`, analysis/run/intervalDetail.ts):
 * one row a day, the figures a planner scans a year by — volume, service level, ASA,
 * abandonment, occupancy — as means over replications. No Erlang column: Erlang predicts an
 * interval, not a day.
 */
import { count } from '../format.js';
import { formatValue } from '../metricFormat.js';
import type { Palette } from '../palette.js';
import type { DayResult, RunResult } from '../../analysis/run/result.js';
import { scopeEntries, metricOf, type ScopeEntry } from '../../analysis/scopes.js';
import { renderTable, type Column } from '../textTable.js';
import { clockOfDay, dayLabel } from '../timeline.js';

interface DayRow {
  readonly day: Pick<DayResult, 'startSec' | 'spanSec'>;
  readonly label: string;
  /** How many days a weekday-profile row sums. */
  readonly days?: number;
  readonly entry: ScopeEntry;
}

/** Channel `id`'s days, or null when the result has none. */
export function dayTable(r: RunResult, id: string, p: Palette): string | null {
  if (r.days === undefined) return null;
  const hours: Column<DayRow> = { head: 'hours', cell: (row) => count(row.day.spanSec / 3600, 1) };
  return periodTable(rowsOf(r.days, id, (day) => dayLabel(r, day.startSec)), 'day from', hours, p);
}

/**
 * Channel `id`'s weekday profile (`--intervals weekday`): a row per weekday × interval of the
 * day, `Mon 08:30`, its counts summed over the weekday's days (`days` says how many); or null.
 */
export function weekdayTable(r: RunResult, id: string, p: Palette): string | null {
  if (r.weekdays === undefined) return null;
  const name = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  const rows = rowsOf(r.weekdays, id, (row) => `${name(row.weekday)} ${clockOfDay(r, row.startSec)}`, (row) => row.days);
  return periodTable(rows, 'interval', { head: 'days', cell: (row) => String(row.days ?? '') }, p);
}

function rowsOf<T extends Pick<DayResult, 'startSec' | 'spanSec' | 'channels'>>(periods: readonly T[], id: string, label: (row: T) => string, days?: (row: T) => number): DayRow[] {
  const rows: DayRow[] = [];
  for (const day of periods) {
    const entry = scopeEntries({ channels: day.channels }).find((e) => e.id === id);
    if (entry) rows.push({ day, label: label(day), entry, ...(days === undefined ? {} : { days: days(day) }) });
  }
  return rows;
}

/** Rows of periods (days, weekday-profile rows): volume, service level, ASA, abandonment, occupancy. */
function periodTable(rows: readonly DayRow[], labelHead: string, span: Column<DayRow>, p: Palette): string {
  const mean = (m: string) => (row: DayRow) => formatValue(m, metricOf(row.entry, m)?.mean);
  const sl = (row: DayRow): string => {
    const text = mean('serviceLevel')(row);
    const value = metricOf(row.entry, 'serviceLevel')?.mean;
    const level = row.entry.target?.level;
    if (value === null || value === undefined || level === undefined) return text;
    return value >= level ? p.green(text) : p.red(text);
  };
  const cols: Column<DayRow>[] = [
    { head: labelHead, cell: (row) => row.label, align: 'left' },
    span,
    { head: 'offered', cell: (row) => count(metricOf(row.entry, 'offered')?.mean, 1) },
    { head: 'service level', cell: sl },
    { head: 'ASA', cell: mean('asaSec') },
    { head: 'wait p90', cell: mean('waitP90Sec') },
    { head: 'aband.', cell: mean('abandonRate') },
    { head: 'occupancy', cell: mean('occupancy') },
  ];
  return renderTable(cols, rows, { bold: p.bold });
}
