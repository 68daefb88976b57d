// The kernel's set-up and its step loop, on cases whose every number is computed here:
// - which keyed stream each source reads (README, "Randomness"): arrivals from `arrivals:<ch>`
//   by inverting the cumulative rate from the start of the warm-up, day factors from
//   `overdispersion:<ch>` (a shared factor's from `overdispersion-shared:<name>`), follow-ups and the initial backlog from `followup:` and `backlog:`
//   streams of their own, each made once per replication and read in order;
// - the event count: one event per arrival, per finish, one per channel's initial backlog;
// - an error thrown while an event is handled: re-thrown as a SimulationError naming the event,
//   what it concerns and the simulated time, the cause's stack kept (DESIGN §6: exit 3).
import { describe, expect, it } from 'vitest';
import { Sampler } from '../../engine/distributions.js';
import { SimulationError } from '../../engine/errors.js';
import type { ContactTypeModel, Model } from '../../engine/model.js';
import { Stream } from '../../engine/random.js';
import { simulateReplication, type ContactObserver } from '../../engine/simulate.js';
import { constant, exp, model, sum, withChannel } from '../support/model.js';

const SEED = 1;
const REPLICATION = 2;

/**
 * Arrival counts per interval of a Poisson process of piecewise-constant rates, started at
 * `fromSec`, from a stream of Exp(1) draws E = −ln(1 − u): each gap uses up E units of the
 * cumulative rate Λ. `rateAt(t)` is the rate of the segment holding t; segments end at the
 * multiples of `segmentSec`.
 */
function poissonCounts(key: string, fromSec: number, horizonSec: number, intervalSec: number, segmentSec: number, rateAt: (t: number) => number): number[] {
  const s = new Stream(SEED, REPLICATION, key);
  const counts = new Array<number>(Math.round(horizonSec / intervalSec)).fill(0);
  let t = fromSec;
  for (;;) {
    let e = -Math.log(1 - s.next());
    for (;;) {
      if (t >= horizonSec) return counts;
      const end = (Math.floor(t / segmentSec) + 1) * segmentSec;
      const used = rateAt(t) * (end - t);
      if (e <= used) {
        t += e / rateAt(t);
        break;
      }
      e -= used;
      t = end;
    }
    if (t >= horizonSec) return counts;
    if (t >= 0) counts[Math.floor(t / intervalSec)] = (counts[Math.floor(t / intervalSec)] ?? 0) + 1;
  }
}

const offered = (m: Model): number[] => Array.from(simulateReplication(m, SEED, REPLICATION).channel.offered);

