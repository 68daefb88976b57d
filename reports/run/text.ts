/**
 * The human-readable report of a run: what a planner reads first. Simulated figures carry
 * their 95% CI half-width and stand beside the Erlang prediction for the same load and
 * staffing. Tables are drawn with cli-table3 within 100 columns (reports/textTable.ts);
 * colours only when asked for (reports/palette.ts decides when), never in piped output.
 * Scopes and metrics the renderer does not know (tiers, types, new metrics) are listed
 * generically, so the report keeps up with the result.
 */
import { count } from '../format.js';
import { plannerDuration } from '../../scenarios/duration.js';
import { POOLED_METRICS } from '../../analysis/kpi.js';
import { formatDifference, formatEstimate, formatValue, metricLabel } from '../metricFormat.js';
import { palette, type Palette } from '../palette.js';
import type { RunResult } from '../../analysis/run/result.js';
import { ERLANG_COMPARED, entriesOf, erlangFigure, finite, metricOf, scopeEntries, singular, summaryEntries, type ScopeEntry } from '../../analysis/scopes.js';
import { baselineName, centerRows, comparedRow, entryLabel, shownMetrics, shownScopes } from './shown.js';
import { fitTable, renderTable, type Column } from '../textTable.js';
import { dayTable, weekdayTable } from './dayTables.js';
import { judge } from '../../analysis/verdict.js';
import { clockOfDay, dayLabel, momentLabel, timeLabel } from '../timeline.js';
import { DAY_SEC } from '../../engine/time.js';

export interface TextOptions {
  /** ANSI colours (only for a terminal). @default false */
  readonly colour?: boolean;
}

/** What the channel tables show; any other metric a channel has goes to "other metrics". */
const CHANNEL_SERVICE = ['offered', 'serviceLevel', 'pending', 'asaSec', 'meanWaitSec', 'abandonRate', 'waitP90Sec'] as const;
const CHANNEL_WORK = ['handled', 'ahtSec', 'occupancy', 'slotOccupancy', 'utilization', 'avgQueue', 'costPerContact'] as const;
/** The ratio-of-means estimators, in their own table. */
const CHANNEL_POOLED = POOLED_METRICS;
/** Shown elsewhere (comparison table) or derivable, so not repeated under "other metrics". */
const CHANNEL_SHOWN: ReadonlySet<string> = new Set([
  ...CHANNEL_SERVICE, ...CHANNEL_WORK, ...CHANNEL_POOLED, 'pWait', 'abandoned', 'waitP50Sec', 'waitP95Sec', 'waitP99Sec', 'maxQueue',
]);
/** Preferred order for groups and for scopes this report does not know (tiers, types…). */
const GROUP_ORDER = ['handled', 'ahtSec', 'occupancy', 'utilization', 'availableHours', 'scheduledHours', 'overtimeHours', 'costPerContact'];
const GENERIC_ORDER = ['offered', 'volume', 'handled', 'serviceLevel', 'attainment', 'asaSec', 'abandonRate', 'occupancy', 'utilization', 'costPerContact'];

const has = (entries: readonly ScopeEntry[], metric: string): boolean => entries.some((e) => metricOf(e, metric) !== undefined);

/** Metrics present in the entries, `preferred` first (in that order), then the rest. */
function presentMetrics(entries: readonly ScopeEntry[], preferred: readonly string[]): string[] {
  const all = [...new Set(entries.flatMap((e) => e.metrics.map(([m]) => m)))];
  return [...preferred.filter((m) => all.includes(m)), ...all.filter((m) => !preferred.includes(m))];
}

function idColumn(head: string): Column<ScopeEntry> {
  return { head, cell: entryLabel, align: 'left' };
}

/** Service level coloured by its CI against the target: green met, red missed, yellow unsure. */
function slCell(p: Palette) {
  return (e: ScopeEntry): string => {
    const sl = metricOf(e, 'serviceLevel');
    const text = formatEstimate('serviceLevel', sl);
    if (sl === undefined || e.target === undefined) return text;
    const v = judge(sl, '>=', e.target.level);
    if (v.state === 'pass') return p.green(text);
    if (v.state === 'fail') return p.red(text);
    return v.state === 'inconclusive' ? p.yellow(text) : text;
  };
}

function metricColumns(metrics: readonly string[], p: Palette): Column<ScopeEntry>[] {
  return metrics.map((metric) => ({
    head: metricLabel(metric),
    cell: metric === 'serviceLevel' ? slCell(p) : (e: ScopeEntry) => formatEstimate(metric, metricOf(e, metric)),
  }));
}

