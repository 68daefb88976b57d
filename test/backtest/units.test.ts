// The back-test's parts with hand-computed answers: the order-statistic prediction band, the
// conditioned arrival times, the history model (staffing, volumes, T, mismatches named), and
// the actual values read from a report row.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import type { GroupModel, Model } from '../../engine/model.js';
import { Stream } from '../../engine/random.js';
import { actualValue } from '../../workers/backtest/backtest.js';
import { conditionedArrivalTimes } from '../../workers/backtest/conditionedArrivals.js';
import { historyModel } from '../../workers/backtest/historyModel.js';
import type { HistoryInterval, HistoryReport } from '../../workers/backtest/historyReport.js';
import { minimumDraws, nominalCoverage, predictionBand } from '../../analysis/backtest/predictionBand.js';
import { model } from '../support/model.js';

describe('prediction band between order statistics', () => {
  it('takes j = ⌊(n+1)(1−level)/2⌋: 19 draws at 90% → the 1st and 19th (coverage 18/20), 50 → 2nd and 49th (47/51)', () => {
    const draws = Array.from({ length: 19 }, (_, i) => 19 - i); // 19, 18, …, 1: sorting matters
    expect(predictionBand(draws, 0.9)).toEqual({ median: 10, lo: 1, hi: 19, n: 19 });
    expect(nominalCoverage(19, 0.9)).toBe(18 / 20);
    const fifty = Array.from({ length: 50 }, (_, i) => i + 1);
    expect(predictionBand(fifty, 0.9)).toEqual({ median: 25.5, lo: 2, hi: 49, n: 50 });
    expect(nominalCoverage(50, 0.9)).toBeCloseTo(47 / 51, 15);
    // 50% of 50: j = ⌊51 · 0.25⌋ = 12 → 12th and 39th, 27/51.
    expect(predictionBand(fifty, 0.5)).toMatchObject({ lo: 12, hi: 39 });
  });

  it('is undefined with fewer draws than the level needs (18 at 90%), and leaves undefined values out', () => {
    expect(minimumDraws(0.9)).toBe(19);
    expect(minimumDraws(0.5)).toBe(3);
    expect(minimumDraws(0.99)).toBe(199);
    expect(predictionBand(Array.from({ length: 18 }, (_, i) => i), 0.9)).toBeNull();
    expect(predictionBand([NaN, ...Array.from({ length: 19 }, (_, i) => i)], 0.9)?.n).toBe(19);
    expect(nominalCoverage(18, 0.9)).toBeNaN();
  });
});

describe('arrival times conditioned on the counts', () => {
  it('puts exactly the counted arrivals in each interval, ascending, and a Poisson warm-up before 0', () => {
    const counts = [5, 0, 3, 7];
    const t = conditionedArrivalTimes(counts, 100, 1000, new Stream(1, 0, 'test'));
    const day = t.filter((x) => x >= 0);
    expect(counts.map((_, k) => day.filter((x) => Math.floor(x / 100) === k).length)).toEqual(counts);
    expect(t).toEqual([...t].sort((a, b) => a - b));
    // Warm-up at 5 per 100 s over 1,000 s: about 50 arrivals, all in [−1000, 0).
    const warm = t.filter((x) => x < 0);
    expect(warm.every((x) => x >= -1000)).toBe(true);
    expect(warm.length).toBeGreaterThan(20);
    expect(warm.length).toBeLessThan(90);
  });
});

const row = (k: number, fields: Partial<HistoryInterval>): HistoryInterval => ({
  line: k + 2, startSec: k * 1800, label: `t${k}`, offered: 100, answered: 90, abandoned: 10, ahtSec: 300, asaSec: 20, answeredWithin: 72, staffed: 12, ...fields,
});

function report(channels: Record<string, Partial<HistoryInterval>[]>, extra: Partial<HistoryReport> = {}): HistoryReport {
  const ids = Object.keys(channels);
  const n = Math.max(...Object.values(channels).map((r) => r.length));
  return {
    file: 'r.csv', intervalSec: 1800, intervalCount: n, startDate: undefined, dayStartSec: 8 * 3600, slWithinSec: 30, channels: ids,
    byChannel: new Map(ids.map((id) => [id, (channels[id] ?? []).map((f, k) => row(k, f))])), ...extra,
  };
}

/** Agents on duty per interval of group g, read back from its shifts. */
function onDuty(m: Model, g: number): number[] {
  const group = m.groups[g] as GroupModel;
  return Array.from({ length: m.intervalCount }, (_, k) => group.agentShifts.filter((s) => s.some((x) => x.startSec <= k * m.intervalSec && x.endSec > k * m.intervalSec)).length);
}

