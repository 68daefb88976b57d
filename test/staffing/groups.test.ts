// Issue 15, goal 1: with several groups `staff` searches each group's count (a coordinate
// search with common random numbers), not one total split by Erlang's ratio. Two teams that
// share no channel are staffed as each would be alone; a team that also takes the other
// channel at rank 2 (blending) never needs more than the two teams alone.
import { describe, expect, it } from 'vitest';
import type { StaffingResult } from '../../analysis/staffing/result.js';
import { expectClaim, testSeed } from '../support/statistics.js';
import { definitionOf, staff, teamsScenario, type TeamsOptions } from './support.js';

const R = 10;
const solve = (o: TeamsOptions): Promise<StaffingResult> => staff(definitionOf(teamsScenario(o), { replications: R, seed: testSeed() }));
const perInterval = (r: StaffingResult): number[] => r.intervals.map((iv) => iv.simulatedAgents);
const total = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

describe('ccsim staff with several groups', () => {
  it('two independent teams: no more than the teams solved alone, plus one agent per interval', async () => {
    const [pair, voice, chat] = await Promise.all([solve({}), solve({ channels: ['voice'] }), solve({ channels: ['chat'] })]);
    // Each team is searched with the other held; its targets do not depend on the other's
    // count, so it lands where it lands alone (up to the search's path on noisy verdicts).
    const alone = perInterval(voice).map((v, i) => v + (perInterval(chat)[i] ?? 0));
    expect(pair.intervals.map((iv) => Object.keys(iv.groups))).toEqual(pair.intervals.map(() => ['voice-team', 'chat-team']));
    expectClaim('staffing › groups › independent teams at most the sum alone + 1 per interval',
      total(perInterval(pair)) <= total(alone) + pair.intervals.length, `pair ${perInterval(pair).join(', ')}; alone ${alone.join(', ')}`);
    // Each team's own count, not a share of a total: the voice team's per interval as alone.
    const teamOf = (r: StaffingResult, id: string): number[] => r.intervals.map((iv) => iv.groups[id]?.simulatedAgents ?? NaN);
    expectClaim('staffing › groups › the voice team within one agent of alone in each interval',
      teamOf(pair, 'voice-team').every((x, i) => Math.abs(x - (perInterval(voice)[i] ?? NaN)) <= 1), `pair ${teamOf(pair, 'voice-team').join(', ')}; alone ${perInterval(voice).join(', ')}`);
  });

  it('blended (the voice team also takes chat at rank 2): at most the two teams solved alone', async () => {
    const [blended, voice, chat] = await Promise.all([solve({ blended: true }), solve({ channels: ['voice'] }), solve({ channels: ['chat'] })]);
    const alone = total(perInterval(voice)) + total(perInterval(chat));
    expectClaim('staffing › groups › blended at most the sum alone', total(perInterval(blended)) <= alone,
      `blended ${perInterval(blended).join(', ')} (${total(perInterval(blended))}); alone ${alone}`);
  });

  it('the objective: cost when a group has a cost (agent-hours × costPerHour), and the answer costs no more than the agent-hours answer', async () => {
    const costs = [40, 10] as const;
    const byCost = await staff(definitionOf(teamsScenario({ blended: true, costs }), { replications: R, seed: testSeed() }));
    const byHours = await staff(definitionOf(teamsScenario({ blended: true, costs }), { replications: R, seed: testSeed(), objective: 'hours' }));
    expect(byCost.objective).toBe('cost');
    expect(byHours.objective).toBe('hours');
    // The cost is agent-hours × cost per hour, group by group (1-hour intervals: heads = hours).
    const hours = (r: StaffingResult, id: string): number => total(r.intervals.map((iv) => iv.groups[id]?.simulatedAgents ?? 0));
    expect(byCost.totals.simulated.cost).toBeCloseTo(hours(byCost, 'voice-team') * 40 + hours(byCost, 'chat-team') * 10, 6);
    expectClaim('staffing › groups › the cost objective costs no more than the hours objective', byCost.totals.simulated.cost <= byHours.totals.simulated.cost,
      `cost objective ${byCost.totals.simulated.cost}, hours objective ${byHours.totals.simulated.cost}`);
  });
});
