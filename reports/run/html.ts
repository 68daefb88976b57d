/**
 * One self-contained HTML file of a run (the page of reports/html.ts): the summary tables of
 * ./tables.ts, every chart of ./charts.ts as inline SVG, the per-interval tables folded in
 * `<details>`.
 */
import type { RunResult } from '../../analysis/run/result.js';
import type { Chart } from '../charts.js';
import { escapeHtml, figure, htmlPage, htmlTable, VERDICT_LEGEND } from '../html.js';
import { runCharts } from './charts.js';
import { comparisonTable, intervalTables, runDescription, scopeTables } from './tables.js';

/** The HTML report; `charts` defaults to runCharts(r) (pass them to reuse the specs written out). */
export async function renderHtml(r: RunResult, charts: readonly Chart[] = runCharts(r)): Promise<string> {
  const figures: string[] = [];
  // One at a time, in order: the SVGs come out the same however long each takes.
  for (const chart of charts) figures.push(await figure(chart));
  const comparison = comparisonTable(r);
  const sections = [...scopeTables(r), ...(comparison ? [comparison] : [])].map((t) => `<h2>${escapeHtml(t.title)}</h2>\n${htmlTable(t)}`);
  const intervals = intervalTables(r).map((t) => `<details>\n<summary>${escapeHtml(t.title)}</summary>\n${htmlTable(t)}\n</details>`);
  return htmlPage({
    title: r.scenario,
    heading: r.scenario,
    meta: runDescription(r),
    headerExtra: VERDICT_LEGEND,
    body: `${sections.join('\n')}\n<h2>Charts</h2>\n${figures.join('\n')}\n<h2>Intervals</h2>\n${intervals.join('\n')}`,
    footer: `ccsim run result, schema version ${r.schemaVersion}. Charts: vega-lite, rendered to SVG.`,
  });
}
