// A contact queue (engine/queue.ts): a stamped FIFO that also counts the contacts really
// waiting. The count goes up on each push and back to zero on reset; taking a contact out
// (answer, abandon, callback) is the kernel's to count down, never the queue's.
import { describe, expect, it } from 'vitest';
import { ContactQueue } from '../../engine/queue.js';

function entries(q: ContactQueue): [number, number][] {
  const out: [number, number][] = [];
  q.forEach((c, token) => out.push([c, token]));
  return out;
}

describe('ContactQueue', () => {
  it('starts empty, with no live contact', () => {
    const q = new ContactQueue();
    expect([q.length, q.live]).toEqual([0, 0]);
  });

  it('counts one live contact per push, in FIFO order of (contact, token)', () => {
    const q = new ContactQueue(2);
    q.push(7, 100);
    q.push(3, 101);
    q.push(9, 102); // past the capacity of 2: the ring doubles
    expect(q.live).toBe(3);
    expect(q.length).toBe(3);
    expect(entries(q)).toEqual([[7, 100], [3, 101], [9, 102]]);
    expect([q.headId(), q.headStamp()]).toEqual([7, 100]);
  });

  it('leaves the live count alone when an entry is shifted off (the kernel counts the leaving contact)', () => {
    const q = new ContactQueue();
    q.push(1, 10);
    q.push(2, 11);
    q.shift();
    expect(q.length).toBe(1);
    expect(q.live).toBe(2);
  });

  it('empties the ring and zeroes the live count on reset, and counts afresh after it', () => {
    const q = new ContactQueue();
    q.push(1, 10);
    q.push(2, 11);
    q.live--; // one has left by another way, as the kernel records it
    q.reset();
    expect([q.length, q.live]).toEqual([0, 0]);
    expect(entries(q)).toEqual([]);
    q.push(5, 12);
    expect([q.length, q.live]).toEqual([1, 1]);
    expect(entries(q)).toEqual([[5, 12]]);
  });
});
