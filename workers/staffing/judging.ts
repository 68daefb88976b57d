/**
 * Reading an evaluation: an interval's (or the day's) rows over replications, judged on every
 * target by a judging rule (./judgingRule.ts: the whole CI at a confidence, or the mean).
 * Exported for any search over per-interval targets (`ccsim staff`, `ccsim schedule`):
 * `judgeChecks` judges one interval's replica rows, `judgeInterval` one interval of an
 * evaluation, `failingIntervals` lists the intervals that miss a target.
 */
import type { Evaluation } from './evaluator.js';
import { DEFAULT_JUDGING, type Judging } from './judgingRule.js';
import { allMet, judgeChecks, type CheckOutcome, type TargetCheck } from './targets.js';

export { allMet, judgeChecks, type CheckOutcome, type TargetCheck };
export { CONFIDENCE_LEVELS, DEFAULT_JUDGING, type ConfidenceLevel, type Judging } from './judgingRule.js';

export function intervalRows(e: Evaluation, iv: number): number[][] {
  return e.map((k) => [...(k.rows[iv - k.from] ?? [])]);
}

export function dayRows(e: Evaluation): number[][] {
  return e.map((k) => [...(k.day ?? [])]);
}

export function judgeInterval(checks: readonly TargetCheck[], e: Evaluation, iv: number, judging: Judging = DEFAULT_JUDGING): CheckOutcome[] {
  return judgeChecks(checks, intervalRows(e, iv), judging);
}

export function intervalMet(checks: readonly TargetCheck[], e: Evaluation, iv: number, judging: Judging = DEFAULT_JUDGING): boolean {
  return allMet(judgeInterval(checks, e, iv, judging));
}

/** The intervals of a whole-day evaluation that miss some target. */
export function failingIntervals(checks: readonly TargetCheck[], e: Evaluation, intervals: number, judging: Judging = DEFAULT_JUDGING): number[] {
  const out: number[] = [];
  for (let iv = 0; iv < intervals; iv++) if (!intervalMet(checks, e, iv, judging)) out.push(iv);
  return out;
}

/** Every interval of a whole-day evaluation meets every target. */
export function dayMet(checks: readonly TargetCheck[], e: Evaluation, intervals: number, judging: Judging = DEFAULT_JUDGING): boolean {
  return failingIntervals(checks, e, intervals, judging).length === 0;
}
