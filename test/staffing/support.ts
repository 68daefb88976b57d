// Helpers of the staffing suites: a search run in this thread (--workers 0) on scenario text.
import { pino } from 'pino';
import type { StaffingResult } from '../../reports/staffing/result.js';
import { loadScenarioText } from '../../scenarios/load.js';
import type { StaffDefinition } from '../../workers/staffing/definition.js';
import { DEFAULT_JUDGING } from '../../workers/staffing/judgingRule.js';
import { runStaffing } from '../../workers/staffing/staff.js';

export const NO_EXTRA = { maxAsaSec: null, maxAbandon: null, maxOccupancy: null, maxBacklogAgeSec: null } as const;

export function definitionOf(text: string, over: Partial<StaffDefinition> = {}): StaffDefinition {
  const { model } = loadScenarioText(text, 'test.yaml');
  return {
    scenario: { label: 'test.yaml', text }, inputs: [], overrides: [], seed: model.seed, replications: 20, mode: 'intervals',
    targets: NO_EXTRA, assertions: [], serviceLevelDefinition: null, maxRounds: 8,
    objective: model.groups.some((g) => g.costPerHour > 0) ? 'cost' : 'hours', judging: DEFAULT_JUDGING, ...over,
  };
}

export function staff(definition: StaffDefinition, out: string | null = null, resume = false): Promise<StaffingResult> {
  return runStaffing({ definition, workers: 0, out, resume, signal: new AbortController().signal, logger: pino({ level: 'silent' }) });
}

/** A single-group voice scenario, pure M/M/c unless `patience` is given; `interval` in whole hours ("2h"). */
export function voiceScenario(volumes: readonly number[], interval: string, patience = '', warmup = '30m'): string {
  const hours = Number(/^(\d+)h$/.exec(interval)?.[1] ?? NaN);
  if (!Number.isInteger(hours)) throw new Error(`voiceScenario: interval must be whole hours like "2h" (got "${interval}")`);
  return `name: staffing test
seed: 1
replications: 20
horizon: ${volumes.length * hours}h
warmup: ${warmup}
interval: ${interval}
channels:
  - id: voice
    kind: voice
    arrivals: { volumes: [${volumes.join(', ')}] }
    handle: { dist: exponential, mean: 6m }
${patience}    target: { within: 20s, level: 0.8 }
agents:
  - id: team
    channels: [voice]
    count: 30
`;
}
