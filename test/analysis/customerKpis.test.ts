// The customer view (analysis/customerKpis.ts) on hand-built counters: every figure computed
// by hand from the few counters set, over two channels and three intervals so that a sum over
// the wrong channel's slice or a missing interval gives another number.
import { describe, expect, it } from 'vitest';
import { customerKpis, sameCallerChannels } from '../../analysis/customerKpis.js';
import type { Model } from '../../engine/model.js';
import { channelAt, emptyCounters } from '../support/counters.js';

function counters(): ReturnType<typeof emptyCounters> {
  const r = emptyCounters({ channels: 2, groups: 1, intervals: 3 });
  const set = (name: 'customers' | 'customersAnswered' | 'customersWithinTarget' | 'customerWaitSumSec', ch: number, values: number[]): void => {
    values.forEach((v, iv) => { r.channel[name][channelAt(r, ch, iv)] = v; });
  };
  // Channel 1: 10 + 6 + 4 = 20 customers, 8 + 5 + 3 = 16 answered, 6 + 3 + 1 = 10 within T,
  // their waits 120 + 200 + 160 = 480 s.
  set('customers', 1, [10, 6, 4]);
  set('customersAnswered', 1, [8, 5, 3]);
  set('customersWithinTarget', 1, [6, 3, 1]);
  set('customerWaitSumSec', 1, [120, 200, 160]);
  // Channel 0 holds other numbers, which channel 1's figures must not read.
  set('customers', 0, [100, 100, 100]);
  set('customersAnswered', 0, [1, 1, 1]);
  set('customersWithinTarget', 0, [1, 0, 0]);
  set('customerWaitSumSec', 0, [9, 9, 9]);
  return r;
}

describe('customerKpis', () => {
  it('sums the channel’s own intervals and divides by hand', () => {
    const k = customerKpis(counters(), 1);
    expect(k.customers).toBe(20);
    expect(k.answered).toBe(16);
    expect(k.serviceLevel).toBeCloseTo(10 / 20, 12);
    expect(k.asaSec).toBeCloseTo(480 / 16, 12);
    expect(k.unansweredRate).toBeCloseTo(4 / 20, 12);
  });

  it('reads channel 0 from the start of the counters', () => {
    const k = customerKpis(counters(), 0);
    expect(k.customers).toBe(300);
    expect(k.answered).toBe(3);
    expect(k.serviceLevel).toBeCloseTo(1 / 300, 12);
    expect(k.asaSec).toBeCloseTo(27 / 3, 12);
    expect(k.unansweredRate).toBeCloseTo(297 / 300, 12);
  });

  it('gives no ratio without customers or answers', () => {
    const k = customerKpis(emptyCounters({ channels: 1, groups: 1, intervals: 2 }), 0);
    expect(k.customers).toBe(0);
    expect(k.answered).toBe(0);
    expect(Number.isNaN(k.serviceLevel)).toBe(true);
    expect(Number.isNaN(k.asaSec)).toBe(true);
    expect(Number.isNaN(k.unansweredRate)).toBe(true);
  });

  it('lists the channels whose retrials are the same caller, in model order', () => {
    const model = {
      channels: [{ retrial: null }, { retrial: { sameCaller: true } }, { retrial: { sameCaller: false } }, { retrial: { sameCaller: true } }],
    } as unknown as Model;
    expect(sameCallerChannels(model)).toEqual([1, 3]);
  });
});
