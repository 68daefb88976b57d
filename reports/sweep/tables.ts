/**
 * The tables of a sweep's text, Markdown and HTML reports, as plain rows of formatted cells
 * (the ReportTable of reports/tables.ts), so all three show the same figures: the points
 * (replications, precision, which is the baseline and which the best), the key metrics of
 * each channel with their 95% CI, the paired differences against the baseline, and the
 * objective. Rows follow the points' order; nothing depends on how the sweep was run.
 */
import type { Estimate } from '../../analysis/confidence.js';
import { plannerDuration } from '../../scenarios/duration.js';
import { formatEstimate, formatValue, metricLabel } from '../metricFormat.js';
import type { SweepResult } from '../../analysis/sweep/result.js';
import type { SweepLayout } from './points.js';
import type { Cell, ReportTable } from '../tables.js';
import { judge } from '../../analysis/verdict.js';

type Point = SweepResult['points'][number];
type Scope = Readonly<Record<string, unknown>>;

/** The figures a planner compares across points (issue 6); cost only when the scenario has costs. */
export const SWEEP_METRICS = ['serviceLevel', 'asaSec', 'abandonRate', 'occupancy', 'costPerContact'] as const;

/** A channel of the sweep, or the whole center (`id` null). */
export interface SweepScope {
  readonly id: string | null;
  readonly title: string;
  readonly target: { readonly withinSec: number; readonly level: number } | null;
}

const isEstimate = (v: unknown): v is Estimate => typeof v === 'object' && v !== null && 'mean' in v && 'ci95' in v;

function scopeOf(p: Point, id: string | null): Scope | undefined {
  return id === null ? (p.summary.overall as unknown as Scope) : (p.summary.channels[id] as unknown as Scope | undefined);
}

export function estimateAt(p: Point, id: string | null, metric: string): Estimate | undefined {
  const v = scopeOf(p, id)?.[metric];
  return isEstimate(v) ? v : undefined;
}

export function differenceAt(p: Point, id: string | null, metric: string): (Estimate & { readonly n?: number }) | undefined {
  const d = id === null ? p.difference?.overall : p.difference?.channels[id];
  return d?.[metric];
}

export function targetText(t: { readonly withinSec: number; readonly level: number }): string {
  return `${formatValue('serviceLevel', t.level).replace('.0%', '%')} within ${plannerDuration(t.withinSec)}`;
}

/** Every channel, then the whole center when there are several (as `ccsim run` lists them). */
export function sweepScopes(r: SweepResult): SweepScope[] {
  const first = r.points[0];
  if (first === undefined) return [];
  const ids = Object.keys(first.summary.channels);
  const channels = ids.map((id): SweepScope => {
    const t = first.summary.channels[id]?.target;
    return { id, title: t ? `${id} (target ${targetText(t)})` : id, target: t ?? null };
  });
  return ids.length > 1 ? [...channels, { id: null, title: 'whole center', target: null }] : channels;
}

/** The metrics shown for a scope: cost per contact only when some point has a cost. */
export function scopeMetrics(r: SweepResult, id: string | null): string[] {
  return SWEEP_METRICS.filter((m) => m !== 'costPerContact' || r.points.some((p) => (estimateAt(p, id, m)?.mean ?? 0) !== 0));
}

function estimateCell(metric: string, e: Estimate | undefined, target: SweepScope['target']): Cell {
  const text = formatEstimate(metric, e);
  if (metric !== 'serviceLevel' || e === undefined || target === null) return text;
  return { text, status: judge(e, '>=', target.level).state };
}

/** `+2.3% ±0.8%`: a paired difference with a real minus sign and its CI half-width. */
export function formatSigned(metric: string, d: Estimate | undefined): string {
  if (d === undefined || d.mean === null) return '–';
  const sign = d.mean > 0 ? '+' : d.mean < 0 ? '−' : '';
  const m = `${sign}${formatValue(metric, Math.abs(d.mean))}`;
  return d.ci95 === null ? m : `${m} ±${formatValue(metric, (d.ci95[1] - d.ci95[0]) / 2, d.mean)}`;
}

function notes(r: SweepResult, index: number): string {
  const out: string[] = [];
  if (r.baseline?.point === index) out.push('baseline');
  if (r.objective?.best?.point === index) out.push('best');
  return out.join(', ');
}

