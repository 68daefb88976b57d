// Properties that must hold for any model (fast-check, STYLE habit 11).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GroupBasics } from '../../engine/defaults.js';
import type { DistSpec, Model } from '../../engine/model.js';
import { simulateReplication } from '../../engine/simulate.js';
import { buildRunResult } from '../../analysis/run/result.js';
import { runReplications } from '../../workers/replications.js';
import { exp, model, sum } from '../support/model.js';
import { expectNear, meanAndError, testSeed } from '../support/statistics.js';
import { propertyRuns } from '../support/runs.js';

const dist: fc.Arbitrary<DistSpec> = fc.oneof(
  fc.integer({ min: 30, max: 600 }).map((mean) => ({ dist: 'exponential' as const, mean })),
  fc.integer({ min: 30, max: 600 }).map((mean) => ({ dist: 'constant' as const, mean })),
  fc.record({ mean: fc.integer({ min: 30, max: 600 }), cv: fc.double({ min: 0.2, max: 1.5, noNaN: true }) }).map((p) => ({ dist: 'lognormal' as const, ...p })),
);

/** Small random contact centers: 1–3 channels, 1–3 groups, every channel served. */
const center: fc.Arbitrary<Model> = fc
  .record({
    channels: fc.array(
      fc.record({
        perHour: fc.integer({ min: 0, max: 400 }),
        handle: dist,
        patience: fc.option(dist, { nil: null }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    groups: fc.array(fc.record({ count: fc.integer({ min: 1, max: 30 }), mask: fc.integer({ min: 1, max: 7 }) }), { minLength: 1, maxLength: 3 }),
    intervals: fc.integer({ min: 1, max: 4 }),
    warmupSec: fc.constantFrom(0, 600),
  })
  .map((o) => {
    const C = o.channels.length;
    const groups: GroupBasics[] = o.groups.map((g, i) => {
      const chs = Array.from({ length: C }, (_, ch) => ch).filter((ch) => g.mask & (1 << ch));
      return { id: `g${i}`, count: g.count, channels: chs.length > 0 ? chs : [i % C] };
    });
    for (let ch = 0; ch < C; ch++) if (!groups.some((g) => g.channels.includes(ch))) groups.push({ id: `extra${ch}`, count: 2, channels: [ch] });
    return model({
      horizonSec: o.intervals * 1800,
      warmupSec: o.warmupSec,
      channels: o.channels.map((c, i) => ({ id: `c${i}`, perHour: c.perHour, handle: c.handle, patience: c.patience })),
      groups,
    });
  });

const RUNS = propertyRuns(40);

describe('kernel properties', () => {
  it('conserves contacts: offered = handled + abandoned per channel and interval, nothing left after draining', () => {
    fc.assert(
      fc.property(center, fc.integer({ min: 0, max: 1000 }), (m, seed) => {
        const r = simulateReplication(m, seed, 0);
        for (let k = 0; k < r.channel.offered.length; k++) expect(r.channel.offered[k]).toBe(r.channel.handled[k]! + r.channel.abandoned[k]!);
        expect(sum(r.waitingAtEnd)).toBe(0);
      }),
      RUNS,
    );
  });

  it('keeps occupancy between 0 and 1 in every group and interval', () => {
    fc.assert(
      fc.property(center, fc.integer({ min: 0, max: 1000 }), (m, seed) => {
        const r = simulateReplication(m, seed, 0);
        for (let g = 0; g < r.groupCount; g++) {
          for (let iv = 0; iv < r.intervalCount; iv++) {
            let busy = 0;
            for (let ch = 0; ch < r.channelCount; ch++) busy += r.busySec[(g * r.channelCount + ch) * r.intervalCount + iv]!;
            expect(busy).toBeGreaterThanOrEqual(0);
            expect(busy).toBeLessThanOrEqual(r.group.availableSec[g * r.intervalCount + iv]! * (1 + 1e-12));
          }
        }
      }),
      RUNS,
    );
  });

  it('never abandons with infinite patience', () => {
    fc.assert(
      fc.property(center, fc.integer({ min: 0, max: 1000 }), (m, seed) => {
        const patient = { ...m, channels: m.channels.map((c) => ({ ...c, patience: null })) };
        expect(sum(simulateReplication(patient, seed, 0).channel.abandoned)).toBe(0);
      }),
      RUNS,
    );
  });

  it('never makes anyone wait with more agents than contacts', () => {
    fc.assert(
      fc.property(center, fc.integer({ min: 0, max: 1000 }), (m, seed) => {
        const lavish = { ...m, groups: m.groups.map((g) => ({ ...g, count: 5000, agentShifts: Array.from({ length: 5000 }, () => g.agentShifts[0]!) })) };
        const r = simulateReplication(lavish, seed, 0);
        expect(sum(r.channel.waitSumSec)).toBe(0);
        expect(sum(r.channel.queued)).toBe(0);
      }),
      propertyRuns(15),
    );
  });

  it('never gives a worse mean wait with one more agent at the same seed (no abandonment)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 10, max: 400 }), fc.integer({ min: 0, max: 1000 }), (agents, perHour, seed) => {
        const base = model({ agents, horizonSec: 3 * 3600, warmupSec: 600, channels: [{ perHour, handle: exp(300) }] });
        const more = model({ agents: agents + 1, horizonSec: 3 * 3600, warmupSec: 600, channels: [{ perHour, handle: exp(300) }] });
        const a = simulateReplication(base, seed, 0);
        const b = simulateReplication(more, seed, 0);
        expect(Array.from(b.channel.offered)).toEqual(Array.from(a.channel.offered));
        expect(sum(b.channel.waitSumSec)).toBeLessThanOrEqual(sum(a.channel.waitSumSec) + 1e-6);
      }),
      RUNS,
    );
  });

  it('leaves another channel\'s arrivals unchanged when one channel\'s handle time changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 900 }), fc.integer({ min: 0, max: 1000 }), (handleSec, seed) => {
        const two = (h: number) => model({ channels: [{ id: 'sales', handle: exp(h) }, { id: 'service', perHour: 200 }], agents: 40 });
        const a = simulateReplication(two(360), seed, 0);
        const b = simulateReplication(two(handleSec), seed, 0);
        const I = a.intervalCount;
        expect(Array.from(b.channel.offered.subarray(I, 2 * I))).toEqual(Array.from(a.channel.offered.subarray(I, 2 * I)));
      }),
      propertyRuns(20),
    );
  });

  it('gives byte-identical JSON for the same seed, and different JSON for another seed', () => {
    const m = model({ replications: 5, channels: [{ patience: exp(120) }], agents: 33 });
    const json = (seed: number) => JSON.stringify(buildRunResult(m, seed, runReplications(m, seed, 5)));
    expect(json(42)).toBe(json(42));
    expect(json(43)).not.toBe(json(42));
  });
});

