/**
 * How a metric is labelled and printed in the human-readable reports. Known metrics have a
 * label; a metric this file does not know (added to the result later) gets one from its name
 * — `backlogAgeP90Sec` → seconds, `costPerContact` → money, `…Rate` → percent — so new metrics
 * render sensibly before anyone edits this table.
 */
import type { Estimate } from '../analysis/confidence.js';
import { count, pct, seconds } from './format.js';

export type MetricKind = 'percent' | 'seconds' | 'count' | 'hours' | 'money' | 'number';

const LABELS: Readonly<Record<string, string>> = {
  offered: 'offered',
  handled: 'handled',
  abandoned: 'abandoned',
  serviceLevel: 'service level',
  pWait: 'P(wait > 0)',
  asaSec: 'ASA',
  ahtSec: 'AHT',
  abandonRate: 'abandon rate',
  waitP50Sec: 'p50 wait',
  waitP90Sec: 'p90 wait',
  waitP95Sec: 'p95 wait',
  waitP99Sec: 'p99 wait',
  occupancy: 'occupancy',
  utilization: 'utilization',
  maxQueue: 'max queue',
  availableHours: 'available h',
  scheduledHours: 'scheduled h',
  overtimeHours: 'overtime h',
  costPerContact: 'cost/contact',
  backlogMax: 'max backlog',
  backlogAgeP90Sec: 'backlog age p90',
  slotOccupancy: 'slot occupancy',
  meanWaitSec: 'mean wait (all)',
  avgQueue: 'avg queue',
  pending: 'pending',
  answeredWithinTarget: 'answered ≤ T',
  abandonedWithinTarget: 'abandoned ≤ T',
  blockingRate: 'blocking',
  linesBusy: 'lines busy',
  maxWaitExits: 'max wait reached',
  maxWaitRate: 'max wait share',
  connectedPerHour: 'connected/h',
  talkSec: 'talk',
  acwSec: 'wrap-up',
  transferDisconnected: 'transfers dropped',
  conferences: 'conferences',
  conferencesSkipped: 'conferences skipped',
  conferenceSec: 'conference time',
};

/** `serviceLevelPooled` → `serviceLevel`: a pooled metric prints as its base, labelled "(pooled)". */
const POOLED = /Pooled$/;

const PERCENT = new Set(['serviceLevel', 'pWait', 'abandonRate', 'occupancy', 'slotOccupancy', 'utilization', 'fcr', 'attainment']);
const COUNTS = new Set([
  'offered', 'volume', 'resolved', 'handled', 'abandoned', 'maxQueue', 'deflected', 'repeats', 'retrials', 'callbacks', 'escalated',
  'overflowed', 'backlogMax', 'pending', 'answeredWithinTarget', 'abandonedWithinTarget', 'avgQueue', 'blocked', 'linesBusy',
  'maxWaitExits', 'messages', 'disconnected', 'transferDisconnected', 'conferences', 'conferencesSkipped', 'dialed', 'reached', 'connected', 'unreached', 'connectedPerHour',
]);

export function metricKind(metric: string): MetricKind {
  if (POOLED.test(metric)) return metricKind(metric.replace(POOLED, ''));
  if (PERCENT.has(metric) || /(Rate|Level|Share|Ratio)$/.test(metric)) return 'percent';
  if (metric.endsWith('Sec')) return 'seconds';
  if (metric.endsWith('Hours')) return 'hours';
  if (/^cost|Cost/.test(metric)) return 'money';
  if (COUNTS.has(metric)) return 'count';
  return 'number';
}

/** `backlogAgeP90Sec` → `backlog age p90 sec` for a metric without a label. */
export function metricLabel(metric: string): string {
  if (POOLED.test(metric)) return `${metricLabel(metric.replace(POOLED, ''))} (pooled)`;
  return LABELS[metric] ?? metric.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Up to 4 significant digits, no exponent for everyday magnitudes, trailing zeros dropped. */
export function plain(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e15) {
    const digits = Math.max(0, 3 - Math.floor(Math.log10(a)));
    return String(Number(x.toFixed(Math.min(digits, 20))));
  }
  return x.toPrecision(4);
}

/** Decimals of a count: whole numbers from 100 up, tenths below (a mean over replications). */
const countDigits = (x: number): number => (Math.abs(x) >= 100 ? 0 : 1);

/**
 * One value of the metric, as the text and Markdown reports print it. `scale` is the
 * magnitude that picks a count's decimals (the mean, when printing its CI half-width).
 */
export function formatValue(metric: string, x: number | null | undefined, scale?: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  switch (metricKind(metric)) {
    case 'percent': return pct(x);
    case 'seconds': return seconds(x, scale);
    case 'hours': return count(x, 1);
    case 'money': return x.toFixed(2);
    case 'count': return count(x, countDigits(scale ?? x));
    case 'number': return plain(x);
  }
}

/** `97.9% ±2.1%`: the mean and the 95% CI half-width (the mean alone without a CI). */
export function formatEstimate(metric: string, e: Estimate | undefined): string {
  if (e === undefined || e.mean === null) return '–';
  const m = formatValue(metric, e.mean);
  if (e.ci95 === null) return m;
  return `${m} ±${formatValue(metric, (e.ci95[1] - e.ci95[0]) / 2, e.mean)}`;
}

/** `+6.2%` / `−3.0s`: simulated minus Erlang, with a real minus sign. */
export function formatDifference(metric: string, sim: number | null, erlang: number | null): string {
  if (sim === null || erlang === null) return '–';
  const d = sim - erlang;
  return `${d >= 0 ? '+' : '−'}${formatValue(metric, Math.abs(d))}`;
}