function replicationCells(r: SweepResult): [string, (p: Point) => Cell][] {
  const cols: [string, (p: Point) => Cell][] = [['replications', (p) => String(p.replications)]];
  if (r.errors.length > 0) cols.push(['errored', (p) => String(p.errored)]);
  const spec = r.precision;
  if (spec !== null) {
    const metric = spec.metric;
    cols.push([`CI ± of ${metricLabel(metric)}`, (p) => formatValue(metric, p.precision?.halfWidth ?? null)]);
    cols.push([`≤ ${formatValue(metric, spec.halfWidth)}`, (p) => (p.precision?.met ? 'yes' : 'no')]);
  }
  if (r.baseline !== null || r.objective !== null) cols.push(['note', (p) => notes(r, p.index)]);
  return cols;
}

/** One row per point: its parameters (when the label is a name), replications, precision, notes. */
export function pointsTable(r: SweepResult, layout: SweepLayout): ReportTable {
  const params = layout.labelsAreParameters ? [] : r.parameters;
  const cols = replicationCells(r);
  return {
    title: 'Points',
    head: [layout.labelHead, ...params, ...cols.map(([h]) => h)],
    rows: r.points.map((p, i) => [
      layout.labels[i] ?? p.name,
      ...params.map((path) => String(p.parameters[path] ?? '')),
      ...cols.map(([, f]) => f(p)),
    ]),
    labelColumns: 1 + params.length,
  };
}

/** The key metrics of one scope at every point, mean ± 95% CI half-width. */
export function metricTable(r: SweepResult, layout: SweepLayout, scope: SweepScope): ReportTable {
  const metrics = scopeMetrics(r, scope.id);
  return {
    title: `Metrics — ${scope.title}`,
    head: [layout.labelHead, ...metrics.map(metricLabel)],
    rows: r.points.map((p, i) => [layout.labels[i] ?? p.name, ...metrics.map((m) => estimateCell(m, estimateAt(p, scope.id, m), scope.target))]),
    labelColumns: 1,
  };
}

/** The figures of an outbound campaign compared across points (issue 13): what it makes, at what nuisance, with how much time. */
export const SWEEP_CAMPAIGN_METRICS = ['connectedPerHour', 'connected', 'abandonRate', 'agentShare'] as const;

/**
 * One table per outbound campaign: its key figures at every point, mean ± 95% CI half-width,
 * beside the channels' tables — the trade-off of a blend (outbound contacts against inbound
 * service level) reads across the two. None without campaigns.
 */
export function campaignTables(r: SweepResult, layout: SweepLayout): ReportTable[] {
  const ids = Object.keys(r.points[0]?.summary.campaigns ?? {});
  return ids.map((id) => ({
    title: `Campaign — ${id}`,
    head: [layout.labelHead, ...SWEEP_CAMPAIGN_METRICS.map(metricLabel)],
    rows: r.points.map((p, i) => [
      layout.labels[i] ?? p.name,
      ...SWEEP_CAMPAIGN_METRICS.map((m) => formatEstimate(m, p.summary.campaigns?.[id]?.[m])),
    ]),
    labelColumns: 1,
  }));
}

/** Each point minus the baseline, paired by replication; null without a baseline. */
/**
 * The tables every format of the sweep report shows, in order: the points, each scope's
 * metrics and the campaigns (`figures`), then the paired differences against the baseline
 * (`differences`, followed in each format by `differenceNote`).
 */
export function reportTables(r: SweepResult, layout: SweepLayout): { readonly figures: ReportTable[]; readonly differences: ReportTable[] } {
  const scopes = sweepScopes(r);
  return {
    figures: [pointsTable(r, layout), ...scopes.map((s) => metricTable(r, layout, s)), ...campaignTables(r, layout)],
    differences: scopes.flatMap((s) => differenceTable(r, layout, s) ?? []),
  };
}

export function differenceTable(r: SweepResult, layout: SweepLayout, scope: SweepScope): ReportTable | null {
  if (r.baseline === null) return null;
  const metrics = scopeMetrics(r, scope.id);
  return {
    title: `Paired differences vs ${r.baseline.name} — ${scope.title}`,
    head: [layout.labelHead, ...metrics.map((m) => `Δ ${metricLabel(m)}`)],
    rows: r.points.map((p, i) => [layout.labels[i] ?? p.name, ...metrics.map((m) => formatSigned(m, differenceAt(p, scope.id, m)))]),
    labelColumns: 1,
  };
}

