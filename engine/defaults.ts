/**
 * The defaults of every optional mechanism, in one place: the values a model takes where its
 * description — a scenario file, or a model a library user or a test builds by hand — leaves
 * a setting out. `completeModel` below fills a bare model with them; the scenario file's
 * defaults (scenarios/schema/defaults.ts) are these values as a file writes them, and the
 * scenario compiler (scenarios/compile/) reads them from there.
 */
import { DAY_SEC } from './time.js';
import type { ChannelKind, ChannelModel, DistSpec, GroupModel, Model, ShrinkageModel, SkillModel, TierModel } from './model.js';

/** The fields a bare voice-like channel needs; everything else takes its default. */
export type ChannelBasics = Pick<ChannelModel, 'id' | 'kind' | 'ratePerSec' | 'handle' | 'patience' | 'targetSec' | 'targetLevel'> &
  Partial<ChannelModel>;

export type GroupBasics = Pick<GroupModel, 'id' | 'channels' | 'count'> & Partial<GroupModel>;

/** Every optional setting a model (or a scenario) may leave out, and its value then. */
export const MODEL_DEFAULTS = {
  /** Which service level a result reports (DESIGN §3), and the threshold T of the 80/20 standard (voice). */
  serviceLevelDefinition: 'excludeShortAbandons',
  targetSec: 20,
  /** A contact type's priority: "normal" on a P1–P4 scale (P1 and P2 are for outages and urgent work, DOMAIN.md). */
  priority: 3,
  /** Share of contacts resolved at first contact (no repeat). */
  fcr: 1,
  /** Sessions an agent holds at once, and how much slower each is for it (a scenario's `sessionHandleFactor`). */
  concurrency: 1,
  concurrencyFactor: 1,
  /** Share of contacts contained by self-service, and the handle time of the rest relative to the channel's. */
  deflection: 0,
  residualHandleFactor: 1,
  overdispersion: 0,
  initialBacklog: 0,
  /** A group's tier, and a skill's rank and overflow delay. */
  tier: 1,
  skillRank: 1,
  skillAfterSec: 0,
  /** Length of one planned-shrinkage period. */
  shrinkagePeriodSec: 1800,
  costPerHour: 0,
} as const;

/** A skill's `type` that covers every contact type of its channel. */
export const EVERY_TYPE = -1;

/** Channel kinds whose work waits in a backlog: nobody abandons, SL counts resolution (DESIGN §2). */
export const DEFERRED_KINDS: readonly ChannelKind[] = ['email', 'social'];
/** Channel kinds where an agent holds several sessions at once. */
export const CONCURRENT_KINDS: readonly ChannelKind[] = ['chat', 'messaging'];

export const NO_SHRINKAGE: ShrinkageModel = { planned: 0, periodSec: MODEL_DEFAULTS.shrinkagePeriodSec, absenteeism: 0 };

/** A repeat comes back after a day on average unless told otherwise. */
export const DEFAULT_REPEAT_DELAY: DistSpec = { dist: 'exponential', mean: DAY_SEC };

/** The skill of a group that names a channel and nothing more: every type, at the default rank, without delay. */
export function channelSkill(channel: number): SkillModel {
  return { channel, type: EVERY_TYPE, rank: MODEL_DEFAULTS.skillRank, afterSec: MODEL_DEFAULTS.skillAfterSec };
}

/** Tier 2 takes the customer on the line; Tier 3 works tickets (DESIGN §2 item 5). Tier 1 receives no escalations. */
export const DEFAULT_TIERS: readonly [TierModel, TierModel, TierModel] = [
  { tier: 1, mode: 'transfer', targetSec: null },
  { tier: 2, mode: 'transfer', targetSec: null },
  { tier: 3, mode: 'ticket', targetSec: null },
];

export function completeChannel(c: ChannelBasics): ChannelModel {
  return {
    types: [{ id: c.id, share: 1, priority: MODEL_DEFAULTS.priority, handleByTier: [c.handle, null, null], escalation: [0, 0], fcr: MODEL_DEFAULTS.fcr }],
    deflection: MODEL_DEFAULTS.deflection,
    residualHandleFactor: MODEL_DEFAULTS.residualHandleFactor,
    deflectionReturn: null,
    concurrency: MODEL_DEFAULTS.concurrency,
    concurrencyFactor: MODEL_DEFAULTS.concurrencyFactor,
    deferred: DEFERRED_KINDS.includes(c.kind),
    openHours: null,
    retrial: null,
    callback: null,
    repeatDelay: DEFAULT_REPEAT_DELAY,
    overdispersion: MODEL_DEFAULTS.overdispersion,
    initialBacklog: MODEL_DEFAULTS.initialBacklog,
    handleMeanByIntervalSec: null,
    patienceMeanByIntervalSec: null,
    ...c,
  };
}

/** `count` agents on duty for the whole run (warm-up included) unless shifts are given. */
export function completeGroup(g: GroupBasics, warmupSec: number, horizonSec: number): GroupModel {
  const always = [{ startSec: -warmupSec, endSec: horizonSec, breaks: [] }];
  return {
    tier: MODEL_DEFAULTS.tier,
    skills: g.channels.map(channelSkill),
    agentShifts: Array.from({ length: g.count }, () => always),
    agentKeys: Array.from({ length: g.count }, (_, k) => String(k)),
    shrinkage: NO_SHRINKAGE,
    costPerHour: MODEL_DEFAULTS.costPerHour,
    ...g,
  };
}

export type ModelBasics = Omit<Model, 'channels' | 'groups' | 'tiers'> & {
  readonly channels: readonly ChannelBasics[];
  readonly groups: readonly GroupBasics[];
  readonly tiers?: Model['tiers'];
};

export function completeModel(m: ModelBasics): Model {
  return {
    ...m,
    channels: m.channels.map(completeChannel),
    groups: m.groups.map((g) => completeGroup(g, m.warmupSec, m.horizonSec)),
    tiers: m.tiers ?? DEFAULT_TIERS,
  };
}
