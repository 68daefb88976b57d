/**
 * GitHub-flavoured Markdown tables, for pull-request comments: a report's table (reports/tables.ts)
 * with service levels marked ✅ / ⚠️ / ❌ for their 95% CI against the target (met / straddles /
 * missed). The run's and the sweep's Markdown reports (reports/run/markdown.ts,
 * reports/sweep/markdown.ts) are made of these.
 */
import type { Cell, ReportTable } from './tables.js';

const MARK = { pass: ' ✅', fail: ' ❌', inconclusive: ' ⚠️', undefined: '' } as const;

/** A table cell: backslashes and pipes escaped, newlines flattened (a GFM row is one line). */
export function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const cellMd = (c: Cell): string => mdCell(typeof c === 'string' ? c : `${c.text}${MARK[c.status]}`);

export function mdTable(t: ReportTable): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const rule = line(t.head.map((_, i) => (i < t.labelColumns ? '---' : '---:')));
  return [line(t.head.map(mdCell)), rule, ...t.rows.map((row) => line(row.map(cellMd)))].join('\n');
}
