/**
 * A validated scenario → the engine's compiled `Model` (engine/model.ts): ids become
 * indices, arrivals become a Poisson rate per second for every interval, and the result is
 * frozen, because the kernel trusts it and never validates it again (STYLE habit 4).
 * Durations are already seconds in a `Scenario`, so they pass through unchanged.
 */
import { completeModel, type ChannelBasics, type GroupBasics } from '../engine/defaults.js';
import type { Model } from '../engine/model.js';
import type { AgentGroupSpec, ChannelSpec, Scenario } from './schema.js';

const SECONDS_PER_HOUR = 3600;

export function compileScenario(scenario: Scenario): Model {
  const intervalCount = Math.round(scenario.horizon / scenario.interval);
  const channelIndex = new Map(scenario.channels.map((channel, i) => [channel.id, i]));
  const model: Model = completeModel({
    name: scenario.name,
    seed: scenario.seed,
    replications: scenario.replications,
    horizonSec: scenario.horizon,
    warmupSec: scenario.warmup,
    intervalSec: scenario.interval,
    intervalCount,
    serviceLevelDefinition: scenario.serviceLevel.definition,
    channels: scenario.channels.map((channel) => compileChannel(channel, intervalCount, scenario.interval)),
    groups: scenario.agents.map((group) => compileGroup(group, channelIndex)),
  });
  return deepFreeze(model);
}

/** `perHour` is one rate for every interval; `volumes[i]` is spread over interval i. */
export function arrivalRatesPerSec(arrivals: ChannelSpec['arrivals'], intervalCount: number, intervalSec: number): number[] {
  if (arrivals.volumes !== undefined) return arrivals.volumes.map((volume) => volume / intervalSec);
  const perSec = (arrivals.perHour ?? 0) / SECONDS_PER_HOUR;
  return new Array<number>(intervalCount).fill(perSec);
}

function compileChannel(channel: ChannelSpec, intervalCount: number, intervalSec: number): ChannelBasics {
  return {
    id: channel.id,
    kind: channel.kind,
    ratePerSec: arrivalRatesPerSec(channel.arrivals, intervalCount, intervalSec),
    handle: channel.handle,
    patience: channel.patience ?? null,
    targetSec: channel.target.within,
    targetLevel: channel.target.level,
  };
}

function compileGroup(group: AgentGroupSpec, channelIndex: ReadonlyMap<string, number>): GroupBasics {
  const channels = group.channels.map((id) => {
    const index = channelIndex.get(id);
    // Validation guarantees every id exists; reaching this is a bug, not bad input.
    if (index === undefined) throw new Error(`compileScenario: group "${group.id}" names unknown channel "${id}"`);
    return index;
  });
  return { id: group.id, channels, count: group.count };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
