/**
 * What a `ccsim staff` search is asked (everything that decides its answer): the scenario
 * text and the hashes of the files it reads, its overrides, the seed and replications, the
 * mode and the extra targets. It is the header of the search's JSONL checkpoint, so
 * `--resume` can tell whether a file belongs to the same question.
 */
import { createHash } from 'node:crypto';
import type { ServiceLevelDefinition } from '../../engine/model.js';
import type { InputDigest } from '../inputFiles.js';
import type { Judging } from './judgingRule.js';

/**
 * - `intervals`: a count per interval and group (the default);
 * - `wholeDay`: one constant count per group, judged on the day's figures;
 * - `shifts`: a count per scenario shift, judged interval by interval over the whole day.
 */
export type StaffMode = 'intervals' | 'wholeDay' | 'shifts';
export const STAFF_MODES: readonly StaffMode[] = ['intervals', 'wholeDay', 'shifts'];

/**
 * What the search minimises over the groups' counts: `cost` (agent-hours × each group's
 * `costPerHour`) or `hours` (agent-hours, every group alike).
 */
export type StaffObjective = 'cost' | 'hours';
export const STAFF_OBJECTIVES: readonly StaffObjective[] = ['cost', 'hours'];

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
  /** The files the scenario reads (forecast CSVs), by hash: a changed CSV is another question. */
  readonly inputs: readonly InputDigest[];
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
  /** What the search minimises (`--objective`; resolved: cost when a group has a cost). */
  readonly objective: StaffObjective;
  /** How a target is judged over replications (`--confidence`, `--on mean`). */
  readonly judging: Judging;
}

export const STAFF_CHECKPOINT_FORMAT = 'ccsim-staff';

export const sha16 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function staffDefinitionHash(def: StaffDefinition): string {
  return sha16(JSON.stringify(def));
}

/** What makes two searches' definitions differ, in words (for refusing another search's checkpoint). */
export function staffDefinitionDifference(a: StaffDefinition, b: StaffDefinition): string {
  if (a.scenario.text !== b.scenario.text) return 'the scenario text differs';
  if (JSON.stringify(a.inputs) !== JSON.stringify(b.inputs)) {
    const changed = [...a.inputs, ...b.inputs].find((f) => !a.inputs.some((x) => x.path === f.path && x.sha256 === f.sha256) || !b.inputs.some((x) => x.path === f.path && x.sha256 === f.sha256));
    return `its forecast file ${changed?.path ?? ''} differs`;
  }
  const parts: [string, unknown, unknown][] = [
    ['the --set overrides differ', a.overrides, b.overrides], ['the seed differs', a.seed, b.seed], ['the replications differ', a.replications, b.replications],
    ['the mode (--whole-day, --shifts) differs', a.mode, b.mode], ['the targets (--max-…) differ', a.targets, b.targets],
    ['the scenario\'s assert: lines differ', a.assertions, b.assertions], ['the service-level definition differs', a.serviceLevelDefinition, b.serviceLevelDefinition],
    ['--max-rounds differs', a.maxRounds, b.maxRounds], ['--objective differs', a.objective, b.objective],
    ['the judging (--confidence, --on) differs', a.judging, b.judging], ['the scenario\'s file name differs', a.scenario.label, b.scenario.label],
  ];
  return parts.find(([, x, y]) => JSON.stringify(x) !== JSON.stringify(y))?.[0] ?? 'the definitions differ';
}
