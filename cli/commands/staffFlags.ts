/**
 * The flags of `ccsim staff`, checked (every mistake at once, each naming its flag: exit 2)
 * and turned into the search's definition (workers/staffing/definition.ts).
 */
import { dirname } from 'node:path';
import { InputError } from '../../engine/errors.js';
import { chosenFormat } from '../formatFlags.js';
import { maxInputBytes, type InputArgs } from '../inputFlags.js';
import { readScenarioText } from '../scenarioText.js';
import { SERVICE_LEVEL_DEFINITIONS, type ServiceLevelDefinition } from '../../engine/model.js';
import { parseDuration } from '../../scenarios/duration.js';
import { parseShare, percentHint } from '../../scenarios/share.js';
import { digestsOf, readInputFiles } from '../../workers/inputFiles.js';
import { STAFF_OBJECTIVES, type StaffDefinition, type StaffMode, type StaffObjective } from '../../workers/staffing/definition.js';
import { CONFIDENCE_LEVELS, DEFAULT_JUDGING, type ConfidenceLevel, type Judging } from '../../workers/staffing/judgingRule.js';
import { workersProblem } from '../workersFlag.js';

export interface StaffArgs extends InputArgs {
  file: string;
  'whole-day': boolean;
  shifts: boolean;
  replications?: number;
  seed?: number;
  set?: string[];
  'sl-definition'?: string;
  'max-asa'?: string;
  'max-abandon'?: string;
  'max-occupancy'?: string;
  'max-backlog-age'?: string;
  'max-rounds': number;
  objective?: string;
  confidence?: string | number;
  on?: string;
  workers?: number;
  out?: string;
  resume: boolean;
  json?: boolean;
  format?: string;
  report?: string;
  'log-level': string;
}

export const STAFF_FORMATS = ['text', 'json', 'csv', 'html'] as const;
export type StaffFormat = (typeof STAFF_FORMATS)[number];
/** Replications per candidate when neither the flag nor … is given: enough for a CI on a half-hour. */
export const DEFAULT_STAFF_REPLICATIONS = 20;
const MAX_REPLICATIONS = 10_000;

/** A duration flag in seconds (`20s`, `2m`, or a number of seconds), or a problem. */
export function durationFlag(flag: string, text: string | undefined, p: string[]): number | null {
  if (text === undefined) return null;
  const r = parseDuration(/^\d+(\.\d+)?$/.test(text) ? Number(text) : text);
  if (!r.ok) { p.push(`--${flag}: must be a duration such as 20s, 2m or 1h (got "${text}")`); return null; }
  return r.seconds;
}

/** A share flag (`0.05` or `5%`, scenarios/share.ts) in (0, 1], or a problem. */
export function shareFlag(flag: string, text: string | undefined, p: string[]): number | null {
  if (text === undefined) return null;
  const parsed = parseShare(String(text));
  const x = parsed.ok ? parsed.share : NaN;
  if (!(x > 0 && x <= 1)) {
    const hint = percentHint(String(text));
    p.push(`--${flag}: must be a share above 0 and at most 1, e.g. 0.05 or 5%${hint === undefined ? '' : `: ${hint}`} (got "${text}")`);
    return null;
  }
  return x;
}

const isWhole = (v: number, min: number, max: number): boolean => Number.isInteger(v) && v >= min && v <= max;

export const JUDGING_BASES = ['ci', 'mean'] as const;

/** `--confidence` (0.9, 0.95 or 0.99; also 90%…) and `--on ci|mean` as a judging rule, or problems. */
function judgingFlags(a: StaffArgs, p: string[]): Judging {
  const on = a.on ?? 'ci';
  if (!(JUDGING_BASES as readonly string[]).includes(on)) p.push(`--on: must be one of ${JUDGING_BASES.join(', ')} (got "${on}")`);
  if (a.confidence === undefined) return on === 'mean' ? { on: 'mean' } : DEFAULT_JUDGING;
  const parsed = parseShare(String(a.confidence));
  const level = CONFIDENCE_LEVELS.find((c) => parsed.ok && Math.abs(parsed.share - c) < 1e-12);
  if (level === undefined) p.push(`--confidence: must be one of ${CONFIDENCE_LEVELS.join(', ')} (got "${a.confidence}")`);
  if (on === 'mean') p.push(`--confidence: applies to the CI rule; --on mean judges the mean alone (got --confidence ${a.confidence} with --on mean)`);
  return { on: 'ci', confidence: (level ?? 0.95) as ConfidenceLevel };
}