describe('each source reads its own keyed stream', () => {
  it('arrivals: Λ inverted with the draws of arrivals:voice from the start of the warm-up', () => {
    // 0.05/s throughout, 30 intervals of 100 s after a 500 s warm-up (its arrivals not counted).
    const m = model({ horizonSec: 3000, intervalSec: 100, warmupSec: 500, channels: [{ ratePerSec: new Array<number>(30).fill(0.05) }] });
    const expected = poissonCounts('arrivals:voice', -500, 3000, 100, 100, () => 0.05);
    expect(sum(expected)).toBeGreaterThan(100);
    expect(offered(m)).toEqual(expected);
  });

  it('day-level forecast error: each day’s rates times a Gamma(mean 1, cv 0.5) draw of overdispersion:voice', () => {
    // Two days of 24 one-hour intervals at 0.02/s; day d's rate × the d-th draw.
    const scale = new Stream(SEED, REPLICATION, 'overdispersion:voice');
    const gamma = new Sampler({ dist: 'gamma', mean: 1, cv: 0.5 });
    const factors = [gamma.draw(scale), gamma.draw(scale)];
    const m = withChannel(model({ horizonSec: 2 * 86_400, intervalSec: 3600, channels: [{ ratePerSec: new Array<number>(48).fill(0.02) }] }), 0, { overdispersion: 0.5 });
    const expected = poissonCounts('arrivals:voice', 0, 2 * 86_400, 3600, 3600, (t) => 0.02 * (factors[Math.floor(t / 86_400)] as number));
    expect(Math.abs((factors[0] as number) - (factors[1] as number))).toBeGreaterThan(0.05);
    expect(offered(m)).toEqual(expected);
  });

  it('a shared day-level factor: two channels’ rates times the same draws of overdispersion-shared:<name>, not of their own streams', () => {
    // Two days of 24 one-hour intervals; sales at 0.02/s and service at 0.01/s both name
    // factor "busy" with cv 0.5: day d's rates of both × the d-th draw of the factor's stream.
    const scale = new Stream(SEED, REPLICATION, 'overdispersion-shared:busy');
    const gamma = new Sampler({ dist: 'gamma', mean: 1, cv: 0.5 });
    const factors = [gamma.draw(scale), gamma.draw(scale)];
    const base = model({ horizonSec: 2 * 86_400, intervalSec: 3600, channels: [{ id: 'sales', ratePerSec: new Array<number>(48).fill(0.02) }, { id: 'service', ratePerSec: new Array<number>(48).fill(0.01) }] });
    const shared = { overdispersion: 0.5, overdispersionShared: 'busy' };
    const m = withChannel(withChannel(base, 0, shared), 1, shared);
    const counts = Array.from(simulateReplication(m, SEED, REPLICATION).channel.offered);
    const sales = poissonCounts('arrivals:sales', 0, 2 * 86_400, 3600, 3600, (t) => 0.02 * (factors[Math.floor(t / 86_400)] as number));
    const service = poissonCounts('arrivals:service', 0, 2 * 86_400, 3600, 3600, (t) => 0.01 * (factors[Math.floor(t / 86_400)] as number));
    expect(Math.abs((factors[0] as number) - (factors[1] as number))).toBeGreaterThan(0.05);
    expect(counts).toEqual([...sales, ...service]);
  });

  it('the initial backlog: handle times from backlog:handle:voice, one after another', () => {
    // Three contacts waiting at 0, no arrivals, one agent: busy for the sum of three draws.
    const h = new Stream(SEED, REPLICATION, 'backlog:handle:voice');
    const handles = [h.next(), h.next(), h.next()].map((u) => -100 * Math.log(1 - u));
    const m = withChannel(model({ horizonSec: 3000, intervalSec: 100, agents: 1, channels: [{ ratePerSec: new Array<number>(30).fill(0), handle: exp(100) }] }), 0, { initialBacklog: 3 });
    const r = simulateReplication(m, SEED, REPLICATION);
    expect(sum(r.channel.handled)).toBe(3);
    expect(sum(r.busySec)).toBeCloseTo(sum(handles), 9);
  });

  it('follow-ups: a repeat’s handle time from followup:handle:voice, the first contact’s from handle:voice', () => {
    // One call at 0 that always repeats (fcr 0) 1000 s after it ends, and so on until the
    // horizon: contact i starts at a_i and holds h_i, a_{i+1} = a_i + h_i + 1000.
    const first = new Stream(SEED, REPLICATION, 'handle:voice');
    const follow = new Stream(SEED, REPLICATION, 'followup:handle:voice');
    const draw = (s: Stream): number => -100 * Math.log(1 - s.next());
    const base = model({ horizonSec: 3600, intervalSec: 100, agents: 1, channels: [{ arrivalTimesSec: [0], handle: exp(100) }] });
    const t = base.channels[0]?.types[0] as ContactTypeModel;
    const m = withChannel(base, 0, { types: [{ ...t, fcr: 0 }], repeatDelay: constant(1000) });
    let busy = 0;
    let handled = 0;
    for (let at = 0, h = draw(first); at < 3600; h = draw(follow)) {
      busy += Math.min(h, 3600 - at);
      if (at + h <= 3600) handled++;
      at += h + 1000;
    }
    const r = simulateReplication(m, SEED, REPLICATION);
    expect(handled).toBeGreaterThanOrEqual(3);
    expect(sum(r.channel.handled)).toBe(handled);
    expect(sum(r.busySec)).toBeCloseTo(busy, 9);
  });
});

