/**
 * One self-contained HTML file of a sweep: the run report's stylesheet and table writer
 * (reports/html.ts), the tables of reports/sweep/tables.ts and every chart of
 * reports/sweep/charts.ts as inline SVG. No script, no external URL, no timestamp: the same
 * sweep gives the same bytes, whether it ran on one machine or was merged from shards.
 */
import type { Chart } from '../charts.js';
import { escapeHtml, figure, htmlPage, htmlTable, VERDICT_LEGEND } from '../html.js';
import type { SweepResult } from '../../analysis/sweep/result.js';
import { sweepCharts } from './charts.js';
import { sweepLayout } from './points.js';
import {
  differenceNote, errorLines, objectiveLines, objectiveTable, reportTables, sweepDescription,
} from './tables.js';
import type { ReportTable } from '../tables.js';

const section = (t: ReportTable): string => `<h2>${escapeHtml(t.title)}</h2>\n${htmlTable(t)}`;

function tables(r: SweepResult): string[] {
  const layout = sweepLayout(r);
  const { figures, differences } = reportTables(r, layout);
  const out = [...figures.map(section), ...differences.map(section)];
  if (differences.length > 0) out.push(`<p class="legend">${escapeHtml(differenceNote(r))}</p>`);
  const objective = objectiveTable(r, layout);
  if (objective) {
    const [rule, best] = objectiveLines(r);
    out.push(`<h2>Objective</h2>\n<p>${escapeHtml(rule ?? '')}</p>\n<p><strong>${escapeHtml(best ?? '')}</strong></p>\n${htmlTable(objective)}`);
  }
  const errors = errorLines(r);
  if (errors.length > 0) {
    out.push(`<h2>Errored tasks (${r.errors.length})</h2>\n<ul>\n${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('\n')}\n</ul>`);
  }
  return out;
}

/** The HTML report; `charts` defaults to sweepCharts(r) (pass them to reuse the specs written out). */
export async function renderSweepHtml(r: SweepResult, charts: readonly Chart[] = sweepCharts(r)): Promise<string> {
  const figures: string[] = [];
  // One at a time, in order: vega numbers its clip paths from a process-wide counter.
  for (const chart of charts) figures.push(await figure(chart));
  const chartsHtml = figures.length > 0 ? figures.join('\n') : '<p>No chart: no channel metric varies from zero.</p>';
  return htmlPage({
    title: `sweep — ${r.scenario}`,
    heading: `${r.scenario} — sweep`,
    meta: sweepDescription(r).join(' · '),
    headerExtra: VERDICT_LEGEND,
    body: `${tables(r).join('\n')}\n<h2>Charts</h2>\n${chartsHtml}`,
    footer: `ccsim sweep result, schema version ${r.schemaVersion}. Charts: vega-lite, rendered to SVG.`,
  });
}

