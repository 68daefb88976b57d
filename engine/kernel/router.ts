/**
 * The router: who serves what, now — the one place that decides it. Its contract, rule by rule
 * (each tested by name in test/engine/routing.test.ts and the scripted kernel cases):
 *
 * Inputs: the contact's queue q (channel, type, tier; or the callback queue), how long it has
 * waited, the clock; the compiled routing table (engine/routing.ts: for each queue its groups in
 * the contact's order — skill `groupRank`, then overflow delay, then the order the scenario lists
 * the groups; for each group its queues in the agent's order — skill `rank`, then priority); the
 * agents' idle rings (longest idle at the head) and open-slot rings; the scenario's
 * `routing.agentSelection`.
 *
 * - **A contact looking for an agent** (`findAgent`): only when its queue is workable (open
 *   hours; deferred work not after the horizon). The candidates: idle agents of the groups
 *   linked to its queue whose overflow delay the contact has waited out, at the best
 *   `groupRank` that has one. Among them, by `agentSelection`: `longestIdle` (default) the
 *   agent idle longest (ties: the group first in the queue's order); `groupOrder` the first
 *   group in the queue's order, its agent idle longest; `random` one drawn uniformly
 *   (engine/kernel/agentSelection.ts). With no idle agent, for a chat-like channel, an agent
 *   with a free session slot, least loaded (`findOpenSlot`, whatever the selection).
 * - **An agent looking for work** (`findWork`): among the queues its group is linked to (only
 *   its session channel while it holds chats), the head of the best by skill `rank`, then
 *   priority (P1 first), then longest wait (ties: the order the links were built in); a link
 *   with an overflow delay counts only once the head has waited that long.
 *
 * Both return a **pick** (engine/kernel/pick.ts): the index found and whether an overflow rule
 * let it through, packed in one integer. Nothing is decided elsewhere: queueing, service, duty
 * and the customer timers only ask.
 */
import { ContactState } from '../contacts.js';
import type { ContactQueue } from '../queue.js';
import { timeOfDay } from '../time.js';
import { AgentSelection, firstGroupAgent, randomAgent } from './agentSelection.js';
import { NO_PICK, pick } from './pick.js';
import type { KernelState } from './state.js';

export { NO_PICK, pickedIndex, viaOverflow } from './pick.js';

/** Whether queue q's work may be picked up now: open hours, and deferred work stops at the horizon. */
export function isWorkable(k: KernelState, q: number, now: number): boolean {
  const R = k.routing;
  if (R.queueAlwaysWorkable[q] === 1) return true;
  if (k.closed && R.queueDeferred[q] === 1) return false;
  const open = k.model.channels[R.queueChannel[q]].openHours;
  if (open === null) return true;
  const tod = timeOfDay(now);
  return tod >= open.startSec && tod < open.endSec;
}

/** A free agent for a contact of queue q that has waited `waitedSec` (see the contract above). */
export function findAgent(k: KernelState, q: number, waitedSec: number, now: number): number {
  const R = k.routing;
  const A = k.agents;
  if (!isWorkable(k, q, now)) return NO_PICK;
  if (k.agentSelection !== AgentSelection.LongestIdle) {
    const p = k.agentSelection === AgentSelection.Random ? randomAgent(k, q, waitedSec) : firstGroupAgent(k, q, waitedSec);
    if (p !== NO_PICK) return p;
    return k.concurrency[R.queueChannel[q]] > 1 ? findOpenSlot(k, q, waitedSec) : NO_PICK;
  }
  let best = -1, bestRank = 0, bestSince = Infinity, bestAfter = 0;
  for (let i = R.queueGroupStart[q]; i < R.queueGroupStart[q + 1]; i++) {
    const rank = R.queueGroupRank[i];
    if (best >= 0 && rank > bestRank) break;
    if (R.queueGroupAfterSec[i] > waitedSec) continue;
    const a = A.longestIdle(R.queueGroups[i]);
    if (a >= 0 && A.idleSince[a] < bestSince) {
      best = a; bestRank = rank; bestSince = A.idleSince[a]; bestAfter = R.queueGroupAfterSec[i];
    }
  }
  if (best >= 0) return pick(best, bestAfter > 0);
  return k.concurrency[R.queueChannel[q]] > 1 ? findOpenSlot(k, q, waitedSec) : NO_PICK;
}

