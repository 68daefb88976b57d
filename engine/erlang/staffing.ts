/**
 * Staffing solvers: the fewest whole agents meeting every target given, for Erlang C and
 * Erlang A, and FTE = agents ÷ (1 − shrinkage).
 *
 * Each measure is monotone in the agent count (SL and, for Erlang A, answered-within-T rise;
 * ASA, P(wait), occupancy and P(abandon) fall), so "meets all targets" switches from false to
 * true once and stays true; the property tests check the answer meets the targets and one
 * agent fewer does not.
 */
import { MODEL_DEFAULTS } from '../defaults.js';
import type { ServiceLevelDefinition } from '../model.js';
import { requireFraction, requireNonNegative, requirePositive } from './arguments.js';
import { erlangA, type ErlangAResult } from './erlangA.js';
import { nextErlangB, erlangBWhole } from './erlangB.js';
import { erlangCFromBlocking, type ErlangCResult } from './erlangC.js';
import { InputError } from '../errors.js';

/** Targets; any combination, at least one. */
export interface StaffingTargets {
  /** Service-level goal x in SL(T) ≥ x, with T = `targetSec`. */
  readonly serviceLevel?: number;
  /** Service-level threshold T, seconds (also the T reported with results). @default 20 */
  readonly targetSec?: number;
  /** ASA (mean wait of answered contacts) ≤ this, seconds. */
  readonly maxAsaSec?: number;
  /** Occupancy ≤ this fraction. */
  readonly maxOccupancy?: number;
  /** P(abandon) ≤ this fraction (Erlang A; Erlang C never abandons). */
  readonly maxAbandon?: number;
}

export interface StaffingInput {
  readonly ratePerSec: number;
  readonly handleSec: number;
  readonly targets: StaffingTargets;
}

export interface ErlangAStaffingInput extends StaffingInput {
  readonly patienceSec: number;
  /** @default 'excludeShortAbandons' */
  readonly serviceLevelDefinition?: ServiceLevelDefinition;
}

export interface Staffing<R> {
  /** The fewest whole agents meeting every target. */
  readonly agents: number;
  /** The figures at that staffing. */
  readonly result: R;
}

export const DEFAULT_TARGET_SEC = MODEL_DEFAULTS.targetSec;
/** Beyond this the targets are unreachable (e.g. an ASA goal of 0 s); a typo, not a plan. */
export const MAX_STAFFED_AGENTS = 1_000_000;
/** Tolerance for rounding in the last digit, so that SL 0.8 exactly counts as meeting 0.8. */
const SLACK = 1e-12;

function checkTargets(t: StaffingTargets): void {
  if (t.serviceLevel === undefined && t.maxAsaSec === undefined && t.maxOccupancy === undefined && t.maxAbandon === undefined) {
    throw new InputError('targets: give at least one of serviceLevel, maxAsaSec, maxOccupancy, maxAbandon');
  }
  if (t.serviceLevel !== undefined) requireFraction('targets.serviceLevel', t.serviceLevel);
  if (t.targetSec !== undefined) requireNonNegative('targets.targetSec', t.targetSec);
  if (t.maxAsaSec !== undefined) requireNonNegative('targets.maxAsaSec', t.maxAsaSec);
  if (t.maxOccupancy !== undefined) {
    requirePositive('targets.maxOccupancy', t.maxOccupancy);
    requireFraction('targets.maxOccupancy', t.maxOccupancy);
  }
  if (t.maxAbandon !== undefined) requireFraction('targets.maxAbandon', t.maxAbandon);
}

/** Whether a result meets every target (P(abandon) counts as 0 for Erlang C). */
export function meetsTargets(r: ErlangCResult | ErlangAResult, t: StaffingTargets): boolean {
  const pAbandon = r.model === 'erlangA' ? r.pAbandon : 0;
  return (
    (t.serviceLevel === undefined || r.serviceLevel >= t.serviceLevel - SLACK) &&
    (t.maxAsaSec === undefined || r.asaSec <= t.maxAsaSec + SLACK) &&
    (t.maxOccupancy === undefined || r.occupancy <= t.maxOccupancy + SLACK) &&
    (t.maxAbandon === undefined || pAbandon <= t.maxAbandon + SLACK)
  );
}

function unreachable(limit: number): never {
  throw new InputError(`targets: cannot be met with up to ${limit} agents (is a target 0 s or 100%?)`);
}

/**
 * The load needs more agents than any search here may try: refused before any work. `fewest`:
 * the first count the search would try (Erlang C); without it, "as many" as the load.
 */
