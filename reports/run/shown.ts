/**
 * What a run's reports show of a result (the scopes and metrics analysis/scopes.ts walks):
 * columns only for the mechanisms a scenario uses, keyed tables only where they say something,
 * the whole-center rows worth a line, and how a row and a baseline are named.
 */
import type { ErlangBaselineFigures } from '../../analysis/baseline.js';
import { entriesOf, finite, keyedScopes, metricOf, type ScopeEntry } from '../../analysis/scopes.js';

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

/** How reports name a baseline: `Erlang A`, `Erlang C`, `Erlang C (chat slots)` or `workload`. */
export function baselineName(e: ErlangBaselineFigures | undefined): string {
  if (e?.model === 'workload') return 'workload';
  const name = e?.model === 'erlangA' ? 'Erlang A' : 'Erlang C';
  return finite(e?.slotOccupancy) !== null ? `${name} (chat slots)` : name;
}

/**
 * Whether a comparison table shows metric m's row: always for the service level, P(wait),
 * ASA and occupancy (a dash where Erlang has no figure: deferred work, chat agents), and only
 * with an Erlang figure for abandonment (Erlang A) and slot occupancy (chat).
 */
export function comparedRow(m: string, erlang: number | null): boolean {
  return erlang !== null || (m !== 'abandonRate' && m !== 'slotOccupancy');
}
