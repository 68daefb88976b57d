// Outbound campaigns (issue 13), scripted: constant ring and talk times, reach 0 or 1 per interval,
// so every dial is known in advance. Days of three 100-second intervals; the agents are on duty
// [0, 300). Each case lists every non-zero campaign counter (`name[cp,iv]`) worked out by hand in
// its comment, plus the run totals that conservation checks.
import { describe, expect, it } from 'vitest';
import type { CampaignModel, Model } from '../../engine/model.js';
import { Stream } from '../../engine/random.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { simulateReplication } from '../../engine/simulate.js';
import { constant, exp, model, type ChannelOptions } from '../support/model.js';

const DAY = { horizonSec: 300, intervalSec: 100 };

/** A campaign dialed by group 0: reach 1, ring 10 s, talk 40 s, patience 5 s unless told. */
export function campaign(o: Partial<CampaignModel> = {}): CampaignModel {
  return {
    id: 'collections', groups: [0], mode: 'progressive', ratio: 1, reserve: 0, maxQueue: Infinity, listPerDay: Infinity,
    dialsPerHour: null, reach: [1, 1, 1], handle: constant(40), patience: constant(5), ringTime: constant(10), previewSec: 0,
    ...o,
  };
}

/** `agents` always-on agents serving the channels (none: no inbound contact at all) and the campaigns. */
function blended(campaigns: CampaignModel[], agents = 1, channels: ChannelOptions[] = [{ arrivalTimesSec: [] }]): Model {
  return { ...model({ ...DAY, channels, agents }), campaigns };
}

/** Every non-zero campaign counter, `name[cp,iv]`. */
function outbound(r: ReplicationCounters): Record<string, number> {
  const out: Record<string, number> = {};
  const I = r.intervalCount;
  for (const [name, a] of Object.entries(r.campaign ?? {})) {
    a.forEach((v, i) => { if (v !== 0) out[`${name}[${Math.floor(i / I)},${i % I}]`] = v; });
  }
  return out;
}

/** The same figure in each of the three intervals of campaign 0. */
const each = (name: string, values: [number, number, number]): Record<string, number> =>
  Object.fromEntries(values.flatMap((v, iv) => (v === 0 ? [] : [[`${name}[0,${iv}]`, v]])));

