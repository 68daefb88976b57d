// The ACD interval report summed from a replication's per-contact records (workers/acdReport.ts):
// a scripted day whose every row is worked out by hand, and a random day whose rows must equal
// the recorder's own counters (two independent paths to the same counts).
import { describe, expect, it } from 'vitest';
import type { Model } from '../../engine/model.js';
import { simulateReplication } from '../../engine/simulate.js';
import type { AcdRow } from '../../analysis/run/acdRow.js';
import { acdReportCsv } from '../../reports/run/acdReport.js';
import { AcdAggregator, intervalLabeller, staffedAgents } from '../../workers/acdReport.js';
import { traceReplication } from '../../workers/contactTrace.js';
import { constant, exp, model } from '../support/model.js';

function reportOf(m: Model, withinSec: number[], seed = 1): AcdRow[] {
  const agg = new AcdAggregator(m.channels.map((c) => c.id), m.intervalSec, m.intervalCount, withinSec);
  const counters = traceReplication(m, seed, 0, agg);
  return agg.rows((ch, iv) => staffedAgents(m, counters, ch, iv));
}

/**
 * One agent, handle 30 s, patience 25 s, T = 20 s, three 100-second intervals. Arrivals:
 *  0 → answered at 0 (wait 0), busy to 30;  10 → answered at 30 (wait 20);
 * 20 → still waiting at 45: abandons (waited 25 s);       50 → answered at 60 (wait 10), busy to 90;
 * 150 → answered at once, busy to 180;     160 → answered at 180 (wait 20);  250 → at once.
 */
const scripted = model({
  horizonSec: 300, intervalSec: 100, agents: 1,
  channels: [{ arrivalTimesSec: [0, 10, 20, 50, 150, 160, 250], handle: constant(30), patience: constant(25), targetSec: 20 }],
});

describe('ACD report from per-contact records', () => {
  it('counts a scripted day as worked out by hand (T = 20 s: a wait of exactly T is within)', () => {
    const rows = reportOf(scripted, [20]);
    expect(rows.map((r) => [r.interval, r.offered, r.answered, r.abandoned, r.ahtSec, r.asaSec, r.answeredWithin, r.staffed, r.ataSec])).toEqual([
      [0, 4, 3, 1, 30, 10, 3, 1, 25],
      [1, 2, 2, 0, 30, 10, 2, 1, NaN],
      [2, 1, 1, 0, 30, 0, 1, 1, NaN],
    ]);
  });

  it('takes T from the caller, not the scenario (T = 15 s drops the 20-second waits)', () => {
    expect(reportOf(scripted, [15]).map((r) => r.answeredWithin)).toEqual([2, 1, 1]);
  });

  it('writes the canonical columns with clock times from the day start, and date-times with a date', () => {
    const m: Model = { ...scripted, dayStartSec: 8 * 3600 };
    const label = intervalLabeller(m, undefined);
    if (typeof label === 'string') throw new Error(label);
    expect(acdReportCsv(reportOf(m, [20]), label).split('\n').slice(0, 3)).toEqual([
      'interval_start,channel,offered,answered,abandoned,aht,asa,answered_within,staffed,ata',
      '08:00,voice,4,3,1,30,10,3,1,25',
      '08:01:40,voice,2,2,0,30,10,2,1,',
    ]);
    const dated = intervalLabeller(m, 20514); // 2026-03-02 is day 20,514 from 1970-01-01
    expect(typeof dated === 'string' ? dated : dated(100)).toBe('2026-03-02T08:01:40');
  });

  it('counts staffed as agents logged in: an agent on a break for half an interval is half an agent there', () => {
    const m = model({
      horizonSec: 300, intervalSec: 100, channels: [{ arrivalTimesSec: [10], handle: constant(30) }],
      groups: [{ id: 'team', channels: [0], count: 1, agentShifts: [[{ startSec: 0, endSec: 300, breaks: [{ startSec: 100, endSec: 150 }] }]], agentKeys: ['0'] }],
    });
    expect(reportOf(m, [20]).map((r) => r.staffed)).toEqual([1, 0.5, 1]);
  });

  it('asks for a date when the day runs past midnight', () => {
    expect(intervalLabeller({ ...scripted, dayStartSec: 86_400 - 200 }, undefined)).toMatch(/past midnight.*--acd-date/);
  });

  it('an empty interval has no AHT or ASA (blank cells), not zero', () => {
    const m = model({ horizonSec: 300, intervalSec: 100, agents: 1, channels: [{ arrivalTimesSec: [10], handle: constant(30) }] });
    const rows = reportOf(m, [20]);
    expect(rows[1]?.offered).toBe(0);
    expect(rows[1]?.ahtSec).toBeNaN();
    expect(acdReportCsv(rows, String).split('\n')[2]).toBe('100,voice,0,0,0,,,0,1,');
  });

  it("equals the recorder's counters on a random day with queueing and abandonment, interval by interval", () => {
    const m = model({ horizonSec: 4 * 3600, agents: 28, channels: [{ perHour: 300, handle: exp(360), patience: exp(180) }] });
    const rows = reportOf(m, [20], 7);
    const c = simulateReplication(m, 7, 0);
    let abandoned = 0;
    rows.forEach((r, iv) => {
      expect(r.offered).toBe(c.channel.offered[iv]);
      expect(r.answered).toBe(c.channel.handled[iv]);
      expect(r.abandoned).toBe(c.channel.abandoned[iv]);
      expect(r.answeredWithin).toBe(c.channel.answeredWithinTarget[iv]);
      expect(r.ahtSec * r.answered).toBeCloseTo(c.channel.handleSumSec[iv] ?? NaN, 6);
      expect(r.asaSec * r.answered).toBeCloseTo(c.channel.waitSumSec[iv] ?? NaN, 6);
      if (r.abandoned > 0) expect(r.ataSec * r.abandoned).toBeCloseTo(c.channel.abandonWaitSumSec[iv] ?? NaN, 6);
      expect(r.staffed).toBe(28);
      abandoned += r.abandoned;
    });
    // The case exercises what it claims to: calls abandoned.
    expect(abandoned).toBeGreaterThan(0);
  });

  it('leaves out contacts contained by self-service: offered is what reached the queue', () => {
    const base = model({ horizonSec: 2 * 3600, agents: 30, channels: [{ perHour: 300 }] });
    const m: Model = { ...base, channels: base.channels.map((ch) => ({ ...ch, deflection: 0.4 })) };
    const rows = reportOf(m, [20], 3);
    const c = simulateReplication(m, 3, 0);
    rows.forEach((r, iv) => expect(r.offered).toBe(c.channel.offered[iv]));
    expect(rows.reduce((s, r) => s + r.offered, 0)).toBeLessThan(0.75 * 600);
  });

  it('leaves out contacts refused at the switch: a blocked call is never offered to the queue', () => {
    const base = model({ horizonSec: 2 * 3600, agents: 20, channels: [{ perHour: 300, handle: exp(360), patience: exp(120) }] });
    const m: Model = { ...base, lineGroups: [{ id: 'trunk', lines: 24, channels: [0] }] };
    const rows = reportOf(m, [20], 5);
    const c = simulateReplication(m, 5, 0);
    rows.forEach((r, iv) => expect(r.offered).toBe(c.channel.offered[iv]));
    // The case exercises what it claims to: calls were blocked.
    expect(c.channel.blocked.reduce((s, b) => s + b, 0)).toBeGreaterThan(0);
  });
});
