/**
 * The flags of `ccsim schedule`, checked (every mistake at once, each naming its flag: exit 2)
 * and turned into the search's definition (workers/scheduling/definition.ts). The flags it
 * shares with `ccsim staff` (replications, seed, --set, targets, --max-rounds, --out, --resume)
 * are checked by staffFlags.ts, with the same rules.
 */
import { InputError } from '../../engine/errors.js';
import { readInputFile } from '../../scenarios/inputFile.js';
import { SCHEDULE_CONFIDENCES, type ScheduleConfidence, type ScheduleDefinition } from '../../workers/scheduling/definition.js';
import { maxInputBytes } from '../inputFlags.js';
import { staffDefinition, type StaffArgs } from './staffFlags.js';

export interface ScheduleArgs extends Omit<StaffArgs, 'whole-day' | 'shifts'> {
  templates?: string;
  confidence: number;
  'day-level': boolean;
}

export const SCHEDULE_FORMATS = ['text', 'json', 'csv', 'html'] as const;
export type ScheduleFormat = (typeof SCHEDULE_FORMATS)[number];

export function scheduleDefinition(a: ScheduleArgs, scenarioInfo: (text: string, label: string) => { seed: number; assertions: string[]; anyCost: boolean }): ScheduleDefinition {
  const p: string[] = [];
  if (a.templates === undefined) p.push('--templates: required: the shift templates file (YAML), e.g. scenarios/bank-day-shifts.yaml');
  if (!(SCHEDULE_CONFIDENCES as readonly number[]).includes(a.confidence)) p.push(`--confidence: must be one of ${SCHEDULE_CONFIDENCES.join(', ')} (got ${a.confidence})`);
  let staff;
  try {
    staff = staffDefinition({ ...a, 'whole-day': false, shifts: false }, scenarioInfo);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError([...p, ...err.problems]);
  }
  if (p.length > 0) throw new InputError(p);
  const label = a.templates as string;
  const text = readInputFile(label, 'template file', maxInputBytes(a));
  return { ...staff, schedule: { templates: { label, text }, confidence: a.confidence as ScheduleConfidence, dayLevel: a['day-level'] } };
}
