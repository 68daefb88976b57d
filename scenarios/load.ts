/**
 * Loading a scenario: read the file, parse YAML/JSON, apply `--set` overrides, validate,
 * compile. Every mistake found is reported at once in one `InputError`, one line each:
 * `file:line:col path.to.field: rule (got X) (did you mean "…"?)`. Bad input never
 * produces a stack trace.
 */
import { dirname } from 'node:path';
import { InputError } from '../engine/errors.js';
import type { Model } from '../engine/model.js';
import { compileScenario } from './compile.js';
import { baselineProblems } from './consistency/baseline.js';
import { parseScenarioDocument, type ScenarioDocument } from './document.js';
import { INPUT_LIMITS, readInputFile } from './inputFile.js';
import { type AppliedOverride, applyOverrides } from './overrides.js';
import { formatPath, formatValue, type PathSegment, type Problem, startsWith, valueAt } from './problem.js';
import type { Scenario, SweepBlock } from './schema.js';
import { validateScenarioData, validateSweepBlock } from './validation.js';
import { scenarioWarnings } from './warnings.js';

export interface LoadOptions {
  /** `path=value` overrides (`ccsim … --set`), applied in order before validation. */
  readonly overrides?: readonly string[];
  /** Directory that files named in the scenario (forecast CSVs) are relative to; default: the scenario file's. */
  readonly baseDir?: string;
  /** Cap on the scenario file and the files it names, bytes (`--max-input-mb`). @default 16 MB */
  readonly maxInputBytes?: number;
  /**
   * Overrides applied after `overrides` that point a field at a private copy of a file
   * (a sweep's forecasts, workers/inputFiles.ts): never named in messages, which locate the
   * field in the file as the user wrote it.
   */
  readonly redirects?: readonly string[];
}

export interface LoadedScenario {
  /** The file name as given (or the label of text loaded from elsewhere). */
  readonly file: string;
  /** The validated scenario: defaults filled, durations in seconds, overrides applied. */
  readonly scenario: Scenario;
  /** What the kernel runs. */
  readonly model: Model;
  /** Valid but probably not meant (`mean: 6` on a handle time), located like problems; for stderr. */
  readonly warnings: readonly string[];
  /** Where a field is, as problems name it: `file:line:col path` (or `file (--set …) path`). */
  where(path: readonly PathSegment[]): string;
}

/** Problems beyond this many are summarised: past it they are echoes of one mistake. */
const MAX_REPORTED_PROBLEMS = 50;

/** Reads, validates and compiles a scenario file; throws `InputError` listing every problem. */
export function loadScenarioFile(path: string, options: LoadOptions = {}): LoadedScenario {
  return loadScenarioText(readInputFile(path, 'scenario file', options.maxInputBytes ?? INPUT_LIMITS.defaultMaxBytes), path, options);
}

/** As `loadScenarioFile`, for text already in memory; `fileLabel` names it in messages. */
export function loadScenarioText(text: string, fileLabel: string, options: LoadOptions = {}): LoadedScenario {
  return scenarioLoader(text, fileLabel)(options);
}

/**
 * Parses the text once and loads it with any overrides, as often as asked: a sweep loads one
 * scenario for each of its points, and parsing the YAML was most of each load. A syntax error
 * is thrown on the first load (as `loadScenarioText` would).
 */
export function scenarioLoader(text: string, fileLabel: string): (options?: LoadOptions) => LoadedScenario {
  const doc = parseScenarioDocument(text);
  return (options = {}) => loadDocument(doc, fileLabel, options);
}

function loadDocument(doc: ScenarioDocument, fileLabel: string, options: LoadOptions): LoadedScenario {
  // After a syntax error the data is a guess, so its field problems would only mislead.
  if (doc.problems.length > 0) throw new InputError(formatProblems(doc.problems, fileLabel, doc, []));
  const redirects = new Set(options.redirects ?? []);
  const overridden = applyOverrides(doc.data, [...(options.overrides ?? []), ...redirects]);
  // What the user's --set wrote is blamed on the flag; a redirect never is.
  const applied = overridden.applied.filter((o) => !redirects.has(o.text));
  // The label is the file's path when loaded from a file (also for sweeps), so its directory
  // is where the scenario's forecast files are; text from elsewhere resolves against cwd.
  const result = validateScenarioData(overridden.data, {
    baseDir: options.baseDir ?? dirname(fileLabel),
    ...(options.maxInputBytes === undefined ? {} : { maxInputBytes: options.maxInputBytes }),
  });
  const lines = result.ok ? [] : formatProblems(result.problems, fileLabel, doc, applied);
  if (overridden.problems.length > 0 || !result.ok) throw new InputError([...overridden.problems, ...lines]);
  const model = compileScenario(result.scenario);
  // Rules on the compiled model: what the Erlang baseline of every run can compute.
  const baseline = baselineProblems(model, overridden.data);
  if (baseline.length > 0) throw new InputError(formatProblems(baseline, fileLabel, doc, applied));
  const warnings = formatProblems(scenarioWarnings(overridden.data), fileLabel, doc, applied);
  const where = (path: readonly PathSegment[]): string => {
    const located = locate({ path, message: '' }, fileLabel, doc, applied).text;
    return located.endsWith(': ') ? located.slice(0, -2) : located;
  };
  return { file: fileLabel, scenario: result.scenario, model, warnings, where };
}

