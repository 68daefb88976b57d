// The Recorder on its own (engine/recorder.ts): what each recording call adds to which counter,
// at which index, computed by hand. Every case compares *all* the non-zero counters with the
// expected list, so a call that adds to the wrong counter, the wrong index or the wrong amount
// — or that forgets one — fails. Layout (recorder.ts): channel counters at `ch * I + iv`, type
// counters at the channel's first type + its own type, group counters at `g * I + iv`,
// busySec at `(g * C + ch) * I + iv`.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Recorder } from '../../engine/recorder.js';
import { WaitHistograms } from '../../engine/waitHistograms.js';

// Two channels, two groups, three 100-second intervals (horizon 300 s). Channel 0 has one
// contact type (its type counters are derived at the end), channel 1 two (counted per contact:
// global types 1 and 2). Channel 1 is deferred work.
const C = 2, G = 2, I = 3, INTERVAL = 100;

function recorder(deferred: [number, number] = [0, 1]): Recorder {
  return new Recorder(C, G, I, INTERVAL, Int32Array.from([1, 2]), Uint8Array.from(deferred), new WaitHistograms(C, I));
}

type Counters = Pick<Recorder, 'channel' | 'type' | 'tier' | 'group' | 'busySec'>;

/** Every counter entry that is neither 0 nor NaN, as `family.name[index]`. */
function nonZero(r: Counters): Record<string, number> {
  const out: Record<string, number> = {};
  const families: [string, Record<string, Float64Array>][] = [['channel', r.channel], ['type', r.type], ['tier', r.tier], ['group', r.group], ['busy', { sec: r.busySec }]];
  for (const [family, counters] of families) {
    for (const [name, a] of Object.entries(counters)) {
      a.forEach((v, i) => { if (v !== 0 && !Number.isNaN(v)) out[`${family}.${name}[${i}]`] = v; });
    }
  }
  return out;
}

const meta = { replication: 3, seed: 9, events: 42, contacts: 7, waitingAtEnd: Float64Array.from([0, 1]) };

describe('Recorder: the interval of a time', () => {
  it('maps [0, horizon) onto intervals, and the warm-up and the time from the horizon on to −1', () => {
    const r = recorder();
    expect(r.intervalOf(-0.001)).toBe(-1);
    expect(r.intervalOf(-100)).toBe(-1);
    expect(r.intervalOf(0)).toBe(0);
    expect(r.intervalOf(99.999)).toBe(0);
    expect(r.intervalOf(100)).toBe(1);
    expect(r.intervalOf(250)).toBe(2);
    expect(r.intervalOf(299.999)).toBe(2);
    expect(r.intervalOf(300)).toBe(-1);
    expect(r.intervalOf(1000)).toBe(-1);
  });

  it('starts with every counter zero and the backlog ages NaN', () => {
    const r = recorder();
    expect(nonZero(r)).toEqual({});
    expect(Array.from(r.channel.backlogAgeP90Sec).every(Number.isNaN)).toBe(true);
    expect(r.channel.backlogAgeP90Sec.length).toBe(C * I);
    expect(r.busySec.length).toBe(G * C * I);
    expect(r.group.handled.length).toBe(G * I);
    expect(r.type.offered.length).toBe(3);
    expect(r.tier.entered.length).toBe(3);
  });
});

