// The KPI definitions of DESIGN §3 (README "What the numbers mean"), each checked on a tally or
// on replication counters built by hand, against values computed by hand: the arithmetic in
// each expectation is the definition applied to the figures of the case.
import { describe, expect, it } from 'vitest';
import { channelKpis, groupKpis, metricRange, ratio, serviceLevel, tierKpis, typeKpis } from '../../analysis/kpi.js';
import { emptyTally, type Tally } from '../../analysis/tally.js';
import { emptyCounters } from '../support/counters.js';

/**
 * One channel over one hour (3600 s): 10 offered, 6 answered (5 within T), 2 abandoned (1
 * within T), 2 still pending at the end; 7 found no free agent. Answered waits sum to 120 s,
 * abandoners' waits to 80 s; handle time 1800 s, all of it the agents' busy time, out of 3600 s
 * available and 4000 s scheduled; cost 90; 720 s of queue-length area.
 */
function hour(): Tally {
  return {
    ...emptyTally(),
    offered: 10, handled: 6, abandoned: 2, pending: 2, answeredWithinTarget: 5, abandonedWithinTarget: 1,
    queued: 7, waitSumSec: 120, abandonWaitSumSec: 80, handleSumSec: 1800,
    busySec: 1800, availableSec: 3600, scheduledSec: 4000, cost: 90,
    sessionSec: 1800, slotCapacitySec: 3600, queueAreaSec: 720,
  };
}

describe('the physical range of a metric', () => {
  it.each(['serviceLevel', 'pWait', 'abandonRate', 'occupancy', 'slotOccupancy', 'attainment', 'resolvedShare', 'escalationRate'])(
    'keeps the share %s, and its pooled estimate, in [0, 1]',
    (metric) => {
      expect(metricRange(metric)).toEqual([0, 1]);
      expect(metricRange(`${metric}Pooled`)).toEqual([0, 1]);
    },
  );

  it.each(['offered', 'asaSec', 'ahtSec', 'meanWaitSec', 'avgQueue', 'maxQueue', 'costPerContact', 'costPerContactPooled', 'utilization', 'volume', 'scheduledHours'])(
    'keeps %s, a count, time or cost (or utilization, which overtime pushes past 1), in [0, ∞)',
    (metric) => {
      expect(metricRange(metric)).toEqual([0, Infinity]);
    },
  );
});

describe('a ratio KPI', () => {
  it('is the numerator over the denominator, and has no value without a denominator', () => {
    expect(ratio(3, 4)).toBe(3 / 4);
    expect(ratio(3, 0)).toBeNaN(); // not Infinity: an hour with cost and no contacts has no cost per contact
    expect(ratio(0, 0)).toBeNaN();
  });
});

describe('service level leaves pending contacts out of its population', () => {
  // 5 answered within T; offered 10, of which 2 pending and 1 abandoned within T; 6 answered.
  it.each([
    ['excludeShortAbandons', 5 / (10 - 2 - 1)],
    ['offered', 5 / (10 - 2)],
    ['answered', 5 / 6],
  ] as const)('%s: %f', (definition, expected) => {
    expect(serviceLevel(hour(), definition)).toBeCloseTo(expected, 12);
    const k = channelKpis(hour(), [], definition, 3600);
    expect(k.serviceLevel).toBeCloseTo(expected, 12);
    expect(k.serviceLevelPooled).toBeCloseTo(expected, 12);
  });
});