describe('a progressive dialer', () => {
  it('holds its one agent for each call: dial, ring, talk, dial again; unreached rings free it at once', () => {
    // Interval 0 (reach 1): dials at 0 and 50, each answered at +10 and talked 40 s (agent busy
    // [0, 100)). Interval 1 (reach 0): dials at 100, 110, …, 190, each unreached after its 10 s
    // ring. Interval 2 (reach 1): dials at 200 and 250, talks to 250 and 300. At 300 the shift
    // ends: no dial at the horizon.
    const r = simulateReplication(blended([campaign({ reach: [1, 0, 1] })]), 1, 0);
    expect(outbound(r)).toEqual({
      ...each('dialed', [2, 10, 2]), ...each('reached', [2, 0, 2]), ...each('connected', [2, 0, 2]), ...each('agentSec', [100, 100, 100]),
    });
    expect(r.campaignCount).toBe(1);
  });

  it('keeps `reserve` agents idle for inbound: of two agents with a reserve of one, only one dials', () => {
    // Agent 0 (idle longest, listed first) is held; agent 1 stays idle: the day of the first case
    // with reach 1 throughout — dials every 50 s from 0 to 250.
    const r = simulateReplication(blended([campaign({ reserve: 1 })], 2), 1, 0);
    expect(outbound(r)).toEqual({ ...each('dialed', [2, 2, 2]), ...each('reached', [2, 2, 2]), ...each('connected', [2, 2, 2]), ...each('agentSec', [100, 100, 100]) });
  });

  it('stops at the day’s list', () => {
    // A list of 3: dials at 0, 50, 100, then none; the agent idles from 150.
    const r = simulateReplication(blended([campaign({ listPerDay: 3 })]), 1, 0);
    expect(outbound(r)).toEqual({
      'dialed[0,0]': 2, 'dialed[0,1]': 1, 'reached[0,0]': 2, 'reached[0,1]': 1, 'connected[0,0]': 2, 'connected[0,1]': 1,
      'agentSec[0,0]': 100, 'agentSec[0,1]': 50,
    });
  });

  it('dials at most ⌈dialsPerHour × interval⌉ calls an interval, and again at the next boundary', () => {
    // 36/h over 100 s is 1 dial an interval: at 0 (talk to 50), at 100 (boundary: the agent idle
    // since 50 dials), at 200.
    const r = simulateReplication(blended([campaign({ dialsPerHour: [36, 36, 36] })]), 1, 0);
    expect(outbound(r)).toEqual({ ...each('dialed', [1, 1, 1]), ...each('reached', [1, 1, 1]), ...each('connected', [1, 1, 1]), ...each('agentSec', [50, 50, 50]) });
  });

  it('starts a new list each day (days of 24 h from time 0)', () => {
    // Two days of four 12-hour intervals, a list of 1: the dial of 0 (talk 10–50), then nothing
    // until the boundary of 86,400 s, the second day's first: one dial there (talk to 86,450).
    const m: Model = { ...model({ horizonSec: 2 * 86_400, intervalSec: 43_200, channels: [{ arrivalTimesSec: [] }], agents: 1 }), campaigns: [campaign({ listPerDay: 1, reach: [1, 1, 1, 1] })] };
    const r = simulateReplication(m, 1, 0);
    expect(outbound(r)).toEqual({
      'dialed[0,0]': 1, 'dialed[0,2]': 1, 'reached[0,0]': 1, 'reached[0,2]': 1, 'connected[0,0]': 1, 'connected[0,2]': 1, 'agentSec[0,0]': 50, 'agentSec[0,2]': 50,
    });
  });

  it('holds, of its groups’ idle agents, the one idle longest (on a tie, the group listed first’s)', () => {
    // Groups g0 (agent 0, channel a: no calls) and g1 (agent 1, channel b: calls at 5 and 55,
    // handle 20); the campaign dials with both, reserve 1, a list of 2.
    //   0: both come on duty, idle since 0: the tie goes to g0's agent 0 (held, talk 10–50).
    //   5: agent 1 answers b's first call at once (5–25), then idles from 25.
    //  50: agent 0 frees; idle since 25 against 50: agent 1 is held (talk 60–100).
    //  55: b's second call finds agent 1 held and waits until 100 (45 s).
    const m: Model = {
      ...model({
        ...DAY,
        channels: [{ id: 'a', arrivalTimesSec: [] }, { id: 'b', arrivalTimesSec: [5, 55], handle: constant(20) }],
        groups: [{ id: 'g0', channels: [0], count: 1 }, { id: 'g1', channels: [1], count: 1 }],
      }),
      campaigns: [campaign({ groups: [0, 1], reserve: 1, listPerDay: 2 })],
    };
    const r = simulateReplication(m, 1, 0);
    expect(outbound(r)).toEqual({ 'dialed[0,0]': 2, 'reached[0,0]': 2, 'connected[0,0]': 2, 'agentSec[0,0]': 100 });
    expect([r.channel.handled[3], r.channel.waitSumSec[3]]).toEqual([2, 45]);
  });

  it('never dials at the horizon: an agent freed at its very instant stays idle for inbound work', () => {
    // The agent takes the line's calls only after 20 s of wait. The day of the first case (reach
    // 1): talks end at 50, 100, …, 300. A call arrives at 290 (handle 10) while the agent talks;
    // at 300 the freed agent may not take it yet and does not dial: at 310 (20 s) it answers it.
    const m: Model = {
      ...model({
        ...DAY,
        channels: [{ arrivalTimesSec: [290], handle: constant(10) }],
        groups: [{ id: 'blend', channels: [0], count: 1, skills: [{ channel: 0, type: -1, rank: 1, afterSec: 20 }] }],
      }),
      campaigns: [campaign()],
    };
    const r = simulateReplication(m, 1, 0);
    expect(outbound(r)).toEqual({ ...each('dialed', [2, 2, 2]), ...each('reached', [2, 2, 2]), ...each('connected', [2, 2, 2]), ...each('agentSec', [100, 100, 100]) });
    expect([r.channel.handled[2], r.channel.waitSumSec[2]]).toEqual([1, 20]);
  });

  it('reaches the party only when the dial’s reach uniform is strictly below the reach', () => {
    // One dial (a list of 1), its reach drawn first from `outbound:reach:collections`. A reach
    // equal to that uniform: not reached (the agent is held for the 10 s ring only); the next
    // double above it: reached, talked 10–50.
    const u = new Stream(1, 0, 'outbound:reach:collections').next();
    expect(u).toBeGreaterThan(0);
    const at = (p: number) => outbound(simulateReplication(blended([campaign({ listPerDay: 1, reach: [p, p, p] })]), 1, 0));
    expect(at(u)).toEqual({ 'dialed[0,0]': 1, 'agentSec[0,0]': 10 });
    expect(at(u + 2 ** -40)).toEqual({ 'dialed[0,0]': 1, 'reached[0,0]': 1, 'connected[0,0]': 1, 'agentSec[0,0]': 50 });
  });
});

