/**
 * Hand-built replication counters for the metric tests (tallies, KPIs): every counter zero,
 * laid out as engine/recorder.ts documents, so a test sets the few figures its case needs and
 * computes the expected KPI by hand. Built as plain data, not through the Recorder: the
 * metric code is tested on the counters it reads, whatever the kernel would have produced.
 */
import {
  CHANNEL_COUNTERS,
  GROUP_COUNTERS,
  TIER_COUNTERS,
  TYPE_COUNTERS,
  type ReplicationCounters,
} from '../../engine/recorder.js';

export interface CounterShape {
  readonly channels: number;
  readonly groups: number;
  readonly intervals: number;
  readonly types?: number;
}

function zeros<K extends string>(names: readonly K[], size: number): Record<K, Float64Array> {
  const out = {} as Record<K, Float64Array>;
  for (const n of names) out[n] = new Float64Array(size);
  return out;
}

/** Counters of the given shape, all zero (backlog ages NaN: no backlog, as the recorder starts them). */
export function emptyCounters(shape: CounterShape): ReplicationCounters {
  const { channels: C, groups: G, intervals: I } = shape;
  const types = shape.types ?? C;
  const channel = zeros(CHANNEL_COUNTERS, C * I);
  channel.backlogAgeP90Sec.fill(NaN);
  return {
    replication: 0, seed: 1, events: 0, contacts: 0,
    channelCount: C, groupCount: G, intervalCount: I, typeCount: types,
    channel,
    type: zeros(TYPE_COUNTERS, types),
    tier: zeros(TIER_COUNTERS, 3),
    group: zeros(GROUP_COUNTERS, G * I),
    busySec: new Float64Array(G * C * I),
    waitPctInterval: new Float64Array(C * I * 4).fill(NaN),
    waitPctChannel: new Float64Array(C * 4).fill(NaN),
    waitPctOverall: new Float64Array(4).fill(NaN),
    waitPctDeferred: new Float64Array(4).fill(NaN),
    waitingAtEnd: new Float64Array(C),
  };
}

/** Index of channel ch × interval iv in a channel counter (recorder.ts: `ch * intervalCount + iv`). */
export const channelAt = (r: ReplicationCounters, ch: number, iv: number): number => ch * r.intervalCount + iv;

/** Index of group g × interval iv in a group counter (`g * intervalCount + iv`). */
export const groupAt = (r: ReplicationCounters, g: number, iv: number): number => g * r.intervalCount + iv;

/** Index of group g × channel ch × interval iv in `busySec` (`(g * channelCount + ch) * intervalCount + iv`). */
export const busyAt = (r: ReplicationCounters, g: number, ch: number, iv: number): number => (g * r.channelCount + ch) * r.intervalCount + iv;
