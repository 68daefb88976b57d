/**
 * A FIFO ring buffer of (id, stamp) entries, doubling when full (never `Array.shift`), for
 * lazy removal: an entry records the stamp its id had when it joined; an id that left by
 * another way gets a new stamp, so its old entry is recognised as stale when it reaches the
 * head and dropped there instead of being searched for. Contact queues (stamp: the contact's
 * token) and rings of idle agents (stamp: the agent's availability stamp) are both this.
 */
export class StampedRing {
  protected ids: Int32Array;
  protected stamps: Float64Array;
  protected mask: number;
  protected head = 0;
  /** Entries in the ring, stale ones included. */
  length = 0;

  constructor(capacity: number) {
    let cap = 1;
    while (cap < capacity) cap <<= 1;
    this.ids = new Int32Array(cap);
    this.stamps = new Float64Array(cap);
    this.mask = cap - 1;
  }

  reset(): void {
    this.head = 0;
    this.length = 0;
  }

  push(id: number, stamp: number): void {
    if (this.length > this.mask) this.grow();
    const i = (this.head + this.length) & this.mask;
    this.ids[i] = id;
    this.stamps[i] = stamp;
    this.length++;
  }

  /** Id at the head (the ring must not be empty). */
  headId(): number {
    return this.ids[this.head];
  }

  /** Stamp of the head entry (the ring must not be empty). */
  headStamp(): number {
    return this.stamps[this.head];
  }

  /** Drops the head entry, stale or not. */
  shift(): void {
    this.head = (this.head + 1) & this.mask;
    this.length--;
  }

  /** Calls `f(id, stamp)` for each entry from the head, stale ones included. */
  forEach(f: (id: number, stamp: number) => void): void {
    for (let i = 0; i < this.length; i++) {
      const k = (this.head + i) & this.mask;
      f(this.ids[k], this.stamps[k]);
    }
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const ids = new Int32Array(cap);
    const stamps = new Float64Array(cap);
    for (let i = 0; i < this.length; i++) {
      const k = (this.head + i) & this.mask;
      ids[i] = this.ids[k];
      stamps[i] = this.stamps[k];
    }
    this.ids = ids;
    this.stamps = stamps;
    this.mask = cap - 1;
    this.head = 0;
  }
}