describe('a preview dialer', () => {
  it('reserves the agent for the preview time before the dial', () => {
    // Preview 5 + ring 10 + talk 35: a call every 50 s in interval 0 (at 0, 50). Interval 1 (reach
    // 0): 15 s a record, reservations at 100, 115, …, 190 (7). The one of 190 ends unanswered at
    // 205; interval 2: 205 (talk 220–255), 255 (talk 270–305, past the horizon).
    const r = simulateReplication(blended([campaign({ mode: 'preview', previewSec: 5, handle: constant(35), reach: [1, 0, 1] })]), 1, 0);
    expect(outbound(r)).toEqual({
      ...each('dialed', [2, 7, 2]), ...each('reached', [2, 0, 2]), ...each('connected', [2, 0, 2]), ...each('agentSec', [100, 100, 100]),
    });
  });
});

describe('a predictive dialer', () => {
  it('dials ratio × idle agents with none held, and drops the answered party that finds no agent after its patience', () => {
    // Ratio 2, one idle agent: two dials at 0. At 10 both answer: the first takes the agent (talk
    // to 50), the second waits and is dropped at 15 (patience 5): a nuisance call. At 50 the agent
    // is idle again: two more dials. So every 50 s: 2 dialed, 2 reached, 1 connected, 1 abandoned;
    // the agent idles [0, 10) and [50, 60) of each 100 s.
    const r = simulateReplication(blended([campaign({ mode: 'predictive', ratio: 2 })]), 1, 0);
    expect(outbound(r)).toEqual({
      ...each('dialed', [4, 4, 4]), ...each('reached', [4, 4, 4]), ...each('connected', [2, 2, 2]), ...each('abandoned', [2, 2, 2]), ...each('agentSec', [80, 80, 80]),
    });
  });

  it('connects a waiting party to an agent freed at the very instant its patience ends', () => {
    // Talk 45, patience 45: of the two parties answering at 10, the second waits until 55 — when
    // the agent frees (a release before the party hangs up): it talks 55–100. The agent idles
    // from 100 (after the boundary): two dials, and likewise in each interval: never a drop.
    const r = simulateReplication(blended([campaign({ mode: 'predictive', ratio: 2, handle: constant(45), patience: constant(45) })]), 1, 0);
    expect(outbound(r)).toEqual({ ...each('dialed', [2, 2, 2]), ...each('reached', [2, 2, 2]), ...each('connected', [2, 2, 2]), ...each('agentSec', [90, 90, 90]) });
  });

  it('counts calls still ringing as in flight: no new dial while ⌈ratio × idle⌉ calls ring', () => {
    // Ratio 1.5 with two idle agents: ⌈3⌉ = 3 dials at 0; reach 0 in interval 0, so each rings
    // out at 10, when the dialer tops up to 3 again: 3 dials every 10 s over [0, 100) = 30.
    const r = simulateReplication(blended([campaign({ mode: 'predictive', ratio: 1.5, reach: [0, 0, 0] })], 2), 1, 0);
    const c = outbound(r);
    expect(c['dialed[0,0]']).toBe(30);
    expect(c['reached[0,0]'] ?? 0).toBe(0);
  });

  it('ignores a stale patience timer of a call slot that waits again', () => {
    // One agent, ratio 3, talk 5, patience 28, a list of 6. Slots are reused last freed first.
    //   0: dials slots 0, 1, 2. 10: 0 talks (10–15); 1 and 2 wait, their patience ending at 38.
    //  15: 1 talks (15–20). 20: 2 talks (20–25). 25: the agent idles: dials 2, 1, 0.
    //  35: 2 talks (35–40); 1 and 0 wait until 63. 38: the first patience timers of 1 and 2
    //  fire: stale (1 waits again, under a new timer; 2 talks). 40: 1 talks (40–45). 45: 0
    //  talks (45–50). Never a drop; the agent is busy 10–25 and 35–50.
    const r = simulateReplication(blended([campaign({ mode: 'predictive', ratio: 3, handle: constant(5), patience: constant(28), listPerDay: 6 })]), 1, 0);
    expect(outbound(r)).toEqual({ 'dialed[0,0]': 6, 'reached[0,0]': 6, 'connected[0,0]': 6, 'agentSec[0,0]': 30 });
  });

  it('gives an agent only its own campaigns’ waiting parties, not another’s call in a reused slot', () => {
    // Campaign x (group x, agent 0): ratio 3, talk 110, patience 5, a list of 3. Campaign y
    // (group y, agent 1): ratio 2, talk 50, patience 30, 72 dials an hour in interval 1 only (2).
    //   0: x dials slots 0, 1, 2. 10: 0 talks with agent 0 (10–120); 1 and 2 wait, dropped at 15.
    // 100: y dials slots 2, 1 (last freed first). 110: 2 talks with agent 1 (110–160); 1 waits
    //      in y's queue until 140 — x's queue still holds 1's old entry, now stale.
    // 120: agent 0 frees: x's queue has nobody waiting (it may not take y's party); its list is
    //      used up. 140: y's party in slot 1 is dropped.
    const m: Model = {
      ...model({ ...DAY, channels: [{ arrivalTimesSec: [] }], groups: [{ id: 'x', channels: [0], count: 1 }, { id: 'y', channels: [0], count: 1 }] }),
      campaigns: [
        campaign({ id: 'x', groups: [0], mode: 'predictive', ratio: 3, handle: constant(110), patience: constant(5), listPerDay: 3 }),
        campaign({ id: 'y', groups: [1], mode: 'predictive', ratio: 2, handle: constant(50), patience: constant(30), dialsPerHour: [0, 72, 0] }),
      ],
    };
    const r = simulateReplication(m, 1, 0);
    expect(outbound(r)).toEqual({
      'dialed[0,0]': 3, 'reached[0,0]': 3, 'connected[0,0]': 1, 'abandoned[0,0]': 2, 'agentSec[0,0]': 90, 'agentSec[0,1]': 20,
      'dialed[1,1]': 2, 'reached[1,1]': 2, 'connected[1,1]': 1, 'abandoned[1,1]': 1, 'agentSec[1,1]': 50,
    });
  });
});

