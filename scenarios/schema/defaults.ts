/**
 * What a scenario file means when it leaves a field out, as it would be written in the file.
 * Every default the compiled model shares is taken from engine/defaults.ts (the one table),
 * written here as a file writes it; only the scenario's own settings (seed, interval, targets…)
 * are set here.
 */
import { DEFAULT_TIERS, MODEL_DEFAULTS as M } from '../../engine/defaults.js';
import type { ChannelKind } from '../../engine/model.js';
import { exactDuration } from '../duration.js';

export { CONCURRENT_KINDS, DEFERRED_KINDS } from '../../engine/defaults.js';

/** Response targets by channel kind, from DOMAIN.md ("chat first response < 2 min; social < 60 min; email < 24 h"). */
export const TARGET_WITHIN_BY_KIND: Readonly<Record<ChannelKind, string>> = {
  /** `20s`: the 80/20 standard's T, the Erlang calculators' default too. */
  voice: exactDuration(M.targetSec),
  chat: '2m',
  // No figure in DOMAIN.md: messaging is run like chat (sessions, patience), so it gets chat's target.
  messaging: '2m',
  email: '24h',
  social: '1h',
};

export const SCENARIO_DEFAULTS = {
  seed: 1,
  replications: 20,
  warmup: 0,
  interval: '30m',
  /** Time 0 is midnight unless the scenario says at what time of day it starts. */
  dayStart: 0,
  serviceLevelDefinition: M.serviceLevelDefinition,
  targetLevel: 0.8,
  priority: M.priority,
  fcr: M.fcr,
  concurrency: M.concurrency,
  sessionHandleFactor: M.concurrencyFactor,
  deflection: M.deflection,
  residualHandle: M.residualHandleFactor,
  overdispersion: M.overdispersion,
  initialBacklog: M.initialBacklog,
  callbackTarget: '1h',
  tier: M.tier,
  skillRank: M.skillRank,
  skillAfter: M.skillAfterSec,
  /** `30m`. */
  shrinkagePeriod: exactDuration(M.shrinkagePeriodSec),
  costPerHour: M.costPerHour,
  tier2Mode: DEFAULT_TIERS[1].mode,
  tier3Mode: DEFAULT_TIERS[2].mode,
} as const;
