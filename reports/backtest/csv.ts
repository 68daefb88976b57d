/**
 * Tidy CSV of a back-test: one row per channel × interval × metric (actual, predicted median,
 * band, inside 1/0), then one row per channel × metric with the day's summary in the
 * coverage, mean_abs_error and bias columns (interval_start blank). Shares as shares, ASA in
 * seconds (`unit`), numbers unrounded; blank where undefined.
 */
import type { BacktestResult } from '../../analysis/backtest/result.js';
import { csvText, metricUnit, numberCell, type Cell } from '../tidyCsv.js';

export const BACKTEST_CSV_COLUMNS = [
  'scenario', 'seed', 'replications', 'level', 'channel', 'interval_start', 'interval_start_sec', 'metric',
  'actual', 'median', 'band_low', 'band_high', 'inside', 'coverage', 'mean_abs_error', 'bias', 'unit',
] as const;

export function renderBacktestCsv(r: BacktestResult): string {
  const context: Cell[] = [r.scenario, r.seed, r.replications, r.level];
  const rows: Cell[][] = [[...BACKTEST_CSV_COLUMNS]];
  for (const x of r.rows) {
    rows.push([
      ...context, x.channel, x.label, x.startSec, x.metric, numberCell(x.actual), numberCell(x.median), numberCell(x.lo), numberCell(x.hi),
      x.inside === null ? '' : x.inside ? 1 : 0, '', '', '', metricUnit(x.metric),
    ]);
  }
  for (const s of r.summary) {
    rows.push([...context, s.channel, '', '', s.metric, '', '', '', '', '', numberCell(s.coverage), numberCell(s.meanAbsError), numberCell(s.bias), metricUnit(s.metric)]);
  }
  return csvText(rows);
}
