/**
 * The event calendar: a binary min-heap over parallel typed arrays, totally ordered by
 * (time, event priority, sequence number). Ties are never broken at random (STYLE habit 2):
 * at one instant, events run in the order of `EventPriority`, then in the order scheduled.
 *
 * Cancellation is lazy: `schedule` returns the event's sequence number; an owner that no
 * longer wants an event (a waiting contact that got answered before its patience ran out)
 * forgets that number, and when the stale event surfaces the kernel sees the mismatch and
 * drops it. This costs no more than indexed removal and keeps the heap code small.
 *
 * Most events schedule one successor (an arrival the next arrival, a finish the agent's next
 * finish), so `pop()` leaves the root slot empty and the next `schedule()` fills it with one
 * sift-down, instead of a sift-down to remove and a sift-up to insert.
 */

/**
 * What happens first when several events share one instant (lower runs first). Each rule is
 * tested by name in test/engine/calendar.test.ts.
 */
export const EventPriority = {
  /** An interval boundary comes first: the backlog is sampled as the interval closes, before the next one begins. */
  Boundary: 0,
  /** Staffing changes come next, so agents starting at t can take work at t. */
  Staffing: 1,
  /** A channel opening (open hours) after staffing: idle agents, those who just started included, take its waiting work. */
  Opening: 2,
  /** A release is handled before contacts move: a freed agent takes the next waiting contact. */
  Finish: 3,
  /**
   * Customer timers after releases — a customer whose agent frees at the very instant a timer
   * fires is answered. Among them: an overflow threshold first (a backup group may answer the
   * customer), then the callback offer (a caller offered a callback at the instant their
   * patience ends takes it), then the maximum wait (the system's own timer: a caller whose
   * patience ends at the very instant the maximum wait passes leaves by the maximum wait),
   * then patience running out.
   */
  Overflow: 4,
  CallbackOffer: 5,
  MaxWait: 6,
  Abandon: 7,
  /** New contacts are routed last, after the queue has been served, so they never overtake a waiting one. */
  Arrival: 8,
  /**
   * Outbound (engine/kernel/dialer.ts) after all inbound work of the instant: a dialed party
   * answers (or the ring ends unanswered) once inbound arrivals have taken the agents they
   * find — inbound first — and an answered party hangs up after that, so an agent freed at
   * the very instant its patience ends still reaches it. An outbound talk ending is a release
   * (`Finish`).
   */
  DialResult: 9,
  OutboundAbandon: 10,
} as const;

export const EventKind = {
  Arrival: 0,
  Finish: 1,
  Abandon: 2,
  Staffing: 3,
  Callback: 4,
  Overflow: 5,
  Rearrival: 6,
  Boundary: 7,
  Backlog: 8,
  Opening: 9,
  MaxWait: 10,
  /** Outbound: the ring ends (answered or not), the talk ends, an answered party hangs up waiting. */
  DialResult: 11,
  OutboundFinish: 12,
  OutboundAbandon: 13,
  /** An agent's after-contact work ends (entity: the agent); it runs at `Finish` priority, as a release. */
  WrapUp: 14,
  /** A conference's second agent leaves the call (entity: that agent), at `Finish` priority. */
  ConferenceEnd: 15,
} as const;

/** Sequence numbers stay exact as doubles; the priority is packed above them. */
const SEQ_SPAN = 2 ** 44;

export class Calendar {
  private time: Float64Array;
  private order: Float64Array; // priority · 2^44 + sequence
  private kinds: Int32Array;
  private entities: Int32Array;
  private n = 0;
  private seq = 0;
  /** The root slot was popped and not yet refilled. */
  private rootEmpty = false;

  /** Fields of the event last taken by `pop()` (its sequence number: `eventSeq`). */
  now = 0;
  kind = 0;
  entity = 0;
  /** The packed order key of the event last taken (priority · 2^44 + sequence). */
  private taken = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.order = new Float64Array(capacity);
    this.kinds = new Int32Array(capacity);
    this.entities = new Int32Array(capacity);
  }

  /** Empties the calendar for a new run, keeping its capacity. */
  reset(): void {
    this.n = 0;
    this.seq = 0;
    this.rootEmpty = false;
    this.now = 0;
  }

  get size(): number {
    return this.rootEmpty ? this.n - 1 : this.n;
  }

  /** Time of the next event, `Infinity` when empty. */
  peekTime(): number {
    if (this.rootEmpty) this.removeRoot();
    return this.n > 0 ? this.time[0] : Infinity;
  }

  /** Schedules an event; returns its sequence number (the handle for lazy cancellation). */
  schedule(time: number, priority: number, kind: number, entity: number): number {
    const s = this.seq++;
    const key = priority * SEQ_SPAN + s;
    if (this.rootEmpty) {
      this.rootEmpty = false;
      this.siftDownFrom(time, key, kind, entity, this.n);
      return s;
    }
    if (this.n === this.time.length) this.grow();
    let i = this.n++;
    const T = this.time, O = this.order, K = this.kinds, E = this.entities;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = T[p];
      if (pt < time || (pt === time && (O[p]) < key)) break;
      T[i] = pt; O[i] = O[p]; K[i] = K[p]; E[i] = E[p];
      i = p;
    }
    T[i] = time; O[i] = key; K[i] = kind; E[i] = entity;
    return s;
  }

  /** Removes the earliest event into `now`, `kind`, `entity`, `eventSeq`; false when empty. */
  pop(): boolean {
    if (this.rootEmpty) this.removeRoot();
    if (this.n === 0) return false;
    this.now = this.time[0];
    this.kind = this.kinds[0];
    this.entity = this.entities[0];
    this.taken = this.order[0];
    this.rootEmpty = true;
    return true;
  }

  /**
   * The sequence number of the event last taken by `pop()`. Unpacked only when asked (by the
   * lazily cancelled timers): a double's `%` is a call to fmod, which took about 5% of a CPU
   * profile of the M/M/c case when it ran on every pop.
   */
  get eventSeq(): number {
    return this.taken % SEQ_SPAN;
  }

  /** Fills the empty root with the last element. */
  private removeRoot(): void {
    this.rootEmpty = false;
    const last = --this.n;
    if (last > 0) {
      this.siftDownFrom(this.time[last], this.order[last], this.kinds[last], this.entities[last], last);
    }
  }

  private siftDownFrom(t: number, o: number, k: number, e: number, n: number): void {
    const T = this.time, O = this.order, K = this.kinds, E = this.entities;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n) {
        const ct = T[c], rt = T[r];
        if (rt < ct || (rt === ct && (O[r]) < (O[c]))) c = r;
      }
      const ct = T[c];
      if (t < ct || (t === ct && o < (O[c]))) break;
      T[i] = ct; O[i] = O[c]; K[i] = K[c]; E[i] = E[c];
      i = c;
    }
    T[i] = t; O[i] = o; K[i] = k; E[i] = e;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const t = new Float64Array(cap); t.set(this.time); this.time = t;
    const o = new Float64Array(cap); o.set(this.order); this.order = o;
    const k = new Int32Array(cap); k.set(this.kinds); this.kinds = k;
    const e = new Int32Array(cap); e.set(this.entities); this.entities = e;
  }
}
