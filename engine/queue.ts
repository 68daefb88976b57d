/**
 * A FIFO of contact slots as a ring buffer over an Int32Array (never `Array.shift`), doubling
 * when full. Contacts that abandon stay in the ring until they reach the head; `live` counts
 * the ones still waiting.
 */
export class ContactQueue {
  private ring: Int32Array;
  private mask: number;
  private head = 0;
  /** Slots in the ring, abandoned ones included. */
  length = 0;
  /** Contacts still waiting. */
  live = 0;

  constructor(capacity = 256) {
    let cap = 1;
    while (cap < capacity) cap <<= 1;
    this.ring = new Int32Array(cap);
    this.mask = cap - 1;
  }

  push(contact: number): void {
    if (this.length > this.mask) this.grow();
    this.ring[(this.head + this.length) & this.mask] = contact;
    this.length++;
    this.live++;
  }

  /** The slot at the head; the queue must not be empty. */
  peek(): number {
    return this.ring[this.head];
  }

  /** Drops the head slot. */
  shift(): void {
    this.head = (this.head + 1) & this.mask;
    this.length--;
  }

  private grow(): void {
    const next = new Int32Array(this.ring.length * 2);
    for (let i = 0; i < this.length; i++) next[i] = this.ring[(this.head + i) & this.mask];
    this.ring = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}
