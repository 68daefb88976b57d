// Handle time and patience that vary by interval (issue 12 item 4): each contact's Tier-1
// handle (patience) draw is multiplied by its arrival interval's mean ÷ the distribution's mean,
// so a constant handle time becomes exactly the interval's mean; the factory reads the same
// uniforms whatever the means (each expectation is computed from a fresh `Stream` of the key);
// and the Erlang view of the channel — run's baseline, staff's start, the schedule's floor —
// takes each interval's own mean, checked against Erlang C computed by hand (textbook formula,
// Python, and the published case 100 calls per 30 min, AHT 3 min, 14 agents).
import { describe, expect, it } from 'vitest';
import { ContactFactory } from '../../engine/contactFactory.js';
import { ContactPool } from '../../engine/contacts.js';
import { erlangView } from '../../engine/erlang/channelView.js';
import { intervalTable } from '../../engine/erlang/index.js';
import type { ContactTypeModel, Model } from '../../engine/model.js';
import { Stream } from '../../engine/random.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { simulateReplication } from '../../engine/simulate.js';
import { erlangBaseline } from '../../analysis/baseline.js';
import { loadFloor } from '../../workers/scheduling/loadFloor.js';
import { erlangStart } from '../../workers/staffing/erlangStart.js';
import { constant, exp, model, withChannel } from '../support/model.js';

/** Channel 0's counter `name` in each interval. */
function perInterval(r: ReplicationCounters, name: keyof ReplicationCounters['channel']): number[] {
  return Array.from({ length: r.intervalCount }, (_, iv) => r.channel[name][iv]!);
}

describe('a scripted day: contacts get the mean of the interval they arrive in', () => {
  // Three 100-second intervals, one agent, constant handle 100 s scaled to 40, 70 and 100 s.
  // Calls at 0, 50, 95 (interval 0: 40 s each, the third served 95–135 across the boundary, still
  // interval 0's), 150 (interval 1: 70 s, done at 220) and 210 (interval 2: waits until 220, 100 s).
  const day = { horizonSec: 300, intervalSec: 100, agents: 1 };

  it('a constant handle time becomes each interval\'s mean, kept by contacts served after the boundary', () => {
    const m = withChannel(model({ ...day, channels: [{ arrivalTimesSec: [0, 50, 95, 150, 210], handle: constant(100) }] }), 0, {
      handleMeanByIntervalSec: [40, 70, 100],
    });
    const r = simulateReplication(m, 1, 0);
    expect(perInterval(r, 'handled')).toEqual([3, 1, 1]);
    expect(perInterval(r, 'handleSumSec')).toEqual([120, 70, 100]);
    expect(perInterval(r, 'waitSumSec')).toEqual([0, 0, 10]);
  });

  it('a model whose list of means does not cover every interval is refused, not run on NaN times', () => {
    const short = withChannel(model({ ...day, channels: [{ arrivalTimesSec: [0, 150, 210], handle: constant(100) }] }), 0, {
      handleMeanByIntervalSec: [40, 70],
    });
    expect(() => simulateReplication(short, 1, 0)).toThrow('per-interval means: 2 values for 3 intervals');
  });

  it('a constant patience becomes each interval\'s mean: callers abandon after 10, 60 and 30 s', () => {
    // The caller at 0 holds the one agent all day (300 s); the callers at 5, 105 and 205 wait
    // and hang up after their interval's patience (30 s scaled to 10, 60, 30).
    const m = withChannel(model({ ...day, channels: [{ arrivalTimesSec: [0, 5, 105, 205], handle: constant(300), patience: constant(30) }] }), 0, {
      patienceMeanByIntervalSec: [10, 60, 30],
    });
    const r = simulateReplication(m, 1, 0);
    expect(perInterval(r, 'abandoned')).toEqual([1, 1, 1]);
    expect(perInterval(r, 'abandonWaitSumSec')).toEqual([10, 60, 30]);
    // Within the 20 s target only the first abandonment (10 s); unscaled, none would be.
    expect(perInterval(r, 'abandonedWithinTarget')).toEqual([1, 0, 0]);
  });
});

