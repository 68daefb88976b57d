/**
 * Completing a minimal model description with the defaults of every optional mechanism:
 * for library users who build a `Model` by hand and for tests. The scenario compiler fills
 * the same defaults from the scenario file (scenarios/compile.ts); keep them in step.
 */
import { DAY_SEC } from './time.js';
import type { ChannelModel, DistSpec, GroupModel, Model, ShrinkageModel, TierModel } from './model.js';

/** The fields a bare voice-like channel needs; everything else takes its default. */
export type ChannelBasics = Pick<ChannelModel, 'id' | 'kind' | 'ratePerSec' | 'handle' | 'patience' | 'targetSec' | 'targetLevel'> &
  Partial<ChannelModel>;

export type GroupBasics = Pick<GroupModel, 'id' | 'channels' | 'count'> & Partial<GroupModel>;

export const NO_SHRINKAGE: ShrinkageModel = { planned: 0, periodSec: 1800, absenteeism: 0 };

/** A repeat comes back after a day on average unless told otherwise. */
export const DEFAULT_REPEAT_DELAY: DistSpec = { dist: 'exponential', mean: DAY_SEC };

export const DEFAULT_TIERS: readonly [TierModel, TierModel, TierModel] = [
  { tier: 1, mode: 'transfer', targetSec: null },
  { tier: 2, mode: 'transfer', targetSec: null },
  { tier: 3, mode: 'ticket', targetSec: null },
];

export function completeChannel(c: ChannelBasics): ChannelModel {
  return {
    types: [{ id: c.id, share: 1, priority: 3, handleByTier: [c.handle, null, null], escalation: [0, 0], fcr: 1 }],
    deflection: 0,
    residualHandleFactor: 1,
    deflectionReturn: null,
    concurrency: 1,
    concurrencyFactor: 1,
    deferred: c.kind === 'email' || c.kind === 'social',
    openHours: null,
    retrial: null,
    callback: null,
    repeatDelay: DEFAULT_REPEAT_DELAY,
    overdispersion: 0,
    initialBacklog: 0,
    handleMeanByIntervalSec: null,
    patienceMeanByIntervalSec: null,
    ...c,
  };
}

/** `count` agents on duty for the whole run (warm-up included) unless shifts are given. */
export function completeGroup(g: GroupBasics, warmupSec: number, horizonSec: number): GroupModel {
  const always = [{ startSec: -warmupSec, endSec: horizonSec, breaks: [] }];
  return {
    tier: 1,
    skills: g.channels.map((channel) => ({ channel, type: -1, rank: 1, afterSec: 0 })),
    agentShifts: Array.from({ length: g.count }, () => always),
    agentKeys: Array.from({ length: g.count }, (_, k) => String(k)),
    shrinkage: NO_SHRINKAGE,
    costPerHour: 0,
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
