// The end-of-run conservation check (engine/conservation.ts) on hand-written totals: a
// balanced account passes and returns what still waits per channel; each broken equation,
// per channel and per tier, fails with a message naming the channel or tier and every term.
import { describe, expect, it } from 'vitest';
import { checkConservation } from '../../engine/conservation.js';
import { SimulationError } from '../../engine/errors.js';
import { ContactQueue } from '../../engine/queue.js';
import { routingOf } from '../../engine/routing.js';
import type { RunTotals } from '../../engine/workspace.js';
import { model } from '../support/model.js';

// Two channels of one type each; default tiers (2: transfer, 3: ticket). Per channel the
// queues are tier 1, tier 2, tier 3, callback (a tier-1 queue): voice 0–3, chat 4–7.
const m = model({ horizonSec: 3600, channels: [{ id: 'voice' }, { id: 'chat' }] });
const routing = routingOf(m);

/** Queues holding the given live counts, by queue index. */
function queuesWith(live: number[]): ContactQueue[] {
  return live.map((n) => {
    const q = new ContactQueue();
    q.live = n;
    return q;
  });
}

// voice: 2 waiting at tier 1 + 1 in its callback queue, 4 at tier 2, 5 at tier 3;
// chat: 6 in its callback queue, 1 at tier 2, 2 at tier 3.
const LIVE = [2, 4, 5, 1, 0, 1, 2, 6];

/**
 * A balanced account for LIVE: voice 41 = 7 + 4 blocked + 11 + 13 + 2 messages + 1 disconnected + 3, chat 30 = 1 + 20 + 3 + 6,
 * tier 2 17 = 9 + 2 + 1 disconnected + 5, tier 3 13 = 3 + 1 + 2 transfers dropped + 7; voice's 9 wrap-ups all ended.
 */
function balanced(): RunTotals {
  const z = (): Float64Array => new Float64Array(2);
  return {
    liveWaiting: z(), backlog: z(),
    arrived: Float64Array.from([41, 30]),
    deflected: Float64Array.from([7, 1]),
    blocked: Float64Array.from([4, 0]),
    answered: Float64Array.from([11, 20]),
    gaveUp: Float64Array.from([13, 3]),
    messages: Float64Array.from([2, 0]),
    disconnected: Float64Array.from([1, 0]),
    tierEntered: Float64Array.from([0, 17, 13]),
    tierAnswered: Float64Array.from([0, 9, 3]),
    tierGaveUp: Float64Array.from([0, 2, 1]),
    tierDisconnected: Float64Array.from([0, 1, 0]),
    tierTransferDisconnected: Float64Array.from([0, 0, 2]),
    wrapUpsBegun: Float64Array.from([9, 0]),
    wrapUpsEnded: Float64Array.from([9, 0]),
    conferencesBegun: Float64Array.from([3, 0]),
    conferencesEnded: Float64Array.from([3, 0]),
  };
}

function failure(t: RunTotals, nowSec: number): SimulationError {
  try {
    checkConservation(m, routing, queuesWith(LIVE), t, nowSec);
  } catch (e) {
    if (e instanceof SimulationError) return e;
    throw e;
  }
  throw new Error('conservation held');
}

