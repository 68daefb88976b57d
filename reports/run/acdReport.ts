/**
 * A simulated day as an ACD interval report, in the canonical columns of the interval report
 * that `ccsim calibrate` and `ccsim backtest` read (scenarios/intervalReport.ts): the rows
 * workers/acdReport.ts sums from the per-contact trace, as CSV.
 */
import type { AcdRow } from '../../analysis/run/acdRow.js';
import { csvText, numberCell, type Cell } from '../tidyCsv.js';

/** The canonical columns (report-format.md), in order. */
export const ACD_COLUMNS = ['interval_start', 'channel', 'offered', 'answered', 'abandoned', 'aht', 'asa', 'answered_within', 'staffed', 'ata'] as const;

/** Seconds with at most three decimals (a millisecond is below any ACD's resolution). */
const rounded = (x: number): Cell => numberCell(Number.isFinite(x) ? Math.round(x * 1000) / 1000 : NaN);

/** The report as CSV in the canonical columns. */
export function acdReportCsv(rows: readonly AcdRow[], label: (startSec: number) => string): string {
  const body = rows.map((r): Cell[] => [
    label(r.startSec), r.channel, r.offered, r.answered, r.abandoned, rounded(r.ahtSec), rounded(r.asaSec), r.answeredWithin, rounded(r.staffed), rounded(r.ataSec),
  ]);
  return csvText([[...ACD_COLUMNS], ...body]);
}
