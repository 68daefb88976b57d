/**
 * A FIFO of contacts as a ring buffer (never `Array.shift`), doubling when full. Each entry
 * carries the token the contact had when it joined; a contact that left the queue another way
 * (abandoned, took a callback, got answered by an overflow group) gets a new token, so its
 * old entry is recognised as stale when it reaches the head and skipped (lazy removal).
 */
export class ContactQueue {
  private contacts: Int32Array;
  private tokens: Float64Array;
  private mask: number;
  private head = 0;
  /** Entries in the ring, stale ones included. */
  length = 0;
  /** Contacts really waiting here. */
  live = 0;

  constructor(capacity = 64) {
    let cap = 1;
    while (cap < capacity) cap <<= 1;
    this.contacts = new Int32Array(cap);
    this.tokens = new Float64Array(cap);
    this.mask = cap - 1;
  }

  reset(): void {
    this.head = 0;
    this.length = 0;
    this.live = 0;
  }

  push(contact: number, token: number): void {
    if (this.length > this.mask) this.grow();
    const i = (this.head + this.length) & this.mask;
    this.contacts[i] = contact;
    this.tokens[i] = token;
    this.length++;
    this.live++;
  }

  /** Contact at the head (the queue must not be empty). */
  headContact(): number {
    return this.contacts[this.head];
  }

  headToken(): number {
    return this.tokens[this.head];
  }

  /** Drops the head entry (stale or not; `live` is the caller's to keep). */
  shift(): void {
    this.head = (this.head + 1) & this.mask;
    this.length--;
  }

  /** Calls `f(contact, token)` for each entry from the head, stale ones included. */
  forEach(f: (contact: number, token: number) => void): void {
    for (let i = 0; i < this.length; i++) {
      const k = (this.head + i) & this.mask;
      f(this.contacts[k], this.tokens[k]);
    }
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const c = new Int32Array(cap);
    const t = new Float64Array(cap);
    for (let i = 0; i < this.length; i++) {
      const k = (this.head + i) & this.mask;
      c[i] = this.contacts[k];
      t[i] = this.tokens[k];
    }
    this.contacts = c;
    this.tokens = t;
    this.mask = cap - 1;
    this.head = 0;
  }
}