describe('the KPIs of a channel', () => {
  it('computes each ratio KPI from its own numerator and denominator', () => {
    const k = channelKpis(hour(), [5, 30, 45, 60], 'offered', 3600);
    expect(k.pWait).toBeCloseTo(7 / 10, 12); // found no free agent ÷ offered
    expect(k.asaSec).toBeCloseTo(120 / 6, 12); // answered waits ÷ answered
    expect(k.ahtSec).toBeCloseTo(1800 / 6, 12);
    expect(k.abandonRate).toBeCloseTo(2 / 10, 12);
    expect(k.meanWaitSec).toBeCloseTo((120 + 80) / (6 + 2), 12); // everyone who left the queue
    expect(k.occupancy).toBeCloseTo(1800 / 3600, 12); // busy ÷ available
    expect(k.utilization).toBeCloseTo(1800 / 4000, 12); // busy ÷ scheduled
    expect(k.costPerContact).toBeCloseTo(90 / 6, 12);
    expect(k.avgQueue).toBeCloseTo(720 / 3600, 12); // queue-length area ÷ the span
    expect(k.slotOccupancy).toBeCloseTo(1800 / 3600, 12);
    // One replication's pooled value is its own ratio.
    expect(k.pWaitPooled).toBeCloseTo(7 / 10, 12);
    expect(k.asaSecPooled).toBeCloseTo(120 / 6, 12);
    expect(k.meanWaitSecPooled).toBeCloseTo((120 + 80) / (6 + 2), 12);
    expect(k.costPerContactPooled).toBeCloseTo(90 / 6, 12);
  });

  it('passes the counts through and reads p50, p90, p95, p99 of the waits in that order', () => {
    const k = channelKpis(hour(), [5, 30, 45, 60], 'offered', 3600);
    expect([k.offered, k.handled, k.abandoned, k.pending, k.answeredWithinTarget, k.abandonedWithinTarget]).toEqual([10, 6, 2, 2, 5, 1]);
    expect([k.waitP50Sec, k.waitP90Sec, k.waitP95Sec, k.waitP99Sec]).toEqual([5, 30, 45, 60]);
  });

  it('has no wait percentiles when none are given (nobody answered there)', () => {
    const k = channelKpis(hour(), [], 'offered', 3600);
    expect([k.waitP50Sec, k.waitP90Sec, k.waitP95Sec, k.waitP99Sec]).toEqual([NaN, NaN, NaN, NaN]);
  });

  it('has no cost per contact, ASA or AHT in an hour with agent cost and nobody answered', () => {
    const t: Tally = { ...emptyTally(), offered: 1, abandoned: 1, abandonWaitSumSec: 40, availableSec: 3600, scheduledSec: 3600, cost: 30 };
    const k = channelKpis(t, [], 'offered', 3600);
    expect(k.costPerContact).toBeNaN();
    expect(k.costPerContactPooled).toBeNaN();
    expect(k.asaSec).toBeNaN();
    expect(k.ahtSec).toBeNaN();
    expect(k.meanWaitSec).toBe(40 / 1); // the abandoner left the queue after 40 s
    expect(k.occupancy).toBe(0 / 3600);
  });
});

describe('the KPIs of an agent group', () => {
  it('gives AHT, occupancy, utilization, hours and cost per contact of the group\'s own work', () => {
    // 4 contacts handled in 1200 s; busy 2400 s (it also held the line for other work) out of
    // 5400 s available (1.5 h), 7200 s scheduled (2 h), 900 s overtime (¼ h); cost 240.
    const t: Tally = { ...emptyTally(), handled: 4, handleSumSec: 1200, busySec: 2400, availableSec: 5400, scheduledSec: 7200, overtimeSec: 900, cost: 240 };
    expect(groupKpis(t)).toEqual({
      handled: 4,
      ahtSec: 1200 / 4,
      occupancy: 2400 / 5400,
      utilization: 2400 / 7200,
      availableHours: 1.5,
      scheduledHours: 2,
      overtimeHours: 0.25,
      cost: 240,
      costPerContact: 240 / 4,
    });
  });
});

