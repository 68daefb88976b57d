/** Builders of compiled models for engine tests (the scenario loader is tested on its own). */
import { completeModel, type ChannelBasics, type GroupBasics } from '../../engine/defaults.js';
import type { ChannelModel, ContactTypeModel, DistSpec, GroupModel, Model } from '../../engine/model.js';

export const exp = (mean: number): DistSpec => ({ dist: 'exponential', mean });
export const constant = (mean: number): DistSpec => ({ dist: 'constant', mean });

export interface ChannelOptions {
  id?: string;
  perHour?: number;
  ratePerSec?: number[];
  handle?: DistSpec;
  patience?: DistSpec | null;
  targetSec?: number;
  arrivalTimesSec?: number[];
}

export function channel(o: ChannelOptions, intervals: number): ChannelBasics {
  const base = {
    id: o.id ?? 'voice',
    kind: 'voice' as const,
    ratePerSec: o.ratePerSec ?? Array.from({ length: intervals }, () => (o.perHour ?? 300) / 3600),
    handle: o.handle ?? exp(360),
    patience: o.patience ?? null,
    targetSec: o.targetSec ?? 20,
    targetLevel: 0.8,
  };
  return o.arrivalTimesSec ? { ...base, arrivalTimesSec: o.arrivalTimesSec } : base;
}

export interface ModelOptions {
  channels?: ChannelOptions[];
  groups?: GroupBasics[];
  agents?: number;
  horizonSec?: number;
  warmupSec?: number;
  intervalSec?: number;
  replications?: number;
}

/** One voice channel served by one group unless told otherwise. */
export function model(o: ModelOptions = {}): Model {
  const intervalSec = o.intervalSec ?? 1800;
  const horizonSec = o.horizonSec ?? 8 * 3600;
  const intervals = Math.round(horizonSec / intervalSec);
  const channels = (o.channels ?? [{}]).map((c) => channel(c, intervals));
  return completeModel({
    name: 'test',
    seed: 1,
    replications: o.replications ?? 10,
    horizonSec,
    warmupSec: o.warmupSec ?? 0,
    intervalSec,
    intervalCount: intervals,
    serviceLevelDefinition: 'excludeShortAbandons',
    channels,
    groups: o.groups ?? [{ id: 'team', channels: channels.map((_, i) => i), count: o.agents ?? 35 }],
  });
}

export const sum = (a: ArrayLike<number>): number => Array.from(a).reduce((s, x) => s + x, 0);

/** Replaces fields of channel ch of a model. */
export function withChannel(m: Model, ch: number, fields: Partial<ChannelModel>): Model {
  return { ...m, channels: m.channels.map((c, i) => (i === ch ? { ...c, ...fields } : c)) };
}

/** Replaces fields of channel 0 and group 0 of a model (and of the model itself). */
export function tweak(m: Model, channel: Partial<ChannelModel>, group: Partial<GroupModel> = {}, extra: Partial<Model> = {}): Model {
  const groups = m.groups.map((g, i) => (i === 0 ? { ...g, ...group } : g));
  return { ...withChannel(m, 0, channel), ...extra, groups };
}

/** 200 calls an hour, 30 agents at each of tiers 1–3; one type escalating with `escalation` (to tier 2, then 3). */
export function tieredModel(escalation: [number, number]): Model {
  const types: ContactTypeModel[] = [{ id: 'issue', share: 1, priority: 2, handleByTier: [exp(300), exp(600), exp(1800)], escalation, fcr: 1 }];
  const m = model({ agents: 30, horizonSec: 4 * 3600, channels: [{ perHour: 200 }] });
  const t2: GroupModel = { ...m.groups[0]!, id: 'tier2', tier: 2 };
  const t3: GroupModel = { ...m.groups[0]!, id: 'tier3', tier: 3 };
  return { ...tweak(m, { types }), groups: [m.groups[0]!, t2, t3] };
}
