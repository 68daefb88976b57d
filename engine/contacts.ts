/**
 * The contacts in the system, as slots in parallel typed arrays (no object per contact). A
 * slot is taken when a contact arrives and given back when it leaves; the pool doubles when
 * full, a handful of times per run at most.
 *
 * Everything random about a contact (type, deflection, handle time at each tier, patience,
 * escalation, resolution, callback and retrial choices) is drawn when it arrives and kept
 * here, so it belongs to the contact whatever the staffing (common random numbers).
 */
export const ContactState = {
  Free: 0,
  Waiting: 1,
  InService: 2,
  /** Scheduled to come back (retrial, repeat, return from self-service). */
  Pending: 3,
} as const;

/** Why a contact exists. */
export const Origin = {
  Fresh: 0,
  Retrial: 1,
  Repeat: 2,
  DeflectionReturn: 3,
  Backlog: 4,
} as const;

/** Bits of `flags`. */
export const Flag = {
  EscalatesToTier2: 1,
  EscalatesToTier3: 2,
  /** Not resolved first time: comes back as a repeat. */
  Repeats: 4,
  AcceptsCallback: 8,
  Retries: 16,
  /** Answered by a group it reached through overflow. */
  Overflowed: 32,
  /** Has waited in a tier-1 queue: P(wait) counts a contact once, however often it is moved. */
  Queued: 64,
  /** Holds a trunk line (engine/kernel/lines.ts) until it leaves. */
  HoldsLine: 128,
  /**
   * Its Tier-1 agent does after-contact work (`acwSec`) once the customer has left
   * (engine/kernel/service.ts); cleared when the wrap-up begins, so a later tier has none.
   */
  WrapsUp: 256,
  /** A second agent joins its Tier-1 call for `conferenceSec` (engine/kernel/conference.ts). */
  Conferences: 512,
} as const;

/**
 * The flags that give the end of a service something to do (escalate, come back, free a
 * line, keep the agent for a wrap-up): a contact without them takes the finish's short path.
 */
export const OUTCOME_FLAGS = Flag.EscalatesToTier2 | Flag.EscalatesToTier3 | Flag.Repeats | Flag.HoldsLine | Flag.WrapsUp;

const F64_FIELDS = ['arrivalSec', 'enqueueSec', 'token', 'abandonSeq', 'callbackSeq', 'overflowSeq', 'maxWaitSeq', 'handle1Sec', 'handle2Sec', 'handle3Sec', 'patienceSec', 'patience2Sec', 'patience3Sec', 'serviceStartSec', 'retrialDelaySec', 'repeatDelaySec', 'firstArrivalSec', 'acwSec', 'conferenceSec'] as const;
const I32_FIELDS = ['channel', 'type', 'tier', 'queue', 'interval', 'agent', 'flags', 'origin', 'overflowStep', 'firstInterval'] as const;

export class ContactPool {
  arrivalSec!: Float64Array;
  /** When it joined its current queue. */
  enqueueSec!: Float64Array;
  /** Queue-entry token (see queue.ts); also the lazy-cancellation key of its timers. */
  token!: Float64Array;
  /** Sequence numbers of the pending timers (lazy cancellation: a mismatch means stale). */
  abandonSeq!: Float64Array;
  callbackSeq!: Float64Array;
  overflowSeq!: Float64Array;
  /** The maximum-wait timer (engine/kernel/maxWait.ts). */
  maxWaitSeq!: Float64Array;
  handle1Sec!: Float64Array;
  handle2Sec!: Float64Array;
  handle3Sec!: Float64Array;
  /** Patience at tier 1, and waiting for a tier-2 or tier-3 transfer (each drawn from its own stream). */
  patienceSec!: Float64Array;
  patience2Sec!: Float64Array;
  patience3Sec!: Float64Array;
  /** When the session in progress started (chat slot time is recorded per session). */
  serviceStartSec!: Float64Array;
  retrialDelaySec!: Float64Array;
  repeatDelaySec!: Float64Array;
  /** A same-caller retrial's first attempt (engine/kernel/sameCaller.ts): its arrival time and interval. */
  firstArrivalSec!: Float64Array;
  /** After-contact work of its Tier-1 agent, seconds (meaningful with `Flag.WrapsUp`). */
  acwSec!: Float64Array;
  /** How long a second agent stays on its Tier-1 call (with `Flag.Conferences`). */
  conferenceSec!: Float64Array;
  channel!: Int32Array;
  type!: Int32Array;
  /** 1–3. */
  tier!: Int32Array;
  queue!: Int32Array;
  /** Interval of arrival in the recorded day; −1 for warm-up arrivals (not recorded). */
  interval!: Int32Array;
  agent!: Int32Array;
  flags!: Int32Array;
  origin!: Int32Array;
  /** Index of the next overflow delay to fire for this contact's queue. */
  overflowStep!: Int32Array;
  firstInterval!: Int32Array;
  state!: Uint8Array;
  private free: Int32Array;
  private freeTop: number;
  /** Slots in use. */
  inUse = 0;

