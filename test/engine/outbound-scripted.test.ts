// Outbound campaigns (issue 13), scripted: constant ring and talk times, reach 0 or 1 per interval,
// so every dial is known in advance. Days of three 100-second intervals; the agents are on duty
// [0, 300). Each case lists every non-zero campaign counter (`name[cp,iv]`) worked out by hand in
// its comment, plus the run totals that conservation checks.
import { describe, expect, it } from 'vitest';
import type { CampaignModel, Model } from '../../engine/model.js';
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
