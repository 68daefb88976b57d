/**
 * The checks a `CoverProblem` passes before a column is built: it comes from code (the
 * schedule loop raising a requirement), not from a file, so a mistake is named by its field
 * in the problem — `requirement[3]: must be a number of agents from 0 to 1,000,000 (got NaN)`.
 */
import { InputError } from '../../engine/errors.js';
import type { ShiftTemplate } from '../../scenarios/templates/shiftTemplate.js';
import { COVER_LIMITS as C } from './coverLimits.js';
import { DAY_SEC } from '../../engine/time.js';

interface ProblemShape {
  readonly intervalSec: number;
  readonly requirement: readonly number[];
  readonly templates: readonly ShiftTemplate[];
}

const count = (n: number) => n.toLocaleString('en-US');
const finiteIn = (x: number, lo: number, hi: number) => Number.isFinite(x) && x >= lo && x <= hi;

function templateProblems(t: ShiftTemplate, i: number, horizonSec: number): string[] {
  const at = `templates[${i}]`;
  const out: string[] = [];
  if (!finiteIn(t.lengthSec, Number.MIN_VALUE, DAY_SEC)) out.push(`${at}.lengthSec: must be more than 0 and at most ${DAY_SEC} (got ${t.lengthSec})`);
  if (!(Number.isFinite(t.costPerHour) && t.costPerHour > 0)) out.push(`${at}.costPerHour: must be a number greater than 0 (got ${t.costPerHour})`);
  const bad = t.startsSec.findIndex((s) => !finiteIn(s, 0, horizonSec - t.lengthSec));
  if (bad >= 0) out.push(`${at}.startsSec[${bad}]: must put the whole shift inside the horizon, 0 to ${horizonSec - t.lengthSec} (got ${t.startsSec[bad]})`);
  for (const key of ['min', 'max', 'minTotal', 'maxTotal'] as const) {
    const v = t[key];
    if (v !== undefined && !(Number.isInteger(v) && v >= 0)) out.push(`${at}.${key}: must be a whole number of agents 0 or more (got ${v})`);
  }
  if (t.min !== undefined && t.max !== undefined && t.min > t.max) out.push(`${at}.max: must be at least min (${t.min}) (got ${t.max})`);
  if (t.minTotal !== undefined && t.maxTotal !== undefined && t.minTotal > t.maxTotal) out.push(`${at}.maxTotal: must be at least minTotal (${t.minTotal}) (got ${t.maxTotal})`);
  if (t.breaks.length > C.maxBreaks) out.push(`${at}.breaks: must list at most ${C.maxBreaks} breaks (got ${t.breaks.length})`);
  t.breaks.forEach((b, k) => {
    const ok = finiteIn(b.lengthSec, Number.MIN_VALUE, t.lengthSec) && finiteIn(b.earliestSec, 0, b.latestSec) && b.latestSec + b.lengthSec <= t.lengthSec;
    if (!ok) out.push(`${at}.breaks[${k}]: must have 0 ≤ earliestSec ≤ latestSec and latestSec + lengthSec ≤ the shift's ${t.lengthSec} (got ${JSON.stringify(b)})`);
  });
  return out;
}

/** Throws `InputError` listing every field of the problem that breaks a rule. */
export function checkCoverProblem(problem: ProblemShape, timeLimitSec: number, relativeGap: number): void {
  const out: string[] = [];
  if (!finiteIn(problem.intervalSec, 1, DAY_SEC)) out.push(`intervalSec: must be a number of seconds from 1 to ${DAY_SEC} (got ${problem.intervalSec})`);
  const n = problem.requirement.length;
  if (n < 1 || n > C.maxIntervals) out.push(`requirement: must list 1 to ${count(C.maxIntervals)} intervals (got ${count(n)})`);
  const bad = problem.requirement.findIndex((r) => !finiteIn(r, 0, C.maxRequirement));
  if (bad >= 0) out.push(`requirement[${bad}]: must be a number of agents from 0 to ${count(C.maxRequirement)} (got ${problem.requirement[bad]})`);
  if (!finiteIn(timeLimitSec, Number.MIN_VALUE, C.maxTimeLimitSec)) out.push(`timeLimitSec: must be more than 0 and at most ${C.maxTimeLimitSec} (got ${timeLimitSec})`);
  if (!finiteIn(relativeGap, 0, 1)) out.push(`relativeGap: must be a fraction from 0 to 1 (got ${relativeGap})`);
  if (problem.templates.length > C.maxTemplates) out.push(`templates: must list at most ${C.maxTemplates} templates (got ${problem.templates.length})`);
  const starts = problem.templates.reduce((sum, t) => sum + t.startsSec.length, 0);
  if (starts > C.maxStartInstances) out.push(`templates: must give at most ${count(C.maxStartInstances)} starts in all (got ${count(starts)})`);
  if (out.length === 0) problem.templates.forEach((t, i) => out.push(...templateProblems(t, i, n * problem.intervalSec)));
  if (out.length > 0) throw new InputError(out.slice(0, 50));
}
