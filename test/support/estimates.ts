/**
 * Estimates of a channel's KPIs over replications, computed here from the raw counters (not by
 * reports/), for the statistical tests: every ratio KPI pooled (Σ numerator ÷ Σ denominator,
 * delta-method standard error — `ratioAndError`), whose bias is O(1/(replications × contacts)),
 * where the mean of per-replication ratios carries an O(1/contacts) bias that more
 * replications do not remove.
 */
import { expect } from 'vitest';
import type { ReplicationCounters } from '../../engine/recorder.js';
import type { Estimate } from '../../analysis/confidence.js';
import { meanAndError, ratioAndError } from './statistics.js';

export interface Measured {
  readonly mean: number;
  readonly se: number;
  readonly n: number;
}

/** Channel `ch`'s counter summed over the day's intervals. */
function total(r: ReplicationCounters, name: keyof ReplicationCounters['channel'], ch: number): number {
  const I = r.intervalCount;
  let s = 0;
  for (let iv = 0; iv < I; iv++) s += r.channel[name][ch * I + iv]!;
  return s;
}

/** Busy time of every group on channel `ch`, over the day. */
function busy(r: ReplicationCounters, ch: number): number {
  let s = 0;
  for (let g = 0; g < r.groupCount; g++) {
    for (let iv = 0; iv < r.intervalCount; iv++) s += r.busySec[(g * r.channelCount + ch) * r.intervalCount + iv]!;
  }
  return s;
}

const sumOf = (a: Float64Array): number => a.reduce((s, x) => s + x, 0);

/**
 * Pooled KPIs of channel `ch` (served alone by every group of the model, as in the tests'
 * one-channel models): the default service level (answered within T ÷ (offered − pending −
 * abandoned within T)), P(wait), ASA, abandon rate, mean wait of all, occupancy (busy ÷
 * available, all groups), and the time-average queue (queue area ÷ horizon, a mean over
 * replications: its denominator is the same in each).
 */
export function channelEstimates(reps: readonly ReplicationCounters[], horizonSec: number, ch = 0) {
  const pooled = (a: (r: ReplicationCounters) => number, b: (r: ReplicationCounters) => number): Measured =>
    ratioAndError(reps.map((r) => [a(r), b(r)] as const));
  const t = (name: keyof ReplicationCounters['channel']) => (r: ReplicationCounters) => total(r, name, ch);
  return {
    serviceLevel: pooled(t('answeredWithinTarget'), (r) => total(r, 'offered', ch) - total(r, 'pending', ch) - total(r, 'abandonedWithinTarget', ch)),
    pWait: pooled(t('queued'), t('offered')),
    asaSec: pooled(t('waitSumSec'), t('handled')),
    abandonRate: pooled(t('abandoned'), t('offered')),
    meanWaitSec: pooled((r) => total(r, 'waitSumSec', ch) + total(r, 'abandonWaitSumSec', ch), (r) => total(r, 'handled', ch) + total(r, 'abandoned', ch)),
    occupancy: pooled((r) => busy(r, ch), (r) => sumOf(r.group.availableSec)),
    /** Chat: session time ÷ (available time × sessions per agent). */
    slotOccupancy: (concurrency: number): Measured => pooled(t('sessionSec'), (r) => sumOf(r.group.availableSec) * concurrency),
    avgQueue: meanAndError(reps.map((r) => total(r, 'queueAreaSec', ch) / horizonSec)),
  };
}

/**
 * The estimate a run result reports, checked against the one computed here from the counters:
 * the same mean, and (unless cut at the metric's physical range) a 95% interval of ±t(0.975)
 * standard errors. Returns the estimate with its standard error, for `expectNear`.
 */
export function reported(e: Estimate, own: Measured, t975: number): Measured {
  const scale = Math.max(1, Math.abs(own.mean));
  expect(e.mean).not.toBeNull();
  expect(Math.abs(e.mean! - own.mean)).toBeLessThanOrEqual(1e-9 * scale);
  const [lo, hi] = e.ci95!;
  const symmetric = Math.abs(hi - e.mean! - (e.mean! - lo)) <= 1e-9 * scale;
  if (symmetric) expect(Math.abs((hi - lo) / 2 - t975 * own.se)).toBeLessThanOrEqual(1e-9 * scale);
  return { mean: e.mean!, se: own.se, n: own.n };
}
