/**
 * A FIFO of agents with lazy removal: each entry carries the agent's stamp at the time it was
 * pushed; an agent that left the ring's condition (went busy, off duty) bumps its stamp, so
 * its old entry is skipped when it reaches the head. Agents join in time order, so the head is
 * the one that has waited longest (the default routing choice), found without scanning.
 */
export class AgentRing {
  private agents: Int32Array;
  private stamps: Float64Array;
  private mask: number;
  private head = 0;
  private length = 0;

  constructor(capacity = 16) {
    let cap = 1;
    while (cap < capacity) cap <<= 1;
    this.agents = new Int32Array(cap);
    this.stamps = new Float64Array(cap);
    this.mask = cap - 1;
  }

  reset(): void {
    this.head = 0;
    this.length = 0;
  }

  push(agent: number, stamp: number): void {
    if (this.length > this.mask) this.grow();
    const i = (this.head + this.length) & this.mask;
    this.agents[i] = agent;
    this.stamps[i] = stamp;
    this.length++;
  }

  /** Drops stale entries at the head; returns the head agent or −1 when none is valid. */
  peekValid(currentStamp: Float64Array): number {
    while (this.length > 0) {
      const a = this.agents[this.head];
      if (this.stamps[this.head] === currentStamp[a]) return a;
      this.head = (this.head + 1) & this.mask;
      this.length--;
    }
    return -1;
  }

  /** Removes the head entry. */
  shift(): void {
    this.head = (this.head + 1) & this.mask;
    this.length--;
  }

  /** Valid agents in ring order (allocates: for boundary events, never per contact). */
  validAgents(currentStamp: Float64Array): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.length; i++) {
      const k = (this.head + i) & this.mask;
      const a = this.agents[k];
      if (this.stamps[k] === currentStamp[a]) out.push(a);
    }
    return out;
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const a = new Int32Array(cap);
    const s = new Float64Array(cap);
    for (let i = 0; i < this.length; i++) {
      const k = (this.head + i) & this.mask;
      a[i] = this.agents[k];
      s[i] = this.stamps[k];
    }
    this.agents = a;
    this.stamps = s;
    this.mask = cap - 1;
    this.head = 0;
  }
}
