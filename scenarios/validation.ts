/**
 * Validation of scenario data (already parsed from YAML/JSON, overrides applied): the zod
 * schema and the cross-field rules run on the same raw data, so one pass reports every
 * mistake. Zod's issues become `Problem`s with the offending value and, for unknown keys
 * and names, a "did you mean".
 */
import type { z } from 'zod';
import { checkConsistency } from './consistency.js';
import { type PathSegment, type Problem, valueAt } from './problem.js';
import { type Scenario, scenarioSchema } from './schema.js';
import { acceptedKeys } from './schema-keys.js';
import { didYouMean } from './suggestion.js';

export type ValidationResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly problems: Problem[] };

/** Validates raw scenario data; defaults are filled and durations become seconds. */
export function validateScenarioData(data: unknown): ValidationResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const message = 'must be a mapping with name, horizon, channels and agents';
    return { ok: false, problems: [{ path: [], message, got: { value: data } }] };
  }
  const parsed = scenarioSchema.safeParse(data);
  const problems = parsed.success ? [] : parsed.error.issues.flatMap((issue) => problemsOf(issue, data));
  problems.push(...checkConsistency(data as Readonly<Record<string, unknown>>));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, scenario: parsed.data };
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
    case 'invalid_value':
      return [nameProblem(path, issue.message, value, issue.values.map(String))];
    case 'invalid_union': {
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
