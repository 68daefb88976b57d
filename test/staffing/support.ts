// Helpers of the staffing suites: a search run in this thread (--workers 0) on scenario text.
import { pino } from 'pino';
import type { StaffingResult } from '../../analysis/staffing/result.js';
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

export interface TeamsOptions {
  /** Which channels to keep (both by default). */
  readonly channels?: readonly ('voice' | 'chat')[];
  /** The voice team also holds chat as a rank-2 skill (blending). */
  readonly blended?: boolean;
  /** Cost per hour of the voice team and of the chat team (none by default). */
  readonly costs?: readonly [number, number];
}

/**
 * A voice team (voice only) and a chat team (chat only), three 1-hour intervals, no patience:
 * voice is M/M/c; chat's day volume varies ±30% around its forecast (overdispersion) and its
 * handle times are lognormal with cv 2, so it needs far more agents than Erlang C says and its
 * target is the noisy one — the case of issue 15, where one total split by Erlang's ratio gave
 * the voice team agents only chat needed (seeds 1 and 2 of this pair: 203 and 204 agent-hours
 * against 174 and 179 for the teams alone, before the coordinate search). `channels` keeps one team alone (with the same ids, so its random streams are the
 * ones it has in the pair).
 */
export function teamsScenario(o: TeamsOptions = {}): string {
  const keep = o.channels ?? ['voice', 'chat'];
  const cost = (i: number): string => (o.costs ? `    costPerHour: ${o.costs[i]}\n` : '');
  const voice = `  - id: voice
    kind: voice
    arrivals: { volumes: [200, 320, 260] }
    handle: { dist: exponential, mean: 6m }
    target: { within: 20s, level: 0.8 }
`;
  const chat = `  - id: chat
    kind: chat
    arrivals: { volumes: [60, 110, 90] }
    handle: { dist: lognormal, mean: 10m, cv: 2 }
    overdispersion: 0.3
    target: { within: 60s, level: 0.8 }
`;
  const voiceTeam = `  - id: voice-team
    skills: [voice${o.blended ? ', { channel: chat, rank: 2 }' : ''}]
    count: 30
${cost(0)}`;
  const chatTeam = `  - id: chat-team
    channels: [chat]
    count: 20
${cost(1)}`;
  return `name: two teams
seed: 1
replications: 10
horizon: 3h
warmup: 30m
interval: 1h
channels:
${keep.includes('voice') ? voice : ''}${keep.includes('chat') ? chat : ''}agents:
${keep.includes('voice') ? voiceTeam : ''}${keep.includes('chat') ? chatTeam : ''}`;
}