/**
 * Whether a contact of queue q that has waited `waitedSec` would find an agent now — the
 * question without the pick, so a random selection draws nothing for it (admission asks it
 * before routing: engine/kernel/lines.ts).
 */
export function agentFree(k: KernelState, q: number, waitedSec: number, now: number): boolean {
  if (k.agentSelection === AgentSelection.LongestIdle) return findAgent(k, q, waitedSec, now) !== NO_PICK;
  if (!isWorkable(k, q, now)) return false;
  if (firstGroupAgent(k, q, waitedSec) !== NO_PICK) return true;
  return k.concurrency[k.routing.queueChannel[q]] > 1 && findOpenSlot(k, q, waitedSec) !== NO_PICK;
}

/**
 * Chat, no idle agent: every eligible agent holding sessions of q's channel with a free slot
 * is a candidate. Rule ("least loaded"): the best rank first; within it the fewest sessions
 * in hand; then the agent that has held that many longest; then the group listed first.
 */
export function findOpenSlot(k: KernelState, q: number, waitedSec: number): number {
  const R = k.routing;
  const A = k.agents;
  const ch = R.queueChannel[q];
  const slots = k.concurrency[ch];
  let best = -1, bestRank = 0, bestLoad = 0, bestSince = Infinity, bestAfter = 0;
  for (let i = R.queueGroupStart[q]; i < R.queueGroupStart[q + 1]; i++) {
    const rank = R.queueGroupRank[i];
    if (best >= 0 && rank > bestRank) break;
    if (R.queueGroupAfterSec[i] > waitedSec) continue;
    for (let load = 1; load < slots; load++) {
      if (best >= 0 && load > bestLoad) break;
      const a = A.openSlot(R.queueGroups[i], load, ch);
      if (a < 0) continue;
      if (best < 0 || load < bestLoad || A.slotSince[a] < bestSince) {
        best = a; bestRank = rank; bestLoad = load; bestSince = A.slotSince[a]; bestAfter = R.queueGroupAfterSec[i];
      }
      break;
    }
  }
  return best < 0 ? NO_PICK : pick(best, bestAfter > 0);
}

/** The next contact for free agent a (see the contract above). */
export function findWork(k: KernelState, a: number, now: number): number {
  const R = k.routing;
  const P = k.contacts;
  const A = k.agents;
  const g = A.group[a];
  const only = A.sessions[a] > 0 ? A.sessionChannel[a] : -1;
  let best = -1, bestRank = 0, bestPriority = 0, bestSince = Infinity, bestAfter = 0;
  for (let i = R.groupQueueStart[g]; i < R.groupQueueStart[g + 1]; i++) {
    const q = R.groupQueues[i];
    const queue = k.queues[q];
    if (queue.live === 0) continue;
    const rank = R.groupQueueRank[i];
    const priority = R.queuePriority[q];
    if (best >= 0 && (rank > bestRank || (rank === bestRank && priority > bestPriority))) continue;
    if (only >= 0 && R.queueChannel[q] !== only) continue;
    if (!isWorkable(k, q, now)) continue;
    const head = validHead(k, queue);
    if (head < 0) continue;
    const since = P.enqueueSec[head];
    if (now - since < R.groupQueueAfterSec[i]) continue;
    if (best < 0 || rank < bestRank || priority < bestPriority || since < bestSince) {
      best = head; bestRank = rank; bestPriority = priority; bestSince = since; bestAfter = R.groupQueueAfterSec[i];
    }
  }
  return best < 0 ? NO_PICK : pick(best, bestAfter > 0);
}

/** The head contact still waiting in `queue` (stale entries dropped), or −1. */
function validHead(k: KernelState, queue: ContactQueue): number {
  const P = k.contacts;
  while (queue.length > 0) {
    const c = queue.headId();
    if (P.token[c] === queue.headStamp() && P.state[c] === ContactState.Waiting) return c;
    queue.shift();
  }
  return -1;
}