function overLimit(load: number, fewest?: number): never {
  throw new InputError(
    `ratePerSec × handleSec: an offered load of ${load.toPrecision(4)} Erlangs needs at least ${fewest === undefined ? 'as many' : fewest.toPrecision(4)} agents; the staffing solvers staff at most ${MAX_STAFFED_AGENTS.toLocaleString('en-US')} (is the rate or the handle time in the wrong unit?)`,
  );
}

/**
 * Erlang C staffing. Starts at the first stable count, max(⌊A⌋ + 1, ⌈A / maxOccupancy⌉) —
 * refused at once when that is beyond `MAX_STAFFED_AGENTS`, before Erlang B is carried up to
 * it — and steps up one agent at a time carrying Erlang B forward by its recursion: O(n) in
 * all, at most `MAX_STAFFED_AGENTS` steps (a few milliseconds), whatever the input.
 */
export function staffErlangC(input: StaffingInput): Staffing<ErlangCResult> {
  const { ratePerSec, handleSec, targets } = input;
  requireNonNegative('ratePerSec', ratePerSec);
  requirePositive('handleSec', handleSec);
  checkTargets(targets);
  const load = ratePerSec * handleSec;
  const targetSec = targets.targetSec ?? DEFAULT_TARGET_SEC;
  let n = load === 0 ? 0 : Math.max(Math.floor(load) + 1, Math.ceil(load / (targets.maxOccupancy ?? 1) - SLACK));
  if (n > MAX_STAFFED_AGENTS) overLimit(load, n);
  let blocking = erlangBWhole(n, load);
  for (; n <= MAX_STAFFED_AGENTS; n++) {
    const result = erlangCFromBlocking({ ratePerSec, handleSec, agents: n, targetSec }, blocking);
    if (meetsTargets(result, targets)) return { agents: n, result };
    blocking = nextErlangB(n, load, blocking);
  }
  return unreachable(MAX_STAFFED_AGENTS);
}

/**
 * Erlang A staffing. With abandonment fewer agents than the load can meet a target, so the
 * search starts at 0 agents: doubling until the targets are met (the last step capped at
 * `MAX_STAFFED_AGENTS`), then bisecting: at most 2·log₂ of the cap, ~41 exact evaluations,
 * each O(n) for Erlang B plus the queue sums (O(√(λ × patience)), queueLength.ts).
 */
export function staffErlangA(input: ErlangAStaffingInput): Staffing<ErlangAResult> {
  const { targets } = input;
  checkTargets(targets);
  // Erlang A is stable at any load, so its search would run to the cap before failing (and
  // its queue sums refuse such a load as a patience problem): a load beyond what any solver
  // staffs is refused first, as Erlang C refuses it.
  const load = input.ratePerSec * input.handleSec;
  if (load > MAX_STAFFED_AGENTS) overLimit(load);
  const evaluate = (agents: number): ErlangAResult =>
    erlangA({
      ratePerSec: input.ratePerSec,
      handleSec: input.handleSec,
      patienceSec: input.patienceSec,
      agents,
      targetSec: targets.targetSec ?? DEFAULT_TARGET_SEC,
      serviceLevelDefinition: input.serviceLevelDefinition ?? MODEL_DEFAULTS.serviceLevelDefinition,
    });
  const none = evaluate(0);
  if (meetsTargets(none, targets)) return { agents: 0, result: none };
  let failing = 0;
  let meeting = 1;
  let result = evaluate(meeting);
  while (!meetsTargets(result, targets)) {
    if (meeting >= MAX_STAFFED_AGENTS) unreachable(MAX_STAFFED_AGENTS);
    failing = meeting;
    meeting = Math.min(2 * meeting, MAX_STAFFED_AGENTS);
    result = evaluate(meeting);
  }
  while (meeting - failing > 1) {
    const mid = Math.floor((failing + meeting) / 2);
    const r = evaluate(mid);
    if (meetsTargets(r, targets)) [meeting, result] = [mid, r];
    else failing = mid;
  }
  return { agents: meeting, result };
}

/** Scheduled FTE for `agents` on the phones: agents ÷ (1 − shrinkage). */
export function fte(agents: number, shrinkage: number): number {
  requireNonNegative('agents', agents);
  if (!(shrinkage >= 0 && shrinkage < 1)) throw new InputError(`shrinkage: must be at least 0 and below 1 (got ${shrinkage})`);
  return agents / (1 - shrinkage);
}
