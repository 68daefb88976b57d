/**
 * The result of `ccsim staff` (the JSON contract, `kind: "staffing"`): per interval and group
 * the Erlang requirement and the simulated one, per interval and channel the achieved
 * metrics with their 95% CIs, totals against the Erlang plan, and notes saying why the two
 * differ. Built by workers/staffing/staff.ts; rendered by the files beside this one.
 */
import type { ServiceLevelDefinition } from '../../engine/model.js';
import type { Estimate } from '../confidence.js';

export const STAFFING_SCHEMA_VERSION = 1;

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
  readonly estimate: Estimate;
  /** pass | fail | inconclusive | undefined (no value: unconstrained). */
  readonly verdict: string;
}

export interface IntervalStaffing {
  readonly startSec: number;
  readonly agreement: Agreement;
  readonly erlangAgents: number;
  readonly simulatedAgents: number;
  readonly met: boolean;
  readonly groups: Readonly<Record<string, GroupStaffing>>;
  readonly channels: Readonly<Record<string, ChannelAchieved>>;
  /** Each target with the answer, and with one agent fewer in this interval. */
  readonly targets: readonly TargetOutcome[];
  readonly oneFewer: readonly TargetOutcome[] | null;
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
  readonly replications: number;
  readonly confidence: number;
  readonly serviceLevelDefinition: ServiceLevelDefinition;
  readonly intervalSec: number;
  readonly horizonSec: number;
  readonly dayStartSec: number;
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
