// Metric definitions by hand-computable scripted runs (kernel → tallies → KPIs → estimates),
// and the confidence-interval machinery against independently computed values.
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../engine/erlang/index.js';
import type { Model, ServiceLevelDefinition } from '../../engine/model.js';
import { simulateReplication } from '../../engine/simulate.js';
import { estimate, halfWidth95, pooledEstimate } from '../../analysis/confidence.js';
import { metricRange } from '../../analysis/kpi.js';
import { pairedDifference } from '../../analysis/pairedDifference.js';
import { buildRunResult } from '../../analysis/run/result.js';
import { erlangFigure, summaryEntries } from '../../analysis/scopes.js';
import { runReplications } from '../../workers/replications.js';
import { constant, exp, model, withChannel } from '../support/model.js';

/**
 * One agent serving channels A (T 30 s, patience 30 s) and B (T 30 s, patience 60 s), handle
 * 100 s. A at 0: answered at once. A at 70: answered at 100 after exactly T. A at 75: abandons
 * at 105 after exactly T (a short abandon). B at 80: abandons at 140 after 60 s. B at 150:
 * answered at 200 after 50 s (late).
 */
function scripted(definition: ServiceLevelDefinition): Model {
  const base = model({
    horizonSec: 3600, intervalSec: 3600, agents: 1,
    channels: [
      { id: 'A', arrivalTimesSec: [0, 70, 75], handle: constant(100), patience: constant(30), targetSec: 30 },
      { id: 'B', arrivalTimesSec: [80, 150], handle: constant(100), patience: constant(60), targetSec: 30 },
    ],
  });
  return { ...base, serviceLevelDefinition: definition };
}

const runOnce = (m: Model) => buildRunResult(m, 1, [simulateReplication(m, 1, 0)]);

describe('service level, by each definition, with a wait and an abandonment exactly at T', () => {
  // Whole center: offered 5, answered within T 2 (0 s and exactly 30 s), answered 3,
  // abandoned within T 1 (exactly 30 s), abandoned after T 1.
  it.each([
    ['excludeShortAbandons', 2 / (5 - 1), 2 / 2, 0 / 2],
    ['offered', 2 / 5, 2 / 3, 0 / 2],
    ['answered', 2 / 3, 2 / 2, 0 / 1],
  ] as const)('%s: center %f, channel A %f, channel B %f', (definition, center, a, b) => {
    const r = runOnce(scripted(definition));
    expect(r.serviceLevelDefinition).toBe(definition);
    expect(r.summary.overall.serviceLevel.mean).toBeCloseTo(center, 12);
    expect(r.summary.channels.A?.serviceLevel.mean).toBeCloseTo(a, 12);
    expect(r.summary.channels.B?.serviceLevel.mean).toBeCloseTo(b, 12);
    expect(r.summary.overall.serviceLevelPooled.mean).toBeCloseTo(center, 12);
  });

  it('counts the contacts answered and abandoned within T', () => {
    const o = runOnce(scripted('offered')).summary.overall;
    expect(o.offered.mean).toBe(5);
    expect(o.handled.mean).toBe(3);
    expect(o.abandoned.mean).toBe(2);
    expect(o.answeredWithinTarget.mean).toBe(2);
    expect(o.abandonedWithinTarget.mean).toBe(1);
  });

  it('gives P(wait), ASA, the mean wait of everyone who left the queue, and the time-average queue', () => {
    const o = runOnce(scripted('offered')).summary.overall;
    expect(o.pWait.mean).toBeCloseTo(4 / 5, 12); // A70, A75, B80, B150 waited
    expect(o.asaSec.mean).toBeCloseTo((0 + 30 + 50) / 3, 12);
    expect(o.meanWaitSec.mean).toBeCloseTo((0 + 30 + 50 + 30 + 60) / 5, 12);
    expect(o.abandonRate.mean).toBeCloseTo(2 / 5, 12);
    // Waiting over [70, 100), [75, 105), [80, 140), [150, 200): 170 s of queue in a 3600 s day.
    expect(o.avgQueue.mean).toBeCloseTo(170 / 3600, 12);
    expect(o.ahtSec.mean).toBeCloseTo(100, 12);
    // Busy 0–300 of 3600 available seconds.
    expect(o.occupancy.mean).toBeCloseTo(300 / 3600, 12);
  });
});

