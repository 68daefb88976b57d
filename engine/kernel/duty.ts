/**
 * Duty: each agent's availability changes (shift start and end, breaks, planned shrinkage,
 * absence) from the run's staffing plan (engine/staffingPlan.ts), and the available, scheduled
 * and overtime time they are paid for. An agent finishes the work in hand before going away;
 * time past the shift end is overtime — unless its group drops idle agents first, when an idle
 * colleague goes in its stead (engine/kernel/standIns.ts).
 */
import { EventKind, EventPriority } from '../calendar.js';
import { StaffingChange } from '../staffingPlan.js';
import { takeFromQueue } from './queueing.js';
import { offerOutbound } from './outbound.js';
import { findWork, NO_PICK } from './router.js';
import { fillSlots } from './service.js';
import { bringBackStandIn, coverOrOvertime, dropsIdleFirst, endCover, overtimeEnded, standInIfLate } from './standIns.js';
import type { KernelState } from './state.js';

/** Records every agent's scheduled time and schedules each agent's first availability change. */
export function scheduleStaffing(k: KernelState): void {
  let a = 0;
  k.model.groups.forEach((g, gi) => {
    for (const shifts of g.agentShifts) {
      for (const s of shifts) k.recorder.scheduled(gi, s.startSec, s.endSec);
      scheduleNextChange(k, a++);
    }
  });
}

function scheduleNextChange(k: KernelState, a: number): void {
  const plan = k.plan;
  if (plan.hasNext(a)) k.calendar.schedule(plan.timeSec[plan.cursor[a]], EventPriority.Staffing, EventKind.Staffing, a);
}

/** Agent a's next availability change: shift start/end, break, shrinkage, absence. */
export function changeStaffing(k: KernelState, a: number, now: number): void {
  const A = k.agents;
  const plan = k.plan;
  const i = plan.cursor[a]++;
  const kind = plan.kind[i];
  scheduleNextChange(k, a);
  const wasAvailable = A.offReasons[a] === 0;
  if (kind === StaffingChange.ShiftStart || kind === StaffingChange.AwayEnd) A.offReasons[a]--;
  else A.offReasons[a]++;
  if (kind === StaffingChange.ShiftStart) A.shiftEndSec[a] = plan.shiftEndSec[i];
  // A stand-in's own shift end or break: the late colleague it was off for needs another.
  if (k.standIns !== null && k.standIns.covering[a] >= 0) endCover(k, a, now);
  const isAvailable = A.offReasons[a] === 0;
  if (!wasAvailable && isAvailable) startWorking(k, a, now);
  else if (wasAvailable && !isAvailable) {
    A.unlist(a);
    if (A.sessions[a] === 0) stopWorking(k, a, now);
    else if (kind === StaffingChange.ShiftEnd) {
      if (dropsIdleFirst(k, a)) coverOrOvertime(k, a, now);
      else A.overtimeFrom[a] = now;
    }
  }
}

/** Agent a becomes available: it takes waiting work (filling its chat slots) or goes idle. */
export function startWorking(k: KernelState, a: number, now: number): void {
  const A = k.agents;
  if (A.sessions[a] === 0) A.availableSince[a] = now;
  closeOvertime(k, a, now);
  if (k.standIns !== null) {
    // Back on shift while still busy: the colleague off in its stead comes back.
    bringBackStandIn(k, a, now);
    if (A.sessions[a] === 0 && standInIfLate(k, a, now)) return;
  }
  if (A.sessions[a] > 0) {
    // Back with sessions still in hand (they outlasted a break): room for more is filled at once.
    if (A.sessions[a] < k.concurrency[A.sessionChannel[a]]) {
      A.listOpenSlot(a, now);
      fillSlots(k, a, now);
    }
    return;
  }
  const p = findWork(k, a, now);
  if (p !== NO_PICK) {
    takeFromQueue(k, a, p, now);
    fillSlots(k, a, now);
  } else if (k.outbound !== null) {
    offerOutbound(k, a, now);
  } else {
    A.listIdle(a, now);
  }
}

/** Agent a stops working (away, with nothing in hand): its available time is recorded. */
export function stopWorking(k: KernelState, a: number, now: number): void {
  const A = k.agents;
  k.recorder.available(A.group[a], A.availableSince[a], now);
  closeOvertime(k, a, now);
  A.unlist(a);
  // A late agent leaves: the colleague off in its stead comes back (idleFirst).
  if (k.standIns !== null) bringBackStandIn(k, a, now);
}

function closeOvertime(k: KernelState, a: number, now: number): void {
  const A = k.agents;
  if (A.overtimeFrom[a] !== Infinity) {
    k.recorder.overtime(A.group[a], A.overtimeFrom[a], now);
    A.overtimeFrom[a] = Infinity;
    overtimeEnded(k, a);
  }
}

/** At the end, agents still available (or finishing) close their working period. */
export function closeWorkingPeriods(k: KernelState, now: number): void {
  const A = k.agents;
  for (let a = 0; a < A.size; a++) {
    if (A.offReasons[a] === 0 || A.sessions[a] > 0) k.recorder.available(A.group[a], A.availableSince[a], Math.max(now, k.horizonSec));
  }
}
