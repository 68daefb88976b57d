/**
 * Agents as indices into typed arrays. An agent is *available* when on shift and not on a
 * break, a shrinkage period or absent (`offReasons` = 0). An available agent with no
 * contact is in its group's idle ring (longest idle at the head); one holding some but not all
 * of its chat sessions is in the group's open-slot ring. Each change of state bumps the
 * agent's stamp, which retires its old ring entry (lazy removal, see agentRing.ts).
 */
import { AgentRing } from './agentRing.js';

export class AgentPool {
  readonly group: Int32Array;
  /** Contacts in hand (chat sessions: up to the channel's concurrency). */
  readonly sessions: Int32Array;
  /** Channel of the sessions in hand (−1 with none). */
  readonly sessionChannel: Int32Array;
  /** Reasons the agent is unavailable (not on shift, on break, in shrinkage); 0 = available. */
  readonly offReasons: Int32Array;
  readonly idleSince: Float64Array;
  /** Since when the agent has been available (for available-time accounting). */
  readonly availableSince: Float64Array;
  /** End of the shift in progress (overtime is measured from it). */
  readonly shiftEndSec: Float64Array;
  /** When the agent went from no contact to one (busy time runs while any is in hand). */
  readonly busySince: Float64Array;
  /** When the agent's shift ended while still finishing work (Infinity otherwise). */
  readonly overtimeFrom: Float64Array;
  readonly stamp: Float64Array;
  readonly idle: AgentRing[];
  readonly openSlots: AgentRing[];
  private nextStamp = 1;

  constructor(counts: readonly number[]) {
    const total = counts.reduce((s, c) => s + c, 0);
    this.group = new Int32Array(total);
    this.sessions = new Int32Array(total);
    this.sessionChannel = new Int32Array(total).fill(-1);
    this.offReasons = new Int32Array(total).fill(1);
    this.idleSince = new Float64Array(total);
    this.availableSince = new Float64Array(total);
    this.shiftEndSec = new Float64Array(total).fill(Infinity);
    this.stamp = new Float64Array(total);
    this.busySince = new Float64Array(total);
    this.overtimeFrom = new Float64Array(total).fill(Infinity);
    this.idle = counts.map((c) => new AgentRing(Math.max(4, c)));
    this.openSlots = counts.map((c) => new AgentRing(Math.max(4, c)));
    let a = 0;
    counts.forEach((c, g) => { for (let i = 0; i < c; i++) this.group[a++] = g; });
  }

  /** Every agent back off duty with nothing in hand, for a new run. */
  reset(): void {
    this.sessions.fill(0);
    this.sessionChannel.fill(-1);
    this.offReasons.fill(1);
    this.shiftEndSec.fill(Infinity);
    this.overtimeFrom.fill(Infinity);
    for (const r of this.idle) r.reset();
    for (const r of this.openSlots) r.reset();
  }

  get size(): number {
    return this.group.length;
  }

  /** Retires the agent's ring entries. */
  unlist(a: number): void {
    this.stamp[a] = this.nextStamp++;
  }

  /** The agent is available with nothing in hand: tail of its group's idle ring. */
  listIdle(a: number, now: number): void {
    this.unlist(a);
    this.idleSince[a] = now;
    this.idle[this.group[a]].push(a, this.stamp[a]);
  }

  /** The agent holds chat sessions and has room for more: tail of the open-slot ring. */
  listOpenSlot(a: number): void {
    this.unlist(a);
    this.openSlots[this.group[a]].push(a, this.stamp[a]);
  }

  /** Longest-idle agent of group g, or −1. */
  longestIdle(g: number): number {
    return this.idle[g].peekValid(this.stamp);
  }

  /** First agent of group g with a free session slot, or −1. */
  firstOpenSlot(g: number): number {
    return this.openSlots[g].peekValid(this.stamp);
  }
}