describe('confidence intervals: known answers', () => {
  it('uses Student t quantiles: closed forms for 1 and 2 degrees of freedom, tables beyond', () => {
    // df 1: t = tan(π(p − ½)); df 2: t = (2p − 1)/√(2p(1 − p)) (p = 0.975). Then s = 1, n = df + 1.
    const unitSd = (n: number): number[] => {
      // n values with sample SD exactly 1: ±a around 0 for even n, plus 0 for odd n.
      const k = Math.floor(n / 2);
      const a = Math.sqrt((n - 1) / (2 * k));
      return [...Array.from({ length: k }, () => a), ...Array.from({ length: k }, () => -a), ...(n % 2 === 1 ? [0] : [])];
    };
    const t = (df: number): number => halfWidth95(unitSd(df + 1)) * Math.sqrt(df + 1);
    expect(t(1)).toBeCloseTo(Math.tan(Math.PI * 0.475), 6);
    expect(t(2)).toBeCloseTo(0.95 / Math.sqrt(2 * 0.975 * 0.025), 6);
    // Published t(0.975) values (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
    expect(t(4)).toBeCloseTo(2.776445105, 6);
    expect(t(9)).toBeCloseTo(2.262157163, 6);
    expect(t(19)).toBeCloseTo(2.093024054, 6);
    expect(t(29)).toBeCloseTo(2.045229642, 6);
  });

  it('uses the sample standard deviation (n − 1), not the population one', () => {
    // 1..5: mean 3, s = √2.5; half-width t(4)·s/√5.
    expect(halfWidth95([1, 2, 3, 4, 5])).toBeCloseTo(2.776445105 * Math.sqrt(2.5) / Math.sqrt(5), 6);
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.mean).toBe(3);
    expect(e.ci95![0]).toBeCloseTo(3 - 1.963243, 5);
  });

  it('leaves undefined replications out, and gives no interval with one value', () => {
    expect(estimate([NaN, 2, NaN])).toEqual({ mean: 2, ci95: null });
    expect(estimate([NaN])).toEqual({ mean: null, ci95: null });
  });

  it('pairs differences replication by replication', () => {
    // d = [2, 3, 3]: mean 8/3, s = 1/√3, n = 3, t(2) = 4.302652730.
    const d = pairedDifference([3, 5, 7], [1, 2, 4]);
    expect(d.n).toBe(3);
    expect(d.mean).toBeCloseTo(8 / 3, 12);
    const h = 4.302652730 * (1 / Math.sqrt(3)) / Math.sqrt(3);
    expect(d.ci95![1] - d.mean!).toBeCloseTo(h, 6);
    expect(pairedDifference([1, NaN, 3], [0, 1, 1]).n).toBe(2);
  });

  it('pools ratios of means with a delta-method interval', () => {
    // [a, b] = [1, 2], [2, 2], [3, 4]: R = 6/8; residuals a − ā − R(b − b̄) = −½, ½, 0;
    // s² = ½ / 2; half-width t(2)·√(s²/3) / b̄ with b̄ = 8/3.
    const e = pooledEstimate([[1, 2], [2, 2], [3, 4]]);
    const h = 4.302652730 * Math.sqrt(0.25 / 3) / (8 / 3);
    expect(e.mean).toBeCloseTo(0.75, 12);
    expect(e.ci95![0]).toBeCloseTo(0.75 - h, 6);
    expect(e.ci95![1]).toBeCloseTo(0.75 + h, 6);
    expect(pooledEstimate([[0, 0], [0, 0]])).toEqual({ mean: null, ci95: null });
    expect(pooledEstimate([[1, 4]])).toEqual({ mean: 0.25, ci95: null });
  });

  it('keeps an interval inside the metric\'s physical range', () => {
    const sl = estimate([1, 1, 0.9, 1], metricRange('serviceLevel'));
    expect(sl.ci95![1]).toBe(1);
    expect(sl.ci95![0]).toBeGreaterThan(0.8);
    const asa = estimate([0, 0, 3, 0], metricRange('asaSec'));
    expect(asa.ci95![0]).toBe(0);
    expect(asa.ci95![1]).toBeGreaterThan(3);
    expect(pooledEstimate([[1, 2], [2, 2], [3, 4]], metricRange('serviceLevelPooled')).ci95![1]).toBe(1);
    expect(metricRange('utilization')).toEqual([0, Infinity]); // overtime can push it past 1
    expect(metricRange('attainment')).toEqual([0, 1]);
  });

  it('keeps every interval of a run inside its metric\'s range', () => {
    const m = model({ agents: 3, horizonSec: 3600, intervalSec: 1800, channels: [{ perHour: 12, handle: exp(360), patience: exp(120) }] });
    const r = buildRunResult(m, 1, runReplications(m, 1, 6));
    const scopes = [...summaryEntries(r), ...r.intervals.flatMap((iv) => Object.values(iv.channels))];
    let checked = 0;
    for (const s of summaryEntries(r)) {
      for (const [metric, e] of s.metrics) {
        if (e.ci95 === null) continue;
        const [lo, hi] = metricRange(metric);
        expect(e.ci95[0], `${s.scope}.${metric}`).toBeGreaterThanOrEqual(lo);
        expect(e.ci95[1], `${s.scope}.${metric}`).toBeLessThanOrEqual(hi);
        checked++;
      }
    }
    expect(scopes.length).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(20);
  });
});

