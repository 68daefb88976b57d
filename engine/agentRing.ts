/**
 * A FIFO of agents with lazy removal (engine/stampedRing.ts): each entry carries the agent's
 * stamp at the time it was pushed; an agent that left the ring's condition (went busy, off
 * duty) bumps its stamp, so its old entry is skipped when it reaches the head. Agents join in
 * time order, so the head is the one that has waited longest (the default routing choice),
 * found without scanning.
 */
import { StampedRing } from './stampedRing.js';

export class AgentRing extends StampedRing {
  constructor(capacity = 16) {
    super(capacity);
  }

  /** Drops stale entries at the head; returns the head agent or −1 when none is valid. */
  peekValid(currentStamp: Float64Array): number {
    // On the path of every answered contact: the ring's fields directly, no calls.
    while (this.length > 0) {
      const a = this.ids[this.head];
      if (this.stamps[this.head] === currentStamp[a]) return a;
      this.head = (this.head + 1) & this.mask;
      this.length--;
    }
    return -1;
  }

  /**
   * The first valid agent whose sessions are on channel ch (`sessionChannel[a] === ch`), or −1.
   * Stale entries at the head are dropped; valid ones of other channels are passed over and
   * kept (a group may serve two chat channels; each agent holds sessions of one at a time).
   */
  firstValidOn(currentStamp: Float64Array, sessionChannel: Int32Array, ch: number): number {
    const a = this.peekValid(currentStamp);
    if (a < 0 || sessionChannel[a] === ch) return a;
    for (let i = 1; i < this.length; i++) {
      const k = (this.head + i) & this.mask;
      const b = this.ids[k];
      if (this.stamps[k] === currentStamp[b] && sessionChannel[b] === ch) return b;
    }
    return -1;
  }

  /** How many entries are valid (a scan: for agent selection other than longest idle). */
  countValid(currentStamp: Float64Array): number {
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      const k = (this.head + i) & this.mask;
      if (this.stamps[k] === currentStamp[this.ids[k]]) n++;
    }
    return n;
  }

  /** The j-th valid agent from the head (0: the longest in the ring), or −1. */
  validAt(currentStamp: Float64Array, j: number): number {
    for (let i = 0; i < this.length; i++) {
      const k = (this.head + i) & this.mask;
      const a = this.ids[k];
      if (this.stamps[k] === currentStamp[a] && j-- === 0) return a;
    }
    return -1;
  }

  /** Valid agents in ring order (allocates: for boundary events, never per contact). */
  validAgents(currentStamp: Float64Array): number[] {
    const out: number[] = [];
    this.forEach((a, stamp) => { if (stamp === currentStamp[a]) out.push(a); });
    return out;
  }
}