describe('Recorder: contact counters', () => {
  it('offer, queue, pending, repeat and count add to the channel × interval and to a counted type', () => {
    const r = recorder();
    r.offer(0, 2, 0); // channel.offered[0·3 + 2]; channel 0's type is derived at the end
    r.offer(1, 1, 1); // channel.offered[1·3 + 1 = 4]; type 1 + 1 = 2
    r.offer(1, 1, 1);
    r.queue(1, 0, 0); // channel.queued[3]; type 1
    r.queue(0, 1, 0); // channel.queued[1]
    r.pending(1, 2, 1); // channel.pending[5]; type 2
    r.pending(0, 0, 0); // channel.pending[0]
    r.repeat(1, 1, 0); // channel.repeats[4]; type 1
    r.repeat(0, 0, 0); // channel.repeats[0]
    r.count('callbacks', 1, 2); // +1 at [5]
    r.count('deflected', 0, 1, 3); // +3 at [1]
    r.count('deflected', 0, 1); // +1 → 4
    expect(nonZero(r)).toEqual({
      'channel.offered[2]': 1, 'channel.offered[4]': 2, 'type.offered[2]': 2,
      'channel.queued[3]': 1, 'type.queued[1]': 1, 'channel.queued[1]': 1,
      'channel.pending[5]': 1, 'type.pending[2]': 1, 'channel.pending[0]': 1,
      'channel.repeats[4]': 1, 'type.repeats[1]': 1, 'channel.repeats[0]': 1,
      'channel.callbacks[5]': 1, 'channel.deflected[1]': 4,
    });
  });

  it('counts the first channel\'s types from global index 0 when it has several', () => {
    // Types per channel [2, 1]: channel 0's types are global 0 and 1 (counted per contact),
    // channel 1's one type (global 2) is derived at the end.
    const r = new Recorder(C, G, I, INTERVAL, Int32Array.from([2, 1]), Uint8Array.from([0, 0]), new WaitHistograms(C, I));
    r.offer(0, 0, 0);
    r.offer(0, 1, 1); // channel 0 × iv 1; type 1
    r.offer(1, 0, 0); // channel 1 × iv 0 = 3; no type yet
    r.queue(0, 0, 0);
    r.pending(0, 0, 0);
    r.repeat(0, 0, 0);
    r.escalation(1, 0, 0, 0);
    r.answer(0, 0, 0, 0, 5, 10, true);
    r.resolveDeferred(0, 0, 0);
    r.abandon(0, 0, 0, 3, true);
    expect(nonZero(r)).toEqual({
      'channel.offered[0]': 1, 'type.offered[0]': 1, 'channel.offered[1]': 1, 'type.offered[1]': 1, 'channel.offered[3]': 1,
      'channel.queued[0]': 1, 'type.queued[0]': 1, 'channel.pending[0]': 1, 'type.pending[0]': 1,
      'channel.repeats[0]': 1, 'type.repeats[0]': 1,
      'tier.escalated[0]': 1, 'tier.entered[1]': 1, 'channel.escalated[0]': 1, 'type.escalated[0]': 1,
      'channel.handled[0]': 1, 'channel.waitSumSec[0]': 5, 'channel.handleSumSec[0]': 10, 'channel.waited[0]': 1,
      'channel.answeredWithinTarget[0]': 2, 'type.answeredWithinTarget[0]': 2, // the answer and the resolution
      'type.handled[0]': 1, 'type.waitSumSec[0]': 5, 'type.handleSumSec[0]': 10,
      'group.handled[0]': 1, 'group.handleSumSec[0]': 10,
      'channel.abandoned[0]': 1, 'channel.abandonWaitSumSec[0]': 3, 'channel.abandonedWithinTarget[0]': 1,
      'type.abandoned[0]': 1, 'type.abandonedWithinTarget[0]': 1,
    });
  });

  it('counts an escalation from tier 1 at the channel and type, from tier 2 only at the tiers', () => {
    const r = recorder();
    r.escalation(1, 1, 2, 1); // tier 1 → 2: escalated[0], entered[1]; channel.escalated[5]; type 2
    r.escalation(1, 0, 0, 0); // tier 1 → 2 on channel 0: channel.escalated[0]
    r.escalation(2, 1, 2, 1); // tier 2 → 3: escalated[1], entered[2]; nothing per channel
    expect(nonZero(r)).toEqual({
      'tier.escalated[0]': 2, 'tier.entered[1]': 2, 'tier.escalated[1]': 1, 'tier.entered[2]': 1,
      'channel.escalated[5]': 1, 'type.escalated[2]': 1, 'channel.escalated[0]': 1,
    });
  });

  it('answer adds the wait, handle time, target and group; only a positive wait counts as waited', () => {
    const r = recorder();
    r.answer(0, 1, 0, 1, 5, 30, true); // k = 1; group 1 × iv 1 = 4
    r.answer(1, 0, 1, 0, 0, 40, false); // k = 3, type 2; no wait: not `waited`
    r.answer(1, 0, 1, 0, 12, 10, true); // k = 3, type 2; group 0 × iv 0 = 0
    expect(nonZero(r)).toEqual({
      'channel.handled[1]': 1, 'channel.waitSumSec[1]': 5, 'channel.handleSumSec[1]': 30,
      'channel.answeredWithinTarget[1]': 1, 'channel.waited[1]': 1,
      'group.handled[4]': 1, 'group.handleSumSec[4]': 30,
      'channel.handled[3]': 2, 'channel.waitSumSec[3]': 12, 'channel.handleSumSec[3]': 50,
      'channel.answeredWithinTarget[3]': 1, 'channel.waited[3]': 1,
      'type.handled[2]': 2, 'type.waitSumSec[2]': 12, 'type.handleSumSec[2]': 50, 'type.answeredWithinTarget[2]': 1,
      'group.handled[0]': 2, 'group.handleSumSec[0]': 50,
    });
  });

  it('answerAtTier adds to its tier and to the group, never to the channel', () => {
    const r = recorder();
    r.answerAtTier(1, 1, 2, 7, 300, true); // tier 2; group 1 × iv 2 = 5
    r.answerAtTier(2, 0, 0, 50, 100, false); // tier 3; group 0 × iv 0 = 0
    r.answerAtTier(1, 1, 2, 3, 20, false);
    expect(nonZero(r)).toEqual({
      'tier.handled[1]': 2, 'tier.waitSumSec[1]': 10, 'tier.handleSumSec[1]': 320, 'tier.withinTarget[1]': 1,
      'tier.handled[2]': 1, 'tier.waitSumSec[2]': 50, 'tier.handleSumSec[2]': 100,
      'group.handled[5]': 2, 'group.handleSumSec[5]': 320, 'group.handled[0]': 1, 'group.handleSumSec[0]': 100,
    });
  });

  it('resolveDeferred counts a resolution within target at the channel and type', () => {
    const r = recorder();
    r.resolveDeferred(1, 1, 0); // [4]; type 1
    r.resolveDeferred(0, 2, 0); // [2]
    expect(nonZero(r)).toEqual({ 'channel.answeredWithinTarget[4]': 1, 'type.answeredWithinTarget[1]': 1, 'channel.answeredWithinTarget[2]': 1 });
  });

  it('abandon adds the abandonment, its wait and a short abandon', () => {
    const r = recorder();
    r.abandon(1, 2, 1, 25, false); // [5]; type 2
    r.abandon(0, 0, 0, 8, true); // [0]
    r.abandon(1, 0, 0, 3, true); // [3]; type 1
    expect(nonZero(r)).toEqual({
      'channel.abandoned[5]': 1, 'channel.abandonWaitSumSec[5]': 25, 'type.abandoned[2]': 1,
      'channel.abandoned[0]': 1, 'channel.abandonWaitSumSec[0]': 8, 'channel.abandonedWithinTarget[0]': 1,
      'channel.abandoned[3]': 1, 'channel.abandonWaitSumSec[3]': 3, 'channel.abandonedWithinTarget[3]': 1,
      'type.abandoned[1]': 1, 'type.abandonedWithinTarget[1]': 1,
    });
  });
});

