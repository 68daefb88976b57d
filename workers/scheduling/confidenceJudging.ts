/**
 * `ccsim schedule`'s targets are judged by the rule `ccsim staff` judges them by
 * (workers/staffing/judgingRule.ts, one definition): met when the whole two-sided Student-t
 * interval at the chosen confidence meets the bound, or when no replication defines the
 * metric (an interval without contacts constrains nothing). This file only adapts it to the
 * schedule's confidence (a number from `--confidence`) and adds the CI half-width the day-level
 * cuts allow for (workers/scheduling/cuttingPlane.ts).
 */
import { sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from '../../engine/studentT.js';
import { metricRange } from '../../analysis/kpi.js';
import { estimateAt as judgedEstimateAt, type ConfidenceLevel, type JudgedEstimate } from '../staffing/judgingRule.js';
import { judgeChecks, type CheckOutcome, type TargetCheck } from '../staffing/targets.js';

/** The half-width t((1 + c)/2, n − 1)·s/√n of the two-sided CI at `confidence` (NaN with fewer than two values). */
export function halfWidthAt(values: readonly number[], confidence: number): number {
  const xs = values.filter((v) => Number.isFinite(v));
  if (xs.length < 2) return NaN;
  return (studentTQuantile((1 + confidence) / 2, xs.length - 1) * sampleStandardDeviation(xs)) / Math.sqrt(xs.length);
}

/** The estimate of a metric with its CI at `confidence`, inside the metric's physical range. */
export function estimateAt(values: readonly number[], metric: string, confidence: number): JudgedEstimate {
  return judgedEstimateAt(values, metricRange(metric), confidence as ConfidenceLevel);
}

/** Every check judged on `rows` (one value list per replication, indexed by column) at `confidence`. */
export function judgeAt(checks: readonly TargetCheck[], rows: readonly (readonly number[])[], confidence: number): CheckOutcome[] {
  return judgeChecks(checks, rows, { on: 'ci', confidence: confidence as ConfidenceLevel });
}
