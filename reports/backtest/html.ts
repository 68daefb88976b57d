/**
 * The back-test as one self-contained HTML page (the page every ccsim report shares,
 * reports/html.ts): per channel and metric a chart of the actual values against the predicted
 * band and median over the day (vega-lite rendered to SVG, reports/charts.ts's frame), then the
 * summary and interval tables and the notes.
 */
import { DAY_SEC } from '../../engine/time.js';
import { BACKTEST_METRICS, type BacktestMetric, type BacktestResult } from '../../analysis/backtest/result.js';
import { frame, PERCENT_AXIS, slug, type Chart } from '../charts.js';
import { pct } from '../format.js';
import { escapeHtml, figure, htmlPage, htmlTable } from '../html.js';
import { backtestDescription, intervalTables, METRIC_LABELS, summaryTable } from './tables.js';

const Y_TITLES: Readonly<Record<BacktestMetric, string>> = { serviceLevel: 'service level', asaSec: 'ASA (s)', abandonRate: 'abandon share' };

/** Actual (points) against the predicted band (area) and median (line) of one channel's metric, over the day. */
export function backtestChart(r: BacktestResult, channel: string, metric: BacktestMetric): Chart {
  const values = r.rows
    .filter((x) => x.channel === channel && x.metric === metric)
    .map((x) => ({ t: (r.dayStartSec + x.startSec) * 1000, actual: x.actual, median: x.median, lo: x.lo, hi: x.hi, inside: x.inside === false ? 'outside the band' : 'inside the band' }));
  const days = r.dayStartSec + r.rows.reduce((m, x) => Math.max(m, x.startSec + r.intervalSec), 0) > DAY_SEC;
  const x = { field: 't', type: 'temporal', title: 'interval start (clock time)', scale: { type: 'utc' }, axis: { format: days ? 'd%-d %H:%M' : '%H:%M', labelAngle: 0, labelOverlap: true } };
  const share = metric !== 'asaSec';
  const y = { type: 'quantitative', title: Y_TITLES[metric], ...(share ? { scale: { domain: [0, 1], clamp: true }, axis: PERCENT_AXIS } : { scale: { zero: true } }) };
  const band = `predicted ${pct(r.level, 0)} band`;
  const layer = [
    { mark: { type: 'area', opacity: 0.25, interpolate: 'step-after', color: '#4c78a8' }, encoding: { x, y: { field: 'lo', ...y }, y2: { field: 'hi' }, tooltip: { datum: band } } },
    { mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2, color: '#4c78a8' }, encoding: { x, y: { field: 'median', ...y } } },
    {
      mark: { type: 'point', filled: true, size: 40 },
      encoding: { x, y: { field: 'actual', ...y }, color: { field: 'inside', type: 'nominal', title: `actual (${band} shaded, median line)`, scale: { domain: ['inside the band', 'outside the band'], range: ['#1a7f37', '#cf222e'] }, legend: { orient: 'top' } } },
    },
  ];
  const title = `${METRIC_LABELS[metric]} — ${channel}: actual against predicted`;
  return { id: `backtest-${slug(channel)}-${metric}`, title, spec: frame(title, values, layer) };
}

export function backtestCharts(r: BacktestResult): Chart[] {
  return [...new Set(r.rows.map((x) => x.channel))].flatMap((channel) => BACKTEST_METRICS.map((m) => backtestChart(r, channel, m)));
}

export async function renderBacktestHtml(r: BacktestResult, charts: readonly Chart[] = backtestCharts(r)): Promise<string> {
  const figures: string[] = [];
  // One at a time, in order: the same bytes however long each takes.
  for (const c of charts) figures.push(await figure(c));
  const summary = summaryTable(r);
  const notes = r.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('\n');
  const body = [
    `<section>\n<h2>${escapeHtml(summary.title)}</h2>\n${htmlTable(summary)}\n</section>`,
    `<section>\n<h2>Over the day</h2>\n${figures.join('\n')}\n</section>`,
    ...intervalTables(r).map((t) => `<section>\n<h2>${escapeHtml(t.title)}</h2>\n${htmlTable(t)}\n</section>`),
    notes === '' ? '' : `<section>\n<h2>Notes</h2>\n<ul>\n${notes}\n</ul>\n</section>`,
  ].filter((s) => s !== '');
  return htmlPage({
    title: `backtest — ${r.scenario}`,
    heading: `${r.scenario} — back-test against ${r.report}`,
    meta: backtestDescription(r),
    body: body.join('\n'),
    footer: `ccsim backtest: each band holds a single day's interval value with probability ${pct(r.nominalCoverage)} under the scenario (order statistics of ${r.replications} replications).`,
  });
}
