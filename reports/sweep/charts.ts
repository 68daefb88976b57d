/**
 * The vega-lite specs of a sweep's charts (data inlined, rendered to SVG by reports/svg.ts
 * like a run's): for each channel, service level, ASA, abandon rate and occupancy against the
 * varied parameter — the mean with its 95% CI as a band, the SL target as a dashed rule — and,
 * with a baseline, the paired difference of SL and ASA against it with its CI.
 *
 * The x axis follows reports/sweep/points.ts: a numeric parameter of a grid gives lines and
 * bands, one line per value of the other parameters (colour); any other sweep (named
 * variants, samples, a grid of words) puts the points side by side, each a dot with an
 * error bar, since a line between unrelated variants would suggest a trend that is not there.
 */
import type { TopLevelSpec } from 'vega-lite';
import { frame, PERCENT_AXIS, slug, waitUnit, type Chart } from '../charts.js';
import type { Estimate } from '../../analysis/confidence.js';
import { metricKind, metricLabel } from '../metricFormat.js';
import type { SweepResult } from '../../analysis/sweep/result.js';
import { sweepLayout, type SweepLayout } from './points.js';
import { differenceAt, estimateAt, sweepScopes, targetText, type SweepScope } from './tables.js';

/** The metrics charted per channel, and those whose difference to the baseline is charted. */
export const CHARTED_METRICS = ['serviceLevel', 'asaSec', 'abandonRate', 'occupancy'] as const;
export const CHARTED_DIFFERENCES = ['serviceLevel', 'asaSec'] as const;

const SIZE = { width: 600, height: 220 } as const;
const BLUE = '#4c78a8';

interface Datum {
  readonly index: number;
  readonly x: number | string;
  readonly series: string;
  readonly mean: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
}

const finiteOf = (values: readonly Datum[]): number[] =>
  values.flatMap((d) => [d.mean, d.lo, d.hi]).filter((v): v is number => v !== null && Number.isFinite(v));

function data(r: SweepResult, layout: SweepLayout, pick: (p: SweepResult['points'][number]) => Estimate | undefined, unit = 1): Datum[] {
  const scale = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : v / unit);
  return r.points.map((p, i) => {
    const e = pick(p);
    return {
      index: i,
      x: layout.x.kind === 'numeric' ? (layout.x.values[i] as number) : (layout.labels[i] ?? p.name),
      series: layout.series?.[i] ?? '',
      mean: scale(e?.mean),
      lo: scale(e?.ci95?.[0]),
      hi: scale(e?.ci95?.[1]),
    };
  });
}

function xEncoding(layout: SweepLayout): object {
  if (layout.x.kind === 'numeric') {
    const ticks = [...new Set(layout.x.values)].sort((a, b) => a - b);
    // Ticks at the points themselves when few: no agent count of 34.5 on the axis.
    return { field: 'x', type: 'quantitative', title: layout.x.path, scale: { zero: false, nice: false }, axis: { format: '~g', ...(ticks.length <= 20 ? { values: ticks } : {}) } };
  }
  const long = layout.labels.some((l) => l.length > 8);
  return { field: 'x', type: 'nominal', title: layout.labelHead, sort: [...layout.labels], axis: { labelAngle: long ? -30 : 0, labelLimit: 180 } };
}

function colour(layout: SweepLayout): object | null {
  if (layout.series === null) return null;
  return { color: { field: 'series', type: 'nominal', title: layout.seriesTitle, sort: [...new Set(layout.series)] } };
}

/** Band and line (numeric x) or dots with error bars (points), in the series' colours. */
function estimateLayers(layout: SweepLayout, y: object): unknown[] {
  const x = xEncoding(layout);
  const c = colour(layout);
  const fixed = c === null ? { color: BLUE } : {};
  const enc = (field: string, extra: object = {}) => ({ x, y: { field, type: 'quantitative', ...y }, ...extra, ...(c ?? {}) });
  if (layout.x.kind === 'numeric') {
    return [
      { mark: { type: 'area', opacity: 0.18, clip: true, ...fixed }, encoding: enc('lo', { y2: { field: 'hi' } }) },
      { mark: { type: 'line', strokeWidth: 2, clip: true, point: true, ...fixed }, encoding: enc('mean') },
    ];
  }
  return [
    { mark: { type: 'rule', strokeWidth: 2, clip: true, ...fixed }, encoding: enc('lo', { y2: { field: 'hi' } }) },
    { mark: { type: 'point', filled: true, size: 60, clip: true, ...fixed }, encoding: enc('mean') },
  ];
}

