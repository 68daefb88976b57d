/**
 * The few KPIs a staffing search judges and reports, taken from one replication's counters:
 * one row per interval of a range (and optionally one for the whole day), one value per
 * target column (workers/staffing/targets.ts). They are computed with the same tallies and
 * KPI functions as `ccsim run` (analysis/tally.ts, analysis/kpi.ts), and they are what the
 * search's checkpoint stores: a few numbers per interval instead of every counter.
 */
import type { Model } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { channelKpis, groupKpis } from '../../analysis/kpi.js';
import { staffingOf } from '../../analysis/run/result.js';
import { addChannel, addGroup, emptyTally, type Staffing } from '../../analysis/tally.js';
import type { Column } from './targets.js';

export interface ReplicaKpis {
  /** Index of the first interval of `rows`. */
  readonly from: number;
  /** Values by interval (from, from + 1, …), then by column; NaN where undefined. */
  readonly rows: readonly (readonly number[])[];
  /** Values over the whole recorded day, or null when not asked. */
  readonly day: readonly number[] | null;
}

const PCT = 4;

function rowOf(model: Model, r: ReplicationCounters, columns: readonly Column[], by: Staffing, intervals: readonly number[], day: boolean): number[] {
  const cache = new Map<string, Readonly<Record<string, number>>>();
  const kpisOf = (c: Column): Readonly<Record<string, number>> => {
    const key = `${c.scope}:${c.index}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const t = emptyTally();
    let kpis: Record<string, number>;
    if (c.scope === 'groups') {
      for (const iv of intervals) addGroup(t, r, c.index, iv, by);
      kpis = groupKpis(t);
    } else {
      for (const iv of intervals) addChannel(t, r, c.index, iv, by);
      const I = r.intervalCount;
      const at = (c.index * I + (intervals[0] ?? 0)) * PCT;
      const pct = day ? r.waitPctChannel.subarray(c.index * PCT, c.index * PCT + PCT) : r.waitPctInterval.subarray(at, at + PCT);
      kpis = channelKpis(t, pct, model.serviceLevelDefinition, intervals.length * model.intervalSec);
    }
    cache.set(key, kpis);
    return kpis;
  };
  return columns.map((c) => kpisOf(c)[c.metric] ?? NaN);
}

/** KPIs of intervals from..to (inclusive), and of the whole day when `day` is set. */
export function replicaKpis(model: Model, r: ReplicationCounters, columns: readonly Column[], from: number, to: number, day: boolean): ReplicaKpis {
  const by = staffingOf(model);
  const rows: number[][] = [];
  for (let iv = from; iv <= to; iv++) rows.push(rowOf(model, r, columns, by, [iv], false));
  const all = Array.from({ length: r.intervalCount }, (_, i) => i);
  return { from, rows, day: day ? rowOf(model, r, columns, by, all, true) : null };
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