describe('blending', () => {
  it('serves inbound first: a caller waiting when the outbound talk ends is answered before the next dial', () => {
    // Dial at 0, talk 10–50. A call arrives at 30 and waits; at 50 the agent takes it (wait 20,
    // handle 20, to 70), then dials at 70 (talk 80–120), 120, 170, 220, 270.
    const r = simulateReplication(blended([campaign()], 1, [{ arrivalTimesSec: [30], handle: constant(20) }]), 1, 0);
    expect(outbound(r)).toEqual({ ...each('dialed', [2, 2, 2]), ...each('reached', [2, 2, 2]), ...each('connected', [2, 2, 2]), ...each('agentSec', [80, 100, 100]) });
    expect(r.channel.handled[0]).toBe(1);
    expect(r.channel.waitSumSec[0]).toBe(20);
    expect(r.channel.answeredWithinTarget[0]).toBe(1);
  });

  it('dials only while the live inbound queues of its groups’ channels hold at most maxQueue', () => {
    // Group 0 (the campaign's) takes voice only after 1000 s of wait (never today); group 1's one
    // agent takes the call of 0 for the whole day. Dial at 0 (queue empty), talk 10–50. A caller
    // waits from 20 (patience 50): at 50 the freed agent may not dial (queue 1 > 0) and idles; the
    // caller leaves at 70; the next boundary, 100, dials again: 100, 150, 200, 250.
    const m: Model = {
      ...model({
        ...DAY,
        channels: [{ arrivalTimesSec: [0, 20], handle: constant(300), patience: constant(50) }],
        groups: [
          { id: 'blend', channels: [0], count: 1, skills: [{ channel: 0, type: -1, rank: 1, afterSec: 1000 }] },
          { id: 'inbound', channels: [0], count: 1 },
        ],
      }),
      campaigns: [campaign({ maxQueue: 0 })],
    };
    const r = simulateReplication(m, 1, 0);
    expect(outbound(r)).toEqual({ ...each('dialed', [1, 2, 2]), ...each('reached', [1, 2, 2]), ...each('connected', [1, 2, 2]), ...each('agentSec', [50, 100, 100]) });
    expect(r.channel.handled[0]).toBe(1);
    expect(r.channel.abandoned[0]).toBe(1);
  });

  it('is not asked again when an agent of a group without campaigns frees up', () => {
    // As above, but the queue drains before the boundary. Group inbound (agent B) serves the
    // watched line and an other one; group blend (agent A) dials with maxQueue 0. A dials at 0
    // (talk 10–50); B takes other's call of 0 (handle 60, to 60). A caller of the watched line
    // waits from 20; at 50 A may not dial (queue 1) and idles; at 60 B takes the caller (wait 40,
    // to 70); at 70 B frees with nothing to do — its group works no campaign, so the dialer is
    // not asked, and A dials at the next boundary, 100: then 100, 150, 200, 250.
    const m: Model = {
      ...model({
        ...DAY,
        channels: [{ id: 'watched', arrivalTimesSec: [20], handle: constant(10) }, { id: 'other', arrivalTimesSec: [0], handle: constant(60) }],
        groups: [
          { id: 'blend', channels: [0], count: 1, skills: [{ channel: 0, type: -1, rank: 1, afterSec: 1000 }] },
          { id: 'inbound', channels: [0, 1], count: 1 },
        ],
      }),
      campaigns: [campaign({ maxQueue: 0 })],
    };
    const r = simulateReplication(m, 1, 0);
    expect(outbound(r)).toEqual({ ...each('dialed', [1, 2, 2]), ...each('reached', [1, 2, 2]), ...each('connected', [1, 2, 2]), ...each('agentSec', [50, 100, 100]) });
    expect([r.channel.handled[0], r.channel.waitSumSec[0], r.channel.handled[3], r.channel.waitSumSec[3]]).toEqual([1, 40, 1, 0]);
  });

  it('makes no call when the reserve is every agent, and then changes no inbound figure at all', () => {
    const inbound: ChannelOptions[] = [{ perHour: 60, handle: exp(120), patience: exp(60) }];
    const base = model({ ...DAY, horizonSec: 3600, intervalSec: 600, channels: inbound, agents: 3 });
    const plain = simulateReplication(base, 7, 0);
    for (const mode of ['preview', 'progressive', 'predictive'] as const) {
      const r = simulateReplication({ ...base, campaigns: [campaign({ mode, reserve: 3, ratio: 3, reach: Array(6).fill(1) })] }, 7, 0);
      expect(Array.from(r.campaign?.dialed ?? []).every((v) => v === 0)).toBe(true);
      const { campaign: _c, campaignCount: _n, ...inboundOnly } = r;
      expect(inboundOnly).toEqual(plain);
    }
  });
});

