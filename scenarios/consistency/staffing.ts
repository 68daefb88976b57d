/**
 * Staffing rules (issue 4 item 6): a group gives exactly one of `count` and `shifts`; a
 * count list has one entry per interval; and the compiled schedule stays within the limit
 * on agent shifts (agents × days), so a typo cannot make a model of gigabytes.
 */
import { SCENARIO_LIMITS as L } from '../limits.js';
import type { Problem } from '../problem.js';
import { given, isRecord, listOf, numberOf, type Raw } from '../raw.js';
import { DAY_SEC } from '../../engine/time.js';

/**
 * Agents a raw group can put on duty: the count, the largest count of a list, the sum of
 * its shifts' counts (an upper bound: shifts may not overlap). `undefined` when any count is
 * not a whole number of 0 or more (`count: abc`, `-1`): its field rule reports that, and a
 * total built on it would only add a misleading second error.
 */
export function agentsOf(group: unknown): number | undefined {
  if (!isRecord(group)) return undefined;
  const counts = group.count !== undefined
    ? (Array.isArray(group.count) ? group.count : [group.count])
    : Array.isArray(group.shifts) ? group.shifts.map((s) => (isRecord(s) ? s.count : undefined)) : undefined;
  if (counts === undefined || !counts.every((c): c is number => typeof c === 'number' && Number.isInteger(c) && c >= 0)) return undefined;
  return group.count !== undefined ? Math.max(0, ...counts) : counts.reduce((sum, c) => sum + c, 0);
}

export function staffingProblems(data: Raw, intervalCount: number | undefined, horizonSec: number | undefined, warmupSec: number): Problem[] {
  const problems: Problem[] = [];
  let agentShifts = 0;
  listOf(data.agents).forEach((group, g) => {
    if (!isRecord(group)) return;
    if (given(group.count) === given(group.shifts)) {
      problems.push({ path: ['agents', g], message: 'must give exactly one of count (a number or one per interval) or shifts', atKey: true });
    }
    if (Array.isArray(group.count) && intervalCount !== undefined && group.count.length !== intervalCount) {
      const message = `must list one count per interval: ${intervalCount} intervals, ${group.count.length} listed`;
      problems.push({ path: ['agents', g, 'count'], message });
    }
    agentShifts += agentShiftsOf(group, horizonSec, warmupSec);
  });
  if (agentShifts > L.maxAgentShifts) {
    const message = `would compile to ${agentShifts.toLocaleString('en-US')} agent shifts (agents × days); at most ${L.maxAgentShifts.toLocaleString('en-US')} are allowed`;
    problems.push({ path: ['agents'], message, atKey: true });
  }
  return problems;
}

/** Shifts a raw group compiles to (see compile/schedule.ts); 0 when unreadable. */
function agentShiftsOf(group: Raw, horizonSec: number | undefined, warmupSec: number): number {
  if (typeof group.count === 'number') return group.count;
  if (Array.isArray(group.count)) {
    // Agent k starts a run of duty wherever the count rises past k: Σ max(0, cᵢ − cᵢ₋₁).
    let previous = 0;
    let runs = 0;
    for (const value of group.count) {
      const c = numberOf(value) ?? 0;
      runs += Math.max(0, c - previous);
      previous = c;
    }
    return runs;
  }
  if (!Array.isArray(group.shifts) || horizonSec === undefined) return 0;
  // One occurrence per day touched by warm-up and horizon, plus one for a shift crossing midnight.
  const days = Math.ceil((horizonSec + warmupSec) / DAY_SEC) + 2;
  return listOf(group.shifts).reduce((sum: number, s) => sum + (isRecord(s) ? (numberOf(s.count) ?? 0) : 0) * days, 0);
}
