/**
 * Agents as indices into typed arrays. An agent is *available* when on shift and not on a
 * break, a shrinkage period or absent (`offReasons` = 0). An available agent with no
 * contact is in its group's idle ring (longest idle at the head); one holding n chat sessions
 * with room for more is in the group's open-slot ring for load n (longest at that load at the
 * head). Each change of state bumps the agent's stamp, which retires its old ring entry (lazy
 * removal, see agentRing.ts).
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
  /** Since when the agent has held its present number of sessions with room for more. */
  readonly slotSince: Float64Array;
  readonly idle: AgentRing[];
  /** Open-slot rings, index `g * maxSessions + n` for agents of group g holding n sessions (1 ≤ n < maxSessions). */
  private readonly openSlots: AgentRing[];
  private readonly maxSessions: number;
  private nextStamp = 1;

  /** `counts[g]` agents in group g; `maxSessions`: the largest chat concurrency of any channel (1: none). */
  constructor(counts: readonly number[], maxSessions = 1) {
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
    this.slotSince = new Float64Array(total);
    this.maxSessions = Math.max(1, maxSessions);
    this.idle = counts.map((c) => new AgentRing(Math.max(4, c)));
    this.openSlots = maxSessions > 1 ? counts.flatMap((c) => Array.from({ length: this.maxSessions }, () => new AgentRing(Math.max(4, c)))) : [];
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
    this.stamp.fill(0);
    this.nextStamp = 1;
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

  /** The agent holds chat sessions and has room for more: tail of the open-slot ring of its load. */
  listOpenSlot(a: number, now: number): void {
    this.unlist(a);
    this.slotSince[a] = now;
    this.openSlots[this.group[a] * this.maxSessions + this.sessions[a]].push(a, this.stamp[a]);
  }

  /** Longest-idle agent of group g, or −1. */
  longestIdle(g: number): number {
    return this.idle[g].peekValid(this.stamp);
  }

  /** Idle agents of group g (a scan of its idle ring). */
  idleCount(g: number): number {
    return this.idle[g].countValid(this.stamp);
  }

  /** The j-th idle agent of group g, longest idle first (0 ≤ j < idleCount(g)). */
  idleAt(g: number, j: number): number {
    return this.idle[g].validAt(this.stamp, j);
  }

  /** The agent of group g holding `load` sessions of channel ch (with room for more) longest, or −1. */
  openSlot(g: number, load: number, ch: number): number {
    return this.openSlots[g * this.maxSessions + load].firstValidOn(this.stamp, this.sessionChannel, ch);
  }

  /** Agents of group g holding sessions with room for more, in ring order (allocates: for rare events only). */
  openSlotAgents(g: number): number[] {
    const out: number[] = [];
    for (let n = 1; n < this.maxSessions; n++) out.push(...this.openSlots[g * this.maxSessions + n].validAgents(this.stamp));
    return out;
  }
}