describe('means equal to the distributions\' own change nothing', () => {
  it('an M/M/c+M day with ahtByInterval and patienceByInterval all at the means has the counters of the day without them', () => {
    // The general path (taken by a channel with per-interval means) multiplies by exactly 1 here,
    // so every counter of the replication must be the plain path's, bit for bit.
    const plain = model({ agents: 30, horizonSec: 4 * 3600, warmupSec: 1800, channels: [{ perHour: 300, handle: exp(330), patience: exp(150) }] });
    const flat = withChannel(plain, 0, { handleMeanByIntervalSec: Array(8).fill(330), patienceMeanByIntervalSec: Array(8).fill(150) });
    expect(simulateReplication(flat, 5, 1)).toEqual(simulateReplication(plain, 5, 1));
  });
});

describe('the contact factory scales the draw, never the uniform it reads', () => {
  const SEED = 1, REPLICATION = 2, N = 200;
  const exponentials = (key: string, mean: number): number[] => {
    const s = new Stream(SEED, REPLICATION, key);
    return Array.from({ length: N }, () => 0 - mean * Math.log(1 - s.next()));
  };

  function filled(m: Model, type: number, iv: (i: number) => number): { handle: number[]; patience: number[] } {
    const f = new ContactFactory(m, SEED, REPLICATION);
    const P = new ContactPool(N);
    const handle: number[] = [], patience: number[] = [];
    for (let i = 0; i < N; i++) {
      const c = P.take();
      f.fill(P, c, 0, type, false, iv(i));
      handle.push(P.handle1Sec[c]!);
      patience.push(P.patienceSec[c]!);
    }
    return { handle, patience };
  }

  const base = model({ horizonSec: 3600, intervalSec: 1800, channels: [{ handle: exp(300), patience: exp(120) }] });

  it('interval i multiplies stream handle:voice\'s exponential by aht_i ÷ 300 and patience:voice\'s by patience_i ÷ 120; the warm-up (−1) takes interval 0\'s', () => {
    const m = withChannel(base, 0, { handleMeanByIntervalSec: [450, 150], patienceMeanByIntervalSec: [60, 240] });
    const iv = (i: number): number => (i % 3 === 0 ? -1 : i % 3 === 1 ? 0 : 1);
    const got = filled(m, 0, iv);
    const handles = exponentials('handle:voice', 300);
    const patiences = exponentials('patience:voice', 120);
    got.handle.forEach((h, i) => expect(h).toBeCloseTo(handles[i]! * (iv(i) === 1 ? 0.5 : 1.5), 9));
    got.patience.forEach((p, i) => expect(p).toBeCloseTo(patiences[i]! * (iv(i) === 1 ? 2 : 0.5), 9));
  });

  it('a type with its own handle time is scaled by the channel\'s ratio, keeping its proportion', () => {
    const types: ContactTypeModel[] = [
      { id: 'short', share: 0.5, priority: 3, handleByTier: [exp(300), null, null], escalation: [0, 0], fcr: 1 },
      { id: 'long', share: 0.5, priority: 3, handleByTier: [exp(900), null, null], escalation: [0, 0], fcr: 1 },
    ];
    const m = withChannel(base, 0, { types, handleMeanByIntervalSec: [600, 600] });
    const got = filled(m, 1, () => 1);
    const handles = exponentials('handle:voice', 900);
    got.handle.forEach((h, i) => expect(h).toBeCloseTo(handles[i]! * 2, 9));
  });
});

