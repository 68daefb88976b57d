/** The scenario format's public surface: load, validate, override, compile, describe. */
export { loadScenarioFile, loadScenarioText, loadSweepBlock, scenarioTextWarnings, type LoadedScenario, type LoadOptions } from './load.js';
export {
  scenarioSchema,
  channelSchema,
  agentGroupSchema,
  SCENARIO_DEFAULTS,
  TARGET_WITHIN_BY_KIND,
  ID_PATTERN,
  type Scenario,
  type ScenarioInput,
  type ChannelSpec,
  type AgentGroupSpec,
  sweepSchema,
  type SweepBlock,
} from './schema.js';
export { readValues, readFieldPath, type ParameterValue } from './sweepValues.js';
export { parseShare } from './share.js';
export { distributionSchema, DIST_NAMES, type Distribution } from './distribution.js';
export { SCENARIO_LIMITS, type ScenarioLimits } from './limits.js';
export { validateScenarioData, type ValidationOptions, type ValidationResult } from './validation.js';
export { parseAssertion, readAssertion, boundProblem, ASSERTION_OPERATORS, type Assertion, type AssertionOperator, type BoundUnit, type MetricMeasure } from './assertion.js';
export { applyOverrides, parseOverridePath, parseOverrideValue, FORBIDDEN_KEYS, type AppliedOverride, type OverrideResult } from './overrides.js';
export { compileScenario, arrivalRatesPerSec } from './compile.js';
export { scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema.js';
export { parseDuration, parseRate, parseTimeOfDay, formatDuration, formatClock, DURATION_UNITS } from './duration.js';
export { formatPath, type PathSegment, type Problem } from './problem.js';
export { readIntervalReport, type IntervalReport, type IntervalReportOptions, type ReportInterval, type ReportRead } from './intervalReport.js';
export { REPORT_COLUMNS, type ReportColumn } from './reportColumns.js';
