/**
 * ccsim as a library: `import { simulate, erlangC, loadScenario } from 'ccsim'`.
 * Every export is named here; nothing else is public.
 */
import type { Model } from './engine/model.js';
import { buildRunResult, type RunResult } from './analysis/run/result.js';
import { runReplications } from './workers/replications.js';

export type {
  ChannelKind,
  ChannelModel,
  DistSpec,
  GroupModel,
  Model,
  ServiceLevelDefinition,
  AgentSelectionName,
  WhenCountDrops,
} from './engine/model.js';
export { AGENT_SELECTIONS, CHANNEL_KINDS, SERVICE_LEVEL_DEFINITIONS, WHEN_COUNT_DROPS } from './engine/model.js';
export { InputError, SimulationError } from './engine/errors.js';
export { simulateReplication } from './engine/simulate.js';
export type { ReplicationCounters } from './engine/recorder.js';
export { Sampler } from './engine/distributions.js';
export { Stream, streamKey } from './engine/random.js';
export {
  erlangA,
  erlangB,
  erlangC,
  fte,
  squareRootStaffing,
  staffErlangA,
  staffErlangC,
  type ErlangAInput,
  type ErlangAResult,
  type ErlangCInput,
  type ErlangCResult,
  type StaffingTargets,
} from './engine/erlang/index.js';
export {
  loadScenarioFile,
  loadScenarioFile as loadScenario,
  loadScenarioText,
  type LoadedScenario,
  type LoadOptions,
} from './scenarios/load.js';
export type { Scenario } from './scenarios/schema.js';
export {
  fitCallRecords,
  fitHandleTimes,
  fitPatience,
  kaplanMeier,
  type CallRecord,
  type CallRecordsFitOptions,
  type ChannelFit,
  type HandleCandidate,
  type HandleFit,
  type KaplanMeierCurve,
  type PatienceFit,
} from './analysis/fit/index.js';
export { CALL_RECORD_COLUMNS, parseCallRecords, readCallRecords, type CallRecordColumn, type CallRecordsOptions, type CallRecordsRead } from './scenarios/callRecords.js';
export { buildRunResult, SCHEMA_VERSION, type ChannelResult, type IntervalResult, type RunResult } from './analysis/run/result.js';
export { erlangBaseline, type ErlangBaselineFigures } from './analysis/baseline.js';
export { estimate, type Estimate } from './analysis/confidence.js';
export { renderText } from './reports/run/text.js';
export { backtest, type BacktestOptions } from './workers/backtest/backtest.js';
export {
  BACKTEST_SL_DEFINITIONS,
  type BacktestResult,
  type BacktestRow,
  type BacktestSlDefinition,
  type MetricSummary,
} from './analysis/backtest/result.js';
export type { HistoryInterval, HistoryReport } from './workers/backtest/historyReport.js';
export { AcdAggregator, staffedAgents } from './workers/acdReport.js';
export type { AcdRow } from './analysis/run/acdRow.js';
export { acdReportCsv } from './reports/run/acdReport.js';
export { traceReplication, type TraceRow, type TraceSink } from './workers/contactTrace.js';

export interface SimulateOptions {
  /** @default model.seed */
  readonly seed?: number;
  /** @default model.replications */
  readonly replications?: number;
}

/** Runs a compiled model's replications in this thread and returns the full run result. */
export function simulate(model: Model, options: SimulateOptions = {}): RunResult {
  const seed = options.seed ?? model.seed;
  const replications = options.replications ?? model.replications;
  return buildRunResult(model, seed, runReplications(model, seed, replications));
}
