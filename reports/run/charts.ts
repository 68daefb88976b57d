/**
 * The vega-lite specs of a run's charts (https://vega.github.io/vega-lite/), data inlined,
 * so that each is a complete, restylable file and renders to SVG in Node (reports/svg.ts)
 * without a network or a browser: service level per interval (simulated CI band and mean,
 * the Erlang line, the target rule), occupancy per group, queue length (and backlog, when the
 * result has it), wait-time percentiles, abandonment. Time is on a UTC scale from the Unix
 * epoch — the first interval is 00:00 of day 1 — so labels never depend on the time zone.
 */
import type { RunResult } from '../../analysis/run/result.js';
import { erlangFigure, metricOf, scopeEntries, type ScopeEntry } from '../../analysis/scopes.js';
import { plannerDuration } from '../../scenarios/duration.js';
import { frame, PERCENT_AXIS, slug, waitUnit, type Chart } from '../charts.js';
import { chartAxisFormat, chartMs } from '../timeline.js';
import { baselineName } from './shown.js';

interface Point {
  readonly t: number;
  readonly series: string;
  readonly mean: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
  readonly erlang: number | null;
}

/**
 * Student-t bands of a non-negative quantity can reach below zero with few replications;
 * the scale is clamped so the band stops at the axis instead of drawing impossible values.
 */
function nonNegative(values: readonly Point[]): object {
  const top = Math.max(0, ...values.flatMap((p) => [p.mean ?? 0, p.hi ?? 0]));
  // An explicit top: vega sizes the chart by its marks' bounds, clipped or not.
  return { domain: [0, top > 0 ? top : 1], nice: true, clamp: true };
}
const SHARE = { domain: [0, 1], clamp: true } as const;

interface Select {
  /** Only this id of the scope. */
  readonly id?: string;
  /** The series name of a point (default: the id). */
  readonly label?: (e: ScopeEntry) => string;
}

/** One row per interval × id of `scope` for `metric`. */
function points(r: RunResult, scope: string, metric: string, select: Select = {}): Point[] {
  const label = select.label ?? ((e: ScopeEntry) => e.id ?? 'all');
  const out: Point[] = [];
  for (const iv of r.intervals) {
    for (const e of scopeEntries(iv)) {
      if (e.scope !== scope || (select.id !== undefined && e.id !== select.id)) continue;
      const est = metricOf(e, metric);
      if (est === undefined) continue;
      out.push({ t: chartMs(r, iv.startSec), series: label(e), mean: est.mean, lo: est.ci95?.[0] ?? null, hi: est.ci95?.[1] ?? null, erlang: erlangFigure(e, metric) });
    }
  }
  return out;
}

function xAxis(r: RunResult) {
  return {
    field: 't', type: 'temporal', title: 'interval start (clock time)', scale: { type: 'utc' },
    axis: { format: chartAxisFormat(r, r.horizonSec), labelAngle: 0, labelOverlap: true },
  } as const;
}

/** CI band and mean line of every series, coloured by series. */
function bandAndLine(r: RunResult, y: object, colorTitle: string): unknown[] {
  const color = { field: 'series', type: 'nominal', title: colorTitle };
  return [
    { mark: { type: 'area', opacity: 0.18, clip: true }, encoding: { x: xAxis(r), y: { field: 'lo', type: 'quantitative', ...y }, y2: { field: 'hi' }, color } },
    { mark: { type: 'line', strokeWidth: 2, clip: true }, encoding: { x: xAxis(r), y: { field: 'mean', type: 'quantitative', ...y }, color } },
  ];
}

function serviceLevelChart(r: RunResult, c: ScopeEntry): Chart {
  const id = c.id ?? 'all';
  const values = points(r, 'channels', 'serviceLevel', { id });
  const y = { title: 'service level', scale: SHARE, axis: PERCENT_AXIS };
  const model = baselineName(c.erlang);
  const color = (datum: string) => ({ datum, type: 'nominal', title: null, scale: { range: ['#4c78a8', '#f58518', '#54a24b'] } });
  const layer: unknown[] = [
    { mark: { type: 'area', opacity: 0.2, clip: true }, encoding: { x: xAxis(r), y: { field: 'lo', type: 'quantitative', ...y }, y2: { field: 'hi' }, color: color('simulated (95% CI)') } },
    { mark: { type: 'line', strokeWidth: 2, clip: true }, encoding: { x: xAxis(r), y: { field: 'mean', type: 'quantitative', ...y }, color: color('simulated (95% CI)') } },
    { mark: { type: 'line', strokeDash: [6, 4], clip: true }, encoding: { x: xAxis(r), y: { field: 'erlang', type: 'quantitative', ...y }, color: color(model) } },
  ];
  if (c.target) {
    const label = `target ${Math.round(c.target.level * 1000) / 10}% in ${plannerDuration(c.target.withinSec)}`;
    layer.push({ mark: { type: 'rule', strokeDash: [2, 2] }, encoding: { y: { datum: c.target.level, type: 'quantitative' }, color: color(label) } });
  }
  return { id: `service-level-${slug(id)}`, title: `Service level — ${id}`, spec: frame(`Service level per interval — ${id}`, values, layer) };
}

