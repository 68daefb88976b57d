/**
 * What a `ccsim schedule` search is asked: everything a `ccsim staff` search is asked
 * (workers/staffing/definition.ts: the scenario, its files, overrides, seed, replications,
 * targets) plus the shift templates, the confidence and the kind of targets. It is the header
 * of the search's checkpoint (the staffing layout, format `ccsim-staff`, read and written by
 * workers/staffing/evaluator.ts), so `--resume` refuses a file written for other templates,
 * another confidence or the other target kind.
 */
import type { StaffDefinition } from '../staffing/definition.js';

/** The confidences `--confidence` accepts (two-sided t intervals over replications). */
export const SCHEDULE_CONFIDENCES = [0.9, 0.95, 0.99] as const;
export type ScheduleConfidence = (typeof SCHEDULE_CONFIDENCES)[number];

export interface ScheduleOptions {
  /** The templates file: `label` as given, `text` its contents (hashed into the checkpoint header). */
  readonly templates: { readonly label: string; readonly text: string };
  /** Every target is met when the whole two-sided CI at this confidence meets its bound. */
  readonly confidence: ScheduleConfidence;
  /** `--day-level`: targets judged on the whole day's figures, cuts from finite differences. */
  readonly dayLevel: boolean;
}

/** A staffing definition (mode `intervals`) with the schedule's own options. */
export interface ScheduleDefinition extends StaffDefinition {
  readonly schedule: ScheduleOptions;
}
