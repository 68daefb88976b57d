// Proficiency (issue 12 item 5) in the scenario format and in Erlang's view: a skill's `speed`,
// its errors, which skill decides (a type's over its channel's), and the speed the Erlang
// baseline assumes (the eligible Tier-1 groups' speeds weighted by their agents: exact with one
// group, an approximation with several).
import { describe, expect, it } from 'vitest';
import { erlangView } from '../../engine/erlang/channelView.js';
import { speedOn, tier1TypeSpeeds } from '../../engine/proficiency.js';
import { erlangBaseline } from '../../analysis/baseline.js';
import { loadScenarioText } from '../../scenarios/load.js';
import { scenarioProblems } from '../support/problems.js';

const scenario = (agents: string): string => `name: proficiency
horizon: 8h
channels:
  - id: voice
    kind: voice
    arrivals: { perHour: 300 }
    handle: { dist: exponential, mean: 5m }
    types:
      - { id: billing, share: 0.4, handle: { dist: exponential, mean: 6m } }
      - { id: tech, share: 0.6 }
agents:
${agents}`;

const SPECIALISTS = `  - id: billing-team
    count: 10
    skills: [{ channel: voice, type: billing, speed: 1.25 }]
  - id: generalists
    count: 30
    skills: [{ channel: voice, speed: 0.8 }, { channel: voice, type: tech, speed: 1 }]
`;

const problemsIn = scenarioProblems;

describe('a skill’s speed', () => {
  it('compiles onto the skill, leaving speed 1 (and no speed) out of the model', () => {
    const { model } = loadScenarioText(scenario(SPECIALISTS), 'x.yaml');
    expect(model.groups.map((g) => g.skills.map((s) => s.speed))).toEqual([[1.25], [0.8, undefined]]);
    expect('speed' in model.groups[1]!.skills[1]!).toBe(false);
  });

  it('is decided by the type’s skill over the channel’s, and is 1 where no skill gives one', () => {
    const { model } = loadScenarioText(scenario(SPECIALISTS), 'x.yaml');
    expect([speedOn(model, 0, 0, 0), speedOn(model, 0, 0, 1)]).toEqual([1.25, 1]);
    expect([speedOn(model, 1, 0, 0), speedOn(model, 1, 0, 1)]).toEqual([0.8, 1]);
  });

  it('gives Erlang each type’s mean speed over the Tier-1 groups serving it, weighted by agents', () => {
    const { model } = loadScenarioText(scenario(SPECIALISTS), 'x.yaml');
    // billing: 10 agents at 1.25 and 30 at 0.8 → (12.5 + 24) ÷ 40 = 0.9125; tech: the generalists alone, at 1.
    expect(tier1TypeSpeeds(model, 0)).toEqual([(10 * 1.25 + 30 * 0.8) / 40, 1]);
    // Mean handle: 0.4 × 360 ÷ 0.9125 + 0.6 × 300 ÷ 1.
    expect(erlangView(model.channels[0]!, tier1TypeSpeeds(model, 0)).dayHandleSec).toBeCloseTo((0.4 * 360) / 0.9125 + 0.6 * 300, 9);
    // Without speeds Erlang's view is the one it always was.
    const plain = loadScenarioText(scenario('  - { id: team, channels: [voice], count: 40 }\n'), 'x.yaml').model;
    expect(tier1TypeSpeeds(plain, 0)).toBeNull();
    expect(erlangView(plain.channels[0]!, tier1TypeSpeeds(plain, 0))).toEqual(erlangView(plain.channels[0]!));
  });

  it('is exact in the baseline with one group: Erlang at the handle time ÷ the speed', () => {
    const fast = loadScenarioText(scenario('  - { id: team, count: 40, skills: [{ channel: voice, speed: 1.25 }] }\n'), 'x.yaml').model;
    const load = (300 / 3600) * (0.4 * 360 + 0.6 * 300);
    const [voice] = erlangBaseline(fast);
    expect(voice!.overall.loadErlangs).toBeCloseTo(load / 1.25, 9);
  });

  it('names every mistake at its place', () => {
    expect(problemsIn(scenario(`  - id: a
    count: 10
    skills: [{ channel: voice, speed: 0 }, { channel: voice, type: tech, speed: 12 }]
  - id: b
    count: 10
    skills: [{ channel: voice, speed: fast }]
`))).toEqual([
      'x.yaml:14:39 agents[0].skills[0].speed: must be a speed factor from 0.1 to 10 (1: the channel’s handle time) (got 0)',
      'x.yaml:14:81 agents[0].skills[1].speed: must be a speed factor from 0.1 to 10 (1: the channel’s handle time) (got 12)',
      'x.yaml:17:39 agents[1].skills[0].speed: must be a speed factor from 0.1 to 10 (1: the channel’s handle time) (got "fast")',
    ]);
  });
});
