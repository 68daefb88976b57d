/**
 * What a `ccsim staff` search is asked (everything that decides its answer): the scenario
 * text, its overrides, the seed and replications, the mode and the extra targets. It is the
 * header of the search's JSONL checkpoint, so `--resume` can tell whether a file belongs to
 * the same question.
 */
import { createHash } from 'node:crypto';
import type { ServiceLevelDefinition } from '../../engine/model.js';

/**
 * - `intervals`: a count per interval and group (the default);
 * - `wholeDay`: one constant count per group, judged on the day's figures;
 * - `shifts`: a count per scenario shift, judged interval by interval over the whole day.
 */
export type StaffMode = 'intervals' | 'wholeDay' | 'shifts';
export const STAFF_MODES: readonly StaffMode[] = ['intervals', 'wholeDay', 'shifts'];

/** Targets beyond each channel's service level (null: not asked). */
export interface ExtraTargets {
  /** ASA ≤ this on every live channel, seconds (`--max-asa`). */
  readonly maxAsaSec: number | null;
  /** Abandon rate ≤ this on every channel with patience (`--max-abandon`). */
  readonly maxAbandon: number | null;
  /** Occupancy ≤ this in every group (`--max-occupancy`: a cap). */
  readonly maxOccupancy: number | null;
  /** Backlog age p90 ≤ this on every deferred channel, seconds (`--max-backlog-age`). */
  readonly maxBacklogAgeSec: number | null;
}

export interface StaffDefinition {
  /** `label` is the file as given; `text` its contents. */
  readonly scenario: { readonly label: string; readonly text: string };
  readonly overrides: readonly string[];
  readonly seed: number;
  readonly replications: number;
  readonly mode: StaffMode;
  readonly targets: ExtraTargets;
  /** The scenario's `assert:` lines, as written. */
  readonly assertions: readonly string[];
  readonly serviceLevelDefinition: ServiceLevelDefinition | null;
  /** Cap on the rounds of the whole-day re-check (and of the shift search's scaling). */
  readonly maxRounds: number;
}

export const STAFF_CHECKPOINT_FORMAT = 'ccsim-staff';

export const sha16 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function staffDefinitionHash(def: StaffDefinition): string {
  return sha16(JSON.stringify(def));
}
