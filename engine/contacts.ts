/**
 * The contacts in the system, as a pool of slots in parallel typed arrays (no object per
 * contact). A slot is taken on arrival and given back when the contact leaves; the pool
 * doubles when full, which happens a handful of times per run at most.
 */
export const ContactState = {
  Free: 0,
  Waiting: 1,
  InService: 2,
  /** Gave up while queued; the slot is freed when the queue reaches it (lazy removal). */
  Abandoned: 3,
} as const;

export class ContactPool {
  arrivalSec: Float64Array;
  handleSec: Float64Array;
  patienceSec: Float64Array;
  /** Sequence number of the pending abandonment event (lazy cancellation token). */
  abandonSeq: Float64Array;
  channel: Int32Array;
  /** Interval of arrival in the recorded day; −1 for warm-up arrivals (not recorded). */
  interval: Int32Array;
  state: Uint8Array;
  private free: Int32Array;
  private freeTop: number;
  /** Slots in use. */
  inUse = 0;

  constructor(capacity = 1024) {
    this.arrivalSec = new Float64Array(capacity);
    this.handleSec = new Float64Array(capacity);
    this.patienceSec = new Float64Array(capacity);
    this.abandonSeq = new Float64Array(capacity);
    this.channel = new Int32Array(capacity);
    this.interval = new Int32Array(capacity);
    this.state = new Uint8Array(capacity);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeTop = capacity;
  }

  take(): number {
    if (this.freeTop === 0) this.grow();
    this.inUse++;
    return this.free[--this.freeTop];
  }

  release(c: number): void {
    this.state[c] = ContactState.Free;
    this.free[this.freeTop++] = c;
    this.inUse--;
  }

  private grow(): void {
    const old = this.state.length;
    const cap = old * 2;
    const f64 = (a: Float64Array): Float64Array => { const b = new Float64Array(cap); b.set(a); return b; };
    const i32 = (a: Int32Array): Int32Array => { const b = new Int32Array(cap); b.set(a); return b; };
    this.arrivalSec = f64(this.arrivalSec);
    this.handleSec = f64(this.handleSec);
    this.patienceSec = f64(this.patienceSec);
    this.abandonSeq = f64(this.abandonSeq);
    this.channel = i32(this.channel);
    this.interval = i32(this.interval);
    const st = new Uint8Array(cap); st.set(this.state); this.state = st;
    this.free = new Int32Array(cap);
    for (let i = old; i < cap; i++) this.free[this.freeTop++] = cap - 1 - (i - old);
  }
}