describe('checkConservation', () => {
  it('lays the queues out as the tests assume: tier 1, 2, 3, callback per channel', () => {
    expect(Array.from(routing.queueChannel)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(Array.from(routing.queueTier)).toEqual([1, 2, 3, 1, 1, 2, 3, 1]);
  });

  it('passes a balanced account and returns what still waits per channel, every tier and callbacks included (voice 12, chat 9)', () => {
    const waiting = checkConservation(m, routing, queuesWith(LIVE), balanced(), 100);
    expect(waiting).toBeInstanceOf(Float64Array);
    expect(Array.from(waiting)).toEqual([2 + 4 + 5 + 1, 0 + 1 + 2 + 6]);
  });

  it('passes an empty run and returns zeros', () => {
    const t = balanced();
    for (const a of Object.values(t)) a.fill(0);
    expect(Array.from(checkConservation(m, routing, queuesWith([0, 0, 0, 0, 0, 0, 0, 0]), t, 0))).toEqual([0, 0]);
  });

  it('fails when a channel’s arrivals exceed its outcomes, naming the channel, every term and the simulated time', () => {
    const t = balanced();
    t.arrived[1] = 31;
    const e = failure(t, 3600.5);
    expect(e.message).toBe('conservation violated: channel "chat": arrived 31 ≠ deflected 1 + blocked 0 + answered 20 + abandoned 3 + messages 0 + disconnected 0 + waiting 6 (at simulated time 3600.500 s)');
    expect(e.simTimeSec).toBe(3600.5);
  });

  it('fails when a channel has more outcomes than arrivals (voice: one answer too many)', () => {
    const t = balanced();
    t.answered[0] = 12;
    expect(failure(t, 7).message).toBe('conservation violated: channel "voice": arrived 41 ≠ deflected 7 + blocked 4 + answered 12 + abandoned 13 + messages 2 + disconnected 1 + waiting 3 (at simulated time 7.000 s)');
  });

  it('does not let a contact waiting at tier 2 or 3 stand for a tier-1 arrival', () => {
    const t = balanced();
    t.arrived[0] = 41 + 4; // as if voice's 4 waiting at tier 2 still counted at tier 1
    expect(failure(t, 0).message).toContain('channel "voice": arrived 45 ≠ deflected 7 + blocked 4 + answered 11 + abandoned 13 + messages 2 + disconnected 1 + waiting 3');
  });

  it('fails when tier 2 does not balance, naming tier 2 and its terms', () => {
    const t = balanced();
    t.tierGaveUp[1] = 3;
    expect(failure(t, 60).message).toBe('conservation violated: tier 2: entered 17 ≠ answered 9 + abandoned 3 + disconnected 1 + transfers dropped 0 + waiting 5 (at simulated time 60.000 s)');
  });

  it('fails when tier 3 does not balance, naming tier 3 and its terms', () => {
    const t = balanced();
    t.tierEntered[2] = 14;
    expect(failure(t, 10).message).toBe('conservation violated: tier 3: entered 14 ≠ answered 3 + abandoned 1 + disconnected 0 + transfers dropped 2 + waiting 7 (at simulated time 10.000 s)');
  });

  it('counts the blocked: an arrival refused at the door is accounted for, and one too many is not', () => {
    const t = balanced();
    t.blocked[0] = 5;
    expect(failure(t, 1).message).toContain('channel "voice": arrived 41 ≠ deflected 7 + blocked 5 + answered 11');
  });

  it('counts the messages left at the maximum wait and the contacts disconnected at the close, and one too many of either is not', () => {
    const t = balanced();
    t.messages[0] = 3;
    expect(failure(t, 1).message).toContain('channel "voice": arrived 41 ≠ deflected 7 + blocked 4 + answered 11 + abandoned 13 + messages 3 + disconnected 1 + waiting 3');
    const u = balanced();
    u.disconnected[0] = 2;
    expect(failure(u, 1).message).toContain('+ messages 2 + disconnected 2 + waiting 3');
  });

  it('counts transfers disconnected at the close at their tier, and one too many is not', () => {
    const t = balanced();
    t.tierDisconnected[1] = 2;
    expect(failure(t, 5).message).toBe('conservation violated: tier 2: entered 17 ≠ answered 9 + abandoned 2 + disconnected 2 + transfers dropped 0 + waiting 5 (at simulated time 5.000 s)');
  });

  it('fails when a wrap-up begun has not ended (after-contact work lost), naming the channel and both counts', () => {
    const t = balanced();
    t.wrapUpsBegun[0] = 10;
    expect(failure(t, 2).message).toBe('conservation violated: channel "voice": wrap-ups begun 10 ≠ ended 9 (at simulated time 2.000 s)');
    const u = balanced();
    u.wrapUpsEnded[1] = 1;
    expect(failure(u, 2).message).toBe('conservation violated: channel "chat": wrap-ups begun 0 ≠ ended 1 (at simulated time 2.000 s)');
  });

  it('counts transfers dropped for want of an agent at their tier, and one too many is not', () => {
    const t = balanced();
    t.tierTransferDisconnected[1] = 1;
    expect(failure(t, 3).message).toBe('conservation violated: tier 2: entered 17 ≠ answered 9 + abandoned 2 + disconnected 1 + transfers dropped 1 + waiting 5 (at simulated time 3.000 s)');
  });

  it('fails when a conference’s second agent never left the call, naming the channel and both counts', () => {
    const t = balanced();
    t.conferencesEnded[0] = 2;
    expect(failure(t, 4).message).toBe('conservation violated: channel "voice": conferences begun 3 ≠ ended 2 (at simulated time 4.000 s)');
  });

  it('checks the channels before the tiers', () => {
    const t = balanced();
    t.tierEntered[1] = 0;
    t.deflected[0] = 0;
    expect(failure(t, 0).message).toMatch(/^conservation violated: channel "voice": arrived 41 ≠ deflected 0 \+ blocked 4 /);
  });
});