function channelTables(channels: readonly ScopeEntry[], center: readonly ScopeEntry[], p: Palette): string[] {
  const rows = channels.length > 1 ? [...channels, ...center] : [...channels];
  const service = shownMetrics(rows, CHANNEL_SERVICE.filter((m) => has(rows, m)));
  const target: Column<ScopeEntry> = {
    head: 'target',
    cell: (e) => (e.target ? `${formatValue('serviceLevel', e.target.level).replace('.0%', '%')}/${plannerDuration(e.target.withinSec)}` : ''),
  };
  const serviceCols = [idColumn('channel'), ...metricColumns(service, p)];
  serviceCols.splice(3, 0, target);
  const out = ['Channels — service', fitTable(serviceCols, rows, { bold: p.bold })];
  out.push('', 'Channels — workload', fitTable([idColumn('channel'), ...metricColumns(shownMetrics(rows, CHANNEL_WORK.filter((m) => has(rows, m))), p)], rows, { bold: p.bold }));
  const pooled = shownMetrics(rows, CHANNEL_POOLED.filter((m) => has(rows, m)));
  if (pooled.length > 0) {
    out.push('', 'Channels — pooled over replications (ratio of means, delta-method 95% CI)',
      fitTable([idColumn('channel'), ...metricColumns(pooled, p)], rows, { bold: p.bold }));
  }
  const others = shownMetrics(rows, presentMetrics(rows, []).filter((m) => !CHANNEL_SHOWN.has(m)));
  if (others.length > 0) out.push('', 'Channels — other metrics', fitTable([idColumn('channel'), ...metricColumns(others, p)], rows, { bold: p.bold }));
  return out;
}

function erlangName(e: ScopeEntry): string {
  return baselineName(e.erlang);
}

function comparisonTable(e: ScopeEntry, p: Palette): string {
  type Row = readonly [string, string, string, string];
  const t = e.target;
  const title = t ? `${e.id ?? ''} (${Math.round(t.level * 1000) / 10}/${plannerDuration(t.withinSec)})` : (e.id ?? '');
  const rows: Row[] = [];
  for (const m of ERLANG_COMPARED) {
    const sim = metricOf(e, m);
    const erl = erlangFigure(e, m);
    if (sim === undefined || !comparedRow(m, erl)) continue;
    const simText = m === 'serviceLevel' ? slCell(p)(e) : formatEstimate(m, sim);
    rows.push([metricLabel(m), simText, formatValue(m, erl), formatDifference(m, sim.mean, erl)]);
  }
  const erl = e.erlang;
  if (erl) rows.push(['agents (have / Erlang needs)', count(finite(erl.agents), 1), String(finite(erl.agentsRequired) ?? '–'), '']);
  const cols: Column<Row>[] = [
    { head: title, cell: (r) => r[0], align: 'left' },
    { head: 'simulated (95% CI)', cell: (r) => r[1] },
    { head: erlangName(e), cell: (r) => r[2] },
    { head: 'sim − Erlang', cell: (r) => r[3] },
  ];
  return renderTable(cols, rows, { bold: p.bold });
}

function scopeTable(scope: string, entries: readonly ScopeEntry[], p: Palette): string {
  const metrics = shownMetrics(entries, presentMetrics(entries, scope === 'groups' ? GROUP_ORDER : GENERIC_ORDER));
  return fitTable([idColumn(singular(scope)), ...metricColumns(metrics, p)], entries, { bold: p.bold });
}

interface IntervalRow {
  readonly startSec: number;
  readonly entry: ScopeEntry;
}

/**
 * A channel's interval tables with their titles: one table, labelled by clock time; or with a
 * start date one table a day, titled with the day (`Mon 2026-03-02`) and labelled by time of day.
 */
function intervalTables(r: RunResult, id: string, p: Palette): string[] {
  const rows: IntervalRow[] = [];
  for (const iv of r.intervals) {
    const entry = scopeEntries(iv).find((e) => e.scope === 'channels' && e.id === id);
    if (entry) rows.push({ startSec: iv.startSec, entry });
  }
  if (r.startDate === undefined) return ['', `Intervals — ${id} (means over replications)`, intervalTable(r, rows, (t) => timeLabel(r, t), p)];
  const days = new Map<number, IntervalRow[]>();
  for (const row of rows) {
    const d = Math.floor(row.startSec / DAY_SEC);
    const day = days.get(d);
    if (day === undefined) days.set(d, [row]);
    else day.push(row);
  }
  return [...days].flatMap(([d, dayRows]) => ['', `Intervals — ${id}, ${dayLabel(r, d * DAY_SEC)} (means over replications)`, intervalTable(r, dayRows, (t) => clockOfDay(r, t), p)]);
}

