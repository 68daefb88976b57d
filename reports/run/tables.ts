/**
 * The summary tables of the Markdown and HTML reports, as plain rows of formatted cells, so
 * both show the same figures: a metric × id table per scope (every metric the result holds,
 * so new scopes and metrics appear unaided), the simulated vs Erlang comparison per channel,
 * and the per-interval table of each channel.
 */
import type { RunResult } from '../../analysis/run/result.js';
import { ERLANG_COMPARED, entriesOf, erlangFigure, finite, metricNames, metricOf, scopeEntries, singular, type ScopeEntry } from '../../analysis/scopes.js';
import { judge } from '../../analysis/verdict.js';
import { plannerDuration } from '../../scenarios/duration.js';
import { count } from '../format.js';
import { formatDifference, formatEstimate, formatValue, metricLabel } from '../metricFormat.js';
import type { Cell, ReportTable } from '../tables.js';
import { recordedFrom, timeLabel } from '../timeline.js';
import { baselineName, centerRows, comparedRow, entryLabel, shownMetrics, shownScopes } from './shown.js';

function estimateCell(e: ScopeEntry, metric: string): Cell {
  const est = metricOf(e, metric);
  const text = formatEstimate(metric, est);
  if (metric !== 'serviceLevel' || est === undefined || e.target === undefined) return text;
  return { text, status: judge(est, '>=', e.target.level).state };
}

function scopeTitle(scope: string): string {
  if (scope === 'groups') return 'Agent groups';
  return `${singular(scope)[0]?.toUpperCase() ?? ''}${scope.slice(1)}`;
}

/** Rows are metrics, columns the scope's ids (`all` for the whole center). */
function scopeTable(scope: string, entries: readonly ScopeEntry[]): ReportTable {
  const rows: Cell[][] = shownMetrics(entries, metricNames(entries)).map((m) => [metricLabel(m), ...entries.map((e) => estimateCell(e, m))]);
  if (entries.some((e) => e.target)) {
    rows.unshift(['target', ...entries.map((e) => (e.target ? `${formatValue('serviceLevel', e.target.level)} within ${plannerDuration(e.target.withinSec)}` : ''))]);
  }
  return { title: scopeTitle(scope), head: ['metric', ...entries.map(entryLabel)], rows, labelColumns: 1 };
}

/** One table per scope with ids; the whole-center figures sit beside the channels. */
export function scopeTables(r: RunResult): ReportTable[] {
  const entries = scopeEntries(r.summary);
  const overall = centerRows(entries);
  return shownScopes(entries).map((scope) => {
    const rows = entriesOf(entries, scope);
    return scopeTable(scope, scope === 'channels' && rows.length > 1 ? [...rows, ...overall] : rows);
  });
}

function comparisonRows(e: ScopeEntry): Cell[][] {
  const rows = ERLANG_COMPARED.flatMap((m): Cell[][] => {
    const sim = metricOf(e, m);
    const erl = erlangFigure(e, m);
    if (sim === undefined || !comparedRow(m, erl)) return [];
    return [[e.id ?? '', metricLabel(m), estimateCell(e, m), formatValue(m, erl), formatDifference(m, sim.mean, erl)]];
  });
  const erl = e.erlang;
  if (erl) rows.push([e.id ?? '', 'agents (have / Erlang needs)', count(finite(erl.agents), 1), String(finite(erl.agentsRequired) ?? '–'), '']);
  return rows;
}

/** Simulated vs Erlang for every channel with a baseline; null when none has one. */
export function comparisonTable(r: RunResult): ReportTable | null {
  const channels = entriesOf(scopeEntries(r.summary), 'channels').filter((c) => c.erlang);
  if (channels.length === 0) return null;
  const models = [...new Set(channels.map((c) => baselineName(c.erlang)))].join(' / ');
  return {
    title: 'Simulated vs Erlang',
    head: ['channel', 'metric', 'simulated (95% CI)', models, 'sim − Erlang'],
    rows: channels.flatMap(comparisonRows),
    labelColumns: 2,
  };
}

/** Columns of a channel's per-interval table: [head, cell]. */
const INTERVAL_COLUMNS: readonly (readonly [string, (e: ScopeEntry) => Cell])[] = [
  ['offered', (e) => count(metricOf(e, 'offered')?.mean, 1)],
  ['SL', (e) => {
    const text = formatValue('serviceLevel', metricOf(e, 'serviceLevel')?.mean);
    const sl = metricOf(e, 'serviceLevel')?.mean;
    if (sl === null || sl === undefined || e.target === undefined) return text;
    return { text, status: sl >= e.target.level ? 'pass' : 'fail' };
  }],
  ['SL Erlang', (e) => formatValue('serviceLevel', erlangFigure(e, 'serviceLevel'))],
  ['ASA', (e) => formatValue('asaSec', metricOf(e, 'asaSec')?.mean)],
  ['ASA Erlang', (e) => formatValue('asaSec', erlangFigure(e, 'asaSec'))],
  ['abandon rate', (e) => formatValue('abandonRate', metricOf(e, 'abandonRate')?.mean)],
  ['p90 wait', (e) => formatValue('waitP90Sec', metricOf(e, 'waitP90Sec')?.mean)],
  ['occupancy', (e) => formatValue('occupancy', metricOf(e, 'occupancy')?.mean)],
  ['occupancy Erlang', (e) => formatValue('occupancy', erlangFigure(e, 'occupancy'))],
  ['agents', (e) => count(finite(e.erlang?.agents), 1)],
  ['Erlang needs', (e) => String(finite(e.erlang?.agentsRequired) ?? '–')],
];

/** One table per channel: a row per interval, means over replications beside Erlang. */
export function intervalTables(r: RunResult): ReportTable[] {
  const ids = entriesOf(scopeEntries(r.summary), 'channels').flatMap((c) => (c.id === null ? [] : [c.id]));
  return ids.map((id) => {
    const rows: Cell[][] = [];
    for (const iv of r.intervals) {
      const e = scopeEntries(iv).find((x) => x.scope === 'channels' && x.id === id);
      if (e) rows.push([timeLabel(r, iv.startSec), ...INTERVAL_COLUMNS.map(([, f]) => f(e))]);
    }
    return { title: `Intervals — ${id} (means over replications)`, head: ['start', ...INTERVAL_COLUMNS.map(([h]) => h)], rows, labelColumns: 1 };
  });
}

/** The line under a report's title: replications, seed, horizon, SL definition. */
export function runDescription(r: RunResult): string {
  // A result without every interval (`intervalDetail`) still covers all of them, and says what it left out (`notes`).
  const intervals = r.intervalDetail === undefined ? r.intervals.length : Math.round(r.horizonSec / r.intervalSec);
  const notes = (r.notes ?? []).map((n) => ` · ${n}`).join('');
  return `${r.replications} replications, seed ${r.seed} · ${count(r.horizonSec / 3600, 1)} h recorded${recordedFrom(r)} ` +
    `(${intervals} × ${r.intervalSec / 60} min intervals) · warm-up ${r.warmupSec / 60} min · ` +
    `service level definition ${r.serviceLevelDefinition} · ± is the 95% CI half-width over replications${notes}`;
}