describe('Recorder: time counters', () => {
  it('busy splits a period by interval, clips it to [0, horizon) and files it by group and channel', () => {
    const r = recorder();
    r.busy(1, 0, 10, 60); // (1·2 + 0)·3 + 0 = 6: 50
    r.busy(0, 1, 150, 250); // (0·2 + 1)·3 = 3: iv 1 += 50, iv 2 += 50
    r.busy(0, 0, -50, 30); // clipped at 0: [0] += 30
    r.busy(1, 1, -80, -10); // all in the warm-up: nothing
    r.busy(1, 1, 280, 400); // (1·2 + 1)·3 + 2 = 11: 20
    r.busy(0, 1, 300, 350); // after the horizon: nothing
    r.busy(1, 0, 100, 200); // exactly interval 1: [7] += 100
    r.busy(1, 0, 0, 300); // [6], [7], [8] += 100 each
    r.busy(0, 0, 90, 90); // empty: nothing
    expect(nonZero(r)).toEqual({
      'busy.sec[6]': 150, 'busy.sec[7]': 200, 'busy.sec[8]': 100,
      'busy.sec[4]': 50, 'busy.sec[5]': 50, 'busy.sec[0]': 30, 'busy.sec[11]': 20,
    });
  });

  it('available, scheduled, overtime and session time are split by interval and clipped the same way', () => {
    const r = recorder();
    r.available(1, -30, 250); // group 1: [3] 100, [4] 100, [5] 50
    r.available(0, 300, 400); // after the horizon: nothing
    r.available(0, -100, 0); // warm-up: nothing
    r.scheduled(0, 50, 450); // [0] 50, [1] 100, [2] 100
    r.scheduled(1, 120, 120); // empty: nothing
    r.overtime(1, 299, 301); // [5] 1
    r.overtime(0, 110, 130); // [1] 20
    r.session(1, 120, 130); // channel 1 × iv 1 = 4: 10
    r.session(0, 50, 210); // [0] 50, [1] 100, [2] 10
    expect(nonZero(r)).toEqual({
      'group.availableSec[3]': 100, 'group.availableSec[4]': 100, 'group.availableSec[5]': 50,
      'group.scheduledSec[0]': 50, 'group.scheduledSec[1]': 100, 'group.scheduledSec[2]': 100,
      'group.overtimeSec[5]': 1, 'group.overtimeSec[1]': 20,
      'channel.sessionSec[4]': 10, 'channel.sessionSec[0]': 50, 'channel.sessionSec[1]': 100, 'channel.sessionSec[2]': 10,
    });
  });

  it('integrates the live queue over each interval and keeps the maxima, the inherited queue and backlog included', () => {
    const r = recorder();
    r.liveQueue(0, -20, 2); // warm-up: nothing recorded, the level is kept
    r.backlogLevel(1, 6); // warm-up: nothing
    r.openInterval(0, 0, Float64Array.from([2, 0]), Float64Array.from([0, 4])); // max[0] 2; backlogMax[3] 4
    r.liveQueue(0, 30, 3); // area[0] += 2·30 = 60; max[0] 3
    r.liveQueue(0, 50, 1); // area[0] += 3·20 = 60
    r.liveQueue(1, 40, 1); // area[3] += 0; max[3] 1
    r.liveQueue(1, 90, 0); // area[3] += 1·50 = 50
    r.backlogLevel(1, 2); // below 4: no change
    r.backlogLevel(0, 1); // backlogMax[0] 1
    r.openInterval(1, 100, Float64Array.from([1, 0]), Float64Array.from([0, 2])); // area[0] += 1·50 = 50 (170); max[1] 1; backlogMax[4] 2
    r.liveQueue(0, 160, 0); // area[1] += 1·60 = 60
    r.openInterval(2, 200, Float64Array.from([0, 0]), Float64Array.from([0, 0]));
    r.liveQueue(1, 210, 5); // max[5] 5
    r.liveQueue(1, 260, 0); // area[5] += 5·50 = 250
    r.liveQueue(0, 250, 2); // max[2] 2
    r.openInterval(3, 300, Float64Array.from([7, 7]), Float64Array.from([9, 9])); // the day ends: area[2] += 2·50 = 100, nothing inherited
    r.liveQueue(0, 350, 4); // after the horizon: nothing
    r.backlogLevel(1, 10);
    expect(nonZero(r)).toEqual({
      'channel.maxQueue[0]': 3, 'channel.maxQueue[1]': 1, 'channel.maxQueue[2]': 2, 'channel.maxQueue[3]': 1, 'channel.maxQueue[5]': 5,
      'channel.queueAreaSec[0]': 170, 'channel.queueAreaSec[1]': 60, 'channel.queueAreaSec[2]': 100,
      'channel.queueAreaSec[3]': 50, 'channel.queueAreaSec[5]': 250,
      'channel.backlogMax[0]': 1, 'channel.backlogMax[3]': 4, 'channel.backlogMax[4]': 2,
    });
  });
});

