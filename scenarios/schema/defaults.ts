/**
 * What a scenario file means when it leaves a field out, as it would be written in the file.
 * The compiled-model defaults for bare models (engine/defaults.ts) are the same values;
 * keep the two in step.
 */
import type { ChannelKind } from '../../engine/model.js';

/** Response targets by channel kind, from DOMAIN.md ("chat first response < 2 min; social < 60 min; email < 24 h"). */
export const TARGET_WITHIN_BY_KIND: Readonly<Record<ChannelKind, string>> = {
  voice: '20s',
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
  serviceLevelDefinition: 'excludeShortAbandons',
  /** The voice target; other kinds take `TARGET_WITHIN_BY_KIND`. */
  targetWithin: '20s',
  targetLevel: 0.8,
  /** "Normal" on a P1–P4 scale: P1 and P2 are for outages and urgent work (DOMAIN.md). */
  priority: 3,
  fcr: 1,
  concurrency: 1,
  sessionHandleFactor: 1,
  deflection: 0,
  residualHandle: 1,
  overdispersion: 0,
  initialBacklog: 0,
  callbackTarget: '1h',
  tier: 1,
  skillRank: 1,
  skillAfter: 0,
  shrinkagePeriod: '30m',
  costPerHour: 0,
  /** Tier 2 takes the customer on the line; Tier 3 works tickets (DESIGN §2 item 5). */
  tier2Mode: 'transfer',
  tier3Mode: 'ticket',
} as const;

/** Channel kinds whose work waits in a backlog: nobody abandons, SL counts resolution (DESIGN §2). */
export const DEFERRED_KINDS: readonly ChannelKind[] = ['email', 'social'];
/** Channel kinds where an agent holds several sessions at once. */
export const CONCURRENT_KINDS: readonly ChannelKind[] = ['chat', 'messaging'];
