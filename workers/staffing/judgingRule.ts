/**
 * The rule a staffing target is judged by over replications (`ccsim staff --confidence`,
 * `--on mean`), usable by any search that judges per-interval KPIs against targets (`ccsim
 * staff`, `ccsim schedule`):
 *
 * - `{ on: 'ci', confidence }` (default 0.95): the target is met only when the whole
 *   two-sided Student-t CI at that level meets the bound — the `--strict` rule of `ccsim
 *   check` (analysis/verdict.ts); a CI straddling the bound is `inconclusive`, not met. A
 *   higher level asks for more agents: the CI is wider, so its far end must clear the bound.
 * - `{ on: 'mean' }`: met when the mean over replications meets the bound (the plan meets the
 *   target on average, as Erlang's answer does); no CI is asked for.
 *
 * The CI is t(1 − (1 − c)/2, n − 1) · s / √n around the mean (Law, "Simulation Modeling and
 * Analysis", §9.4.1), kept inside the metric's physical range like analysis/confidence.ts.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from '../../engine/studentT.js';
import type { Range } from '../../analysis/confidence.js';

export const CONFIDENCE_LEVELS = [0.9, 0.95, 0.99] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

export type Judging = { readonly on: 'ci'; readonly confidence: ConfidenceLevel } | { readonly on: 'mean' };

export const DEFAULT_JUDGING: Judging = { on: 'ci', confidence: 0.95 };

/** A metric over replications as judged: its mean and, on a CI rule, the CI at that level. */
export interface JudgedEstimate {
  /** Null when no replication defines it (e.g. SL of an empty interval). */
  readonly mean: number | null;
  /**
   * The CI at the judging's confidence (named `ci95` like analysis/confidence.ts's Estimate, which
   * analysis/verdict.ts reads; its level is the judging's); null on the mean rule, or with fewer
   * than two defined replications.
   */
  readonly ci95: readonly [number, number] | null;
}

const clip = (x: number, [lo, hi]: Range): number => (x < lo ? lo : x > hi ? hi : x);

/** Mean and two-sided `confidence` CI of the finite values, inside `range`. */
export function estimateAt(values: readonly number[], range: Range, confidence: ConfidenceLevel): JudgedEstimate {
  const defined = values.filter((v) => Number.isFinite(v));
  if (defined.length === 0) return { mean: null, ci95: null };
  const m = mean(defined);
  if (defined.length < 2) return { mean: m, ci95: null };
  const h = studentTQuantile(1 - (1 - confidence) / 2, defined.length - 1) * (sampleStandardDeviation(defined) / Math.sqrt(defined.length));
  return { mean: m, ci95: [clip(m - h, range), clip(m + h, range)] };
}

/** The mean alone (the mean rule asks for no CI). */
export function meanOnly(values: readonly number[]): JudgedEstimate {
  const defined = values.filter((v) => Number.isFinite(v));
  return { mean: defined.length === 0 ? null : mean(defined), ci95: null };
}

/**
 * The estimate analysis/verdict.ts judges: on the mean rule a zero-width interval at the mean,
 * so the verdict passes or fails on the mean alone (never `inconclusive`).
 */
export function verdictInput(e: JudgedEstimate, j: Judging): JudgedEstimate {
  return j.on === 'mean' && e.mean !== null ? { mean: e.mean, ci95: [e.mean, e.mean] } : e;
}

/** How the rule reads in reports: `95% CI`, `mean`. */
export function judgingLabel(j: Judging): string {
  return j.on === 'mean' ? 'the mean' : `the whole ${Math.round(j.confidence * 100)}% CI`;
}