describe('piecewise arrival rates', () => {
  it('samples every interval at its own rate, with no interval skipped at a rate change', () => {
    // 0/h for 30 min, then 600/h, then 0/h, then 600/h: Poisson counts of mean 0, 300, 0, 300.
    const m = model({ horizonSec: 4 * 1800, channels: [{ ratePerSec: [0, 600 / 3600, 0, 600 / 3600] }], agents: 80 });
    const R = 200;
    const counts = Array.from({ length: 4 }, () => [] as number[]);
    for (let rep = 0; rep < R; rep++) {
      const r = simulateReplication(m, testSeed(), rep);
      r.channel.offered.forEach((x, iv) => counts[iv]!.push(x));
    }
    expect(counts[0]!.every((x) => x === 0)).toBe(true);
    expect(counts[2]!.every((x) => x === 0)).toBe(true);
    for (const iv of [1, 3]) {
      const label = `kernel-properties › piecewise arrivals › interval ${iv}`;
      expectNear(`${label} mean count`, meanAndError(counts[iv]!), 300);
      // Poisson dispersion (a thinned or per-interval-resampled process would differ), by
      // Fisher's index of dispersion Σ(N − N̄)²/N̄ ~ χ²(R − 1), through the Wilson–Hilferty
      // cube root: ≈ normal, mean 1 − 2/(9(R − 1)), variance 2/(9(R − 1)).
      const mean = sum(counts[iv]!) / R;
      const dispersion = counts[iv]!.reduce((s, x) => s + (x - mean) ** 2, 0) / mean / (R - 1);
      expectNear(`${label} dispersion`, { mean: Math.cbrt(dispersion), se: Math.sqrt(2 / (9 * (R - 1))), n: R }, 1 - 2 / (9 * (R - 1)));
    }
  });
});
