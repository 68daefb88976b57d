/**
 * GitHub-flavoured Markdown of a run, for pull-request comments: the tables of
 * reports/tables.ts, per-interval tables folded in `<details>`, service levels marked
 * ✅ / ⚠️ / ❌ for their 95% CI against the target (met / straddles / missed).
 */
import type { RunResult } from '../analysis/run/result.js';
import { comparisonTable, intervalTables, runDescription, scopeTables, type Cell, type ReportTable } from './tables.js';

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

export function renderMarkdown(r: RunResult): string {
  const out: string[] = [`## ccsim: ${mdCell(r.scenario)}`, runDescription(r)];
  const comparison = comparisonTable(r);
  for (const t of [...scopeTables(r), ...(comparison ? [comparison] : [])]) out.push(`### ${mdCell(t.title)}\n\n${mdTable(t)}`);
  for (const t of intervalTables(r)) out.push(`<details><summary>${mdCell(t.title)}</summary>\n\n${mdTable(t)}\n\n</details>`);
  return `${out.join('\n\n')}\n`;
}
