/**
 * Validation of scenario data (already parsed from YAML/JSON, overrides applied): the zod
 * schema and the cross-field rules run on the same raw data, so one pass reports every
 * mistake. Zod's issues become `Problem`s with the offending value and, for unknown keys
 * and names, a "did you mean".
 */
import type { z } from 'zod';
import { checkConsistency, type Intervals, intervalsOf } from './consistency.js';
import { formatDate, parseDate } from './dateTime.js';
import { parseTimeOfDay } from './duration.js';
import { readForecasts } from './forecast.js';
import { INPUT_LIMITS } from './inputFile.js';
import { patternRateProblem, patternVolumes } from './pattern.js';
import { type PathSegment, type Problem, valueAt } from './problem.js';
import { type Scenario, type SweepBlock, scenarioSchema, sweepSchema } from './schema.js';
import { acceptedKeys } from './schema-keys.js';
import { didYouMean } from './suggestion.js';

export type ValidationResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly problems: Problem[] };

export interface ValidationOptions {
  /** Directory that files named in the scenario (forecast CSVs) are relative to; default the working directory. */
  readonly baseDir?: string;
  /** Cap on each forecast CSV, bytes (`--max-input-mb`). @default 16 MB */
  readonly maxInputBytes?: number;
}

/**
 * Validates raw scenario data; defaults are filled and durations become seconds. Forecast
 * files are read here, so a valid scenario's arrivals always carry `perHour` or `volumes`.
 */
export function validateScenarioData(data: unknown, options: ValidationOptions = {}): ValidationResult {
  const foreign = foreignDocument(data);
  if (foreign !== undefined) return { ok: false, problems: [foreign] };
  const raw = data as Readonly<Record<string, unknown>>;
  const parsed = scenarioSchema.safeParse(data);
  const problems = parsed.success ? [] : parsed.error.issues.flatMap((issue) => problemsOf(issue, data));
  problems.push(...checkConsistency(raw));
  const intervals = intervalsOf(raw);
  const dayStart = parseTimeOfDay(raw.dayStart ?? 0);
  const forecasts = readForecasts(raw, {
    baseDir: options.baseDir ?? process.cwd(),
    intervalCount: intervals.count,
    intervalSec: intervals.intervalSec,
    dayStartSec: dayStart.ok ? dayStart.seconds : 0,
    dayStartGiven: raw.dayStart !== undefined,
    startDay: typeof raw.startDate === 'string' ? parseDate(raw.startDate) : undefined,
    maxInputBytes: options.maxInputBytes ?? INPUT_LIMITS.defaultMaxBytes,
  });
  problems.push(...forecasts.problems);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  const scenario = parsed.data;
  for (const [i, volumes] of forecasts.volumes) {
    const channel = scenario.channels[i];
    if (channel !== undefined) channel.arrivals.volumes = volumes;
  }
  // A forecast's aht and patience columns fill the channel's per-interval means (never both: forecastMeans.ts).
  for (const [i, means] of forecasts.means) {
    const channel = scenario.channels[i];
    if (channel === undefined) continue;
    if (means.ahtByInterval !== undefined) channel.ahtByInterval = means.ahtByInterval;
    if (means.patienceByInterval !== undefined) channel.patienceByInterval = means.patienceByInterval;
  }
  if (scenario.startDate === undefined && forecasts.startDay !== undefined) scenario.startDate = formatDate(forecasts.startDay);
  const patterns = injectPatterns(scenario, intervals);
  return patterns.length > 0 ? { ok: false, problems: patterns } : { ok: true, scenario };
}

/** Each channel's weekly pattern as per-interval volumes (scenarios/pattern.ts), or the interval whose rate is over the limit. */
function injectPatterns(scenario: Scenario, intervals: Intervals): Problem[] {
  const { count, intervalSec } = intervals;
  if (count === undefined || intervalSec === undefined) return [];
  const startDay = scenario.startDate === undefined ? undefined : parseDate(scenario.startDate);
  const problems: Problem[] = [];
  scenario.channels.forEach((channel, i) => {
    const pattern = channel.arrivals.pattern;
    if (pattern === undefined) return;
    const volumes = patternVolumes(pattern, { intervalCount: count, intervalSec, startDay });
    const tooHigh = patternRateProblem(volumes, intervalSec, ['channels', i, 'arrivals', 'pattern']);
    if (tooHigh !== undefined) problems.push(tooHigh);
    channel.arrivals.volumes = volumes;
  });
  return problems;
}

/** `a text of 1,234 characters`, `a list of 3 items`…: what a value is, without quoting it. */
function shapeOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (an empty document)';
  if (typeof value === 'string') return `a text of ${value.length.toLocaleString('en-US')} characters`;
  if (Array.isArray(value)) return `a list of ${value.length.toLocaleString('en-US')} items`;
  return `a ${typeof value}`;
}

