/**
 * A validated agent group → the engine's `GroupModel`: skills resolved to channel and type
 * indices (`channels: [a, b]` is every type of a and b at rank 1), the channels it touches,
 * and each agent's shifts (`./schedule.ts`).
 */
import { channelSkill, EVERY_TYPE, NO_SHRINKAGE } from '../../engine/defaults.js';
import type { GroupModel, SkillModel } from '../../engine/model.js';
import type { AgentGroupSpec, ChannelSpec } from '../schema.js';
import { compileSchedule, type Timing } from './schedule.js';

export function compileGroup(group: AgentGroupSpec, channels: readonly ChannelSpec[], timing: Timing): GroupModel {
  const skills = compileSkills(group, channels);
  const { agentShifts, agentKeys, peak } = compileSchedule(group, timing);
  const shrinkage = group.shrinkage === undefined
    ? NO_SHRINKAGE
    : { planned: group.shrinkage.planned, periodSec: group.shrinkage.period, absenteeism: group.shrinkage.absenteeism };
  return {
    id: group.id,
    channels: [...new Set(skills.map((s) => s.channel))],
    count: peak,
    tier: group.tier,
    skills,
    agentShifts,
    agentKeys,
    shrinkage,
    costPerHour: group.costPerHour,
    // Only when set, so a group without it compiles exactly as before.
    ...(group.whenCountDrops === undefined ? {} : { whenCountDrops: group.whenCountDrops }),
  };
}

export function compileSkills(group: AgentGroupSpec, channels: readonly ChannelSpec[]): SkillModel[] {
  const channelIndex = (id: string): number => {
    const index = channels.findIndex((c) => c.id === id);
    // Validation guarantees every id exists; reaching this is a bug, not bad input.
    if (index < 0) throw new Error(`compileScenario: group "${group.id}" names unknown channel "${id}"`);
    return index;
  };
  if (group.skills === undefined) {
    return (group.channels ?? []).map((id) => channelSkill(channelIndex(id)));
  }
  return group.skills.map((skill) => {
    const channel = channelIndex(skill.channel);
    let type = EVERY_TYPE;
    if (skill.type !== undefined) {
      type = channels[channel]?.types?.findIndex((t) => t.id === skill.type) ?? -1;
      if (type < 0) throw new Error(`compileScenario: group "${group.id}" names unknown type "${skill.channel}/${skill.type}"`);
    }
    return { channel, type, rank: skill.rank, afterSec: skill.after, ...(skill.groupRank === undefined ? {} : { groupRank: skill.groupRank }), ...(skill.speed === undefined || skill.speed === 1 ? {} : { speed: skill.speed }) };
  });
}
