/**
 * The result of `ccsim backtest` (issue 14, goals 5–6): per channel, interval and metric the
 * actual figure of the historical report beside the prediction band of the simulated day
 * (./predictionBand.ts), and per channel and metric the band's coverage and the error of its
 * median. Computed by workers/backtest/backtest.ts; rendered by reports/backtest/.
 */

/** The metrics a back-test compares, as named in ccsim's results (analysis/kpi.ts). */
export const BACKTEST_METRICS = ['serviceLevel', 'asaSec', 'abandonRate'] as const;
export type BacktestMetric = (typeof BACKTEST_METRICS)[number];

/** The service-level definitions an ACD report can give. */
export const BACKTEST_SL_DEFINITIONS = ['offered', 'answered'] as const;
export type BacktestSlDefinition = (typeof BACKTEST_SL_DEFINITIONS)[number];

export interface BacktestRow {
  readonly channel: string;
  readonly interval: number;
  readonly label: string;
  readonly startSec: number;
  readonly metric: BacktestMetric;
  readonly actual: number | null;
  readonly median: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
  /** null: not scored. */
  readonly inside: boolean | null;
}

export interface MetricSummary {
  readonly channel: string;
  readonly metric: BacktestMetric;
  /** Intervals with both an actual value and a band. */
  readonly scored: number;
  readonly inside: number;
  /** inside ÷ scored (null when nothing was scored). */
  readonly coverage: number | null;
  /** Mean of |median − actual| and of (median − actual) over the scored intervals. */
  readonly meanAbsError: number | null;
  readonly bias: number | null;
}

export interface BacktestResult {
  readonly report: string;
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  readonly level: number;
  /** The band's exact coverage for a correct model (./predictionBand.ts): at least `level`. */
  readonly nominalCoverage: number;
  readonly slDefinition: BacktestSlDefinition;
  /** T of each channel's service level, seconds. */
  readonly withinSec: Readonly<Record<string, number>>;
  readonly intervalSec: number;
  readonly dayStartSec: number;
  readonly startDate: string | null;
  readonly rows: readonly BacktestRow[];
  readonly summary: readonly MetricSummary[];
  readonly notes: readonly string[];
}
