// Tallies: summing counter by counter over a run of intervals must give exactly (to the bit)
// what adding one interval at a time gives, whatever the model — shared groups included, where
// agent time is split by busy shares; and each figure of a tally is checked on hand-built
// counters, against values computed by hand.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../engine/simulate.js';
import { staffingOf } from '../../analysis/run/replicationKpis.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { addChannel, addChannelIntervals, addGroup, emptyTally, type Staffing } from '../../analysis/tally.js';
import { loadScenarioText } from '../../scenarios/load.js';
import { busyAt, channelAt, emptyCounters, groupAt } from '../support/counters.js';

const bundled = (name: string) => {
  const path = fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));
  return loadScenarioText(readFileSync(path, 'utf8'), path).model;
};

describe('addChannelIntervals', () => {
  it.each(['saas-support.yaml', 'retail-omnichannel.yaml'])('equals adding each interval in turn, bit for bit (%s)', (file) => {
    const model = bundled(file);
    const r = simulateReplication(model, 7, 0);
    const by = staffingOf(model);
    const I = model.intervalCount;
    for (let ch = 0; ch < model.channels.length; ch++) {
      const spans = [[0, I], [3, Math.min(I, 17)], [I - 1, I]] as const;
      for (const [from, to] of spans) {
        const one = emptyTally();
        for (let iv = from; iv < to; iv++) addChannel(one, r, ch, iv, by);
        const span = emptyTally();
        addChannelIntervals(span, r, ch, from, to, by);
        expect(span).toStrictEqual(one);
        expect(span.offered).toBeGreaterThanOrEqual(0);
      }
    }
    // The whole run adds up to something: the comparison is not between two empty tallies.
    const all = emptyTally();
    addChannelIntervals(all, r, 0, 0, I, by);
    expect(all.offered).toBeGreaterThan(0);
    expect(all.availableSec).toBeGreaterThan(0);
  });
});

/**
 * Two channels, two groups, two one-hour intervals, counters set by hand:
 * - channel 0 voice (one session per agent), channel 1 chat (2 sessions per agent);
 * - group 0 "phones" serves voice only, at 20 an hour; group 1 "blended" serves voice and
 *   chat, at 30 an hour.
 * Interval 0: phones busy 1000 s on voice; blended busy 600 s on voice and 1800 s on chat
 * (2400 s in all), with 7200 s available and scheduled (two agents) and 720 s overtime.
 * Interval 1: phones busy 2000 s on voice, 3600 s available and scheduled, 360 s overtime;
 * blended idle, 3600 s available and scheduled.
 */
function twoGroups(): { r: ReplicationCounters; staffing: Staffing } {
  const r = emptyCounters({ channels: 2, groups: 2, intervals: 2 });
  r.busySec[busyAt(r, 0, 0, 0)] = 1000;
  r.busySec[busyAt(r, 0, 0, 1)] = 2000;
  r.busySec[busyAt(r, 1, 0, 0)] = 600;
  r.busySec[busyAt(r, 1, 1, 0)] = 1800;
  const put = (name: 'availableSec' | 'scheduledSec' | 'overtimeSec' | 'handled' | 'handleSumSec', g: number, values: [number, number]) => {
    r.group[name][groupAt(r, g, 0)] = values[0];
    r.group[name][groupAt(r, g, 1)] = values[1];
  };
  put('availableSec', 0, [3600, 3600]);
  put('scheduledSec', 0, [3600, 3600]);
  put('overtimeSec', 0, [0, 360]);
  put('handled', 0, [5, 8]);
  put('handleSumSec', 0, [1000, 2000]);
  put('availableSec', 1, [7200, 3600]);
  put('scheduledSec', 1, [7200, 3600]);
  put('overtimeSec', 1, [720, 0]);
  put('handled', 1, [4, 0]);
  put('handleSumSec', 1, [2400, 0]);
  // The kernel records chat session time (2 sessions overlapping part of the time).
  r.channel.sessionSec[channelAt(r, 1, 0)] = 2700;
  const staffing: Staffing = { servedBy: [[0, 1], [1]], channelsOfGroup: [1, 2], costPerHour: [20, 30], concurrency: [1, 2] };
  return { r, staffing };
}