describe('the staffing plan', () => {
  const shift = (startSec: number, endSec: number) => [{ startSec, endSec, breaks: [] }];

  it('sends home an agent whose shift ended during its outbound call when the call ends', () => {
    // Agent 0 on duty all day, agent 1 in interval 0 only. Both dial at 0 and 50 (talks 10–50,
    // 60–100). At 100 agent 1's shift ends during its talk; when the talk ends (at 100 too) it
    // leaves, with no overtime; agent 0 alone dials at 100, 150, 200, 250.
    const m: Model = {
      ...model({ ...DAY, channels: [{ arrivalTimesSec: [] }], groups: [{ id: 'team', channels: [0], count: 2, agentShifts: [shift(0, 300), shift(0, 100)], agentKeys: ['0', '1'] }] }),
      campaigns: [campaign()],
    };
    const r = simulateReplication(m, 1, 0);
    expect(outbound(r)).toEqual({ ...each('dialed', [4, 2, 2]), ...each('reached', [4, 2, 2]), ...each('connected', [4, 2, 2]), ...each('agentSec', [200, 100, 100]) });
    expect(Array.from(r.group.overtimeSec)).toEqual([0, 0, 0]);
  });

  it('idleFirst: an agent freed from an outbound call goes off in the stead of a late colleague', () => {
    // Agent 0 on duty all day, agent 1 in interval 0 only; one dial an interval (36/h), talk 100.
    //   0: agent 0 dials (held 0–110: ring to 10, talk 10–110); agent 1 takes a call of 5
    //      (handle 145, to 150).
    // 100: agent 1's shift ends while busy, nobody idle: it is late (overtime from 100).
    // 110: agent 0 frees and goes off in its stead: the overtime stops (10 s).
    // 150: agent 1 finishes and leaves; agent 0 comes back and dials (interval 1's one dial,
    //      held 150–260); at 260 it dials interval 2's (held to 370, past the horizon).
    // Agent time: 100 | 10 + 50 | 60 + 40.
    const m: Model = {
      ...model({
        ...DAY,
        channels: [{ arrivalTimesSec: [5], handle: constant(145) }],
        groups: [{ id: 'team', channels: [0], count: 2, agentShifts: [shift(0, 300), shift(0, 100)], agentKeys: ['0', '1'], whenCountDrops: 'idleFirst' }],
      }),
      campaigns: [campaign({ dialsPerHour: [36, 36, 36], handle: constant(100) })],
    };
    const r = simulateReplication(m, 1, 0);
    expect(outbound(r)).toEqual({ ...each('dialed', [1, 1, 1]), ...each('reached', [1, 1, 1]), ...each('connected', [1, 1, 1]), ...each('agentSec', [100, 60, 100]) });
    expect(Array.from(r.group.overtimeSec)).toEqual([0, 10, 0]);
    expect([r.channel.handled[0], r.channel.waitSumSec[0]]).toEqual([1, 0]);
  });
});

describe('the warm-up', () => {
  it('records nothing of a dial made in the warm-up, for any campaign', () => {
    // Warm-up 100 s; one agent works campaigns x (a list of 0: never dials) and y. y dials at
    // −100 and −50 (talks to −50 and 0): neither is recorded, nor its agent time; then the day
    // of the first case with reach 1, all of it y's.
    const m: Model = {
      ...model({ ...DAY, warmupSec: 100, channels: [{ arrivalTimesSec: [] }], agents: 1 }),
      campaigns: [campaign({ id: 'x', listPerDay: 0 }), campaign({ id: 'y' })],
    };
    const r = simulateReplication(m, 1, 0);
    const y = (name: string, v: number) => Object.fromEntries([0, 1, 2].map((iv) => [`${name}[1,${iv}]`, v]));
    expect(outbound(r)).toEqual({ ...y('dialed', 2), ...y('reached', 2), ...y('connected', 2), ...y('agentSec', 100) });
  });
});
