/**
 * The staffing result as one self-contained HTML file: the chart "required agents per
 * interval: Erlang vs simulated" (vega-lite, rendered to SVG by reports/svg.ts like the run
 * report's charts), the interval table, totals and notes.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Chart } from '../charts.js';
import { clock, pct } from '../format.js';
import { escapeHtml } from '../html.js';
import { renderSvg } from '../svg.js';
import type { StaffingResult } from './result.js';

export function staffingChart(r: StaffingResult): Chart {
  const values = r.intervals.flatMap((iv) => [
    { t: iv.startSec * 1000, plan: 'Erlang', agents: iv.erlangAgents },
    { t: iv.startSec * 1000, plan: 'simulated', agents: iv.simulatedAgents },
  ]);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Required agents per interval: Erlang vs simulated',
    width: 680,
    height: 220,
    data: { values },
    config: { font: 'Helvetica, Arial, sans-serif', view: { stroke: null }, axis: { grid: true, gridOpacity: 0.4 } },
    mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2, point: true },
    encoding: {
      x: { field: 't', type: 'temporal', title: null, scale: { type: 'utc' }, axis: { format: '%H:%M', labelAngle: 0, labelOverlap: true } },
      y: { field: 'agents', type: 'quantitative', title: 'agents on duty', scale: { zero: true } },
      color: { field: 'plan', type: 'nominal', title: null, scale: { range: ['#f58518', '#4c78a8'] } },
      strokeDash: { field: 'plan', type: 'nominal', legend: null, scale: { range: [[6, 4], [1, 0]] } },
    },
  } as unknown as TopLevelSpec;
  return { id: 'required-agents', title: 'Required agents per interval: Erlang vs simulated', spec };
}

export async function renderStaffingHtml(r: StaffingResult, chart: Chart = staffingChart(r)): Promise<string> {
  const svg = await renderSvg(chart.spec);
  const channelIds = Object.keys(r.intervals[0]?.channels ?? {});
  const head = ['interval', 'Erlang', 'simulated', ...channelIds.map((id) => `${id} SL (95% CI)`), 'met', 'vs Erlang'];
  const rows = r.intervals.map((iv) => [
    clock(r.dayStartSec + iv.startSec), String(iv.erlangAgents), String(iv.simulatedAgents),
    ...channelIds.map((id) => {
      const e = iv.channels[id]?.serviceLevel;
      return e?.mean == null ? '–' : `${pct(e.mean)}${e.ci95 ? ` [${pct(e.ci95[0])}, ${pct(e.ci95[1])}]` : ''}`;
    }),
    iv.met ? 'yes' : 'no', iv.agreement,
  ]);
  const table = `<table>\n<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${
    rows.map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}\n</tbody>\n</table>`;
  const t = r.totals;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ccsim staff — ${escapeHtml(r.scenario)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;color:#1f2328;max-width:1000px;margin:0 auto;padding:24px}table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:3px 8px}th{background:#f6f8fa;text-align:left}figure svg{max-width:100%;height:auto}</style>
</head>
<body>
<main>
<h1>${escapeHtml(r.scenario)} — staffing</h1>
<p>seed ${r.seed}, ${r.replications} replications; every target met with ${r.confidence * 100}% confidence: ${escapeHtml(r.targets.join('; '))}</p>
<figure class="chart" id="chart-${chart.id}" data-chart="${chart.id}">
<figcaption>${escapeHtml(chart.title)}</figcaption>
${svg}
</figure>
<h2>Intervals</h2>
${table}
<h2>Totals</h2>
<p>Agent-hours: simulated ${t.simulated.agentHours.toFixed(1)}, Erlang ${t.erlang.agentHours.toFixed(1)}. Cost: simulated ${t.simulated.cost.toFixed(2)}, Erlang ${t.erlang.cost.toFixed(2)}.</p>
<h2>Why simulation and Erlang differ</h2>
<ul>
${r.notes.map((n) => `<li><strong>${escapeHtml(n.feature)}</strong>: ${escapeHtml(n.text)}</li>`).join('\n')}
</ul>
<footer>ccsim staffing result, schema version ${r.schemaVersion}. Chart: vega-lite, rendered to SVG.</footer>
</main>
</body>
</html>
`;
}
