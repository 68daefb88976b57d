/**
 * `ccsim backtest` as a library call (issue 14, goal 5): a scenario replayed on a historical
 * day (./historyModel.ts, ./historySamples.ts), each interval's predicted service level, ASA
 * and abandon share as a median and a prediction band (./predictionBand.ts), the report's
 * actual value beside it, and per channel and metric the share of intervals whose actual lies
 * in its band (coverage), the mean absolute error of the median and its bias.
 *
 * Actual values are computed from the report's columns with the definitions of ccsim's own
 * figures (analysis/kpi.ts): SL under `offered` = answered within T ÷ offered, under `answered`
 * = answered within T ÷ answered (an ACD report cannot give `excludeShortAbandons`: it does
 * not count short abandons); ASA = the report's mean wait of answered contacts; abandon share
 * = abandoned ÷ offered. An interval whose actual value is undefined (no column, nobody
 * offered or answered) or whose band is undefined (too few replications with a value) is not
 * scored.
 */
import type { Model } from '../../engine/model.js';
import { ratio } from '../../analysis/kpi.js';
import { historyModel, type HistoryModel } from './historyModel.js';
import type { HistoryInterval, HistoryReport } from './historyReport.js';
import { nominalCoverage, predictionBand } from '../../analysis/backtest/predictionBand.js';
import { BACKTEST_METRICS, type BacktestMetric, type BacktestResult, type BacktestRow, type BacktestSlDefinition, type MetricSummary } from '../../analysis/backtest/result.js';
import { simulateHistory } from './historySamples.js';

export interface BacktestOptions {
  readonly seed: number;
  readonly replications: number;
  /** Probability content asked of the prediction band, e.g. 0.9. */
  readonly level: number;
  readonly slDefinition: BacktestSlDefinition;
  readonly onProgress?: (done: number) => void;
}


/** An interval's actual value of a metric from the report's columns, or undefined. */
export function actualValue(row: HistoryInterval | undefined, metric: BacktestMetric, definition: BacktestSlDefinition): number | undefined {
  if (row === undefined) return undefined;
  let v = NaN;
  if (metric === 'serviceLevel' && row.answeredWithin !== undefined) {
    v = ratio(row.answeredWithin, definition === 'offered' ? row.offered : (row.answered ?? NaN));
  } else if (metric === 'asaSec' && row.asaSec !== undefined && (row.answered ?? 1) > 0) {
    v = row.asaSec;
  } else if (metric === 'abandonRate' && row.abandoned !== undefined) {
    v = ratio(row.abandoned, row.offered);
  }
  return Number.isFinite(v) ? v : undefined;
}

function summarize(channel: string, metric: BacktestMetric, rows: readonly BacktestRow[]): MetricSummary {
  const scored = rows.filter((r) => r.inside !== null);
  const n = scored.length;
  const errors = scored.map((r) => (r.median as number) - (r.actual as number));
  const mean = (xs: readonly number[]): number | null => (n > 0 ? xs.reduce((s, x) => s + x, 0) / n : null);
  const inside = scored.filter((r) => r.inside === true).length;
  return { channel, metric, scored: n, inside, coverage: n > 0 ? inside / n : null, meanAbsError: mean(errors.map(Math.abs)), bias: mean(errors) };
}

/** The scenario on the report's day with the back-test's SL definition (an InputError names each mismatch). */
export function backtestModel(scenario: Model, report: HistoryReport, slDefinition: BacktestSlDefinition): HistoryModel {
  const h = historyModel(scenario, report);
  return { ...h, model: { ...h.model, serviceLevelDefinition: slDefinition } };
}

export function backtest(scenario: Model, report: HistoryReport, o: BacktestOptions): BacktestResult {
  return backtestOn(backtestModel(scenario, report, o.slDefinition), scenario.name, report, o);
}

/** The back-test of a prepared model (`backtestModel`): for a caller that checks its work first. */
export function backtestOn(h: HistoryModel, scenarioName: string, report: HistoryReport, o: BacktestOptions): BacktestResult {
  const samples = simulateHistory(h, o.seed, o.replications, o.onProgress);
  const rows: BacktestRow[] = [];
  const summary: MetricSummary[] = [];
  report.channels.forEach((channel, k) => {
    const history = report.byChannel.get(channel) ?? [];
    BACKTEST_METRICS.forEach((metric, m) => {
      const metricRows: BacktestRow[] = [];
      for (let iv = 0; iv < report.intervalCount; iv++) {
        const row = history[iv];
        const band = predictionBand(samples.values[k]?.[m]?.[iv] ?? [], o.level);
        const actual = actualValue(row, metric, o.slDefinition) ?? null;
        const inside = actual === null || band === null ? null : actual >= band.lo && actual <= band.hi;
        metricRows.push({
          channel, interval: iv, label: row?.label ?? report.labelOf?.(iv) ?? '', startSec: iv * report.intervalSec, metric, actual,
          median: band?.median ?? null, lo: band?.lo ?? null, hi: band?.hi ?? null, inside,
        });
      }
      rows.push(...metricRows);
      summary.push(summarize(channel, metric, metricRows));
    });
  });
  const withinSec = Object.fromEntries(report.channels.map((id, k) => [id, h.model.channels[h.channels[k] ?? -1]?.targetSec ?? NaN]));
  return {
    report: report.file, scenario: scenarioName, seed: o.seed, replications: o.replications, level: o.level,
    nominalCoverage: nominalCoverage(o.replications, o.level), slDefinition: o.slDefinition, withinSec,
    intervalSec: report.intervalSec, dayStartSec: report.dayStartSec, startDate: report.startDate ?? null, rows, summary, notes: h.notes,
  };
}