/**
 * The warnings of a scenario text with `--set` overrides, without validating it (for
 * commands that validate each variant later, as sweep and staff do); `[]` when the text
 * does not parse — its problems are reported when it is loaded.
 */
export function scenarioTextWarnings(text: string, fileLabel: string, overrides: readonly string[] = []): string[] {
  const doc = parseScenarioDocument(text);
  if (doc.problems.length > 0) return [];
  const overridden = applyOverrides(doc.data, overrides);
  return formatProblems(scenarioWarnings(overridden.data), fileLabel, doc, overridden.applied);
}

/**
 * Refuses a text that cannot be parsed — too many values, a text too long, a YAML syntax
 * error — with the problems `loadScenarioText` would report, before a command that reads the
 * text in other ways (cutting out a sweep: block) parses it without those checks.
 */
export function checkScenarioSyntax(text: string, fileLabel: string): void {
  const doc = parseScenarioDocument(text);
  if (doc.problems.length > 0) throw new InputError(formatProblems(doc.problems, fileLabel, doc, []));
}

/**
 * The scenario's `sweep:` block, checked by the scenario schema's own rules and reported as
 * `file:line:col sweep.…: rule (got X)`; `undefined` when there is none. The rest of the
 * scenario is not validated here: each point of the sweep is, with its overrides.
 */
export function loadSweepBlock(text: string, fileLabel: string): SweepBlock | undefined {
  const doc = parseScenarioDocument(text);
  if (doc.problems.length > 0) throw new InputError(formatProblems(doc.problems, fileLabel, doc, []));
  const result = validateSweepBlock(doc.data);
  if (!result.ok) throw new InputError(formatProblems(result.problems, fileLabel, doc, []));
  return result.block;
}

interface Located {
  readonly line: number;
  readonly col: number;
  readonly text: string;
}

function formatProblems(
  problems: readonly Problem[],
  file: string,
  doc: ScenarioDocument,
  applied: readonly AppliedOverride[],
): string[] {
  const located = problems.map((problem) => locate(problem, file, doc, applied));
  // Stable sort: problems read top to bottom, those from --set (no position) last.
  located.sort((a, b) => a.line - b.line || a.col - b.col);
  const lines = located.slice(0, MAX_REPORTED_PROBLEMS).map((l) => l.text);
  if (located.length > MAX_REPORTED_PROBLEMS) lines.push(`… and ${located.length - MAX_REPORTED_PROBLEMS} more problems`);
  return lines;
}

function locate(problem: Problem, file: string, doc: ScenarioDocument, applied: readonly AppliedOverride[]): Located {
  const what = describe(problem);
  if (problem.position) {
    const { line, col } = problem.position;
    return { line, col, text: `${file}:${line}:${col} ${problem.path.length > 0 ? `${formatPath(problem.path)}: ` : ''}${what}` };
  }
  // The last override that wrote this field (or a mapping holding it) is where the value came
  // from; so is one that created the field (`--set agents[0].cuont=3`: the file has no cuont).
  const created = (o: AppliedOverride) => startsWith(o.path, problem.path) && !existsIn(doc.data, problem.path);
  const override = [...applied].reverse().find((o) => startsWith(problem.path, o.path) || created(o));
  if (override) {
    return { line: Infinity, col: Infinity, text: `${file} (--set ${override.text}) ${formatPath(problem.path)}: ${what}` };
  }
  const { line, col } = doc.locate(problem.path, problem.atKey === true);
  return { line, col, text: `${file}:${line}:${col} ${formatPath(problem.path)}: ${what}` };
}

/** Whether the data has a value at `path` (own properties only). */
function existsIn(data: unknown, path: readonly PathSegment[]): boolean {
  if (path.length === 0) return true;
  const parent = valueAt(data, path.slice(0, -1));
  const last = path[path.length - 1] as PathSegment;
  return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, last);
}

function describe(problem: Problem): string {
  const got = problem.got ? ` (got ${formatValue(problem.got.value)})` : '';
  const hint = problem.hint ? ` ${problem.hint}` : '';
  return `${problem.message}${got}${hint}`;
}