/**
 * The one problem of a document that is not a scenario at all — not a mapping, or a mapping
 * with none of a scenario's fields (a shadow file, an env file, a key named by mistake) — said
 * without quoting it: reported field by field, every line of such a file would land in the
 * log as an "unknown key" (issue 18). `undefined` for anything else.
 */
function foreignDocument(data: unknown): Problem | undefined {
  const expected = 'must be a mapping with name, horizon, channels and agents';
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { path: [], message: `${expected} (got ${shapeOf(data)}; its content is not shown)` };
  const keys = Object.keys(data);
  const known = new Set(acceptedKeys(scenarioSchema, data, []));
  if (keys.length === 0 || keys.some((k) => known.has(k))) return undefined;
  return { path: [], message: `is not a scenario: none of its ${keys.length.toLocaleString('en-US')} top-level keys is a scenario field (${expected}); its content is not shown` };
}

/**
 * The `sweep:` block alone, checked by the same schema (`ccsim sweep` reads it before the
 * scenario, whose points its overrides make): the parsed block, `undefined` when there is
 * none, or its problems at their paths in the document.
 */
export function validateSweepBlock(data: unknown): { readonly ok: true; readonly block: SweepBlock | undefined } | { readonly ok: false; readonly problems: Problem[] } {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !Object.hasOwn(data, 'sweep')) return { ok: true, block: undefined };
  const parsed = sweepSchema.safeParse((data as Readonly<Record<string, unknown>>).sweep);
  if (parsed.success) return { ok: true, block: parsed.data };
  return { ok: false, problems: parsed.error.issues.flatMap((issue) => problemsOf({ ...issue, path: ['sweep', ...issue.path] }, data)) };
}

function problemsOf(issue: z.core.$ZodIssue, data: unknown): Problem[] {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  const value = valueAt(data, path);
  if (issue.code !== 'unrecognized_keys' && value === undefined && !hasKey(data, path)) {
    return [{ path, message: `is required (${issue.message})` }];
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = acceptedKeys(scenarioSchema, data, path);
      return issue.keys.map((key) => withHint({ path: [...path, key], message: 'unknown key', atKey: true }, didYouMean(key, known)));
    }
    case 'custom': {
      const params = issue.params ?? {};
      if (params.badKey === true) return [{ path, message: issue.message, atKey: true, got: { value: path[path.length - 1] } }];
      if (params.atKey === true) return [{ path, message: issue.message, atKey: true }];
      break;
    }
    case 'invalid_value':
      return [nameProblem(path, issue.message, value, issue.values.map(String))];
    case 'invalid_union': {
      const branch = matchingBranch(issue);
      if (branch !== undefined) return branch.flatMap((sub) => problemsOf({ ...sub, path: [...issue.path, ...sub.path] }, data));
      // A discriminated union whose tag matches no option lists the tags it knows (zod 4
      // sets `options` on the issue but does not declare it in the issue's type).
      const options = (issue as { readonly options?: unknown }).options;
      if (Array.isArray(options)) return [nameProblem(path, issue.message, value, options.map(String))];
      break;
    }
    default:
      break;
  }
  return [{ path, message: issue.message, got: { value } }];
}

/** JSON types a union branch can reject a value for, before any rule of the branch applies. */
const BASE_TYPES: ReadonlySet<unknown> = new Set(['number', 'string', 'array', 'object', 'boolean', 'null']);

/**
 * For a union such as `count: 35 | [30, 32…]` or `deflection: 0.3 | { share… }`: the
 * issues of the one branch whose type the value has, so `count: 3.5` reports the count rule
 * rather than "matches no option". `undefined` when no single branch fits the value's type.
 */
function matchingBranch(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | undefined {
  const fitting = issue.errors.filter(
    (branch) => !branch.some((sub) => sub.code === 'invalid_type' && sub.path.length === 0 && BASE_TYPES.has(sub.expected)),
  );
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** A value that must be one of some names (an enum, a `dist`): suggest the closest. */
function nameProblem(path: PathSegment[], message: string, value: unknown, names: string[]): Problem {
  if (value === undefined) return { path, message: `is required (${message})` };
  return withHint({ path, message, got: { value } }, typeof value === 'string' ? didYouMean(value, names) : undefined);
}

function withHint(problem: Problem, hint: string | undefined): Problem {
  return hint === undefined ? problem : { ...problem, hint };
}

function hasKey(data: unknown, path: readonly PathSegment[]): boolean {
  const parent = valueAt(data, path.slice(0, -1));
  const last = path[path.length - 1];
  return last !== undefined && parent !== null && typeof parent === 'object' && Object.hasOwn(parent, last);
}