/** The objective's quantity at every point and whether it meets every constraint. */
export function objectiveTable(r: SweepResult, layout: SweepLayout): ReportTable | null {
  const o = r.objective;
  if (o === null) return null;
  const metric = o.quantity === 'agents' ? 'agents' : (o.quantity.split('.').at(-1) ?? o.quantity);
  const value = (v: number | null): string => (o.quantity === 'agents' ? String(v ?? '–') : formatValue(metric, v));
  return {
    title: 'Objective',
    head: [layout.labelHead, o.quantity, 'constraints met', 'best'],
    rows: o.points.map((j) => [layout.labels[j.point] ?? '', value(j.value), j.feasible ? 'yes' : 'no', o.best?.point === j.point ? 'best' : '']),
    labelColumns: 1,
  };
}

/** The objective as sentences: what is optimised, the rule, and the answer. */
export function objectiveLines(r: SweepResult): string[] {
  const o = r.objective;
  if (o === null) return [];
  const subject = o.subjectTo.length > 0 ? ` subject to ${o.subjectTo.join(', ')}` : '';
  const value = o.best === null || o.quantity === 'agents' ? String(o.best?.value) : formatValue(o.quantity.split('.').at(-1) ?? '', o.best.value);
  const best = o.best === null ? 'No point meets every constraint with 95% confidence.' : `Best: ${o.best.name}, ${o.quantity} = ${value}.`;
  return [`${o.sense} ${o.quantity}${subject}; ${o.rule}.`, best];
}

function ranges(sorted: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as number;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i] as number;
    out.push(end === start ? String(start) : `${start}–${end}`);
  }
  return out.join(', ');
}

/** Errored tasks grouped by point and message: `agents[0].count=34, replications 0–5 (seed 5): …`. */
export function errorLines(r: SweepResult): string[] {
  const groups = new Map<string, { name: string; replications: number[]; seeds: Set<number>; message: string }>();
  for (const e of r.errors) {
    const key = `${e.point}\u0000${e.message}`;
    const g = groups.get(key) ?? { name: e.name, replications: [], seeds: new Set<number>(), message: e.message };
    g.replications.push(e.replication);
    g.seeds.add(e.seed);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => {
    const reps = `replication${g.replications.length > 1 ? 's' : ''} ${ranges([...g.replications].sort((a, b) => a - b))}`;
    return `${g.name}, ${reps} (seed ${[...g.seeds].join(', ')}): ${g.message.replace(/\s+/g, ' ')}`;
  });
}

function replicationText(policy: unknown): string {
  const p = (typeof policy === 'object' && policy !== null ? policy : {}) as Record<string, unknown>;
  if (p.mode === 'fixed' && typeof p.count === 'number') return `${p.count} replications per point`;
  if (p.mode === 'precision') {
    const metric = typeof p.metric === 'string' ? p.metric : 'metric';
    const scope = typeof p.channel === 'string' ? ` of ${p.channel}` : '';
    return `replications added until the 95% CI half-width of ${metricLabel(metric)}${scope} is at most ` +
      `${formatValue(metric, typeof p.halfWidth === 'number' ? p.halfWidth : null)} (${String(p.initial)} to ${String(p.max)} per point)`;
  }
  return 'replications per point as recorded';
}

/** The facts under a sweep report's title, one phrase each (joined by the renderers). */
export function sweepDescription(r: SweepResult): string[] {
  const seeds = [...new Set(r.points.map((p) => p.seed))];
  const seed = seeds.length === 1 ? `seed ${seeds[0]}` : 'a seed per point';
  const crn = r.crn ? 'common random numbers across points' : 'independent seeds per point (no CRN)';
  return [
    `${r.points.length} point${r.points.length === 1 ? '' : 's'}`,
    replicationText(r.replications),
    `${crn}, ${seed}`,
    `service level definition ${r.serviceLevelDefinition}`,
    '± is the 95% CI half-width over replications',
  ];
}

/** What the difference tables mean, said once under them. */
export function differenceNote(r: SweepResult): string {
  const paired = r.crn ? 'paired by replication (common random numbers make its CI narrow)' : 'paired by replication';
  return `Δ = point − baseline, ${paired}; a Δ of a share is in percentage points; a CI that excludes 0 is a difference at the 5% level.`;
}
