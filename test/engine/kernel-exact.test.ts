// Hand-computable cases: scripted arrival times and constant handle times, so every wait
// is known exactly in advance (STYLE habit 11, first layer).
import { describe, expect, it } from 'vitest';
import { SimulationError } from '../../engine/errors.js';
import { simulateReplication } from '../../engine/simulate.js';
import { constant, model, sum } from '../support/model.js';

const oneHour = { horizonSec: 3600, intervalSec: 3600 };

describe('kernel, hand-computable cases', () => {
  it('gives one agent\'s queue the exact FIFO waits', () => {
    // Arrivals at 0, 10, 20; handle 100 s each: waits 0, 90, 180; answers at 0, 100, 200.
    const m = model({ ...oneHour, agents: 1, channels: [{ arrivalTimesSec: [0, 10, 20], handle: constant(100) }] });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.offered[0]).toBe(3);
    expect(r.channel.handled[0]).toBe(3);
    expect(r.channel.waitSumSec[0]).toBe(270);
    expect(r.channel.answeredWithinTarget[0]).toBe(1);
    expect(r.channel.queued[0]).toBe(2);
    expect(r.busySec[0]).toBe(300);
    expect(r.group.availableSec[0]).toBe(3600);
    expect(r.channel.maxQueue[0]).toBe(2);
    // Percentiles come from an HDR histogram with 3 significant digits: exact to 0.1%.
    [90, 180, 180, 180].forEach((want, p) => expect(Math.abs(r.waitPctChannel[p]! - want)).toBeLessThanOrEqual(want * 1e-3));
  });

  it('serves the contact that waited before a new arrival at the instant an agent frees', () => {
    // A at 0 (served 0–100), B at 50 waits; C arrives at 100 exactly as the agent frees:
    // B is answered at 100 (wait 50), C waits until 200 (wait 100).
    const m = model({ ...oneHour, agents: 1, channels: [{ arrivalTimesSec: [0, 50, 100], handle: constant(100) }] });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.waitSumSec[0]).toBe(150);
    expect(Math.abs(r.waitPctChannel[3]! - 100)).toBeLessThanOrEqual(0.1);
  });

  it('answers a customer whose agent frees at the instant their patience runs out', () => {
    const m = model({ ...oneHour, agents: 1, channels: [{ arrivalTimesSec: [0, 10], handle: constant(100), patience: constant(90) }] });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.handled[0]).toBe(2);
    expect(r.channel.abandoned[0]).toBe(0);
    expect(r.channel.waitSumSec[0]).toBe(90);
  });

  it('lets a customer abandon when patience runs out before an agent frees', () => {
    const m = model({ ...oneHour, agents: 1, channels: [{ arrivalTimesSec: [0, 10, 15], handle: constant(100), patience: constant(30) }] });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.handled[0]).toBe(1);
    expect(r.channel.abandoned[0]).toBe(2);
    expect(r.channel.abandonedWithinTarget[0]).toBe(0); // both waited 30 s > 20 s target
    expect(r.busySec[0]).toBe(100);
  });

  it('counts short abandons separately for the excludeShortAbandons service level', () => {
    const m = model({ ...oneHour, agents: 1, channels: [{ arrivalTimesSec: [0, 10], handle: constant(100), patience: constant(5) }] });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.abandonedWithinTarget[0]).toBe(1);
  });

  it('routes a new contact to the longest-idle agent across groups, ties to the first listed group', () => {
    // Both idle from the start: A (listed first) takes 0; B takes 50; at 200, A has been idle
    // since 100 and B since 150, so A takes it.
    const m = model({
      ...oneHour,
      channels: [{ arrivalTimesSec: [0, 50, 200], handle: constant(100) }],
      groups: [{ id: 'A', channels: [0], count: 1 }, { id: 'B', channels: [0], count: 1 }],
    });
    const r = simulateReplication(m, 1, 0);
    expect([r.group.handled[0], r.group.handled[1]]).toEqual([2, 1]);
  });

  it('lets a freed agent take the oldest waiting contact among its channels', () => {
    // One agent serves both channels. Busy 0–100 with a; b (sales) arrives at 20, s (service)
    // at 10: at 100 it takes s (older), at 200 b.
    const m = model({
      ...oneHour,
      channels: [
        { id: 'sales', arrivalTimesSec: [0, 20], handle: constant(100) },
        { id: 'service', arrivalTimesSec: [10], handle: constant(100) },
      ],
      agents: 1,
    });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.waitSumSec[0]).toBe(180); // sales: 0 + (200 − 20)
    expect(r.channel.waitSumSec[1]).toBe(90); // service: 100 − 10
  });

  it('records nothing from the warm-up but counts its agents\' busy time after 0', () => {
    const m = model({ horizonSec: 3600, intervalSec: 3600, warmupSec: 600, agents: 1, channels: [{ arrivalTimesSec: [-100, 50], handle: constant(300) }] });
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.offered[0]).toBe(1);
    expect(r.channel.waitSumSec[0]).toBe(150); // the 50 s arrival waits until 200
    expect(r.busySec[0]).toBe(200 + 300);
  });

  it('drains the queue after the horizon and attributes waits to the arrival interval', () => {
    const m = model({ horizonSec: 200, intervalSec: 100, agents: 1, channels: [{ arrivalTimesSec: [0, 150, 160], handle: constant(180) }] });
    const r = simulateReplication(m, 1, 0);
    expect(Array.from(r.channel.offered)).toEqual([1, 2]);
    expect(Array.from(r.channel.handled)).toEqual([1, 2]);
    expect(Array.from(r.channel.waitSumSec)).toEqual([0, 30 + 200]);
    expect(sum(r.busySec)).toBe(200); // busy time is clipped to the recorded day
    expect(Array.from(r.waitingAtEnd)).toEqual([0]);
  });

  it('lets a backup group answer a customer whose overflow threshold and patience end at the same instant', () => {
    // Primary busy 0–600 with the first call; the second (at 10) has 60 s patience and a
    // backup group eligible after 60 s: at 70 the overflow comes first and the backup answers.
    const base = model({ horizonSec: 3600, intervalSec: 3600, channels: [{ arrivalTimesSec: [0, 10], handle: constant(600), patience: constant(60) }] });
    const g = base.groups[0]!;
    const m = {
      ...base,
      groups: [
        { ...g, id: 'primary', count: 1, agentShifts: [g.agentShifts[0]!], agentKeys: ['0'] },
        { ...g, id: 'backup', count: 1, agentShifts: [g.agentShifts[0]!], agentKeys: ['0'], skills: [{ channel: 0, type: -1, rank: 2, afterSec: 60 }] },
      ],
    };
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.abandoned[0]).toBe(0);
    expect(r.channel.overflowed[0]).toBe(1);
    expect(r.channel.waitSumSec[0]).toBe(60);
  });

  it('gives a caller offered a callback at the instant their patience ends the callback', () => {
    // One agent busy 0–600; the call at 10 has 30 s patience and is offered a callback after
    // 30 s (share 1): at 40 the offer comes first, so it is called back, not abandoned.
    const base = model({ horizonSec: 3600, intervalSec: 3600, agents: 1, channels: [{ arrivalTimesSec: [0, 10], handle: constant(600), patience: constant(30) }] });
    const m = { ...base, channels: [{ ...base.channels[0]!, callback: { afterSec: 30, share: 1, targetSec: 3600 } }] };
    const r = simulateReplication(m, 1, 0);
    expect(r.channel.abandoned[0]).toBe(0);
    expect(r.channel.callbacks[0]).toBe(1);
    expect(r.channel.handled[0]).toBe(2);
  });

  it('reports an error inside the loop with the simulated time, the event and its entity', () => {
    const m = model({ horizonSec: 3600, intervalSec: 3600, agents: 1, channels: [{ arrivalTimesSec: [0, 12.5], handle: constant(100) }] });
    let seen = 0;
    const failing = { admitted(): void { if (++seen === 2) throw new Error('observer failed'); } };
    expect(() => simulateReplication(m, 1, 0, failing)).toThrow(SimulationError);
    expect(() => { seen = 0; simulateReplication(m, 1, 0, failing); })
      .toThrow('observer failed (handling the Arrival event of channel 0) (at simulated time 12.500 s)');
  });
});
