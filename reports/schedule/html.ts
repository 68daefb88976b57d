/**
 * The schedule as one self-contained HTML file, on the page every ccsim HTML report shares:
 * the coverage chart (agents on duty per interval — the schedule and the Erlang cover —
 * against the Erlang requirement and the requirement the last program covered), the shift
 * chart (each placed shift a bar from its start to its end, labelled with its agents, its
 * breaks drawn over it), the shift table, totals beside the Erlang cover's, the intervals and
 * the rounds. Charts are vega-lite specs rendered to SVG (reports/svg.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Chart } from '../charts.js';
import { durationText, pct } from '../format.js';
import { escapeHtml, figure, htmlPage, htmlTable } from '../html.js';
import type { ReportTable } from '../tables.js';
import type { PlanSummary, ScheduleResult } from '../../analysis/schedule/result.js';
import { roundText } from './text.js';
import { chartAxisFormat, chartMs, timeLabel } from '../timeline.js';

const CONFIG = { font: 'Helvetica, Arial, sans-serif', view: { stroke: null }, axis: { grid: true, gridOpacity: 0.4 } };

function timeAxis(r: ScheduleResult): object {
  return { field: 't', type: 'temporal', title: 'clock time', scale: { type: 'utc' }, axis: { format: chartAxisFormat(r, r.horizonSec), labelAngle: 0, labelOverlap: true } };
}

export function coverageChart(r: ScheduleResult): Chart {
  const ms = (sec: number): number => chartMs(r, sec);
  const values = r.intervals.flatMap((iv) => [
    { t: ms(iv.startSec), plan: 'schedule (on duty)', agents: iv.coverage },
    { t: ms(iv.startSec), plan: 'Erlang cover (on duty)', agents: iv.erlangCoverage },
    { t: ms(iv.startSec), plan: 'Erlang requirement', agents: iv.erlangRequired },
  ]);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Coverage: agents scheduled against required, per interval',
    width: 680, height: 220, data: { values }, config: CONFIG,
    mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
    encoding: {
      x: timeAxis(r),
      y: { field: 'agents', type: 'quantitative', title: 'agents on duty (heads)', scale: { zero: true } },
      color: { field: 'plan', type: 'nominal', title: 'plan', legend: { orient: 'top' }, scale: { range: ['#4c78a8', '#f58518', '#54a24b'] } },
      // The same legend as the colour's (one legend for the field; a second, hidden one conflicts).
      strokeDash: { field: 'plan', type: 'nominal', title: 'plan', legend: { orient: 'top' }, scale: { range: [[1, 0], [6, 4], [2, 2]] } },
    },
  } as unknown as TopLevelSpec;
  return { id: 'coverage', title: 'Coverage: agents scheduled against required, per interval', spec };
}

export function shiftChart(r: ScheduleResult): Chart {
  const ms = (sec: number): number => chartMs(r, sec);
  const bars = r.shifts.map((s, k) => ({ row: `${String(k + 1).padStart(2, '0')} ${s.template} ×${s.count}`, t: ms(s.startSec), end: ms(s.startSec + s.lengthSec), kind: 'on duty' }));
  const breaks = r.shifts.flatMap((s, k) => s.breaks.map((b) => ({ row: `${String(k + 1).padStart(2, '0')} ${s.template} ×${s.count}`, t: ms(b.startSec), end: ms(b.startSec + b.lengthSec), kind: b.paid ? 'paid break' : 'unpaid break' })));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Shifts placed (agents per shift; breaks over them)',
    width: 680, height: Math.max(60, 16 * r.shifts.length), data: { values: [...bars, ...breaks] }, config: CONFIG,
    mark: { type: 'bar', height: 10 },
    encoding: {
      y: { field: 'row', type: 'ordinal', title: null, sort: null },
      x: timeAxis(r),
      x2: { field: 'end' },
      color: { field: 'kind', type: 'nominal', title: null, legend: { orient: 'top' }, scale: { domain: ['on duty', 'paid break', 'unpaid break'], range: ['#4c78a8', '#eeca3b', '#e45756'] } },
    },
  } as unknown as TopLevelSpec;
  return { id: 'shifts', title: 'Shifts placed (agents per shift; breaks over them)', spec };
}

function planRow(name: string, s: PlanSummary): string[] {
  return [name, s.paidHours.toFixed(1), s.ftePerWeek.toFixed(1), s.cost.toFixed(2), `${s.intervalsMet} of ${s.intervalsJudged}`,
    s.day.map((d) => `${d.target}: ${d.estimate.mean === null ? '–' : d.estimate.mean.toPrecision(3)} (${d.verdict})`).join('; ')];
}

export async function renderScheduleHtml(r: ScheduleResult): Promise<string> {
  const at = (sec: number): string => timeLabel(r, sec);
  const channelIds = Object.keys(r.intervals[0]?.channels ?? {});
  const shifts: ReportTable = {
    title: 'Shifts',
    head: ['template', 'start', 'length', 'agents', 'breaks'],
    rows: r.shifts.map((s) => [s.template, at(s.startSec), durationText(s.lengthSec), String(s.count),
      s.breaks.map((b) => `${at(b.startSec)} ${durationText(b.lengthSec)}${b.paid ? '' : ' unpaid'}`).join(', ')]),
    labelColumns: 2,
  };
  const totals: ReportTable = {
    title: 'Totals',
    head: ['plan', 'paid hours', 'FTE/week', 'cost', 'intervals met', 'day targets'],
    rows: [planRow('schedule', r.schedule), planRow('Erlang cover', r.erlangCover)],
    labelColumns: 1,
  };
  const intervals: ReportTable = {
    title: 'Intervals',
    head: ['interval', 'Erlang', 'Erlang cover', 'schedule', ...channelIds.map((id) => `${id} SL (CI)`), 'met'],
    rows: r.intervals.map((iv) => [at(iv.startSec), String(iv.erlangRequired), String(iv.erlangCoverage), String(iv.coverage),
      ...channelIds.map((id) => {
        const e = iv.channels[id]?.serviceLevel;
        return e?.mean == null ? '–' : `${pct(e.mean)}${e.ci95 ? ` [${pct(e.ci95[0])}, ${pct(e.ci95[1])}]` : ''}`;
      }), iv.met ? 'yes' : 'no']),
    labelColumns: 1,
  };
  const rounds = r.rounds.map((x) => `<li>round ${x.round}: ${x.paidHours.toFixed(1)} paid hours; ${escapeHtml(roundText(r, x))}${x.cutsAdded > 0 ? `; ${x.cutsAdded} cuts added` : ''}</li>`).join('\n');
  return htmlPage({
    title: `schedule — ${r.scenario}`,
    heading: `${r.scenario} — shift schedule for ${r.group}`,
    meta: `templates ${r.templates}; seed ${r.seed}, ${r.replications} replications; ${r.mode === 'dayLevel' ? 'day-level' : 'per-interval'} targets met with ${Math.round(r.confidence * 100)}% confidence: ${r.targets.join('; ')}; ${r.met ? 'every target met' : 'NOT every target met'}`,
    body: [
      await figure(coverageChart(r)),
      await figure(shiftChart(r)),
      `<h2>Shifts</h2>\n${htmlTable(shifts)}`,
      `<h2>Totals (fresh replications)</h2>\n${htmlTable(totals)}`,
      `<h2>Intervals</h2>\n${htmlTable(intervals)}`,
      `<h2>Rounds</h2>\n<ul>\n${rounds}\n</ul>`,
    ].join('\n'),
    footer: `ccsim schedule result, schema version ${r.schemaVersion}. Charts: vega-lite, rendered to SVG.`,
  });
}
