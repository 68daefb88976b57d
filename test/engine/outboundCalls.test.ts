// The outbound call pool (engine/outboundCalls.ts), by its contract: a pool of `capacity` slots
// hands each out once before it grows; when full its arrays double, keeping what every slot held;
// a taken slot is ringing with no agent yet (−1), a released one is free and is taken again
// before any other (last freed, first taken).
import { describe, expect, it } from 'vitest';
import { CallState, OutboundCalls } from '../../engine/outboundCalls.js';

const lengths = (p: OutboundCalls): number[] =>
  [p.campaign, p.agent, p.state, p.interval, p.reached, p.handleSec, p.abandonSeq, p.token].map((a) => a.length);

describe('the outbound call pool', () => {
  it('hands out each of its slots once, ringing, before it grows', () => {
    const pool = new OutboundCalls(4);
    const taken = [0, 1, 2, 3].map(() => pool.take());
    expect([...taken].sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
    expect(lengths(pool)).toEqual(Array(8).fill(4));
    expect(taken.map((c) => [pool.state[c], pool.agent[c]])).toEqual(Array(4).fill([CallState.Ringing, -1]));
  });

  it('doubles when full, keeping what each slot held, and hands out the new slots', () => {
    const pool = new OutboundCalls(4);
    const first = [0, 1, 2, 3].map(() => pool.take());
    first.forEach((c) => { pool.campaign[c] = 10 + c; pool.agent[c] = 20 + c; pool.handleSec[c] = 30 + c; pool.token[c] = 40 + c; });
    const more = [0, 1, 2, 3].map(() => pool.take());
    expect(lengths(pool)).toEqual(Array(8).fill(8));
    expect([...more].sort((a, b) => a - b)).toEqual([4, 5, 6, 7]);
    expect(first.map((c) => [pool.campaign[c], pool.agent[c], pool.handleSec[c], pool.token[c], pool.state[c]])).toEqual(
      first.map((c) => [10 + c, 20 + c, 30 + c, 40 + c, CallState.Ringing]),
    );
    expect(more.map((c) => pool.state[c])).toEqual(Array(4).fill(CallState.Ringing));
    pool.take();
    expect(lengths(pool)).toEqual(Array(8).fill(16));
  });

  it('frees a released slot and takes it again first, with no agent', () => {
    const pool = new OutboundCalls(4);
    const [a, b] = [pool.take(), pool.take()];
    pool.agent[a!] = 3;
    pool.agent[b!] = 5;
    pool.release(b!);
    pool.release(a!);
    expect([pool.state[a!], pool.state[b!]]).toEqual([CallState.Free, CallState.Free]);
    expect(pool.take()).toBe(a);
    expect(pool.agent[a!]).toBe(-1);
    expect(pool.take()).toBe(b);
    expect(pool.agent[b!]).toBe(-1);
    expect(lengths(pool)).toEqual(Array(8).fill(4));
  });
});