describe('Recorder: finishing a replication', () => {
  it('derives single-type and tier-1 counters from the channel counters and reads the wait percentiles', () => {
    const r = recorder();
    // Channel 0 (live, one type): interval 0 answers with waits 0, 0, 5, 12 s; interval 1 one
    // with 20 s; handle 10 s each. Offered 4 + 1; one short abandon (6 s) in interval 2; two
    // queued; one escalation; one repeat.
    for (const w of [0, 0, 5, 12]) { r.offer(0, 0, 0); r.answer(0, 0, 0, 0, w, 10, true); }
    r.offer(0, 1, 0); r.answer(0, 1, 0, 1, 20, 10, true);
    r.abandon(0, 2, 0, 6, true);
    r.queue(0, 0, 0); r.queue(0, 1, 0);
    r.escalation(1, 0, 0, 0);
    r.repeat(0, 1, 0);
    // Channel 1 (deferred, two types): one of each type offered in interval 0, answered after
    // 0 and 10 s (handle 60 s each, not judged at the answer), one pending.
    r.offer(1, 0, 0); r.answer(1, 0, 0, 1, 0, 60, false);
    r.offer(1, 0, 1); r.answer(1, 0, 1, 1, 10, 60, false);
    r.pending(1, 0, 1);
    const out = r.finish(meta);
    expect(out).toMatchObject({ replication: 3, seed: 9, events: 42, contacts: 7, channelCount: 2, groupCount: 2, intervalCount: 3, typeCount: 3 });
    expect(Array.from(out.waitingAtEnd)).toEqual([0, 1]);
    const type = (name: keyof typeof out.type): number[] => Array.from(out.type[name]);
    // Type 0 = channel 0's sums; types 1 and 2 as counted.
    expect(type('offered')).toEqual([5, 1, 1]);
    expect(type('handled')).toEqual([5, 1, 1]);
    expect(type('abandoned')).toEqual([1, 0, 0]);
    expect(type('answeredWithinTarget')).toEqual([5, 0, 0]);
    expect(type('abandonedWithinTarget')).toEqual([1, 0, 0]);
    expect(type('queued')).toEqual([2, 0, 0]);
    expect(type('waitSumSec')).toEqual([0 + 0 + 5 + 12 + 20, 0, 10]);
    expect(type('handleSumSec')).toEqual([50, 60, 60]);
    expect(type('escalated')).toEqual([1, 0, 0]);
    expect(type('repeats')).toEqual([1, 0, 0]);
    expect(type('pending')).toEqual([0, 0, 1]);
    // Tier 1 = every channel's sums; resolved = handled − escalated = 7 − 1.
    const tier = (name: keyof typeof out.tier): number[] => Array.from(out.tier[name]);
    expect(tier('entered')).toEqual([7, 1, 0]);
    expect(tier('handled')).toEqual([7, 0, 0]);
    expect(tier('abandoned')).toEqual([1, 0, 0]);
    expect(tier('withinTarget')).toEqual([5, 0, 0]);
    expect(tier('abandonedWithinTarget')).toEqual([1, 0, 0]);
    expect(tier('waitSumSec')).toEqual([47, 0, 0]);
    expect(tier('handleSumSec')).toEqual([170, 0, 0]);
    expect(tier('pending')).toEqual([1, 0, 0]);
    expect(tier('escalated')).toEqual([1, 0, 0]);
    expect(tier('resolved')).toEqual([6, 0, 0]);
    // Percentiles (p50, p90, p95, p99; the count at a percentile rounded up):
    // channel 0 interval 0: {0, 0, 5, 12}: p50 = 2nd = 0, p90..p99 = 4th = 12;
    // interval 1: {20}; interval 2: nobody answered (NaN);
    // channel 1 interval 0: {0, 10}: p50 = 1st = 0, p90.. = 2nd = 10.
    expect(Array.from(out.waitPctInterval)).toEqual([0, 12, 12, 12, 20, 20, 20, 20, NaN, NaN, NaN, NaN, 0, 10, 10, 10, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN]);
    // Channel 0 over the day: {0, 0, 5, 12, 20}: p50 = 3rd = 5, p90 (4.5 → 5th) .. = 20.
    expect(Array.from(out.waitPctChannel)).toEqual([5, 20, 20, 20, 0, 10, 10, 10]);
    // One live channel and one deferred: each its own channel's figures.
    expect(Array.from(out.waitPctOverall)).toEqual([5, 20, 20, 20]);
    expect(Array.from(out.waitPctDeferred)).toEqual([0, 10, 10, 10]);
  });

  it('merges the live channels\' waits for the whole center, and has no deferred figure without deferred work', () => {
    const r = recorder([0, 0]);
    // Channel 0: {0, 0, 5, 12} in interval 0; channel 1: {20} in interval 2.
    for (const w of [0, 0, 5, 12]) r.answer(0, 0, 0, 0, w, 10, true);
    r.answer(1, 2, 0, 0, 20, 10, false);
    const out = r.finish(meta);
    expect(Array.from(out.waitPctChannel)).toEqual([0, 12, 12, 12, 20, 20, 20, 20]);
    // Merged {0, 0, 5, 12, 20}: p50 = 3rd = 5, p90 = 5th = 20.
    expect(Array.from(out.waitPctOverall)).toEqual([5, 20, 20, 20]);
    expect(Array.from(out.waitPctDeferred).every(Number.isNaN)).toBe(true);
  });
});

describe('the counter families’ shape', () => {
  it('keeps every family an object of fast properties, not a hash table (the kernel reads them by name on every contact)', () => {
    // V8 only tells with --allow-natives-syntax, so the built recorder is asked in a child process.
    const script = `
      import { Recorder } from ${JSON.stringify(new URL('../../dist/engine/recorder.js', import.meta.url).href)};
      import { WaitHistograms } from ${JSON.stringify(new URL('../../dist/engine/waitHistograms.js', import.meta.url).href)};
      const r = new Recorder(2, 2, 3, 100, Int32Array.from([1, 2]), Uint8Array.from([0, 1]), new WaitHistograms(2, 3));
      console.log(JSON.stringify([r.channel, r.type, r.tier, r.group].map((o) => %HasFastProperties(o))));`;
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([true, true, true, true]);
  });
});
