/**
 * A replication's counters as one flat map of its non-zero (and non-NaN) entries, for scripted
 * kernel cases that state every counter of a hand-computed day: `name[ch,iv]` for channel
 * counters, `group.name[g,iv]`, `busy[g,ch,iv]`, `waitingAtEnd[ch]`. A counter the case did not
 * expect shows up as an extra key, so `toEqual` fails on it.
 */
import type { ReplicationCounters } from '../../engine/recorder.js';

export function nonZeroCounters(r: ReplicationCounters): Record<string, number> {
  const out: Record<string, number> = {};
  const I = r.intervalCount, C = r.channelCount;
  const put = (key: string, v: number): void => { if (v !== 0 && !Number.isNaN(v)) out[key] = v; };
  for (const [name, a] of Object.entries(r.channel)) a.forEach((v, i) => put(`${name}[${Math.floor(i / I)},${i % I}]`, v));
  for (const [name, a] of Object.entries(r.group)) a.forEach((v, i) => put(`group.${name}[${Math.floor(i / I)},${i % I}]`, v));
  r.busySec.forEach((v, i) => put(`busy[${Math.floor(i / (C * I))},${Math.floor(i / I) % C},${i % I}]`, v));
  r.waitingAtEnd.forEach((v, ch) => put(`waitingAtEnd[${ch}]`, v));
  return out;
}
