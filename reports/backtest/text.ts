/** The back-test for a terminal: what was compared, the summary first, then each channel's intervals and the notes. */
import type { BacktestResult } from '../../analysis/backtest/result.js';
import { palette } from '../palette.js';
import { textTable, wrap } from '../textTable.js';
import { backtestDescription, intervalTables, summaryTable } from './tables.js';

export function renderBacktestText(r: BacktestResult, options: { readonly colour?: boolean } = {}): string {
  const p = palette(options.colour ?? false);
  const parts: string[] = [wrap(backtestDescription(r)).join('\n'), ''];
  const summary = summaryTable(r);
  parts.push(p.bold(summary.title), textTable(summary, p), '');
  for (const t of intervalTables(r)) parts.push(p.bold(t.title), textTable(t, p), '');
  if (r.notes.length > 0) parts.push(p.bold('Notes'), ...r.notes.flatMap((n) => wrap(`- ${n}`, '  ')), '');
  return `${parts.join('\n')}`;
}