describe('the scenario on the report\'s day', () => {
  const two = model({ channels: [{ id: 'voice' }, { id: 'chat' }], groups: [{ id: 'v', channels: [0], count: 10 }, { id: 'c', channels: [1], count: 4 }] });

  it('takes the day, volumes, staffing and T from the report; rounds fractional staffed', () => {
    const h = historyModel(two, report({ voice: [{ offered: 90, staffed: 11.6 }, { offered: 180, staffed: 20 }, { offered: 0, staffed: 0 }] }));
    expect(h.model.intervalCount).toBe(3);
    expect(h.model.horizonSec).toBe(3 * 1800);
    expect(h.model.dayStartSec).toBe(8 * 3600);
    expect(h.offered).toEqual([[90, 180, 0]]);
    expect(h.model.channels[0]?.ratePerSec).toEqual([90 / 1800, 180 / 1800, 0]);
    expect(h.model.channels[0]?.targetSec).toBe(30);
    expect(onDuty(h.model, 0)).toEqual([12, 20, 0]);
    // Chat is not in the report: no contacts, nobody on its tier-1 group.
    expect(h.model.channels[1]?.arrivalTimesSec).toEqual([]);
    expect(onDuty(h.model, 1)).toEqual([0, 0, 0]);
    expect(h.notes.join('\n')).toMatch(/fractional in 1 interval.*\n.*not in the report get no contacts: chat/s);
  });

  it('splits a channel\'s staffed among its tier-1 groups in proportion to their counts (largest remainder)', () => {
    const split = model({ channels: [{ id: 'voice' }], groups: [{ id: 'a', channels: [0], count: 30 }, { id: 'b', channels: [0], count: 10 }] });
    const h = historyModel(split, report({ voice: [{ staffed: 20 }, { staffed: 7 }] }));
    // 20 → 15 + 5; 7 → 5.25 + 1.75 → 5 + 2 (the larger remainder gets the agent).
    expect([onDuty(h.model, 0), onDuty(h.model, 1)]).toEqual([[15, 5], [5, 2]]);
  });

  it('switches off what would add attempts to the report\'s offered: deflection, retrials, repeats', () => {
    const base = model({ channels: [{ id: 'voice' }] });
    const busy: Model = { ...base, channels: base.channels.map((c) => ({ ...c, deflection: 0.3, retrial: { probability: 0.5, delay: { dist: 'constant', mean: 60 } }, types: c.types.map((t) => ({ ...t, fcr: 0.7 })) })) };
    const c = historyModel(busy, report({ voice: [{}] })).model.channels[0];
    expect([c?.deflection, c?.retrial, c?.types[0]?.fcr]).toEqual([0, null, 1]);
  });

  it('does not apply the scenario\'s shrinkage to the staffed agents (an ACD\'s staffed nets it out), and says so', () => {
    const base = model({ channels: [{ id: 'voice' }] });
    const shrunk: Model = { ...base, groups: base.groups.map((g) => ({ ...g, shrinkage: { planned: 0.1, periodSec: 1800, absenteeism: 0.05 } })) };
    const h = historyModel(shrunk, report({ voice: [{}] }));
    expect(h.model.groups[0]?.shrinkage).toMatchObject({ planned: 0, absenteeism: 0 });
    expect(h.notes.join('\n')).toContain('shrinkage is not applied to the staffed agents');
  });

  it.each([
    ['a channel the scenario lacks, with a suggestion', report({ vioce: [{}] }), 'r.csv: channel "vioce" is not in the scenario (its channels: voice, chat) (did you mean "voice"?)'],
    ['another interval length', report({ voice: [{}] }, { intervalSec: 900 }), 'r.csv: its intervals are 15m long but the scenario\'s are 30m'],
    ['a row without staffed', report({ voice: [{}, { staffed: undefined }] }), 'r.csv:3 column staffed: the back-test needs the agents staffed in every interval (got a blank)'],
  ])('names %s', (_, r, message) => {
    expect(() => historyModel(two, r)).toThrow(InputError);
    expect(() => historyModel(two, r)).toThrow(message);
  });

  it('keeps an AHT per interval that has one value per report interval, and refuses one that has not', () => {
    const base = model({ channels: [{ id: 'voice' }] });
    const withAht = (list: number[]): Model => ({ ...base, channels: base.channels.map((c) => ({ ...c, handleMeanByIntervalSec: list })) });
    expect(historyModel(withAht([240, 300]), report({ voice: [{}, {}] })).model.channels[0]?.handleMeanByIntervalSec).toEqual([240, 300]);
    expect(() => historyModel(withAht([240, 300, 360]), report({ voice: [{}, {}] }))).toThrow(
      'channel "voice": ahtByInterval has 3 values but r.csv has 2 intervals',
    );
  });

  it('refuses a tier-1 group serving two of the report\'s channels', () => {
    const shared = model({ channels: [{ id: 'voice' }, { id: 'chat' }], groups: [{ id: 'all', channels: [0, 1], count: 10 }] });
    expect(() => historyModel(shared, report({ voice: [{}], chat: [{}] }))).toThrow('agents "all": serves voice and chat, which the report staffs separately');
  });
});

describe('actual values from a report row', () => {
  const r = row(0, { offered: 200, answered: 180, abandoned: 20, answeredWithin: 144, asaSec: 25 });
  it('SL over offered or over answered, ASA as reported, abandon share of offered', () => {
    expect(actualValue(r, 'serviceLevel', 'offered')).toBe(0.72);
    expect(actualValue(r, 'serviceLevel', 'answered')).toBe(0.8);
    expect(actualValue(r, 'asaSec', 'offered')).toBe(25);
    expect(actualValue(r, 'abandonRate', 'offered')).toBe(0.1);
  });
  it('is undefined without its column, without offered, or with nobody answered for ASA', () => {
    expect(actualValue(row(0, { answeredWithin: undefined }), 'serviceLevel', 'offered')).toBeUndefined();
    expect(actualValue(row(0, { offered: 0, abandoned: 0 }), 'abandonRate', 'offered')).toBeUndefined();
    expect(actualValue(row(0, { answered: 0, asaSec: 0 }), 'asaSec', 'offered')).toBeUndefined();
    expect(actualValue(undefined, 'asaSec', 'offered')).toBeUndefined();
  });
});
