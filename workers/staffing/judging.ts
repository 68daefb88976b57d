/** Reading an evaluation: an interval's (or the day's) rows over replications, judged on every target. */
import type { Evaluation } from './evaluator.js';
import { allMet, judgeChecks, type CheckOutcome, type TargetCheck } from './targets.js';

export function intervalRows(e: Evaluation, iv: number): number[][] {
  return e.map((k) => [...(k.rows[iv - k.from] ?? [])]);
}

export function dayRows(e: Evaluation): number[][] {
  return e.map((k) => [...(k.day ?? [])]);
}

export function judgeInterval(checks: readonly TargetCheck[], e: Evaluation, iv: number): CheckOutcome[] {
  return judgeChecks(checks, intervalRows(e, iv));
}

export function intervalMet(checks: readonly TargetCheck[], e: Evaluation, iv: number): boolean {
  return allMet(judgeInterval(checks, e, iv));
}

/** Every interval of a whole-day evaluation meets every target. */
export function dayMet(checks: readonly TargetCheck[], e: Evaluation, intervals: number): boolean {
  for (let iv = 0; iv < intervals; iv++) if (!intervalMet(checks, e, iv)) return false;
  return true;
}
