/**
 * Walking a run result without knowing its exact shape. The assertions and the renderers
 * (text, CSV, Markdown, HTML) iterate over whatever scopes and metrics a result holds, so a
 * result that gains scopes (`tiers`, `types`) or metrics (`costPerContact`, `backlogMax`) is
 * judged and rendered without touching them: a scope is a key of `summary` (or of an interval)
 * whose value is either a record of metrics (`overall`) or a record of ids → records of
 * metrics. Which of them a report shows is reports/run/shown.ts's choice.
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

/** The metrics that have an Erlang counterpart, in the order reports list them. */
export const ERLANG_COMPARED = ['serviceLevel', 'pWait', 'asaSec', 'occupancy', 'slotOccupancy', 'abandonRate'] as const;
