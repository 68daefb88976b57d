// The contact slots (engine/contacts.ts): the named states, origins and flag bits; slots
// handed out lowest first and reused last-freed first; what take and release write; the
// doubling when full, which must carry every field over; and reset.
import { describe, expect, it } from 'vitest';
import { ContactPool, ContactState, Flag, Origin, OUTCOME_FLAGS } from '../../engine/contacts.js';

/** Every per-contact field, by array type (written out here, not read from the module). */
const F64 = [
  'arrivalSec', 'enqueueSec', 'token', 'abandonSeq', 'callbackSeq', 'overflowSeq', 'handle1Sec', 'handle2Sec', 'handle3Sec',
  'patienceSec', 'patience2Sec', 'patience3Sec', 'serviceStartSec', 'retrialDelaySec', 'repeatDelaySec',
] as const;
const I32 = ['channel', 'type', 'tier', 'queue', 'interval', 'agent', 'flags', 'origin', 'overflowStep'] as const;

const takeN = (pool: ContactPool, n: number): number[] => Array.from({ length: n }, () => pool.take());

describe('contact constants', () => {
  it('names the states Free 0, Waiting 1, InService 2, Pending 3', () => {
    expect(ContactState).toEqual({ Free: 0, Waiting: 1, InService: 2, Pending: 3 });
  });

  it('names the origins Fresh 0, Retrial 1, Repeat 2, DeflectionReturn 3, Backlog 4', () => {
    expect(Origin).toEqual({ Fresh: 0, Retrial: 1, Repeat: 2, DeflectionReturn: 3, Backlog: 4 });
  });

  it('gives each flag its own bit, and the outcome flags are escalation to tier 2 or 3, repeating, holding a line and a wrap-up (1 + 2 + 4 + 128 + 256)', () => {
    expect(Flag).toEqual({ EscalatesToTier2: 1, EscalatesToTier3: 2, Repeats: 4, AcceptsCallback: 8, Retries: 16, Overflowed: 32, Queued: 64, HoldsLine: 128, WrapsUp: 256, Conferences: 512 });
    expect(OUTCOME_FLAGS).toBe(391);
  });
});

describe('ContactPool', () => {
  it('hands out slots lowest first and counts them in use', () => {
    const pool = new ContactPool(4);
    expect(takeN(pool, 4)).toEqual([0, 1, 2, 3]);
    expect(pool.inUse).toBe(4);
    expect(pool.state.length).toBe(4);
  });

  it('reuses the slot freed last first, and counts it out of use', () => {
    const pool = new ContactPool(4);
    takeN(pool, 3);
    pool.release(1);
    pool.release(0);
    expect(pool.inUse).toBe(1);
    expect(takeN(pool, 3)).toEqual([0, 1, 3]);
    expect(pool.inUse).toBe(4);
  });

  it('marks a released slot Free with token −1 (so no queue entry or timer matches it)', () => {
    const pool = new ContactPool(2);
    const c = pool.take();
    pool.state[c] = ContactState.Waiting;
    pool.token[c] = 17;
    pool.release(c);
    expect(pool.state[c]).toBe(ContactState.Free);
    expect(pool.token[c]).toBe(-1);
  });

  it('clears the flags and the overflow step of a slot it hands out again', () => {
    const pool = new ContactPool(2);
    const c = pool.take();
    pool.flags[c] = Flag.Queued | Flag.Repeats;
    pool.overflowStep[c] = 3;
    pool.release(c);
    expect(pool.take()).toBe(c);
    expect([pool.flags[c], pool.overflowStep[c]]).toEqual([0, 0]);
  });

  it('doubles when full (4 → 8 → 16), handing out the new slots lowest first', () => {
    const pool = new ContactPool(4);
    expect(takeN(pool, 4)).toEqual([0, 1, 2, 3]);
    expect(pool.take()).toBe(4);
    expect(pool.state.length).toBe(8);
    expect(takeN(pool, 3)).toEqual([5, 6, 7]);
    expect(pool.state.length).toBe(8);
    expect(pool.take()).toBe(8);
    expect(pool.state.length).toBe(16);
    expect(pool.inUse).toBe(9);
  });

  it('keeps every field of the slots in use across a doubling, and gives every field the new length', () => {
    const pool = new ContactPool(2);
    takeN(pool, 2);
    F64.forEach((f, i) => { pool[f][1] = 0.5 + i; });
    I32.forEach((f, i) => { pool[f][1] = 100 + i; });
    pool.state[1] = ContactState.InService;
    pool.take(); // slot 2: the pool doubles to 4
    F64.forEach((f, i) => {
      expect(pool[f]).toBeInstanceOf(Float64Array);
      expect([f, pool[f].length, pool[f][1]]).toEqual([f, 4, 0.5 + i]);
    });
    // Flags and overflow step of slot 1 survive too: only the slot handed out is cleared.
    I32.forEach((f, i) => {
      expect(pool[f]).toBeInstanceOf(Int32Array);
      expect([f, pool[f].length, pool[f][1]]).toEqual([f, 4, 100 + i]);
    });
    expect(pool.state).toBeInstanceOf(Uint8Array);
    expect([pool.state.length, pool.state[1]]).toEqual([4, ContactState.InService]);
  });

  it('can write and read every field of a slot past the old capacity', () => {
    const pool = new ContactPool(1);
    takeN(pool, 2); // slot 1 lives in the doubled arrays
    for (const f of [...F64, ...I32]) {
      pool[f][1] = 9;
      expect([f, pool[f][1]]).toEqual([f, 9]);
    }
  });

  it('after a doubling, takes back every slot released: 8 released, 8 taken again without growing', () => {
    const pool = new ContactPool(4);
    takeN(pool, 8);
    for (let c = 0; c < 8; c++) pool.release(c);
    expect(pool.inUse).toBe(0);
    expect(takeN(pool, 8)).toEqual([7, 6, 5, 4, 3, 2, 1, 0]);
    expect(pool.state.length).toBe(8);
  });

  it('reset frees every slot, keeps the grown capacity, marks every slot Free and hands out from 0 again', () => {
    const pool = new ContactPool(2);
    takeN(pool, 3); // capacity 4
    pool.state.fill(ContactState.Waiting);
    pool.release(0);
    pool.reset();
    expect(pool.inUse).toBe(0);
    expect(Array.from(pool.state)).toEqual([0, 0, 0, 0]);
    expect(takeN(pool, 4)).toEqual([0, 1, 2, 3]);
    expect(pool.state.length).toBe(4);
    expect(pool.take()).toBe(4);
    expect(pool.state.length).toBe(8);
  });
});
