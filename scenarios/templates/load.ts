/**
 * Loading a shift-template file: read it (size-capped), parse YAML or JSON keeping positions,
 * validate with the template schema, expand for a horizon. Every mistake is reported at once
 * in one `InputError`, a line each, as a scenario's are: `file:line:col path: rule (got X)`.
 */
import type { z } from 'zod';
import { InputError } from '../../engine/errors.js';
import { parseScenarioDocument, type ScenarioDocument } from '../document.js';
import { INPUT_LIMITS, readInputFile } from '../inputFile.js';
import { formatPath, formatValue, type PathSegment, type Problem, valueAt } from '../problem.js';
import { acceptedKeys } from '../schema-keys.js';
import { didYouMean } from '../suggestion.js';
import { expandTemplates, type HorizonContext } from './expand.js';
import { type TemplateFileSpec, templateFileSchema } from './schema.js';
import type { ShiftTemplate } from './shiftTemplate.js';

export interface TemplateFile {
  /** The file name as given. */
  readonly file: string;
  /** The validated file: durations and clock times in seconds, defaults filled. */
  readonly spec: TemplateFileSpec;
  /** Where a field is: `file:line:col path`. */
  where(path: readonly PathSegment[]): string;
}

/** Problems beyond this many are echoes of one mistake. */
const MAX_REPORTED_PROBLEMS = 50;

/** Reads and validates a template file; throws `InputError` listing every problem. */
export function readTemplateFile(file: string, maxInputBytes: number = INPUT_LIMITS.defaultMaxBytes): TemplateFile {
  return readTemplateText(readInputFile(file, 'template file', maxInputBytes), file);
}

/** As `readTemplateFile`, for text in memory; `file` names it in messages. */
export function readTemplateText(text: string, file: string): TemplateFile {
  const doc = parseScenarioDocument(text);
  if (doc.problems.length > 0) throw new InputError(format(doc.problems, file, doc));
  const parsed = templateFileSchema.safeParse(doc.data);
  if (!parsed.success) throw new InputError(format(parsed.error.issues.flatMap((issue) => problemsOf(issue, doc.data)), file, doc));
  const where = (path: readonly PathSegment[]): string => {
    const { line, col } = doc.locate(path);
    return `${file}:${line}:${col} ${formatPath(path)}`;
  };
  return { file, spec: parsed.data, where };
}

/** A read template file expanded for a horizon; throws `InputError` at the template that does not fit. */
export function expandTemplateFile(templates: TemplateFile, context: HorizonContext): ShiftTemplate[] {
  const expanded = expandTemplates(templates.spec, context);
  if (!expanded.ok) throw new InputError(expanded.problems.map((p) => `${templates.where(p.path)}: ${p.message}`));
  return expanded.templates;
}

/** Reads, validates and expands a template file for a horizon (days, starts) into ShiftTemplates. */
export function loadTemplates(file: string, context: HorizonContext): ShiftTemplate[] {
  return expandTemplateFile(readTemplateFile(file), context);
}

function format(problems: readonly Problem[], file: string, doc: ScenarioDocument): string[] {
  const located = problems.map((problem) => {
    const { line, col } = problem.position ?? doc.locate(problem.path, problem.atKey === true);
    const got = problem.got === undefined ? '' : ` (got ${formatValue(problem.got.value)})`;
    const field = problem.path.length > 0 ? `${formatPath(problem.path)}: ` : '';
    return { line, col, text: `${file}:${line}:${col} ${field}${problem.message}${got}${problem.hint === undefined ? '' : ` ${problem.hint}`}` };
  });
  located.sort((a, b) => a.line - b.line || a.col - b.col);
  const lines = located.slice(0, MAX_REPORTED_PROBLEMS).map((l) => l.text);
  if (located.length > MAX_REPORTED_PROBLEMS) lines.push(`… and ${located.length - MAX_REPORTED_PROBLEMS} more problems`);
  return lines;
}

/** A zod issue as the problems a person can act on (the scenario loader's rules, for this schema). */
function problemsOf(issue: z.core.$ZodIssue, data: unknown): Problem[] {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  const value = valueAt(data, path);
  if (issue.code === 'unrecognized_keys') {
    const known = acceptedKeys(templateFileSchema, data, path);
    return issue.keys.map((key) => {
      const hint = didYouMean(key, known);
      return { path: [...path, key], message: 'unknown key', atKey: true, ...(hint === undefined ? {} : { hint }) };
    });
  }
  if (value === undefined) return [{ path, message: `is required (${issue.message})` }];
  if (issue.code === 'invalid_union') {
    // `starts`: a list or a range; report the rules of the branch of the value's shape.
    const shape = Array.isArray(value) ? 'array' : typeof value;
    const branch = issue.errors.find((errors) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0 && e.expected !== shape));
    if (branch !== undefined && branch.length > 0 && (shape === 'array' || shape === 'object')) {
      return branch.flatMap((sub) => problemsOf({ ...sub, path: [...issue.path, ...sub.path] }, data));
    }
  }
  if (issue.code === 'invalid_value') {
    const hint = typeof value === 'string' ? didYouMean(value, issue.values.map(String)) : undefined;
    return [{ path, message: issue.message, got: { value }, ...(hint === undefined ? {} : { hint }) }];
  }
  return [{ path, message: issue.message, got: { value } }];
}
