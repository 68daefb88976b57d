/**
 * The assertions of `ccsim check`: `channels.voice.serviceLevel >= 0.8`, from a scenario's
 * `assert:` block or `--assert`. The path names a metric of `RunResult.summary` — `overall.M`,
 * `channels.ID.M`, `groups.ID.M`, and whatever scopes the result has (`tiers.2.M`,
 * `types.ID.M`); the operator is >=, >, <=, < or == and a bound may be written `80%`. Each
 * assertion is judged on the metric's 95% CI (analysis/verdict.ts).
 * A CI straddling the bound fails under `strict` (the default: a plan passes on evidence, not
 * on a lucky mean) and passes under `lenient`. Bad syntax or an unknown path is an InputError
 * naming the assertion and listing what exists.
 */
import { distance } from 'fastest-levenshtein';
import { InputError } from '../engine/errors.js';
import type { Estimate } from './confidence.js';
import type { RunResult } from './run/result.js';
import { scopeEntries, singular, type ScopeEntry } from './scopes.js';
import { COMPARATORS, judge, type Comparator, type Verdict } from './verdict.js';

export interface Assertion {
  /** The text as written. */
  readonly source: string;
  /** The metric's address without the bound: `channels.voice.serviceLevel`. */
  readonly path: string;
  readonly scope: string;
  /** null for `overall`. */
  readonly id: string | null;
  readonly metric: string;
  readonly op: Comparator;
  readonly bound: number;
}

/** How an inconclusive result (a CI straddling the bound, or no CI at all) counts. */
export type CheckMode = 'strict' | 'lenient';

export interface AssertionOutcome {
  readonly assertion: Assertion;
  readonly estimate: Estimate;
  readonly verdict: Verdict;
  readonly passed: boolean;
  /** Why an assertion that is not a plain pass or fail came out as it did; '' otherwise. */
  readonly note: string;
}

const SYNTAX = /^\s*(?:summary\.)?([^\s<>=≥≤]+)\s*(>=|<=|==|>|<|≥|≤)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(%?)\s*$/i;
const HELP = 'expected PATH OP NUMBER, e.g. "channels.voice.serviceLevel >= 0.8" or "overall.abandonRate < 5%" (OP: >=, >, <=, <, ==)';

/** Parses one assertion; `label` says where it came from (`--assert`, `file: assert[2]`). */
export function parseAssertion(source: string, label: string): Assertion {
  const m = SYNTAX.exec(source);
  if (!m) throw new InputError(`${label}: cannot read "${source}": ${HELP}`);
  const [, path = '', rawOp = '', number = '', percent = ''] = m;
  const op = (rawOp === '≥' ? '>=' : rawOp === '≤' ? '<=' : rawOp) as Comparator;
  const bound = Number(number) / (percent === '%' ? 100 : 1);
  const parts = path.split('.');
  if (parts.length < 2 || parts.some((p) => p === '')) {
    throw new InputError(`${label}: "${path}" is not a metric path: write SCOPE.ID.METRIC or overall.METRIC (got "${source}")`);
  }
  const scope = parts[0] as string;
  const metric = parts[parts.length - 1] as string;
  const id = parts.length === 2 ? null : parts.slice(1, -1).join('.');
  return { source: source.trim(), path, scope, id, metric, op, bound };
}

function suggestion(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) { best = c; bestD = d; }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

const list = (xs: readonly string[]): string => xs.join(', ');

/** The estimate an assertion names; an InputError listing what exists when there is none. */
export function resolveAssertion(r: RunResult, a: Assertion): Estimate {
  const entries = scopeEntries(r.summary);
  const where = `assertion "${a.source}"`;
  const scopes = [...new Set(entries.map((e) => e.scope))];
  const inScope = entries.filter((e) => e.scope === a.scope);
  if (inScope.length === 0) throw new InputError(`${where}: no scope "${a.scope}"${suggestion(a.scope, scopes)} (scopes: ${list(scopes)})`);
  const keyed = inScope.some((e) => e.id !== null);
  let entry: ScopeEntry | undefined;
  if (!keyed) {
    if (a.id !== null) throw new InputError(`${where}: "${a.scope}" has no ids: write ${a.scope}.METRIC (metrics: ${list(inScope[0]?.metrics.map(([m]) => m) ?? [])})`);
    entry = inScope[0];
  } else {
    const ids = inScope.map((e) => e.id ?? '');
    if (a.id === null) throw new InputError(`${where}: name one of the ${a.scope}: ${a.scope}.ID.${a.metric} (ids: ${list(ids)})`);
    entry = inScope.find((e) => e.id === a.id);
    if (!entry) throw new InputError(`${where}: no ${singular(a.scope)} "${a.id}"${suggestion(a.id, ids)} (${a.scope}: ${list(ids)})`);
  }
  const metrics = entry?.metrics.map(([m]) => m) ?? [];
  const found = entry?.metrics.find(([m]) => m === a.metric)?.[1];
  if (!found) throw new InputError(`${where}: no metric "${a.metric}" in ${a.path.slice(0, -a.metric.length - 1)}${suggestion(a.metric, metrics)} (metrics: ${list(metrics)})`);
  return found;
}

function outcome(assertion: Assertion, estimate: Estimate, mode: CheckMode): AssertionOutcome {
  const verdict = judge(estimate, assertion.op, assertion.bound);
  switch (verdict.state) {
    case 'pass': return { assertion, estimate, verdict, passed: true, note: '' };
    case 'fail': return { assertion, estimate, verdict, passed: false, note: '' };
    case 'undefined': return { assertion, estimate, verdict, passed: false, note: 'no value: the metric is undefined in every replication' };
    case 'inconclusive':
      if (verdict.reason === 'straddles') {
        return { assertion, estimate, verdict, passed: mode === 'lenient', note: `inconclusive: the 95% CI straddles the bound (--${mode})` };
      }
      // With one replication there is no CI: lenient judges the mean, strict asks for evidence.
      return mode === 'lenient'
        ? { assertion, estimate, verdict, passed: verdict.meanMeets, note: 'no CI (one replication): judged on the mean (--lenient)' }
        : { assertion, estimate, verdict, passed: false, note: 'inconclusive: no CI with one replication; run at least 2 (--strict)' };
  }
}

/** Resolves every assertion first (all unknown paths reported at once), then judges them. */
export function evaluateAssertions(r: RunResult, assertions: readonly Assertion[], mode: CheckMode): AssertionOutcome[] {
  const problems: string[] = [];
  const estimates = assertions.map((a) => {
    try {
      return resolveAssertion(r, a);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
      return null;
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  return assertions.map((a, i) => outcome(a, estimates[i] as Estimate, mode));
}

export { COMPARATORS };
