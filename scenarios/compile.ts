/**
 * A validated scenario → the engine's compiled `Model` (engine/model.ts): ids become
 * indices, arrivals become a Poisson rate per second for every interval, staffing becomes
 * each agent's shifts, and the result is frozen, because the kernel trusts it and never
 * validates it again (STYLE habit 4). Durations are already seconds in a `Scenario`, so
 * they pass through unchanged. Every default is the scenario format's (schema/defaults.ts),
 * which engine/defaults.ts mirrors for hand-built models.
 */
import { DEFAULT_TIERS } from '../engine/defaults.js';
import type { Model, TierModel } from '../engine/model.js';
import { compileCampaign } from './compile/campaign.js';
import { compileChannel } from './compile/channel.js';
import { compileGroup } from './compile/group.js';
import { SCENARIO_DEFAULTS as D } from './schema/defaults.js';
import type { Scenario } from './schema.js';

export { arrivalRatesPerSec } from './compile/channel.js';

export function compileScenario(scenario: Scenario): Model {
  const intervalCount = Math.round(scenario.horizon / scenario.interval);
  const timing = { horizonSec: scenario.horizon, warmupSec: scenario.warmup, intervalSec: scenario.interval, dayStartSec: scenario.dayStart };
  const model: Model = {
    name: scenario.name,
    seed: scenario.seed,
    replications: scenario.replications,
    horizonSec: scenario.horizon,
    warmupSec: scenario.warmup,
    intervalSec: scenario.interval,
    intervalCount,
    dayStartSec: scenario.dayStart,
    // Only when set, so a scenario without one compiles (and reports) exactly as before.
    ...(scenario.startDate === undefined ? {} : { startDate: scenario.startDate }),
    serviceLevelDefinition: scenario.serviceLevel.definition,
    channels: scenario.channels.map((channel) => compileChannel(channel, intervalCount, scenario.interval, scenario.dayStart, scenario.agents.map((g) => g.id))),
    groups: scenario.agents.map((group) => compileGroup(group, scenario.channels, timing)),
    tiers: compileTiers(scenario.tiers),
    ...lineGroupsOf(scenario),
    ...(scenario.routing?.agentSelection === undefined ? {} : { agentSelection: scenario.routing.agentSelection }),
    // Only when some campaign is listed, so an inbound-only scenario compiles exactly as before.
    ...(scenario.campaigns === undefined || scenario.campaigns.length === 0
      ? {}
      : { campaigns: scenario.campaigns.map((c) => compileCampaign(c, scenario.agents, intervalCount)) }),
  };
  return deepFreeze(model);
}

/** A channel's own `lines` is a group of one, named after it; `lineGroups` name their channels. Absent when nothing has lines (the model as before). */
function lineGroupsOf(scenario: Scenario): Pick<Model, 'lineGroups'> {
  const own = scenario.channels.flatMap((c, ch) => (c.lines === undefined ? [] : [{ id: c.id, lines: c.lines, channels: [ch] }]));
  const shared = (scenario.lineGroups ?? []).map((g) => ({ id: g.id, lines: g.lines, channels: g.channels.map((id) => scenario.channels.findIndex((c) => c.id === id)) }));
  const groups = [...own, ...shared];
  return groups.length === 0 ? {} : { lineGroups: groups };
}

function compileTiers(tiers: Scenario['tiers']): [TierModel, TierModel, TierModel] {
  return [
    // Tier 1 receives no escalations; its entry exists so tiers index by tier − 1.
    { ...DEFAULT_TIERS[0] },
    { tier: 2, mode: tiers[2]?.mode ?? D.tier2Mode, targetSec: tiers[2]?.target ?? null, ...ifNoAgentOf(tiers[2]?.ifNoAgent) },
    { tier: 3, mode: tiers[3]?.mode ?? D.tier3Mode, targetSec: tiers[3]?.target ?? null, ...ifNoAgentOf(tiers[3]?.ifNoAgent) },
  ];
}

/** A tier's `ifNoAgent`, absent when not written (the model as before the field). */
function ifNoAgentOf(ifNoAgent: TierModel['ifNoAgent']): Pick<TierModel, 'ifNoAgent'> {
  return ifNoAgent === undefined ? {} : { ifNoAgent };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