describe('the Erlang view of a channel takes each interval\'s own means', () => {
  // 100 calls per 30 minutes, 14 agents, AHT 144 s then 180 s: loads of 8 and 10 Erlangs. The
  // second is the published case (SL 88.835%, P(wait) 17.413%, ASA 7.836 s); every figure below
  // was computed by hand from the textbook Erlang C formula (P(wait) = (Aᶜ/c!·c/(c−A)) ÷
  // (Σ_{k<c} Aᵏ/k! + Aᶜ/c!·c/(c−A)), SL = 1 − P(wait)·e^{−(cμ−λ)T}, ASA = P(wait)/(cμ−λ)).
  const m = withChannel(model({ horizonSec: 3600, intervalSec: 1800, agents: 14, channels: [{ perHour: 200, handle: exp(360) }] }), 0, {
    handleMeanByIntervalSec: [144, 180],
  });

  it('run\'s baseline: Erlang C at 8 and 10 Erlangs, and over the day at the arrival-weighted 162 s (9 Erlangs)', () => {
    const [voice] = erlangBaseline(m);
    const [first, second] = voice!.intervals;
    expect(first!.loadErlangs).toBeCloseTo(8, 9);
    expect(first!.pWait).toBeCloseTo(0.0392801625, 6);
    expect(first!.serviceLevel).toBeCloseTo(0.9829289118, 6);
    expect(first!.asaSec).toBeCloseTo(0.9427238992, 6);
    expect(first!.agentsRequired).toBe(11);
    expect(second!.loadErlangs).toBeCloseTo(10, 9);
    expect(second!.pWait).toBeCloseTo(0.1741319336, 6);
    expect(second!.serviceLevel).toBeCloseTo(0.8883500192, 6);
    expect(second!.asaSec).toBeCloseTo(7.8359370118, 6);
    expect(second!.occupancy).toBeCloseTo(10 / 14, 9);
    expect(second!.agentsRequired).toBe(14);
    expect(voice!.overall.loadErlangs).toBeCloseTo(9, 9);
    expect(voice!.overall.pWait).toBeCloseTo(0.0891759965, 6);
  });

  it('staff\'s and schedule\'s Erlang start: 11 then 14 agents (80/20); the schedule\'s floor: 8 then 10', () => {
    const start = erlangStart(m, { maxAsaSec: null, maxAbandon: null, maxOccupancy: null, maxBacklogAgeSec: null });
    expect(start.onPhone[0]).toEqual([11, 14]);
    // At the day's mean rate, the day's arrival-weighted mean handle time: 9 Erlangs need 12.
    expect(erlangStart(m, { maxAsaSec: null, maxAbandon: null, maxOccupancy: null, maxBacklogAgeSec: null }, true).onPhone[0]).toEqual([12]);
    expect(loadFloor(m, 1)).toEqual([8, 10]);
  });

  it('`ccsim erlang table`\'s interval table staffs each interval at its own handle time: 11 then 14 agents', () => {
    const rows = intervalTable({ ratesPerSec: [100 / 1800, 100 / 1800], handleSec: 360, handleSecByInterval: [144, 180], patienceSec: null, targets: { serviceLevel: 0.8, targetSec: 20 } });
    expect(rows.map((r) => r.agents)).toEqual([11, 14]);
    expect(rows[1]!.serviceLevel).toBeCloseTo(0.8883500192, 6);
  });

  it('patience per interval: Erlang A is given each interval\'s mean patience', () => {
    const withPatience = withChannel(m, 0, { patience: exp(100), patienceMeanByIntervalSec: [50, 200] });
    const view = erlangView(withPatience.channels[0]!);
    expect(view.patienceSecByInterval).toEqual([50, 200]);
    // Equal arrivals in both intervals: the day's mean is the plain mean.
    expect(view.dayPatienceSec).toBeCloseTo(125, 9);
    const plain = erlangView(withChannel(withPatience, 0, { patienceMeanByIntervalSec: null }).channels[0]!);
    expect(plain.patienceSecByInterval).toEqual([100, 100]);
  });
});
