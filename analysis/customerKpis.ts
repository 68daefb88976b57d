/**
 * The customer view of a channel whose retrials are the same caller (issue 12 item 10,
 * engine/kernel/sameCaller.ts), beside the per-attempt figures of `channels`:
 * - `customers`: callers, each counted once in the interval of its first attempt (attempts
 *   that got in or were refused at the switch; retrials are not new customers);
 * - `answered`: customers answered at Tier 1 on some attempt;
 * - `serviceLevel`: customers answered within the channel's T, counted from the first attempt,
 *   ÷ customers (the `offered` definition, whatever the scenario's: a customer who gave up is a
 *   failure to serve, however soon);
 * - `asaSec`: the mean wait of answered customers from their first attempt (time spent away
 *   between attempts included: the customer's wait, not the queue's);
 * - `unansweredRate`: customers never answered (they gave up, were refused and did not try
 *   again, or their next attempt fell after the horizon) ÷ customers.
 */
import type { Model } from '../engine/model.js';
import type { ReplicationCounters } from '../engine/recorder.js';
import { ratio } from './kpi.js';

export const CUSTOMER_METRICS = ['customers', 'answered', 'serviceLevel', 'asaSec', 'unansweredRate'] as const;
export type CustomerMetric = (typeof CUSTOMER_METRICS)[number];

/** The channels with same-caller retrials, in model order. */
export function sameCallerChannels(model: Model): number[] {
  return model.channels.flatMap((c, ch) => (c.retrial?.sameCaller === true ? [ch] : []));
}

/** One replication's customer figures of channel ch, over the recorded day. */
export function customerKpis(r: ReplicationCounters, ch: number): Record<CustomerMetric, number> {
  const I = r.intervalCount;
  const sum = (a: Float64Array): number => {
    let s = 0;
    for (let iv = 0; iv < I; iv++) s += a[ch * I + iv] ?? 0;
    return s;
  };
  const customers = sum(r.channel.customers);
  const answered = sum(r.channel.customersAnswered);
  return {
    customers,
    answered,
    serviceLevel: ratio(sum(r.channel.customersWithinTarget), customers),
    asaSec: ratio(sum(r.channel.customerWaitSumSec), answered),
    unansweredRate: ratio(customers - answered, customers),
  };
}
