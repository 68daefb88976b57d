/**
 * The few KPIs a staffing search judges and reports, taken from one replication's counters:
 * one row per interval of a range (and optionally one for the whole day), one value per
 * target column (workers/staffing/targets.ts). They are a replication's KPIs as `ccsim run`
 * computes them (analysis/run/replicationKpis.ts: a scope's tally over its intervals, and its
 * KPIs), and they are what the search's checkpoint stores: a few numbers per interval instead
 * of every counter.
 */
import type { Model } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { channelKpis } from '../../analysis/kpi.js';
import {
  channelTallyOver, dayWaitPercentiles, groupKpisOver, intervalWaitPercentiles, staffingOf, type Span,
} from '../../analysis/run/replicationKpis.js';
import type { Staffing } from '../../analysis/tally.js';
import type { Column } from './targets.js';

export interface ReplicaKpis {
  /** Index of the first interval of `rows`. */
  readonly from: number;
  /** Values by interval (from, from + 1, …), then by column; NaN where undefined. */
  readonly rows: readonly (readonly number[])[];
  /** Values over the whole recorded day, or null when not asked. */
  readonly day: readonly number[] | null;
}

function rowOf(model: Model, r: ReplicationCounters, columns: readonly Column[], by: Staffing, iv: number | 'day'): number[] {
  const spans: readonly Span[] = iv === 'day' ? [[0, r.intervalCount]] : [[iv, iv + 1]];
  const spanSec = (iv === 'day' ? r.intervalCount : 1) * model.intervalSec;
  const cache = new Map<string, Readonly<Record<string, number>>>();
  const kpisOf = (c: Column): Readonly<Record<string, number>> => {
    const key = `${c.scope}:${c.index}`;
    let kpis = cache.get(key);
    if (kpis === undefined) {
      if (c.scope === 'groups') kpis = groupKpisOver(r, c.index, spans, by);
      else {
        const percentiles = iv === 'day' ? dayWaitPercentiles(r, c.index) : intervalWaitPercentiles(r, c.index, iv);
        kpis = channelKpis(channelTallyOver(r, c.index, spans, by), percentiles, model.serviceLevelDefinition, spanSec);
      }
      cache.set(key, kpis);
    }
    return kpis;
  };
  return columns.map((c) => kpisOf(c)[c.metric] ?? NaN);
}

/** KPIs of intervals from..to (inclusive), and of the whole day when `day` is set. */
export function replicaKpis(model: Model, r: ReplicationCounters, columns: readonly Column[], from: number, to: number, day: boolean): ReplicaKpis {
  const by = staffingOf(model);
  const rows: number[][] = [];
  for (let iv = from; iv <= to; iv++) rows.push(rowOf(model, r, columns, by, iv));
  return { from, rows, day: day ? rowOf(model, r, columns, by, 'day') : null };
}

/** As JSON (NaN as null); `decodeKpis` is its inverse, exact for every finite double. */
export function encodeKpis(k: ReplicaKpis): unknown {
  const enc = (row: readonly number[]): (number | null)[] => row.map((v) => (Number.isFinite(v) ? v : null));
  return { from: k.from, rows: k.rows.map(enc), day: k.day === null ? null : enc(k.day) };
}

export function decodeKpis(raw: unknown): ReplicaKpis {
  const r = raw as { from: number; rows: (number | null)[][]; day: (number | null)[] | null };
  const dec = (row: readonly (number | null)[]): number[] => row.map((v) => (v === null ? NaN : v));
  return { from: r.from, rows: r.rows.map(dec), day: r.day === null ? null : dec(r.day) };
}
