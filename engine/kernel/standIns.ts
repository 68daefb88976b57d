/**
 * When the staffed count drops, idle agents leave first (issue 12 item 8: a group's
 * `whenCountDrops: idleFirst`). The staffing plan still says *which* agent's shift ends (the
 * per-interval count compiled to agents on duty, engine/staffingPlan.ts); what changes is who
 * goes when that agent is busy:
 *
 * - `byIdentity` (default, the kernel before this option): the agent finishes its contact and
 *   then leaves; the time past its shift end is overtime, while idle colleagues stay.
 * - `idleFirst` (queueing models; the Java ContactCenters library's `setNumAgents`): the group is
 *   a count, agents are interchangeable. An idle colleague (the one idle longest) goes off at
 *   once in the busy agent's stead — its **stand-in** — and the busy agent works on as one of
 *   the count, with no overtime. With no one idle, the busy agent is *late* (overtime) until the
 *   first colleague frees up or comes on duty: that colleague goes off instead, and the overtime
 *   stops. When the late agent finishes, it leaves and its stand-in comes back (at the group
 *   level: the agent that freed up carries on, the count unchanged); when it comes back on shift
 *   first, its stand-in comes back too. A stand-in whose own shift ends, or whose break starts,
 *   hands the late agent to another idle colleague, or to overtime.
 *
 * So the number on duty drops as soon as enough agents are idle, a busy agent never leaves
 * mid-contact, and the count is reached as agents free up. Breaks and shrinkage periods stay
 * personal (an agent finishes its contact and then goes away, whatever this option says).
 */
import type { Model } from '../model.js';
import { startWorking, stopWorking } from './duty.js';
import type { KernelState } from './state.js';

export class StandIns {
  /** Per group: 1 when it is `idleFirst`. */
  readonly idleFirst: Uint8Array;
  /** Per agent: the colleague off duty in its stead, or −1. */
  readonly standIn: Int32Array;
  /** Per agent: the late agent it is off duty for, or −1. */
  readonly covering: Int32Array;
  /** Per group: late agents working overtime with nobody off in their stead. */
  readonly uncovered: Int32Array;
  /** Agents of group g are [groupStart[g], groupStart[g + 1]). */
  readonly groupStart: Int32Array;

  constructor(model: Model) {
    const G = model.groups.length;
    this.idleFirst = Uint8Array.from(model.groups, (g) => (g.whenCountDrops === 'idleFirst' ? 1 : 0));
    this.groupStart = new Int32Array(G + 1);
    model.groups.forEach((g, i) => { this.groupStart[i + 1] = this.groupStart[i] + g.agentShifts.length; });
    const agents = this.groupStart[G];
    this.standIn = new Int32Array(agents).fill(-1);
    this.covering = new Int32Array(agents).fill(-1);
    this.uncovered = new Int32Array(G);
  }
}

/** The stand-in bookkeeping of a model, or null when no group drops idle agents first (nothing to do). */
export function standInsFor(model: Model): StandIns | null {
  return model.groups.some((g) => g.whenCountDrops === 'idleFirst') ? new StandIns(model) : null;
}

/** Whether agent a's group drops idle agents first. */
export function dropsIdleFirst(k: KernelState, a: number): boolean {
  return k.standIns !== null && k.standIns.idleFirst[k.agents.group[a]] === 1;
}

/** Late agent `late` (busy past its shift end) gets the longest-idle colleague as stand-in, or works overtime. */
export function coverOrOvertime(k: KernelState, late: number, now: number): void {
  const S = k.standIns!;
  const A = k.agents;
  const g = A.group[late];
  const j = A.longestIdle(g);
  if (j >= 0) {
    sendOff(k, j, late, now);
  } else {
    A.overtimeFrom[late] = now;
    S.uncovered[g]++;
  }
}

/**
 * Agent j has just become free (available, nothing in hand): if a late colleague works overtime
 * with nobody in its stead, j goes off instead (for the one late longest) and the overtime
 * stops. Returns whether j went off.
 */
export function standInIfLate(k: KernelState, j: number, now: number): boolean {
  const S = k.standIns!;
  const A = k.agents;
  const g = A.group[j];
  if (S.uncovered[g] === 0) return false;
  let late = -1;
  for (let a = S.groupStart[g]; a < S.groupStart[g + 1]; a++) {
    if (A.overtimeFrom[a] !== Infinity && (late < 0 || A.overtimeFrom[a] < A.overtimeFrom[late])) late = a;
  }
  k.recorder.overtime(g, A.overtimeFrom[late], now);
  A.overtimeFrom[late] = Infinity;
  S.uncovered[g]--;
  sendOff(k, j, late, now);
  return true;
}

/** The late agent `late` is off or back on shift: its stand-in, if any, comes back. */
export function bringBackStandIn(k: KernelState, late: number, now: number): void {
  const S = k.standIns!;
  const j = S.standIn[late];
  if (j < 0) return;
  S.standIn[late] = -1;
  S.covering[j] = -1;
  if (--k.agents.offReasons[j] === 0) startWorking(k, j, now);
}

/** Stand-in j's own plan takes it away (shift end, break): the late agent it covered needs another, or overtime. */
export function endCover(k: KernelState, j: number, now: number): void {
  const S = k.standIns!;
  const late = S.covering[j];
  S.covering[j] = -1;
  S.standIn[late] = -1;
  k.agents.offReasons[j]--;
  coverOrOvertime(k, late, now);
}

/** Overtime of an agent of an idleFirst group ends (it finished, or came back on shift): one late agent fewer uncovered. */
export function overtimeEnded(k: KernelState, a: number): void {
  if (dropsIdleFirst(k, a)) k.standIns!.uncovered[k.agents.group[a]]--;
}

function sendOff(k: KernelState, j: number, late: number, now: number): void {
  const S = k.standIns!;
  k.agents.offReasons[j]++;
  stopWorking(k, j, now);
  S.standIn[late] = j;
  S.covering[j] = late;
}
