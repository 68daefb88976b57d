/**
 * The staffing result as one self-contained HTML file: the chart "required agents per
 * interval: Erlang vs simulated" (vega-lite, rendered to SVG like the run report's charts),
 * the interval table, totals and notes, on the page every ccsim HTML report shares.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Chart } from '../charts.js';
import { clock, durationText, pct } from '../format.js';
import { escapeHtml, figure, htmlPage, htmlTable } from '../html.js';
import type { ReportTable } from '../tables.js';
import { headline, unmetText } from './outcome.js';
import type { ShiftStaffing, StaffingResult } from '../../analysis/staffing/result.js';
import { judgingText } from './text.js';
import { chartAxisFormat, chartMs, timeLabel } from '../timeline.js';

export function staffingChart(r: StaffingResult): Chart {
  const values = r.intervals.flatMap((iv) => [
    { t: chartMs(r, iv.startSec), plan: 'Erlang C/A requirement', agents: iv.erlangAgents },
    { t: chartMs(r, iv.startSec), plan: 'simulated requirement', agents: iv.simulatedAgents },
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
      x: { field: 't', type: 'temporal', title: 'interval start (clock time)', scale: { type: 'utc' }, axis: { format: chartAxisFormat(r, r.horizonSec), labelAngle: 0, labelOverlap: true } },
      y: { field: 'agents', type: 'quantitative', title: 'agents on duty (heads)', scale: { zero: true } },
      color: { field: 'plan', type: 'nominal', title: 'plan', legend: { orient: 'top' }, scale: { range: ['#f58518', '#4c78a8'] } },
      strokeDash: { field: 'plan', type: 'nominal', legend: null, scale: { range: [[6, 4], [1, 0]] } },
    },
  } as unknown as TopLevelSpec;
  return { id: 'required-agents', title: 'Required agents per interval: Erlang vs simulated', spec };
}

/** The per-shift answer of `staff --shifts`: each scenario shift's count as typed and as needed. */
function shiftTable(shifts: readonly ShiftStaffing[]): ReportTable {
  return {
    title: 'Shifts',
    head: ['group', 'start', 'length', 'scenario', 'needed'],
    rows: shifts.map((s) => [s.group, clock(s.startSec), durationText(s.lengthSec), String(s.scenarioCount), String(s.count)]),
    labelColumns: 2,
  };
}

/** The answer's status, first on the page: green when met, red with each unmet target and stop otherwise. */
function statusBanner(r: StaffingResult): string {
  const colour = r.status === 'met' ? '#2e7d32' : '#c62828';
  const items = [
    ...r.unmet.map((u) => `<li>unmet ${escapeHtml(unmetText(r, u))}</li>`),
    ...r.stops.map((s) => `<li>stopped early (${escapeHtml(s.stage)}): ${escapeHtml(s.reason)}: ${s.startSecs.map((t) => timeLabel(r, t)).join(', ')}</li>`),
  ];
  return `<section class="status status-${escapeHtml(r.status)}" role="status" style="border-left: 6px solid ${colour}; padding: 0.5em 1em; margin: 1em 0">\n` +
    `<p><strong style="color: ${colour}">${escapeHtml(headline(r))}</strong></p>${items.length > 0 ? `\n<ul>\n${items.join('\n')}\n</ul>` : ''}\n</section>`;
}

export async function renderStaffingHtml(r: StaffingResult, chart: Chart = staffingChart(r)): Promise<string> {
  const channelIds = Object.keys(r.intervals[0]?.channels ?? {});
  const intervals: ReportTable = {
    title: 'Intervals',
    head: ['interval', 'Erlang', 'simulated', ...channelIds.map((id) => `${id} SL (95% CI, fresh)`), 'met', 'vs Erlang'],
    rows: r.intervals.map((iv) => [
      timeLabel(r, iv.startSec), String(iv.erlangAgents), String(iv.simulatedAgents),
      ...channelIds.map((id) => {
        const e = iv.channels[id]?.serviceLevel;
        return e?.mean == null ? '–' : `${pct(e.mean)}${e.ci95 ? ` [${pct(e.ci95[0])}, ${pct(e.ci95[1])}]` : ''}`;
      }),
      iv.met ? 'yes' : 'no', iv.agreement,
    ]),
    labelColumns: 1,
  };
  const t = r.totals;
  const notes = r.notes.map((n) => `<li><strong>${escapeHtml(n.feature)}</strong>: ${escapeHtml(n.text)}</li>`).join('\n');
  return htmlPage({
    title: `staff — ${r.scenario}`,
    heading: `${r.scenario} — staffing`,
    meta: `seed ${r.seed}, ${r.replications} replications searched and ${r.replications} fresh; targets judged ${judgingText(r)}, minimising ${r.objective === 'cost' ? 'cost' : 'agent-hours'}: ${r.targets.join('; ')}`,
    body: [
      statusBanner(r),
      await figure(chart),
      `<h2>Intervals</h2>\n${htmlTable(intervals)}`,
      ...(r.shifts === null ? [] : [`<h2>Shifts</h2>\n${htmlTable(shiftTable(r.shifts))}`]),
      `<h2>Totals</h2>\n<p>Agent-hours: simulated ${t.simulated.agentHours.toFixed(1)}, Erlang ${t.erlang.agentHours.toFixed(1)}. ` +
        `Cost: simulated ${t.simulated.cost.toFixed(2)}, Erlang ${t.erlang.cost.toFixed(2)}.</p>`,
      `<h2>Why simulation and Erlang differ</h2>\n<ul>\n${notes}\n</ul>`,
    ].join('\n'),
    footer: `ccsim staffing result, schema version ${r.schemaVersion}. Chart: vega-lite, rendered to SVG.`,
  });
}
