// The figures of multi-stage service (issue 13 item 4) in a run result and in every format. After-contact work: AHT is
// talk + wrap-up, and the two parts are reported apart (`talkSec`, `acwSec`) — only for scenarios
// that have wrap-up. The Erlang baseline's load counts the wrap-up. Worked out by hand on a scripted day.
import { describe, expect, it } from 'vitest';
import type { ContactTypeModel, Model } from '../../engine/model.js';
import { simulateReplication } from '../../engine/simulate.js';
import { CONFERENCE_METRICS, WRAP_UP_METRICS } from '../../analysis/kpi.js';
import { renderReport } from '../../reports/run/render.js';
import { buildRunResult } from '../../analysis/run/result.js';
import { constant, model, withChannel } from '../support/model.js';

// One agent; calls at 0, 10 and 150 of a 300-second day (intervals of 100 s); talk 50 s, wrap-up
// 30 s (test/engine/afterContactWork.test.ts works the day out): AHT 80 s, busy 240 s of 300.
const type = (wrapUp: boolean): ContactTypeModel => ({
  id: 'voice', share: 1, priority: 3, handleByTier: [constant(50), null, null], escalation: [0, 0], fcr: 1,
  ...(wrapUp ? { afterContactWork: constant(30) } : {}),
});
const day = (wrapUp: boolean): Model =>
  withChannel(model({ agents: 1, horizonSec: 300, intervalSec: 100, channels: [{ arrivalTimesSec: [0, 10, 150], handle: constant(50) }] }), 0, { types: [type(wrapUp)] });

const resultOf = (m: Model, replications = 2) =>
  buildRunResult({ ...m, replications }, m.seed, Array.from({ length: replications }, (_, r) => simulateReplication(m, m.seed, r)));

describe('the wrap-up figures', () => {
  const result = resultOf(day(true));

  it('reports AHT as talk + wrap-up and each part apart, per channel, per interval and overall; occupancy counts the wrap-up', () => {
    const voice = result.summary.channels.voice!;
    expect([voice.ahtSec.mean, voice.talkSec?.mean, voice.acwSec?.mean]).toEqual([80, 50, 30]);
    expect(voice.occupancy.mean).toBe(240 / 300);
    expect(result.intervals.map((i) => [i.channels.voice!.talkSec?.mean, i.channels.voice!.acwSec?.mean])).toEqual([[50, 30], [50, 30], [null, null]]);
    expect(result.summary.overall.acwSec?.mean).toBe(30);
    expect(result.summary.groups.team!.ahtSec.mean).toBe(80);
  });

  it('gives the Erlang baseline the load of talk + wrap-up', () => {
    // The scripted arrivals leave the channel's rate at the support model's 300 an hour: 300 × 80 s = 6.67 erlangs.
    expect(result.summary.channels.voice!.erlang?.loadErlangs).toBeCloseTo((300 / 3600) * 80, 12);
    expect(resultOf(day(false)).summary.channels.voice!.erlang?.loadErlangs).toBeCloseTo((300 / 3600) * 50, 12);
  });

  it('shows them in every format: JSON keys, CSV rows, text, Markdown and HTML columns', async () => {
    const json = JSON.parse((await renderReport(result, 'json')).text) as typeof result;
    for (const metric of WRAP_UP_METRICS) expect(json.summary.channels.voice![metric], metric).toBeDefined();
    const csv = (await renderReport(result, 'csv')).text.split('\n');
    expect(csv.filter((l) => /,channels,voice,,,acwSec,estimate,30,/.test(l))).toHaveLength(1);
    expect(csv.filter((l) => /,channels,voice,,,talkSec,estimate,50,/.test(l))).toHaveLength(1);
    for (const format of ['text', 'md', 'html'] as const) {
      const text = (await renderReport(result, format)).text;
      for (const label of ['talk', 'wrap-up']) expect(text, `${format}: ${label}`).toContain(label);
    }
  });

  it('writes none of them for a scenario without wrap-up', async () => {
    const plain = resultOf(day(false));
    for (const metric of WRAP_UP_METRICS) expect(metric in plain.summary.channels.voice!, metric).toBe(false);
    const text = (await renderReport(plain, 'text')).text;
    expect(text).not.toContain('wrap-up');
  });
});