describe('the KPIs of a contact type', () => {
  it('reads the type\'s own counters and applies the chosen SL definition', () => {
    // Three types; type 2: 8 offered, 5 answered (4 within T), 2 abandoned (1 within T), 1
    // pending; 6 queued; waits 100 s, handle 1500 s; 2 escalated, 1 repeat. Type 0 differs.
    const r = emptyCounters({ channels: 1, groups: 1, intervals: 1, types: 3 });
    const T = r.type;
    const set = (values: Partial<Record<keyof typeof T, number>>, type: number) => {
      for (const [name, v] of Object.entries(values)) T[name as keyof typeof T][type] = v;
    };
    set({ offered: 8, handled: 5, answeredWithinTarget: 4, abandoned: 2, abandonedWithinTarget: 1, pending: 1, queued: 6, waitSumSec: 100, handleSumSec: 1500, escalated: 2, repeats: 1 }, 2);
    set({ offered: 50, handled: 50, answeredWithinTarget: 50, queued: 0, waitSumSec: 0, handleSumSec: 9000 }, 0);
    const k = typeKpis(r, 2, 'excludeShortAbandons');
    expect(k).toEqual({
      offered: 8,
      handled: 5,
      abandoned: 2,
      serviceLevel: 4 / (8 - 1 - 1), // answered within T ÷ (offered − pending − abandoned within T)
      pWait: 6 / 8,
      asaSec: 100 / 5,
      ahtSec: 1500 / 5,
      abandonRate: 2 / 8,
      escalated: 2,
      repeats: 1,
      pending: 1,
    });
    expect(typeKpis(r, 2, 'offered').serviceLevel).toBe(4 / (8 - 1));
    expect(typeKpis(r, 2, 'answered').serviceLevel).toBe(4 / 5);
  });
});

describe('the KPIs of a tier', () => {
  /**
   * Tier 1: 40 entered, 30 handled, 26 resolved. Tier 2: 10 escalated to it, 7 handled (5
   * within its target), 1 abandoned, 2 tickets pending; 4 resolved there, 3 sent on; waits
   * 140 s, handle 2100 s. Tier 3: 3 entered, 3 handled, all resolved.
   */
  function tiers() {
    const r = emptyCounters({ channels: 1, groups: 1, intervals: 1 });
    const T = r.tier;
    T.entered.set([40, 10, 3]);
    T.handled.set([30, 7, 3]);
    T.abandoned.set([5, 1, 0]);
    T.withinTarget.set([20, 5, 3]);
    T.pending.set([0, 2, 0]);
    T.resolved.set([26, 4, 3]);
    T.escalated.set([4, 3, 0]);
    T.waitSumSec.set([300, 140, 30]);
    T.handleSumSec.set([6000, 2100, 900]);
    return r;
  }

  it('judges attainment over the contacts whose outcome is known, and resolution over all of tier 1', () => {
    expect(tierKpis(tiers(), 2)).toEqual({
      volume: 10,
      handled: 7,
      abandoned: 1,
      attainment: 5 / (10 - 2), // within target ÷ (entered − pending)
      pending: 2,
      resolved: 4,
      resolvedShare: 4 / 40, // resolved at tier 2 ÷ tier-1 contacts
      escalated: 3,
      escalationRate: 3 / 7, // escalated ÷ handled at the tier
      asaSec: 140 / 7,
      ahtSec: 2100 / 7,
      transferDisconnected: 0,
    });
    expect(tierKpis(tiers(), 1)).toMatchObject({ volume: 40, attainment: 20 / 40, resolvedShare: 26 / 40, escalationRate: 4 / 30 });
    expect(tierKpis(tiers(), 3)).toMatchObject({ volume: 3, resolvedShare: 3 / 40, escalationRate: 0 / 3 });
  });

  it('counts the transfers a tier dropped for want of a free agent (ifNoAgent: disconnect)', () => {
    const r = tiers();
    r.tier.transferDisconnected[1] = 2;
    expect(tierKpis(r, 2).transferDisconnected).toBe(2);
    expect(tierKpis(r, 3).transferDisconnected).toBe(0);
  });

  it('has no attainment or rates for a tier nobody reached', () => {
    const r = emptyCounters({ channels: 1, groups: 1, intervals: 1 });
    r.tier.entered[0] = 12;
    const k = tierKpis(r, 3);
    expect(k.volume).toBe(0);
    expect(k.attainment).toBeNaN();
    expect(k.escalationRate).toBeNaN();
    expect(k.resolvedShare).toBe(0 / 12);
  });
});