function percentilesChart(r: RunResult, c: ScopeEntry): Chart {
  const id = c.id ?? 'all';
  const raw = PERCENTILES.flatMap((m) => points(r, 'channels', m, { id, label: () => percentileName(m) }));
  const maxSec = Math.max(0, ...raw.map((p) => p.mean ?? 0));
  const unit = waitUnit(maxSec);
  const scale = (x: number | null): number | null => (x === null ? null : x / unit.sec);
  // Means only: four CI bands on one chart would hide the lines they belong to.
  const values = raw.map((p) => ({ ...p, mean: scale(p.mean), lo: null, hi: null }));
  const y = { title: `wait (${unit.name})`, scale: nonNegative(values) };
  const color = { field: 'series', type: 'nominal', title: 'percentile', sort: PERCENTILES.map(percentileName) };
  const layer: unknown[] = [{ mark: { type: 'line', strokeWidth: 2, clip: true }, encoding: { x: xAxis(r), y: { field: 'mean', type: 'quantitative', ...y }, color } }];
  // The target time as a rule, unless it is far above every wait (it would flatten the lines).
  if (c.target && c.target.withinSec <= 2 * Math.max(maxSec, 1)) {
    layer.push({ mark: { type: 'rule', strokeDash: [2, 2], color: '#888' }, encoding: { y: { datum: c.target.withinSec / unit.sec, type: 'quantitative' } } });
  }
  return { id: `wait-percentiles-${slug(id)}`, title: `Wait percentiles — ${id}`, spec: frame(`Wait-time percentiles of answered contacts — ${id}`, values, layer) };
}

const PERCENTILES = ['waitP50Sec', 'waitP90Sec', 'waitP95Sec', 'waitP99Sec'] as const;
const percentileName = (m: string): string => m.replace(/^wait(P\d+)Sec$/, '$1').toLowerCase();

function occupancyChart(r: RunResult): Chart {
  const y = { title: 'occupancy', scale: SHARE, axis: PERCENT_AXIS };
  return { id: 'occupancy', title: 'Occupancy per group', spec: frame('Occupancy per agent group (mean and 95% CI)', points(r, 'groups', 'occupancy'), bandAndLine(r, y, 'group')) };
}

/** The backlog series of channels that ever hold a backlog (deferred work: email, tickets). */
function withBacklog(backlog: readonly Point[]): Point[] {
  const held = new Set(backlog.filter((p) => (p.mean ?? 0) > 0).map((p) => p.series));
  return backlog.filter((p) => held.has(p.series));
}

/** Max queue length per channel, and backlog when the result records it. */
function queueChart(r: RunResult): Chart {
  const values = [
    ...points(r, 'channels', 'maxQueue', { label: (e) => `${e.id ?? 'all'} queue` }),
    ...withBacklog(points(r, 'channels', 'backlogMax', { label: (e) => `${e.id ?? 'all'} backlog` })),
  ];
  const y = { title: 'longest queue (contacts)', scale: nonNegative(values) };
  return { id: 'queue', title: 'Queue length', spec: frame('Longest queue per interval (mean and 95% CI over replications)', values, bandAndLine(r, y, 'channel')) };
}

function abandonmentChart(r: RunResult): Chart {
  const values = points(r, 'channels', 'abandonRate');
  const y = { title: 'abandon rate', scale: nonNegative(values), axis: PERCENT_AXIS };
  return { id: 'abandonment', title: 'Abandonment', spec: frame('Abandon rate per interval (mean and 95% CI)', values, bandAndLine(r, y, 'channel')) };
}

/** Every chart of a run, in the order the HTML report shows them. */
export function runCharts(r: RunResult): Chart[] {
  const channels = scopeEntries(r.summary).filter((e) => e.scope === 'channels');
  return [
    ...channels.map((c) => serviceLevelChart(r, c)),
    occupancyChart(r),
    queueChart(r),
    ...channels.map((c) => percentilesChart(r, c)),
    abandonmentChart(r),
  ];
}
