// The FIFO rings with lazy removal (engine/stampedRing.ts, engine/agentRing.ts): a model-based
// fast-check property against a plain array for any interleaving of operations, and scripted
// cases whose answers are written out by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgentRing } from '../../engine/agentRing.js';
import { StampedRing } from '../../engine/stampedRing.js';

type Entry = { id: number; stamp: number };

/** A ring that shows its storage: slots allocated and the slot of the head. */
class ProbedRing extends StampedRing {
  get capacity(): number {
    return this.mask + 1;
  }
  get headSlot(): number {
    return this.head;
  }
}

function entries(ring: StampedRing): Entry[] {
  const out: Entry[] = [];
  ring.forEach((id, stamp) => out.push({ id, stamp }));
  return out;
}

describe('StampedRing', () => {
  it('is a FIFO of (id, stamp) for any interleaving of pushes and shifts, growing past any capacity', () => {
    const op = fc.oneof(
      fc.record({ op: fc.constant('push' as const), id: fc.integer({ min: 0, max: 1000 }), stamp: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ op: fc.constant('shift' as const) }),
      fc.record({ op: fc.constant('reset' as const) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.array(op, { maxLength: 200 }), (capacity, ops) => {
        const ring = new StampedRing(capacity);
        const model: Entry[] = [];
        for (const o of ops) {
          if (o.op === 'push') {
            ring.push(o.id, o.stamp);
            model.push({ id: o.id, stamp: o.stamp });
          } else if (o.op === 'reset') {
            ring.reset();
            model.length = 0;
          } else if (model.length > 0) {
            expect([ring.headId(), ring.headStamp()]).toEqual([model[0]!.id, model[0]!.stamp]);
            ring.shift();
            model.shift();
          }
          expect(ring.length).toBe(model.length);
          expect(entries(ring)).toEqual(model);
        }
      }),
    );
  });

  it('keeps order across the wrap-around and a doubling: capacity 4, push 1 2 3, shift, push 4 5 6', () => {
    const ring = new StampedRing(3); // rounded up to 4
    ring.push(1, 10);
    ring.push(2, 20);
    ring.push(3, 30);
    ring.shift(); // drops 1; the head is now slot 1
    ring.push(4, 40); // slot 3
    ring.push(5, 50); // slot 0 (wrapped): the ring is full with 2 3 4 5
    ring.push(6, 60); // doubles to 8, unwrapping into 2 3 4 5 6
    expect(entries(ring)).toEqual([
      { id: 2, stamp: 20 },
      { id: 3, stamp: 30 },
      { id: 4, stamp: 40 },
      { id: 5, stamp: 50 },
      { id: 6, stamp: 60 },
    ]);
    expect([ring.headId(), ring.headStamp(), ring.length]).toEqual([2, 20, 5]);
  });

  it('rounds the capacity up to a power of two: 0 → 1, 1 → 1, 2 → 2, 3 → 4, 4 → 4, 5 → 8, 64 → 64', () => {
    expect([0, 1, 2, 3, 4, 5, 64].map((c) => new ProbedRing(c).capacity)).toEqual([1, 1, 2, 4, 4, 8, 64]);
  });

  it('doubles only when full: capacity 4 holds 4 entries, the fifth doubles it to 8, the ninth to 16', () => {
    const ring = new ProbedRing(4);
    const sizes: number[] = [];
    for (let id = 0; id < 9; id++) {
      ring.push(id, id);
      sizes.push(ring.capacity);
    }
    expect(sizes).toEqual([4, 4, 4, 4, 8, 8, 8, 8, 16]);
    expect(entries(ring).map((e) => e.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('does not double while shifts keep room: capacity 2, push push shift push shift push stays at 2, wrapping', () => {
    const ring = new ProbedRing(2);
    ring.push(1, 1);
    ring.push(2, 2);
    ring.shift();
    ring.push(3, 3); // slot 0
    ring.shift();
    ring.push(4, 4); // slot 1
    expect(ring.capacity).toBe(2);
    expect([ring.headSlot, ring.length]).toEqual([0, 2]);
    expect(entries(ring)).toEqual([{ id: 3, stamp: 3 }, { id: 4, stamp: 4 }]);
  });

  it('lays the entries out from slot 0 after a doubling, the head included', () => {
    const ring = new ProbedRing(2);
    ring.push(1, 1);
    ring.push(2, 2);
    ring.shift(); // head at slot 1
    ring.push(3, 3); // slot 0: full
    ring.push(4, 4); // doubles: 2 3 4 in slots 0 1 2
    expect([ring.capacity, ring.headSlot, ring.headId(), ring.headStamp()]).toEqual([4, 0, 2, 2]);
  });

  it('after reset keeps its capacity and starts again from slot 0, like a new ring', () => {
    const ring = new ProbedRing(2);
    ring.push(1, 1);
    ring.push(2, 2);
    ring.push(3, 3); // capacity 4
    ring.shift(); // head at slot 1
    ring.reset();
    expect([ring.capacity, ring.headSlot, ring.length]).toEqual([4, 0, 0]);
  });

  it('starts empty again after reset', () => {
    const ring = new StampedRing(2);
    ring.push(7, 1);
    ring.push(8, 2);
    ring.shift();
    ring.reset();
    expect(ring.length).toBe(0);
    ring.push(9, 3);
    expect(entries(ring)).toEqual([{ id: 9, stamp: 3 }]);
  });
});

describe('AgentRing', () => {
  /** Agents 0..5 with their current stamps; an entry is valid while its stamp is the agent's. */
  const AGENTS = 6;

  it('peekValid, firstValidOn and validAgents agree with a scan of the model for any history', () => {
    const op = fc.oneof(
      fc.record({ op: fc.constant('join' as const), agent: fc.integer({ min: 0, max: AGENTS - 1 }) }),
      fc.record({ op: fc.constant('leave' as const), agent: fc.integer({ min: 0, max: AGENTS - 1 }) }),
      fc.record({ op: fc.constant('take' as const), channel: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ op: fc.constant('switch' as const), agent: fc.integer({ min: 0, max: AGENTS - 1 }), channel: fc.integer({ min: 0, max: 2 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 150 }), (ops) => {
        const ring = new AgentRing(2);
        const stamp = new Float64Array(AGENTS);
        const sessionChannel = new Int32Array(AGENTS);
        const model: Entry[] = [];
        const valid = (): number[] => model.filter((e) => e.stamp === stamp[e.id]).map((e) => e.id);
        for (const o of ops) {
          if (o.op === 'join') {
            // A joining agent gets a new stamp, so any older entry of it is stale.
            stamp[o.agent]++;
            ring.push(o.agent, stamp[o.agent]);
            model.push({ id: o.agent, stamp: stamp[o.agent] });
          } else if (o.op === 'leave') {
            stamp[o.agent]++;
          } else if (o.op === 'switch') {
            sessionChannel[o.agent] = o.channel;
          } else {
            const want = valid().find((a) => sessionChannel[a] === o.channel) ?? -1;
            expect(ring.firstValidOn(stamp, sessionChannel, o.channel)).toBe(want);
          }
          expect(ring.validAgents(stamp)).toEqual(valid());
          expect(ring.peekValid(stamp)).toBe(valid()[0] ?? -1);
          // peekValid dropped the stale head entries: the ring's head is the first valid agent.
          while (model.length > 0 && model[0]!.stamp !== stamp[model[0]!.id]) model.shift();
          expect(ring.length).toBe(model.length);
        }
      }),
    );
  });

  it('gives the longest-waiting valid agent, dropping stale entries at the head: 3 (stale), 1, 4 → 1', () => {
    const ring = new AgentRing(4);
    const stamp = Float64Array.from([0, 5, 0, 2, 7]);
    ring.push(3, 1); // agent 3 has moved on to stamp 2: stale
    ring.push(1, 5);
    ring.push(4, 7);
    expect(ring.peekValid(stamp)).toBe(1);
    expect(ring.length).toBe(2);
    expect(ring.validAgents(stamp)).toEqual([1, 4]);
  });

  it('returns −1 and empties the ring when every entry is stale', () => {
    const ring = new AgentRing();
    const stamp = Float64Array.from([1, 1]);
    ring.push(0, 0);
    ring.push(1, 0);
    expect(ring.peekValid(stamp)).toBe(-1);
    expect(ring.length).toBe(0);
    expect(ring.firstValidOn(stamp, new Int32Array(2), 0)).toBe(-1);
  });

  it('finds the first valid agent on a channel past valid agents of another, keeping them, and skipping stale ones', () => {
    // Ring: 0 (channel 1), 1 (channel 0, stale), 2 (channel 0), 3 (channel 0).
    const ring = new AgentRing();
    const stamp = Float64Array.from([0, 9, 0, 0]);
    const sessionChannel = Int32Array.from([1, 0, 0, 0]);
    for (const a of [0, 1, 2, 3]) ring.push(a, 0);
    expect(ring.firstValidOn(stamp, sessionChannel, 0)).toBe(2);
    expect(ring.firstValidOn(stamp, sessionChannel, 1)).toBe(0);
    expect(ring.firstValidOn(stamp, sessionChannel, 2)).toBe(-1);
    expect(ring.length).toBe(4);
    expect(ring.validAgents(stamp)).toEqual([0, 2, 3]);
  });

  it('follows the ring across the wrap-around: head in the last slot, then slots 0 and 1', () => {
    // Capacity 4; after three shifts the head is slot 3 and the next entries go to slots 0, 1.
    const ring = new AgentRing(4);
    for (const a of [9, 9, 9, 0]) ring.push(a, 0);
    ring.shift();
    ring.shift();
    ring.shift();
    ring.push(1, 0); // slot 0
    ring.push(2, 0); // slot 1
    const stamp = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const sessionChannel = Int32Array.from([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(ring.firstValidOn(stamp, sessionChannel, 0)).toBe(1);
    expect(ring.validAgents(stamp)).toEqual([0, 1, 2]);
    stamp[1] = 5; // agent 1 leaves: its entry in slot 0 is stale
    expect(ring.firstValidOn(stamp, sessionChannel, 0)).toBe(2);
    stamp[0] = 5; // the head (slot 3) goes stale too: peekValid wraps to slot 0, then slot 1
    expect(ring.peekValid(stamp)).toBe(2);
    expect(ring.length).toBe(1);
  });

  it('never looks past the tail: an entry left over in the slot after it is not in the ring', () => {
    const ring = new AgentRing(4);
    ring.push(0, 0);
    ring.push(1, 0);
    ring.push(2, 0); // slot 2
    ring.reset();
    ring.push(0, 0);
    ring.push(1, 0); // slot 2 still holds agent 2's old entry, which would be valid on channel 0
    const stamp = new Float64Array(3);
    const sessionChannel = Int32Array.from([1, 1, 0]);
    expect(ring.firstValidOn(stamp, sessionChannel, 0)).toBe(-1);
    expect(ring.validAgents(stamp)).toEqual([0, 1]);
  });
});