function intervalTable(r: RunResult, rows: readonly IntervalRow[], label: (t: number) => string, p: Palette): string {
  const mean = (m: string) => (row: IntervalRow) => formatValue(m, metricOf(row.entry, m)?.mean);
  const erl = (m: string) => (row: IntervalRow) => formatValue(m, erlangFigure(row.entry, m));
  const slMean = (row: IntervalRow): string => {
    const text = mean('serviceLevel')(row);
    const sl = metricOf(row.entry, 'serviceLevel')?.mean;
    const level = row.entry.target?.level;
    if (sl === null || sl === undefined || level === undefined) return text;
    return sl >= level ? p.green(text) : p.red(text);
  };
  const cols: Column<IntervalRow>[] = [
    { head: 'start', cell: (row) => label(row.startSec), align: 'left' },
    { head: 'offered', cell: (row) => count(metricOf(row.entry, 'offered')?.mean, 1) },
    { head: 'sim', cell: slMean },
    { head: 'Erlang', cell: erl('serviceLevel') },
    { head: 'sim', cell: mean('asaSec') },
    { head: 'Erlang', cell: erl('asaSec') },
    { head: 'aband.', cell: mean('abandonRate') },
    { head: 'sim', cell: mean('occupancy') },
    { head: 'Erlang', cell: erl('occupancy') },
    { head: 'have', cell: (row) => count(finite(row.entry.erlang?.agents), 1) },
    { head: 'needs', cell: (row) => String(finite(row.entry.erlang?.agentsRequired) ?? '–') },
  ];
  const groups = [
    { label: '', span: 2 }, { label: 'service level', span: 2 }, { label: 'ASA', span: 2 },
    { label: '', span: 1 }, { label: 'occupancy', span: 2 }, { label: 'agents', span: 2 },
  ];
  return renderTable(cols, rows, { bold: p.bold, groups });
}

export function renderText(r: RunResult, options: TextOptions = {}): string {
  const p = palette(options.colour ?? false);
  const entries = summaryEntries(r);
  const channels = entriesOf(entries, 'channels');
  const center = centerRows(entries);
  const out: string[] = [];
  const hours = r.horizonSec / 3600;
  out.push(p.bold(r.scenario));
  // A result without every interval (`intervalDetail`) still covers all of them.
  const intervals = r.intervalDetail === undefined ? r.intervals.length : Math.round(r.horizonSec / r.intervalSec);
  out.push(`${r.replications} replications, seed ${r.seed}; ${count(hours, 1)} h recorded ` +
    `(${intervals} × ${r.intervalSec / 60} min intervals), warm-up ${r.warmupSec / 60} min`);
  if (r.startDate !== undefined) out.push(`Recorded from ${momentLabel(r, 0)} to ${momentLabel(r, r.horizonSec)}.`);
  out.push(`Service level definition: ${r.serviceLevelDefinition}; ± is the 95% CI half-width over replications.`);
  for (const note of r.notes ?? []) out.push(`Note: ${note}`);
  out.push('', ...channelTables(channels, center, p));
  for (const c of channels) if (c.erlang) out.push('', comparisonTable(c, p));
  for (const scope of shownScopes(entries).filter((s) => s !== 'channels')) {
    out.push('', scope === 'groups' ? 'Agent groups' : `${scope[0]?.toUpperCase() ?? ''}${scope.slice(1)}`, scopeTable(scope, entriesOf(entries, scope), p));
  }
  for (const c of channels) if (c.id !== null && r.intervalDetail === undefined) out.push(...intervalTables(r, c.id, p));
  for (const c of channels) {
    const days = c.id === null ? null : dayTable(r, c.id, p);
    if (days !== null) out.push('', `Days — ${c.id ?? ''} (means over replications)`, days);
    const weekdays = c.id === null ? null : weekdayTable(r, c.id, p);
    if (weekdays !== null) out.push('', `Weekday profile — ${c.id ?? ''} (means over replications of sums over each weekday's days)`, weekdays);
  }
  return `${out.join('\n')}\n`;
}