  constructor(capacity = 1024) {
    // Each field assigned by name, in one order, so every pool has the same fast shape.
    this.arrivalSec = new Float64Array(capacity);
    this.enqueueSec = new Float64Array(capacity);
    this.token = new Float64Array(capacity);
    this.abandonSeq = new Float64Array(capacity);
    this.callbackSeq = new Float64Array(capacity);
    this.overflowSeq = new Float64Array(capacity);
    this.maxWaitSeq = new Float64Array(capacity);
    this.handle1Sec = new Float64Array(capacity);
    this.handle2Sec = new Float64Array(capacity);
    this.handle3Sec = new Float64Array(capacity);
    this.patienceSec = new Float64Array(capacity);
    this.patience2Sec = new Float64Array(capacity);
    this.patience3Sec = new Float64Array(capacity);
    this.serviceStartSec = new Float64Array(capacity);
    this.retrialDelaySec = new Float64Array(capacity);
    this.repeatDelaySec = new Float64Array(capacity);
    this.firstArrivalSec = new Float64Array(capacity);
    this.acwSec = new Float64Array(capacity);
    this.conferenceSec = new Float64Array(capacity);
    this.channel = new Int32Array(capacity);
    this.type = new Int32Array(capacity);
    this.tier = new Int32Array(capacity);
    this.queue = new Int32Array(capacity);
    this.interval = new Int32Array(capacity);
    this.agent = new Int32Array(capacity);
    this.flags = new Int32Array(capacity);
    this.origin = new Int32Array(capacity);
    this.overflowStep = new Int32Array(capacity);
    this.firstInterval = new Int32Array(capacity);
    this.state = new Uint8Array(capacity);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeTop = capacity;
  }

  /** Frees every slot for a new run, keeping the capacity (the arrays' contents are rewritten on use). */
  reset(): void {
    const cap = this.state.length;
    for (let i = 0; i < cap; i++) this.free[i] = cap - 1 - i;
    this.freeTop = cap;
    this.inUse = 0;
    this.state.fill(ContactState.Free);
  }

  take(): number {
    if (this.freeTop === 0) this.grow();
    this.inUse++;
    const c = this.free[--this.freeTop];
    this.flags[c] = 0;
    this.overflowStep[c] = 0;
    return c;
  }

  release(c: number): void {
    this.state[c] = ContactState.Free;
    this.token[c] = -1;
    this.free[this.freeTop++] = c;
    this.inUse--;
  }

  private grow(): void {
    const old = this.state.length;
    const cap = old * 2;
    for (const f of F64_FIELDS) { const b = new Float64Array(cap); b.set(this[f]); this[f] = b; }
    for (const f of I32_FIELDS) { const b = new Int32Array(cap); b.set(this[f]); this[f] = b; }
    const st = new Uint8Array(cap); st.set(this.state); this.state = st;
    this.free = new Int32Array(cap);
    for (let i = old; i < cap; i++) this.free[this.freeTop++] = cap - 1 - (i - old);
  }
}