describe('chat occupancy, two ways', () => {
  it('reports agent occupancy and slot occupancy, and compares Erlang with the slot one', () => {
    // One agent with 2 slots, chats of 100 s at 0 and 50 in a 1000 s day: busy 150 s, sessions 200 s.
    const base = model({ horizonSec: 1000, intervalSec: 1000, agents: 1, channels: [{ id: 'chat', arrivalTimesSec: [0, 50], handle: constant(100) }] });
    const m = withChannel(base, 0, { kind: 'chat', concurrency: 2, concurrencyFactor: 1 });
    const chat = runOnce(m).summary.channels.chat!;
    expect(chat.occupancy.mean).toBeCloseTo(150 / 1000, 12);
    expect(chat.slotOccupancy.mean).toBeCloseTo(200 / 2000, 12);
    // Erlang's servers are the slots: its occupancy is per slot; there is no agent-level figure.
    const theory = erlangC({ ratePerSec: m.channels[0]!.ratePerSec[0]!, handleSec: 100, agents: 2, targetSec: 20 });
    expect(chat.erlang.slotOccupancy).toBeCloseTo(theory.occupancy, 12);
    expect(Number.isNaN(chat.erlang.occupancy)).toBe(true);
    const entry = summaryEntries(runOnce(m)).find((e) => e.id === 'chat')!;
    expect(erlangFigure(entry, 'occupancy')).toBeNull();
    expect(erlangFigure(entry, 'slotOccupancy')).toBeCloseTo(theory.occupancy, 12);
  });

  it('gives a one-session channel a slot occupancy equal to its occupancy', () => {
    const m = model({ horizonSec: 1000, intervalSec: 1000, agents: 2, channels: [{ arrivalTimesSec: [0, 50], handle: constant(100) }] });
    const voice = runOnce(m).summary.channels.voice!;
    expect(voice.slotOccupancy.mean).toBeCloseTo(200 / 2000, 12);
    expect(voice.occupancy.mean).toBeCloseTo(200 / 2000, 12);
  });
});

describe('deferred work', () => {
  // Voice 60/h and email 10/h (AHT 12 min, target 24 h), 8 hours of 1-hour intervals.
  const mixed = (): Model => {
    const base = model({
      agents: 10, horizonSec: 8 * 3600, intervalSec: 3600,
      channels: [{ id: 'voice', perHour: 60, handle: exp(180) }, { id: 'email', perHour: 10, handle: exp(720), targetSec: 86_400 }],
      groups: [{ id: 'phones', channels: [0], count: 5 }, { id: 'mail', channels: [1], count: 3 }],
    });
    return withChannel(base, 1, { kind: 'email', deferred: true });
  };

  it('gets a workload baseline: work over the target window against the agents, no queueing figures', () => {
    const email = runOnce(mixed()).summary.channels.email!;
    expect(email.erlang.model).toBe('workload');
    expect(Number.isNaN(email.erlang.serviceLevel)).toBe(true);
    expect(email.erlang.loadErlangs).toBeCloseTo(10 * 720 / 3600, 12);
    expect(email.erlang.agentsRequired).toBe(2);
    expect(email.erlang.occupancy).toBeCloseTo(2 / 3, 12);
  });

  it('keeps the whole-center figures over live channels and gives deferred work its own', () => {
    const r = runOnce(mixed());
    expect(r.summary.overall.covers).toBe('live');
    expect(r.summary.overall.channels).toEqual(['voice']);
    expect(r.summary.overall.asaSec).toEqual(r.summary.channels.voice?.asaSec);
    expect(r.summary.overall.offered).toEqual(r.summary.channels.voice?.offered);
    expect(r.summary.deferred?.channels).toEqual(['email']);
    expect(r.summary.deferred?.offered).toEqual(r.summary.channels.email?.offered);
  });
});
