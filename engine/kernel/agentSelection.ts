/**
 * Agent selection other than longest idle (issue 12 item 6), under the router's contract
 * (engine/kernel/router.ts). The candidates are those of longest idle: the groups linked to the
 * contact's queue, in the queue's order (`groupRank`, then overflow delay, then the order the
 * scenario lists the groups), whose overflow delay the contact has waited out, at the best
 * `groupRank` that has an idle agent. Only the choice among them differs:
 *
 * - `groupOrder`: the first of those groups with an idle agent; within it the agent idle longest.
 * - `random`: each idle agent of those groups with the same probability, from one uniform u of
 *   the stream `agentSelection<tier>:<channel>` (one per channel and tier; its own, so a pick
 *   never moves another mechanism's draws): the candidates are listed group by group in the
 *   queue's order, longest idle first within a group, and the ⌊u·n⌋-th of the n is taken.
 *   One uniform per pick, none when nobody is idle. Counting the idle agents scans the groups'
 *   idle rings, which longest idle never does: the price of the option, paid only by scenarios
 *   that choose it.
 */
import { Stream } from '../random.js';
import type { AgentSelectionName, Model } from '../model.js';
import { NO_PICK, pick } from './pick.js';
import type { KernelState } from './state.js';

export const AgentSelection = { LongestIdle: 0, Random: 1, GroupOrder: 2 } as const;

const CODES: Record<AgentSelectionName, number> = { longestIdle: AgentSelection.LongestIdle, random: AgentSelection.Random, groupOrder: AgentSelection.GroupOrder };

/** The model's selection as the kernel's integer code (absent: longest idle). */
export function agentSelectionOf(model: Model): number {
  return CODES[model.agentSelection ?? 'longestIdle'];
}

/** Streams of the random selection, index channel · 3 + tier − 1; empty for the other rules. */
export function selectionStreams(model: Model, seed: number, replication: number): Stream[] {
  if (agentSelectionOf(model) !== AgentSelection.Random) return [];
  return model.channels.flatMap((c) => ['', '2', '3'].map((tier) => new Stream(seed, replication, `agentSelection${tier}:${c.id}`)));
}

/** `groupOrder`: the first candidate group with an idle agent, its longest-idle agent. */
export function firstGroupAgent(k: KernelState, q: number, waitedSec: number): number {
  const R = k.routing;
  for (let i = R.queueGroupStart[q]; i < R.queueGroupStart[q + 1]; i++) {
    if (R.queueGroupAfterSec[i] > waitedSec) continue;
    const a = k.agents.longestIdle(R.queueGroups[i]);
    if (a >= 0) return pick(a, R.queueGroupAfterSec[i] > 0);
  }
  return NO_PICK;
}

/** `random`: a candidate drawn uniformly (see above). */
export function randomAgent(k: KernelState, q: number, waitedSec: number): number {
  const R = k.routing;
  const A = k.agents;
  const from = R.queueGroupStart[q];
  let end = R.queueGroupStart[q + 1];
  let first = -1, rank = 0, n = 0;
  for (let i = from; i < end; i++) {
    if (n > 0 && R.queueGroupRank[i] > rank) {
      end = i;
      break;
    }
    if (!isCandidate(k, q, i, waitedSec)) continue;
    const idle = A.idleCount(R.queueGroups[i]);
    if (idle === 0) continue;
    if (n === 0) {
      first = i;
      rank = R.queueGroupRank[i];
    }
    n += idle;
  }
  if (n === 0) return NO_PICK;
  let j = Math.floor(k.selectionStreams[R.queueChannel[q] * 3 + R.queueTier[q] - 1].next() * n);
  for (let i = first; i < end; i++) {
    if (!isCandidate(k, q, i, waitedSec)) continue;
    const g = R.queueGroups[i];
    const idle = A.idleCount(g);
    if (j < idle) return pick(A.idleAt(g, j), R.queueGroupAfterSec[i] > 0);
    j -= idle;
  }
  return NO_PICK; // unreachable: j < n
}

/**
 * Link i of queue q counts: its overflow delay is met, and its group was not already counted
 * through an earlier link (a group whose two skills both cover the queue is one set of agents).
 */
function isCandidate(k: KernelState, q: number, i: number, waitedSec: number): boolean {
  const R = k.routing;
  if (R.queueGroupAfterSec[i] > waitedSec) return false;
  for (let e = R.queueGroupStart[q]; e < i; e++) {
    if (R.queueGroups[e] === R.queueGroups[i] && R.queueGroupAfterSec[e] <= waitedSec) return false;
  }
  return true;
}
