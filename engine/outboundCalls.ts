/**
 * Outbound calls as indices into typed arrays (issue 13): a pool of its own beside the inbound
 * contacts (engine/contacts.ts), so inbound slots, their draws and their conservation are
 * untouched by a campaign. A slot is taken when a call is dialed and released when it ends
 * (not reached, talked, or dropped); the arrays double when full, which happens a few times
 * early in a run and never after (the number of calls alive at once is bounded by the dialer).
 */

/** Where an outbound call is. */
export const CallState = {
  Free: 0,
  /** Dialed, not yet answered (or given up on). */
  Ringing: 1,
  /** Answered by the right party, no agent yet: waiting its patience (predictive only). */
  Waiting: 2,
  /** Talking to an agent. */
  Talking: 3,
} as const;

export class OutboundCalls {
  campaign = new Int32Array(0);
  /** The agent held for the call (preview, progressive) or talking to it; −1: none yet. */
  agent = new Int32Array(0);
  state = new Uint8Array(0);
  /** Interval of the dial (−1: warm-up or after the horizon): every count of the call goes there. */
  interval = new Int32Array(0);
  /** Whether the ring ends with the right party on the line (drawn at the dial). */
  reached = new Uint8Array(0);
  /** Talk time and patience, drawn when the party answers. */
  handleSec = new Float64Array(0);
  /** The patience event's sequence number while waiting (lazy cancellation, as engine/calendar.ts). */
  abandonSeq = new Float64Array(0);
  /** The call's entry token in its campaign's waiting queue. */
  token = new Float64Array(0);
  private free: number[] = [];
  private size = 0;

  constructor(capacity = 16) {
    this.grow(capacity);
  }

  /** A free slot. */
  take(): number {
    if (this.free.length === 0) this.grow(this.size * 2);
    const c = this.free.pop() as number;
    this.state[c] = CallState.Ringing;
    this.agent[c] = -1;
    return c;
  }

  release(c: number): void {
    this.state[c] = CallState.Free;
    this.free.push(c);
  }

  private grow(to: number): void {
    const from = this.size;
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(to);
      b.set(a);
      return b;
    };
    this.campaign = copy(this.campaign, (n) => new Int32Array(n));
    this.agent = copy(this.agent, (n) => new Int32Array(n));
    this.state = copy(this.state, (n) => new Uint8Array(n));
    this.interval = copy(this.interval, (n) => new Int32Array(n));
    this.reached = copy(this.reached, (n) => new Uint8Array(n));
    this.handleSec = copy(this.handleSec, (n) => new Float64Array(n));
    this.abandonSeq = copy(this.abandonSeq, (n) => new Float64Array(n));
    this.token = copy(this.token, (n) => new Float64Array(n));
    for (let c = to - 1; c >= from; c--) this.free.push(c);
    this.size = to;
  }
}
