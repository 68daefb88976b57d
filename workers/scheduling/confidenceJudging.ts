/**
 * Judging a target at a chosen confidence: the mean over replications and the two-sided
 * Student-t interval mean ± t((1 + c)/2, n − 1)·s/√n (Law, "Simulation Modeling and
 * Analysis", §9.4.1), kept inside the metric's physical range as reports/confidence.ts does;
 * met when the whole interval meets the bound (the `--strict` rule of reports/verdict.ts), or
 * when no replication defines the metric (an interval without contacts constrains nothing).
 * At c = 0.95 it is exactly workers/staffing/targets.ts `judgeChecks`.
 */
import { studentTQuantile } from '../../engine/studentT.js';
import { metricRange } from '../../reports/kpi.js';
import { judge } from '../../reports/verdict.js';
import type { Estimate } from '../../reports/confidence.js';
import type { CheckOutcome, TargetCheck } from '../staffing/targets.js';

const tCache = new Map<string, number>();

/** t((1 + c)/2, df), remembered (a search asks for the same few thousands of times). */
export function tQuantile(confidence: number, df: number): number {
  const key = `${confidence}|${df}`;
  let t = tCache.get(key);
  if (t === undefined) {
    t = studentTQuantile((1 + confidence) / 2, df);
    tCache.set(key, t);
  }
  return t;
}

/** Mean, sample standard deviation and count of the finite values. */
export function moments(values: readonly number[]): { mean: number; sd: number; n: number } {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: NaN, sd: NaN, n };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const ss = xs.reduce((s, x) => s + (x - mean) * (x - mean), 0);
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN, n };
}

/** The half-width of the two-sided CI at `confidence` (NaN with fewer than two values). */
export function halfWidthAt(values: readonly number[], confidence: number): number {
  const m = moments(values);
  return m.n < 2 ? NaN : tQuantile(confidence, m.n - 1) * m.sd / Math.sqrt(m.n);
}

/** The estimate of a metric with its CI at `confidence` (in the `ci95` slot: the CI reports print). */
export function estimateAt(values: readonly number[], metric: string, confidence: number): Estimate {
  const m = moments(values);
  if (m.n === 0) return { mean: null, ci95: null };
  if (m.n < 2) return { mean: m.mean, ci95: null };
  const [lo, hi] = metricRange(metric);
  const h = tQuantile(confidence, m.n - 1) * m.sd / Math.sqrt(m.n);
  const clip = (x: number): number => Math.min(hi, Math.max(lo, x));
  return { mean: m.mean, ci95: [clip(m.mean - h), clip(m.mean + h)] };
}

/** Every check judged on `rows` (one value list per replication, indexed by column). */
export function judgeAt(checks: readonly TargetCheck[], rows: readonly (readonly number[])[], confidence: number): CheckOutcome[] {
  return checks.map((check) => {
    const e = estimateAt(rows.map((row) => row[check.column] ?? NaN), check.metric, confidence);
    const verdict = judge(e, check.op, check.bound);
    return { check, estimate: e, verdict, met: verdict.state === 'pass' || verdict.state === 'undefined' };
  });
}
