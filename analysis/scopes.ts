/**
 * Walking a run result without knowing its exact shape. The renderers (text, CSV, Markdown,
 * HTML, assertions) iterate over whatever scopes and metrics a result holds, so a result that
 * gains scopes (`tiers`, `types`) or metrics (`costPerContact`, `backlogMax`) is rendered
 * without touching them: a scope is a key of `summary` (or of an interval) whose value is
 * either a record of metrics (`overall`) or a record of ids → records of metrics.
 */
import type { ErlangBaselineFigures } from './baseline.js';
import type { Estimate } from './confidence.js';
import type { RunResult } from './run/result.js';

/** One scope's metrics: the whole center (`id` null), a channel, a group, a tier… */
export interface ScopeEntry {
  /** The key in `summary`: `overall`, `channels`, `groups`, and later `tiers`, `types`. */
  readonly scope: string;
  /** The channel / group / tier id; null for a scope with no ids (`overall`). */
  readonly id: string | null;
  /** Every `{ mean, ci95 }` of the scope, in the result's key order. */
  readonly metrics: readonly (readonly [string, Estimate])[];
  readonly target?: { readonly withinSec: number; readonly level: number };
  /** The Erlang baseline, when the scope has one (channels). Figures may be null after JSON. */
  readonly erlang?: ErlangBaselineFigures;
  /** For the whole-center scopes: which channels they cover (result.ts `CenterEstimates`). */
  readonly covers?: string;
  readonly members?: readonly string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{ mean, ci95 }` with mean a number or null. */
export function isEstimate(v: unknown): v is Estimate {
  return isObject(v) && 'mean' in v && 'ci95' in v && (v.mean === null || typeof v.mean === 'number');
}

function metricsOf(record: Record<string, unknown>): [string, Estimate][] {
  return Object.entries(record).filter((e): e is [string, Estimate] => isEstimate(e[1]));
}

function entryOf(scope: string, id: string | null, record: Record<string, unknown>): ScopeEntry {
  const entry: { -readonly [K in keyof ScopeEntry]: ScopeEntry[K] } = { scope, id, metrics: metricsOf(record) };
  const target = record.target;
  if (isObject(target) && typeof target.level === 'number' && typeof target.withinSec === 'number') {
    entry.target = { withinSec: target.withinSec, level: target.level };
  }
  if (isObject(record.erlang)) entry.erlang = record.erlang as unknown as ErlangBaselineFigures;
  if (typeof record.covers === 'string') entry.covers = record.covers;
  if (Array.isArray(record.channels)) entry.members = record.channels.filter((c): c is string => typeof c === 'string');
  return entry;
}

/** The whole-center rows worth a line beside the channels: those that sum two or more of them. */
export function centerRows(entries: readonly ScopeEntry[]): ScopeEntry[] {
  return entries.filter((e) => e.id === null && (e.members === undefined || e.members.length > 1));
}

/**
 * Metrics of mechanisms a scenario may not use (self-service, repeats, retrials, callbacks,
 * escalation, overflow, deferred backlog, costs, abandonment): reports show their column only
 * when some row has a value other than 0, so a plain voice center's report is not a wall of
 * zeros. Slot occupancy is shown only for chat (where Erlang has a slot figure).
 */
const MECHANISM_METRICS: ReadonlySet<string> = new Set([
  'deflected', 'repeats', 'retrials', 'callbacks', 'escalated', 'overflowed', 'backlogMax', 'backlogAgeP90Sec', 'pending',
  'abandoned', 'abandonRate', 'abandonRatePooled', 'abandonedWithinTarget', 'cost', 'costPerContact', 'costPerContactPooled', 'overtimeHours',
  'resolved', 'escalationRate', 'blocked', 'blockingRate', 'linesBusy', 'maxWaitExits', 'maxWaitRate', 'messages', 'disconnected', 'transferDisconnected', 'conferences', 'conferencesSkipped', 'conferenceSec',
]);

/** The metrics worth a column for these rows (see MECHANISM_METRICS). */
export function shownMetrics(entries: readonly ScopeEntry[], metrics: readonly string[]): string[] {
  const used = (m: string): boolean => entries.some((e) => {
    const mean = metricOf(e, m)?.mean;
    return mean !== null && mean !== undefined && mean !== 0;
  });
  const chat = entries.some((e) => finite(e.erlang?.slotOccupancy) !== null);
  return metrics.filter((m) => {
    if (m === 'slotOccupancy' || m === 'slotOccupancyPooled') return chat;
    return !MECHANISM_METRICS.has(m) || used(m);
  });
}

/**
 * The keyed scopes worth a table: tiers only when contacts reached tier 2 or 3, contact types
 * only when some channel has more than one.
 */
export function shownScopes(entries: readonly ScopeEntry[]): string[] {
  return keyedScopes(entries).filter((scope) => {
    const rows = entriesOf(entries, scope);
    if (scope === 'tiers') return rows.some((e) => e.id !== '1' && (metricOf(e, 'volume')?.mean ?? 0) > 0);
    if (scope === 'types') {
      const perChannel = new Map<string, number>();
      for (const e of rows) {
        const ch = (e.id ?? '').split('/')[0] ?? '';
        perChannel.set(ch, (perChannel.get(ch) ?? 0) + 1);
      }
      return [...perChannel.values()].some((n) => n > 1);
    }
    return true;
  });
}

/** A row's name in a table: the id, or for the whole center `all`, `all live`, `all deferred`. */
export function entryLabel(e: ScopeEntry): string {
  if (e.id !== null) return e.id;
  return e.covers === undefined || e.covers === 'all' ? 'all' : `all ${e.covers}`;
}

/** The scopes of `summary` or of one interval, in key order (`startSec` and other scalars skipped). */
export function scopeEntries(container: object): ScopeEntry[] {
  const out: ScopeEntry[] = [];
  for (const [scope, value] of Object.entries(container)) {
    if (!isObject(value)) continue;
    if (metricsOf(value).length > 0) {
      out.push(entryOf(scope, null, value));
      continue;
    }
    for (const [id, record] of Object.entries(value)) if (isObject(record)) out.push(entryOf(scope, id, record));
  }
  return out;
}

export const summaryEntries = (r: RunResult): ScopeEntry[] => scopeEntries(r.summary);

/** Entries of one scope (`channels`) only. */
export const entriesOf = (entries: readonly ScopeEntry[], scope: string): ScopeEntry[] => entries.filter((e) => e.scope === scope);

/** The scope names present, in order, with ids (`channels`, `groups`, …; `overall` excluded). */
export function keyedScopes(entries: readonly ScopeEntry[]): string[] {
  return [...new Set(entries.filter((e) => e.id !== null).map((e) => e.scope))];
}

/** The metric names present in some entry, in first-seen order. */
export function metricNames(entries: readonly ScopeEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => e.metrics.map(([m]) => m)))];
}

export function metricOf(entry: ScopeEntry | undefined, metric: string): Estimate | undefined {
  return entry?.metrics.find(([m]) => m === metric)?.[1];
}

/** `channel` for `channels`, `tier` for `tiers`: the word a table column uses. */
export function singular(scope: string): string {
  return scope.endsWith('s') ? scope.slice(0, -1) : scope;
}

/** A scope entry's address as assertions and CSV write it: `overall`, `channels.voice`. */
export const scopePath = (e: ScopeEntry): string => (e.id === null ? e.scope : `${e.scope}.${e.id}`);

/** A number from a figure that may have gone through JSON (∞ and NaN become null). */
export function finite(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/**
 * The Erlang figure comparable with a simulated metric, or null. Erlang predicts these five
 * for the same load and staffing (analysis/baseline.ts); every other metric has no baseline.
 */
export function erlangFigure(entry: ScopeEntry, metric: string): number | null {
  const e = entry.erlang;
  if (e === undefined) return null;
  switch (metric) {
    case 'serviceLevel': return finite(e.serviceLevel);
    case 'pWait': return finite(e.pWait);
    case 'asaSec': return finite(e.asaSec);
    case 'occupancy': return finite(e.occupancy);
    case 'slotOccupancy': return finite(e.slotOccupancy);
    case 'abandonRate': return finite(e.pAbandon);
    default: return null;
  }
}

/** How reports name a baseline: `Erlang A`, `Erlang C`, `Erlang C (chat slots)` or `workload`. */
export function baselineName(e: ErlangBaselineFigures | undefined): string {
  if (e?.model === 'workload') return 'workload';
  const name = e?.model === 'erlangA' ? 'Erlang A' : 'Erlang C';
  return finite(e?.slotOccupancy) !== null ? `${name} (chat slots)` : name;
}

/** The metrics that have an Erlang counterpart, in the order reports list them. */
export const ERLANG_COMPARED = ['serviceLevel', 'pWait', 'asaSec', 'occupancy', 'slotOccupancy', 'abandonRate'] as const;

/**
 * Whether a comparison table shows metric m's row: always for the service level, P(wait),
 * ASA and occupancy (a dash where Erlang has no figure: deferred work, chat agents), and only
 * with an Erlang figure for abandonment (Erlang A) and slot occupancy (chat).
 */
export function comparedRow(m: string, erlang: number | null): boolean {
  return erlang !== null || (m !== 'abandonRate' && m !== 'slotOccupancy');
}
