/** Builders of compiled models for engine tests (the scenario loader is tested on its own). */
import { completeModel, type ChannelBasics, type GroupBasics } from '../../engine/defaults.js';
import type { DistSpec, Model } from '../../engine/model.js';

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