describe('the event count', () => {
  /** Scripted calls of 50 s to one agent over three 100-second intervals. */
  const calls = (times: number[], backlog = 0): Model =>
    withChannel(model({ horizonSec: 300, intervalSec: 100, agents: 1, channels: [{ arrivalTimesSec: times, handle: constant(50) }] }), 0, { initialBacklog: backlog });
  const events = (m: Model): number => simulateReplication(m, SEED, REPLICATION).events;

  it('one more call is two more events: its arrival and its finish', () => {
    expect(events(calls([10, 20, 30])) - events(calls([10, 20]))).toBe(2);
  });

  it('a backlog costs one event per channel: a waiting contact in place of a call leaves the count as it was', () => {
    // [10, 20]: two arrivals, two finishes. [10] + one contact waiting at 0: one arrival, one
    // backlog event, two finishes. A channel without backlog has no backlog event.
    expect(events(calls([10], 1))).toBe(events(calls([10, 20])));
    expect(events(calls([], 2)) - events(calls([], 1))).toBe(1);
  });
});

describe('an error while an event is handled', () => {
  /** An observer that throws `thrown` at the n-th admission (1-based). */
  const throwingAt = (n: number, thrown: unknown): ContactObserver => {
    let seen = 0;
    return { admitted: () => { if (++seen === n) throw thrown; } };
  };
  const run = (m: Model, observer: ContactObserver): unknown => {
    try {
      simulateReplication(m, SEED, REPLICATION, observer);
    } catch (err) {
      return err;
    }
    throw new Error('the replication ran to its end');
  };
  const scripted = (times: number[]): Model => model({ horizonSec: 300, intervalSec: 100, agents: 1, channels: [{ arrivalTimesSec: times, handle: constant(50) }] });

  it('names the arrival of a channel and the simulated time, and keeps the cause’s stack', () => {
    const cause = new Error('observer failed');
    const err = run(scripted([10, 20]), throwingAt(2, cause));
    expect(err).toBeInstanceOf(SimulationError);
    expect((err as SimulationError).message).toBe('observer failed (handling the Arrival event of channel 0) (at simulated time 20.000 s)');
    expect((err as SimulationError).simTimeSec).toBe(20);
    expect((err as SimulationError).stack).toContain(`\nCaused by: ${cause.stack as string}`);
  });

  it('names the initial backlog’s event of a channel, at time 0', () => {
    const m = withChannel(scripted([]), 0, { initialBacklog: 2 });
    const err = run(m, throwingAt(1, new Error('no')));
    expect((err as SimulationError).message).toBe('no (handling the Backlog event of channel 0) (at simulated time 0.000 s)');
  });

  it('names a repeat’s re-arrival by its contact', () => {
    // The call of 10 s ends at 60 and comes back 100 s later: admitted again at 160.
    const base = scripted([10]);
    const t = base.channels[0]?.types[0] as ContactTypeModel;
    const m = withChannel(base, 0, { types: [{ ...t, fcr: 0 }], repeatDelay: constant(100) });
    const err = run(m, throwingAt(2, new Error('again')));
    expect((err as SimulationError).message).toMatch(/^again \(handling the Rearrival event of contact \d+\) \(at simulated time 160\.000 s\)$/);
    expect((err as SimulationError).simTimeSec).toBe(160);
  });

  it('a thrown non-Error becomes the message, with no cause to add to the stack', () => {
    const err = run(scripted([10]), throwingAt(1, 'plain text'));
    expect((err as SimulationError).message).toBe('plain text (handling the Arrival event of channel 0) (at simulated time 10.000 s)');
    expect((err as SimulationError).stack).not.toContain('Caused by');
  });

  it('a SimulationError passes through as it was thrown', () => {
    const inner = new SimulationError('already placed', 5);
    expect(run(scripted([10]), throwingAt(1, inner))).toBe(inner);
  });
});
