/**
 * The result of `ccsim schedule` (the JSON contract, `kind: "schedule"`): the shifts placed
 * (template, start, count, breaks), paid hours, FTE per week and cost of the schedule and of
 * the Erlang cover beside it, per interval the Erlang requirement, both coverages and the
 * achieved metrics with their CIs at the chosen confidence, the day's targets, and the rounds
 * of the search. Built by workers/scheduling/schedule.ts; rendered by reports/schedule/.
 */
import type { Estimate } from '../confidence.js';

export const SCHEDULE_SCHEMA_VERSION = 1;

export interface ScheduledBreak {
  readonly startSec: number;
  readonly lengthSec: number;
  readonly paid: boolean;
}

export interface ScheduledShift {
  readonly template: string;
  /** Seconds from the start of the recorded day (time 0). */
  readonly startSec: number;
  readonly lengthSec: number;
  readonly count: number;
  readonly breaks: readonly ScheduledBreak[];
}

/** One day-level or per-interval target, as judged. */
export interface JudgedTarget {
  readonly target: string;
  /** Mean and CI at the result's confidence (the CI in `ci95`'s slot, whatever the confidence). */
  readonly estimate: Estimate;
  /** pass | fail | inconclusive | undefined (no value: unconstrained). */
  readonly verdict: string;
  readonly met: boolean;
}

export interface ChannelFigures {
  readonly offered: Estimate;
  readonly serviceLevel: Estimate;
  readonly asaSec: Estimate;
  readonly abandonRate: Estimate;
}

export interface ScheduleInterval {
  readonly startSec: number;
  /** The interval's date-time, `2026-03-02T08:30`, when the scenario has a startDate. */
  readonly start?: string;
  /** Erlang C/A scheduled heads (÷ availability): the Erlang cover's requirement. */
  readonly erlangRequired: number;
  /** The requirement the last program covered (Erlang raised by the cuts; 0 at day level). */
  readonly required: number;
  /** Agents on duty in the schedule (breaks taken out) and in the Erlang cover. */
  readonly coverage: number;
  readonly erlangCoverage: number;
  /** Every target met in this interval (judged on the final fresh replications). */
  readonly met: boolean;
  readonly channels: Readonly<Record<string, ChannelFigures>>;
  /** The targets this interval missed (empty when met). */
  readonly missed: readonly JudgedTarget[];
}

/** Paid hours, FTE and cost of one schedule, and how it did on the fresh replications. */
export interface PlanSummary {
  readonly paidHours: number;
  /** Paid hours per week ÷ 40 (a horizon shorter than a week repeated over the week). */
  readonly ftePerWeek: number;
  readonly cost: number;
  /** Intervals meeting every target ÷ intervals with contacts. */
  readonly intervalsMet: number;
  readonly intervalsJudged: number;
  /** Every target on the whole day's figures. */
  readonly day: readonly JudgedTarget[];
  /** Every target met in the result's mode (per interval, or on the day). */
  readonly met: boolean;
}

/** What missed when a schedule that met every target on the search's replications is judged on fresh ones. */
export interface ScheduleConfirmation {
  /** Start times (s) of the intervals that missed. */
  readonly failing: readonly number[];
  /** Day targets missed, by label. */
  readonly missedDayTargets: readonly string[];
}

export interface ScheduleRound {
  readonly round: number;
  readonly paidHours: number;
  readonly cost: number;
  /** Start times (s) of the intervals that missed on the search's replications (per-interval mode). */
  readonly failing: readonly number[];
  /** When the search's replications met every target: what missed on the fresh ones (start times; day targets). */
  readonly confirmation: ScheduleConfirmation | null;
  /** Day targets missed (day level). */
  readonly missedDayTargets: readonly string[];
  readonly cutsAdded: number;
}

export interface ScheduleResult {
  readonly schemaVersion: number;
  readonly kind: 'schedule';
  readonly scenario: string;
  readonly templates: string;
  readonly group: string;
  readonly mode: 'intervals' | 'dayLevel';
  readonly seed: number;
  readonly replications: number;
  readonly confidence: number;
  readonly intervalSec: number;
  readonly horizonSec: number;
  readonly dayStartSec: number;
  /** The calendar date of time 0 (the scenario's `startDate`); absent when it has none. */
  readonly startDate?: string;
  readonly targets: readonly string[];
  /** Every target met on the fresh replications (exit 0). */
  readonly met: boolean;
  /** As `ccsim staff` says it: met; unmet; stoppedEarly (--max-rounds reached). */
  readonly status: 'met' | 'unmet' | 'stoppedEarly';
  /** How the search ended: met, rounds (--max-rounds reached), infeasible, stuck (a cut no schedule can meet). */
  readonly state: string;
  readonly shifts: readonly ScheduledShift[];
  readonly schedule: PlanSummary;
  readonly erlangCover: PlanSummary;
  readonly mip: { readonly status: string; readonly gap: number; readonly columns: number };
  readonly intervals: readonly ScheduleInterval[];
  readonly rounds: readonly ScheduleRound[];
  readonly search: { readonly candidates: number; readonly simulations: number; readonly freshSeed: number };
}
