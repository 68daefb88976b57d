/**
 * The back-test's tables, shared by its text and HTML renderings: per channel, each interval's
 * actual value beside the predicted median and band for SL, ASA and abandon share; then the
 * summary (coverage, mean absolute error, bias) per channel and metric.
 */
import { BACKTEST_METRICS, type BacktestMetric, type BacktestResult, type BacktestRow, type MetricSummary } from '../../analysis/backtest/result.js';
import { pct, seconds } from '../format.js';
import type { Cell, ReportTable } from '../tables.js';

export const METRIC_LABELS: Readonly<Record<BacktestMetric, string>> = { serviceLevel: 'SL', asaSec: 'ASA', abandonRate: 'abandon' };

/** A value of the metric as the reports print it. */
export function metricText(metric: BacktestMetric, x: number | null): string {
  return metric === 'asaSec' ? seconds(x) : pct(x);
}

const insideCell = (r: BacktestRow | undefined): Cell => {
  if (r?.inside === null || r === undefined) return '–';
  return { text: r.inside ? 'in' : 'OUT', status: r.inside ? 'pass' : 'fail', title: r.inside ? 'inside the prediction band' : 'outside the prediction band' };
};

/** One table per channel: a row per interval, three columns (actual, predicted [band], in) per metric. */
export function intervalTables(r: BacktestResult): ReportTable[] {
  return [...new Set(r.rows.map((x) => x.channel))].map((channel) => {
    const mine = r.rows.filter((x) => x.channel === channel);
    const intervals = [...new Set(mine.map((x) => x.interval))];
    const at = (iv: number, m: BacktestMetric) => mine.find((x) => x.interval === iv && x.metric === m);
    return {
      title: `${channel}: actual against predicted median [${pct(r.level, 0)} prediction band]`,
      head: ['interval', ...BACKTEST_METRICS.flatMap((m) => [`${METRIC_LABELS[m]} actual`, `${METRIC_LABELS[m]} predicted`, 'in'])],
      rows: intervals.map((iv) => [
        at(iv, 'serviceLevel')?.label ?? String(iv),
        ...BACKTEST_METRICS.flatMap((m): Cell[] => {
          const x = at(iv, m);
          const band = x?.median === null || x === undefined ? '–' : `${metricText(m, x.median)} [${metricText(m, x.lo)}, ${metricText(m, x.hi)}]`;
          return [metricText(m, x?.actual ?? null), band, insideCell(x)];
        }),
      ]),
      labelColumns: 1,
    };
  });
}

function coverageCell(s: MetricSummary, nominal: number): Cell {
  if (s.coverage === null) return '–';
  // Below the nominal coverage by more than 2 binomial standard errors: red; else green.
  const se = Math.sqrt((nominal * (1 - nominal)) / s.scored);
  const low = s.coverage < nominal - 2 * se;
  return { text: `${pct(s.coverage)} (${s.inside}/${s.scored})`, status: low ? 'fail' : 'pass', title: low ? 'coverage more than 2 standard errors below nominal' : 'coverage within 2 standard errors of nominal, or above' };
}

export function summaryTable(r: BacktestResult): ReportTable {
  return {
    title: `Coverage of the ${pct(r.level, 0)} band (nominal ${pct(r.nominalCoverage)}), error of the median`,
    head: ['channel', 'metric', 'coverage', 'mean abs. error', 'bias (predicted − actual)'],
    rows: r.summary.map((s) => [
      s.channel, METRIC_LABELS[s.metric], coverageCell(s, r.nominalCoverage),
      s.metric === 'asaSec' ? seconds(s.meanAbsError) : pct(s.meanAbsError), s.metric === 'asaSec' ? seconds(s.bias) : pct(s.bias),
    ]),
    labelColumns: 2,
  };
}

/** The header line: what was compared with what. */
export function backtestDescription(r: BacktestResult): string {
  const within = Object.entries(r.withinSec).map(([id, t]) => `${id} T=${t}s`).join(', ');
  return `${r.report} against ${r.scenario}: ${r.replications} replications, seed ${r.seed}, SL definition ${r.slDefinition} (${within})`;
}