describe('agent time and cost of a channel', () => {
  it('splits a shared group\'s time and cost between its channels in proportion to its busy time on each', () => {
    const { r, staffing } = twoGroups();
    const chat = emptyTally();
    addChannel(chat, r, 1, 0, staffing);
    // Blended spent 1800 of its 2400 busy seconds on chat: chat draws 3/4 of its time and cost.
    const share = 1800 / (600 + 1800);
    expect(chat.busySec).toBe(1800);
    expect(chat.availableSec).toBeCloseTo(7200 * share, 9);
    expect(chat.scheduledSec).toBeCloseTo(7200 * share, 9);
    expect(chat.overtimeSec).toBeCloseTo(720 * share, 9);
    // Cost: (scheduled + overtime) hours × 30 an hour, × the share.
    expect(chat.cost).toBeCloseTo(((7200 + 720) / 3600) * 30 * share, 9);
    // Chat: the session time the kernel recorded, over 2 slots per available agent-second.
    expect(chat.sessionSec).toBe(2700);
    expect(chat.slotCapacitySec).toBeCloseTo(7200 * share * 2, 9);

    const voice = emptyTally();
    addChannel(voice, r, 0, 0, staffing);
    // Phones spent all its busy time on voice (share 1); blended 600 of 2400 s (share 1/4).
    expect(voice.busySec).toBe(1000 + 600);
    expect(voice.availableSec).toBeCloseTo(3600 + 7200 / 4, 9);
    expect(voice.scheduledSec).toBeCloseTo(3600 + 7200 / 4, 9);
    expect(voice.overtimeSec).toBeCloseTo(0 + 720 / 4, 9);
    expect(voice.cost).toBeCloseTo((3600 / 3600) * 20 + ((7200 + 720) / 3600) * 30 / 4, 9);
    // One session per agent: a session is the agents' busy time, one slot per available second.
    expect(voice.sessionSec).toBe(1000 + 600);
    expect(voice.slotCapacitySec).toBeCloseTo(3600 + 7200 / 4, 9);
  });

  it('splits an idle group\'s time and cost evenly between the channels it serves', () => {
    const { r, staffing } = twoGroups();
    // Interval 1: blended is idle, so chat and voice each draw half of its 3600 s.
    const chat = emptyTally();
    addChannel(chat, r, 1, 1, staffing);
    expect(chat.busySec).toBe(0);
    expect(chat.availableSec).toBe(3600 / 2);
    expect(chat.scheduledSec).toBe(3600 / 2);
    expect(chat.cost).toBeCloseTo((3600 / 3600) * 30 / 2, 9);
    expect(chat.slotCapacitySec).toBe((3600 / 2) * 2);

    const voice = emptyTally();
    addChannel(voice, r, 0, 1, staffing);
    // Phones: all of its 3600 s and its 360 s overtime (busy only on voice); blended: half.
    expect(voice.busySec).toBe(2000);
    expect(voice.availableSec).toBe(3600 + 3600 / 2);
    expect(voice.scheduledSec).toBe(3600 + 3600 / 2);
    expect(voice.overtimeSec).toBe(360);
    expect(voice.cost).toBeCloseTo(((3600 + 360) / 3600) * 20 + (3600 / 3600) * 30 / 2, 9);
  });

  it('gives a channel the staffing lists no group for no agent time', () => {
    const { r } = twoGroups();
    // No entry for channel 1 in servedBy: nobody serves it.
    const t = emptyTally();
    addChannel(t, r, 1, 0, { servedBy: [[0, 1]], channelsOfGroup: [1, 2], costPerHour: [20, 30], concurrency: [1, 2] });
    expect(t.busySec).toBe(0);
    expect(t.availableSec).toBe(0);
    expect(t.cost).toBe(0);
  });
});

describe('contact figures of a channel over several intervals', () => {
  it('adds counts, keeps the largest queue and backlog, and the worst backlog age on record', () => {
    const { r, staffing } = twoGroups();
    const set = (name: 'offered' | 'pending' | 'queueAreaSec' | 'maxQueue' | 'backlogMax' | 'backlogAgeP90Sec', ch: number, values: [number, number]) => {
      r.channel[name][channelAt(r, ch, 0)] = values[0];
      r.channel[name][channelAt(r, ch, 1)] = values[1];
    };
    set('offered', 0, [30, 40]);
    set('offered', 1, [10, 6]);
    set('pending', 1, [1, 2]);
    set('queueAreaSec', 1, [500, 250]);
    set('maxQueue', 0, [3, 9]);
    set('maxQueue', 1, [7, 4]);
    set('backlogMax', 0, [5, 11]);
    set('backlogMax', 1, [2, 9]);
    // Backlog age: chat had a backlog in both intervals, the older in the first; voice only in
    // the first (NaN: no backlog in interval 1).
    set('backlogAgeP90Sec', 0, [30, NaN]);
    set('backlogAgeP90Sec', 1, [40, 25]);

    const chat = emptyTally();
    addChannelIntervals(chat, r, 1, 0, 2, staffing);
    expect(chat.offered).toBe(10 + 6);
    expect(chat.pending).toBe(1 + 2);
    expect(chat.queueAreaSec).toBe(500 + 250);
    expect(chat.maxQueue).toBe(7);
    expect(chat.backlogMax).toBe(9);
    expect(chat.backlogAgeP90Sec).toBe(40);

    const voice = emptyTally();
    addChannelIntervals(voice, r, 0, 0, 2, staffing);
    expect(voice.offered).toBe(30 + 40);
    expect(voice.maxQueue).toBe(9);
    expect(voice.backlogMax).toBe(11);
    // An interval without backlog does not erase the age seen earlier.
    expect(voice.backlogAgeP90Sec).toBe(30);
  });

  it('has no backlog age when no interval had a backlog', () => {
    const { r, staffing } = twoGroups();
    const t = emptyTally();
    addChannelIntervals(t, r, 0, 0, 2, staffing);
    expect(t.backlogAgeP90Sec).toBeNaN();
  });
});

describe('a group\'s tally', () => {
  it('adds the group\'s own contacts and agent time, and its busy time over every channel it serves', () => {
    const { r, staffing } = twoGroups();
    const t = emptyTally();
    addGroup(t, r, 1, 0, staffing);
    addGroup(t, r, 1, 1, staffing);
    expect(t.handled).toBe(4 + 0);
    expect(t.handleSumSec).toBe(2400 + 0);
    // Busy on voice and on chat in interval 0; idle in interval 1.
    expect(t.busySec).toBe(600 + 1800);
    expect(t.availableSec).toBe(7200 + 3600);
    expect(t.scheduledSec).toBe(7200 + 3600);
    expect(t.overtimeSec).toBe(720 + 0);
    // (scheduled + overtime) hours × 30 an hour.
    expect(t.cost).toBeCloseTo(((7200 + 720 + 3600) / 3600) * 30, 9);

    const phones = emptyTally();
    addGroup(phones, r, 0, 1, staffing);
    expect(phones.handled).toBe(8);
    expect(phones.busySec).toBe(2000);
    expect(phones.cost).toBeCloseTo(((3600 + 360) / 3600) * 20, 9);
  });
});
