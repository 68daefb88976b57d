/**
 * GitHub-flavoured Markdown of a run, for pull-request comments: the tables of ./tables.ts,
 * per-interval tables folded in `<details>` (reports/markdown.ts marks the service levels).
 */
import type { RunResult } from '../../analysis/run/result.js';
import { mdCell, mdTable } from '../markdown.js';
import { comparisonTable, intervalTables, runDescription, scopeTables } from './tables.js';

/** The Markdown report of a run. */
export function renderMarkdown(r: RunResult): string {
  const out: string[] = [`## ccsim: ${mdCell(r.scenario)}`, runDescription(r)];
  const comparison = comparisonTable(r);
  for (const t of [...scopeTables(r), ...(comparison ? [comparison] : [])]) out.push(`### ${mdCell(t.title)}\n\n${mdTable(t)}`);
  for (const t of intervalTables(r)) out.push(`<details><summary>${mdCell(t.title)}</summary>\n\n${mdTable(t)}\n\n</details>`);
  return `${out.join('\n\n')}\n`;
}