/** A y scale for a share: the values (and target) with a margin, never beyond [0, 1]. */
function shareScale(values: readonly number[]): object {
  const lo = Math.max(0, Math.min(...values, 1));
  const hi = Math.min(1, Math.max(...values, 0));
  const pad = Math.max(0.01, (hi - lo) * 0.1);
  return { domain: [Math.max(0, lo - pad), Math.min(1, hi + pad)], nice: true, clamp: true };
}

/** A y scale for a non-negative quantity: CI bands may dip below 0 with few replications. */
function nonNegativeScale(values: readonly number[]): object {
  const top = Math.max(0, ...values);
  return { domain: [0, top > 0 ? top : 1], nice: true, clamp: true };
}

function targetRule(level: number): unknown {
  return { mark: { type: 'rule', strokeDash: [4, 3], color: '#888' }, encoding: { y: { datum: level, type: 'quantitative' } } };
}

function xPhrase(layout: SweepLayout): string {
  return layout.x.kind === 'numeric' ? `vs ${layout.x.path}` : 'by point';
}

function metricChart(r: SweepResult, layout: SweepLayout, scope: SweepScope, metric: string): Chart | null {
  const id = scope.id ?? 'all';
  let values = data(r, layout, (p) => estimateAt(p, scope.id, metric));
  const raw = finiteOf(values);
  // A metric that is zero (or undefined) at every point — abandonment without patience — says nothing.
  if (raw.every((v) => v === 0)) return null;
  let y: object;
  const subtitle = ['mean and 95% CI over replications'];
  const layer: unknown[] = [];
  if (metricKind(metric) === 'percent') {
    const target = metric === 'serviceLevel' && scope.target ? scope.target : null;
    y = { title: metricLabel(metric), scale: shareScale(target ? [...raw, target.level] : raw), axis: PERCENT_AXIS };
    if (target) subtitle.push(`dashed: target ${targetText(target)}`);
    layer.push(...estimateLayers(layout, y), ...(target ? [targetRule(target.level)] : []));
  } else {
    const unit = waitUnit(Math.max(0, ...raw));
    values = data(r, layout, (p) => estimateAt(p, scope.id, metric), unit.sec);
    y = { title: `${metricLabel(metric)} (${unit.name})`, scale: nonNegativeScale(finiteOf(values)) };
    layer.push(...estimateLayers(layout, y));
  }
  const title = { text: `${capitalised(metricLabel(metric))} ${xPhrase(layout)} — ${id}`, subtitle: subtitle.join('; ') };
  return { id: `sweep-${slug(metric)}-${slug(id)}`, title: title.text, spec: frame(title, values, layer, SIZE) as TopLevelSpec };
}

function differenceChart(r: SweepResult, layout: SweepLayout, scope: SweepScope, metric: string): Chart | null {
  if (r.baseline === null) return null;
  const id = scope.id ?? 'all';
  const raw = finiteOf(data(r, layout, (p) => differenceAt(p, scope.id, metric)));
  if (raw.length === 0) return null;
  const percent = metricKind(metric) === 'percent';
  const unit = percent ? { name: '', sec: 1 } : waitUnit(Math.max(0, ...raw.map(Math.abs)));
  const values = data(r, layout, (p) => differenceAt(p, scope.id, metric), unit.sec);
  const y = { title: percent ? `Δ ${metricLabel(metric)}` : `Δ ${metricLabel(metric)} (${unit.name})`, scale: { zero: true, nice: true }, ...(percent ? { axis: PERCENT_AXIS } : {}) };
  const zero = { mark: { type: 'rule', color: '#888' }, encoding: { y: { datum: 0, type: 'quantitative' } } };
  const title = {
    text: `${capitalised(metricLabel(metric))}: difference from ${r.baseline.name} — ${id}`,
    subtitle: 'point − baseline, paired by replication; mean and 95% CI',
  };
  return { id: `sweep-difference-${slug(metric)}-${slug(id)}`, title: title.text, spec: frame(title, values, [zero, ...estimateLayers(layout, y)], SIZE) as TopLevelSpec };
}

const capitalised = (s: string): string => (/^[a-z]/.test(s) ? `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}` : s);

/** Every chart of a sweep, in the order the HTML report shows them: per channel, its metrics then its differences. */
export function sweepCharts(r: SweepResult): Chart[] {
  const layout = sweepLayout(r);
  return sweepScopes(r).filter((s) => s.id !== null).flatMap((s) => [
    ...CHARTED_METRICS.map((m) => metricChart(r, layout, s, m)),
    ...CHARTED_DIFFERENCES.map((m) => differenceChart(r, layout, s, m)),
  ]).filter((c): c is Chart => c !== null);
}
