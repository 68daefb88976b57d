/**
 * The result of `ccsim staff` (the JSON contract, `kind: "staffing"`): per interval and group
 * the Erlang requirement and the simulated one, per interval and channel the achieved
 * metrics with their 95% CIs, totals against the Erlang plan, and notes saying why the two
 * differ. Built by workers/staffing/staff.ts; rendered by reports/staffing/.
 */
import type { ServiceLevelDefinition } from '../../engine/model.js';
import type { Estimate } from '../confidence.js';

/** 2: `status`, `unmet`, `stops`, `judging`, `objective`, `replicationsJudged`; targets as `{mean, ci}`; `oneFewer` per group. */
export const STAFFING_SCHEMA_VERSION = 2;

/**
 * How the simulated requirement compares with Erlang's in an interval:
 * - `equal`: the same number of agents;
 * - `withinCi`: one more, because with Erlang's count the simulated 95% CI straddles a target
 *   (simulation agrees with Erlang on the mean; the confidence rule asks for one more);
 * - `differs`: anything else (the model's features move the answer — see `notes`).
 */
export type Agreement = 'equal' | 'withinCi' | 'differs';

export interface GroupStaffing {
  /** Erlang C/A agents on the phones for this group's share of the load. */
  readonly erlangOnPhone: number;
  /** Scheduled agents of the Erlang plan: ⌈erlangOnPhone ÷ availability⌉. */
  readonly erlangAgents: number;
  /** Agents on duty the simulation needs (time-average over the interval). */
  readonly simulatedAgents: number;
  /** simulatedAgents ÷ (1 − the shrinkage the simulation did not play: the scenario's break share in per-interval modes). */
  readonly fte: number;
  readonly occupancy: Estimate;
}

export interface ChannelAchieved {
  readonly offered: Estimate;
  readonly serviceLevel: Estimate;
  readonly asaSec: Estimate;
  readonly abandonRate: Estimate;
  readonly occupancy: Estimate;
  readonly waitP90Sec: Estimate;
  readonly backlogAgeP90Sec: Estimate;
  /** Erlang's service level (C or A) for the simulated staffing's available agents. */
  readonly erlangServiceLevel: number | null;
}

export interface TargetOutcome {
  readonly target: string;
  readonly mean: number | null;
  /** The CI the verdict read: at `judging.confidence` (95% for day assertions); null on the mean rule. */
  readonly ci: readonly [number, number] | null;
  /** pass | fail | inconclusive | undefined (no value: unconstrained). */
  readonly verdict: string;
}

/** A target an interval of the answer misses (on the fresh replications). */
export interface UnmetTarget {
  /** The interval's start; null for a target judged on the whole day (`--whole-day`, `dayAssertions`). */
  readonly startSec: number | null;
  /** `channels` or `groups`, and the channel's or group's id. */
  readonly scope: string;
  readonly id: string;
  readonly metric: string;
  readonly op: string;
  readonly bound: number;
  readonly mean: number | null;
  readonly ci: readonly [number, number] | null;
  /** fail, or inconclusive (the CI straddles the bound). */
  readonly verdict: string;
}

/** Why the search stopped before it could prove its answer. */
export interface SearchStopOutcome {
  /** level | recheck | freshRecheck | oneFewer (workers/staffing/dayCheck.ts). */
  readonly stage: string;
  /** Start of each interval concerned. */
  readonly startSecs: readonly number[];
  readonly reason: string;
}

/**
 * `met`: every target met in every interval, the answer proven (exit 0); `unmet`: a target
 * missed (exit 1); `stoppedEarly`: every target met but the search stopped before proving the
 * answer — rounds ran out, or a cap (exit 1).
 */
export type StaffingStatus = 'met' | 'unmet' | 'stoppedEarly';

export interface IntervalStaffing {
  readonly startSec: number;
  /** The interval's date-time, `2026-03-02T08:30`, when the scenario has a startDate. */
  readonly start?: string;
  readonly agreement: Agreement;
  readonly erlangAgents: number;
  readonly simulatedAgents: number;
  readonly met: boolean;
  readonly groups: Readonly<Record<string, GroupStaffing>>;
  readonly channels: Readonly<Record<string, ChannelAchieved>>;
  /** Each target with the answer (fresh replications). */
  readonly targets: readonly TargetOutcome[];
  /** By group: each target with one agent of the group fewer in this interval (fresh); null for a group at 0 or by shift. */
  readonly oneFewer: Readonly<Record<string, readonly TargetOutcome[] | null>> | null;
}

export interface ShiftStaffing {
  readonly group: string;
  readonly index: number;
  readonly startSec: number;
  readonly lengthSec: number;
  readonly scenarioCount: number;
  readonly count: number;
}

export interface PlanTotals {
  readonly agentHours: number;
  readonly cost: number;
}

export interface StaffingNote {
  /** The model feature the note is about (abandonment, retrials, shrinkage, …). */
  readonly feature: string;
  /** Which way it moves the requirement against Erlang. */
  readonly effect: 'fewer' | 'more' | 'either';
  readonly text: string;
}

export interface StaffingResult {
  readonly schemaVersion: number;
  readonly kind: 'staffing';
  readonly scenario: string;
  readonly mode: 'intervals' | 'wholeDay' | 'shifts';
  readonly seed: number;
  /** Replications per candidate, in each of the two sets of `replicationsJudged`. */
  readonly replications: number;
  /** Replication indices [first, last] the search selected on, and the fresh ones the answer is judged on. */
  readonly replicationsJudged: { readonly search: readonly [number, number]; readonly fresh: readonly [number, number] };
  /** The judging's confidence (null on the mean rule). */
  readonly confidence: number | null;
  readonly judging: { readonly on: 'ci' | 'mean'; readonly confidence: number | null };
  /** What the search minimised over the groups. */
  readonly objective: 'cost' | 'hours';
  readonly status: StaffingStatus;
  /** Every target missed, interval by interval (empty when met). */
  readonly unmet: readonly UnmetTarget[];
  readonly stops: readonly SearchStopOutcome[];
  readonly serviceLevelDefinition: ServiceLevelDefinition;
  readonly intervalSec: number;
  readonly horizonSec: number;
  readonly dayStartSec: number;
  /** The calendar date of time 0 (the scenario's `startDate`); absent when it has none. */
  readonly startDate?: string;
  /** Every target judged in every interval, as `scope.id.metric op bound`. */
  readonly targets: readonly string[];
  readonly intervals: readonly IntervalStaffing[];
  readonly shifts: readonly ShiftStaffing[] | null;
  readonly totals: {
    readonly erlang: PlanTotals;
    readonly simulated: PlanTotals;
    readonly difference: PlanTotals;
    readonly groups: Readonly<Record<string, { readonly erlang: PlanTotals; readonly simulated: PlanTotals }>>;
    readonly intervalsMet: number;
    readonly agreement: Readonly<Record<Agreement, number>>;
  };
  /** Assertions on whole-day scopes (overall, tiers, types), judged on the answer's day. */
  readonly dayAssertions: readonly TargetOutcome[];
  readonly search: { readonly candidates: number; readonly tasks: number; readonly bumpRounds: number; readonly trims: number };
  readonly notes: readonly StaffingNote[];
}