describe('the dropped-transfer figures', () => {
  // Two Tier-1 agents, one Tier-2 agent that takes transfers only when free (ifNoAgent: disconnect);
  // calls at 0 and 10, both transferred (test/engine/transferDrop.test.ts): the second is dropped.
  const tiered = (ifNoAgent: 'wait' | 'disconnect' | undefined): Model => {
    const base = model({
      horizonSec: 300, intervalSec: 100,
      channels: [{ arrivalTimesSec: [0, 10], handle: constant(50) }],
      groups: [{ id: 't1', channels: [0], count: 2 }, { id: 't2', channels: [0], count: 1, tier: 2 }],
    });
    const m = withChannel(base, 0, { types: [{ ...type(false), handleByTier: [constant(50), constant(60), null], escalation: [1, 0] }] });
    return { ...m, tiers: [m.tiers[0], { tier: 2, mode: 'transfer', targetSec: 30, ...(ifNoAgent === undefined ? {} : { ifNoAgent }) }, m.tiers[2]] };
  };

  it('counts them per channel (arrival interval) and per tier, in every format', async () => {
    const result = resultOf(tiered('disconnect'));
    expect(result.summary.channels.voice!.transferDisconnected?.mean).toBe(1);
    expect(result.summary.tiers['2']!.transferDisconnected?.mean).toBe(1);
    expect(result.summary.tiers['2']!.attainment.mean).toBe(1 / 2);
    expect(result.intervals.map((i) => i.channels.voice!.transferDisconnected?.mean)).toEqual([1, 0, 0]);
    const csv = (await renderReport(result, 'csv')).text.split('\n');
    expect(csv.filter((l) => /,channels,voice,,,transferDisconnected,estimate,1,/.test(l))).toHaveLength(1);
    expect(csv.filter((l) => /,tiers,2,,,transferDisconnected,estimate,1,/.test(l))).toHaveLength(1);
    for (const format of ['text', 'md', 'html'] as const) expect((await renderReport(result, format)).text, format).toContain('transfers dropped');
  });

  it('writes none for a scenario whose tiers wait', () => {
    for (const m of [tiered('wait'), tiered(undefined)]) {
      const r = resultOf(m);
      expect('transferDisconnected' in r.summary.channels.voice!).toBe(false);
      expect('transferDisconnected' in r.summary.tiers['2']!).toBe(false);
    }
  });
});

describe('the conference figures', () => {
  // Two front agents, one supervisor (serving nothing else); every call asks for the supervisor
  // for 60 s; talk 50 s; calls at 0, 10 and 150 (test/engine/conference.test.ts): the first and the
  // third get the supervisor for 50 s (capped at the talk), the second finds it busy.
  const conferenceDay = (withConference: boolean): Model => {
    const base = model({
      horizonSec: 300, intervalSec: 100,
      channels: [{ arrivalTimesSec: [0, 10, 150], handle: constant(50) }],
      groups: [{ id: 'front', channels: [0], count: 2 }, { id: 'sup', channels: [], count: 1 }],
    });
    return withConference ? withChannel(base, 0, { conference: { probability: 1, group: 1, duration: constant(60) } }) : base;
  };

  it('counts conferences held and skipped and their mean time, per channel and interval, in every format', async () => {
    const result = resultOf(conferenceDay(true));
    const voice = result.summary.channels.voice!;
    expect([voice.conferences?.mean, voice.conferencesSkipped?.mean, voice.conferenceSec?.mean]).toEqual([2, 1, 50]);
    expect(result.intervals.map((i) => i.channels.voice!.conferences?.mean)).toEqual([1, 1, 0]);
    // The supervisor's 100 s are its group's busy time, not answers.
    expect([result.summary.groups.sup!.occupancy.mean, result.summary.groups.sup!.handled.mean]).toEqual([100 / 300, 0]);
    const csv = (await renderReport(result, 'csv')).text.split('\n');
    expect(csv.filter((l) => /,channels,voice,,,conferencesSkipped,estimate,1,/.test(l))).toHaveLength(1);
    for (const format of ['text', 'md', 'html'] as const) {
      const text = (await renderReport(result, format)).text;
      for (const label of ['conferences skipped', 'conference time']) expect(text, `${format}: ${label}`).toContain(label);
    }
  });

  it('writes none for a scenario without conferences', () => {
    const voice = resultOf(conferenceDay(false)).summary.channels.voice!;
    for (const metric of CONFERENCE_METRICS) expect(metric in voice, metric).toBe(false);
  });
});
