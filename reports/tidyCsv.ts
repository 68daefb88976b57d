/**
 * The one CSV vocabulary of ccsim's results (run, sweep, staff): tidy data, one observation a
 * row (Wickham, "Tidy Data", 2014). Every CSV starts with its own context columns (a run's
 * scenario, seed and replications; a sweep's point, name and varied parameters) and then has
 * the same core columns, with the same names and meanings:
 *
 *   scope, id, interval_start, interval_start_sec, metric, statistic, mean, ci_low, ci_high, unit
 *
 * - `scope` and `metric` are the JSON result's own keys (`channels`, `groups`, `tiers`,
 *   `overall`…; `serviceLevel`, `asaSec`…), `id` the channel, group, tier or type id (empty
 *   for a whole-center scope);
 * - `interval_start` is the interval's clock time from the scenario's `dayStart` (`08:30`,
 *   `d2 08:30` on later days), or its date and time with a `startDate` (`2026-03-02 08:30`) and `interval_start_sec` its offset from the start of the
 *   recorded day; both empty on summary rows;
 * - `statistic` says what `mean` is: `estimate` (mean over replications, with its 95% CI),
 *   `difference` (a sweep point minus the baseline, paired by replication) or `value` (a
 *   figure with no uncertainty, e.g. the agents a staffing search chose);
 * - `unit`: `share` (0–1), `seconds`, `hours`, `count`, `agents`, `currency`, `erlangs`, or
 *   empty for a plain number. Every duration is a number of seconds (or hours when the metric
 *   says so), never text.
 * Numbers are written in full precision (JavaScript's shortest round-tripping form); an empty
 * cell is a missing value.
 */
import { stringify } from 'csv-stringify/sync';
import type { Estimate } from '../analysis/confidence.js';
import { metricKind } from './metricFormat.js';
import type { Timeline } from '../analysis/timeline.js';
import { timeLabel } from './timeline.js';

export const TIDY_COLUMNS = ['scope', 'id', 'interval_start', 'interval_start_sec', 'metric', 'statistic', 'mean', 'ci_low', 'ci_high', 'unit'] as const;

export type Cell = string | number;

/** One observation, before the context columns. */
export interface TidyRow {
  readonly scope: string;
  readonly id: string | null;
  /** Offset of the interval from the start of the recorded day; null on a summary row. */
  readonly startSec: number | null;
  readonly metric: string;
  readonly statistic: 'estimate' | 'difference' | 'value';
  readonly mean: number | null;
  readonly ci95?: readonly [number, number] | null;
  /** `interval_start` when it is not the moment `startSec` after time 0 (a weekday profile's time of day). */
  readonly label?: string;
}

export const numberCell = (x: number | null | undefined): Cell => (x === null || x === undefined || !Number.isFinite(x) ? '' : x);

/** The unit of a metric's values in CSV (see the header comment). */
export function metricUnit(metric: string): string {
  if (/Agents$|^fte$/.test(metric)) return 'agents';
  if (metric === 'loadErlangs') return 'erlangs';
  switch (metricKind(metric)) {
    case 'percent': return 'share';
    case 'seconds': return 'seconds';
    case 'hours': return 'hours';
    case 'money': return 'currency';
    case 'count': return 'count';
    case 'number': return '';
  }
}

/** The core cells of a row; the result's timeline labels the interval (reports/timeline.ts). */
export function tidyCells(row: TidyRow, timeline: Timeline): Cell[] {
  return [
    row.scope, row.id ?? '', row.startSec === null ? '' : (row.label ?? timeLabel(timeline, row.startSec)), numberCell(row.startSec),
    row.metric, row.statistic, numberCell(row.mean), numberCell(row.ci95?.[0]), numberCell(row.ci95?.[1]), metricUnit(row.metric),
  ];
}

/** An estimate as a row's mean and CI. */
export const fromEstimate = (e: Estimate | undefined): Pick<TidyRow, 'mean' | 'ci95'> => ({ mean: e?.mean ?? null, ci95: e?.ci95 ?? null });

/**
 * A text cell a spreadsheet would read as a formula (=, +, −, @, or a tab or carriage return
 * first) gets a leading apostrophe, as OWASP advises against CSV injection: a scenario named
 * `=HYPERLINK(…)` is shown, never run.
 */
export function neutralized(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The CSV text of a header and rows (numbers unrounded, text cells neutralized, Unix line ends). */
export function csvText(rows: readonly (readonly Cell[])[]): string {
  return stringify(rows as Cell[][], { record_delimiter: 'unix', cast: { number: (x) => String(x), string: neutralized } });
}