/** `--objective`, or its default: cost when any group has a cost per hour, else hours. */
function objectiveFlag(a: StaffArgs, anyCost: boolean, p: string[]): StaffObjective {
  if (a.objective === undefined) return anyCost ? 'cost' : 'hours';
  if (!(STAFF_OBJECTIVES as readonly string[]).includes(a.objective)) {
    p.push(`--objective: must be one of ${STAFF_OBJECTIVES.join(', ')} (got "${a.objective}")`);
    return 'hours';
  }
  if (a.objective === 'cost' && !anyCost) p.push('--objective: cost needs a costPerHour on some group (agents[].costPerHour), none has one; use --objective hours (got "cost")');
  return a.objective as StaffObjective;
}


/**
 * Checks every flag, then reads the scenario: the definition of the search. `scenarioInfo`
 * gives the scenario's seed and `assert:` lines once its text compiles.
 */
export function staffDefinition(a: StaffArgs, scenarioInfo: (text: string, label: string) => { seed: number; assertions: string[]; anyCost: boolean }): StaffDefinition {
  const p: string[] = [];
  if (a.replications !== undefined && !isWhole(a.replications, 2, MAX_REPLICATIONS)) {
    p.push(`--replications: must be a whole number from 2 to ${MAX_REPLICATIONS} (a CI needs at least 2) (got ${a.replications})`);
  }
  if (a.seed !== undefined && !isWhole(a.seed, 0, Number.MAX_SAFE_INTEGER)) p.push(`--seed: must be a non-negative integer (got ${a.seed})`);
  p.push(...workersProblem(a.workers));
  if (!isWhole(a['max-rounds'], 0, 1000)) p.push(`--max-rounds: must be a whole number from 0 to 1000 (got ${a['max-rounds']})`);
  if (a['whole-day'] && a.shifts) p.push('--whole-day and --shifts: give one of them');
  if (a.resume && a.out === undefined) p.push('--resume: needs --out FILE, the search file to continue');
  const def = a['sl-definition'];
  if (def !== undefined && !(SERVICE_LEVEL_DEFINITIONS as readonly string[]).includes(def)) p.push(`--sl-definition: must be one of ${SERVICE_LEVEL_DEFINITIONS.join(', ')} (got "${def}")`);
  for (const fn of [() => chosenFormat(a, STAFF_FORMATS, 'text'), () => maxInputBytes(a)]) {
    try {
      fn();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      p.push(...err.problems);
    }
  }
  const targets = {
    maxAsaSec: durationFlag('max-asa', a['max-asa'], p),
    maxAbandon: shareFlag('max-abandon', a['max-abandon'], p),
    maxOccupancy: shareFlag('max-occupancy', a['max-occupancy'], p),
    maxBacklogAgeSec: durationFlag('max-backlog-age', a['max-backlog-age'], p),
  };
  const judging = judgingFlags(a, p);
  if (p.length > 0) throw new InputError(p);
  const cap = maxInputBytes(a);
  const text = readScenarioText(a.file, cap);
  const info = scenarioInfo(text, a.file);
  const objective = objectiveFlag(a, info.anyCost, p);
  if (p.length > 0) throw new InputError(p);
  const mode: StaffMode = a.shifts ? 'shifts' : a['whole-day'] ? 'wholeDay' : 'intervals';
  return {
    scenario: { label: a.file, text },
    inputs: digestsOf(readInputFiles(text, dirname(a.file), [a.set ?? []], cap)),
    overrides: a.set ?? [],
    seed: a.seed ?? info.seed,
    replications: a.replications ?? DEFAULT_STAFF_REPLICATIONS,
    mode,
    targets,
    assertions: info.assertions,
    serviceLevelDefinition: (def as ServiceLevelDefinition | undefined) ?? null,
    maxRounds: a['max-rounds'],
    objective,
    judging,
  };
}
