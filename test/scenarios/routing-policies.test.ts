// Routing policies and the drop of a staffed count in the scenario format (issue 12 items 6 and
// 8): `routing.agentSelection`, a skill's `groupRank`, a group's `whenCountDrops` — the compiled
// model, the model left as before when they are absent, and each mistake named at its place.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/load.js';
import { scenarioProblems } from '../support/problems.js';

const BASE = `name: routing
horizon: 8h
channels:
  - id: voice
    kind: voice
    arrivals: { perHour: 200 }
    handle: { dist: exponential, mean: 5m }
agents:
  - id: front
    skills: [voice]
    count: 10
  - id: back
    skills: [{ channel: voice, rank: 1 }]
    count: 5
`;

const problemsIn = scenarioProblems;

describe('routing.agentSelection, groupRank and whenCountDrops', () => {
  it('compiles them into the model', () => {
    const text = `${BASE.replace('rank: 1 }', 'rank: 1, groupRank: 2 }').replace('    count: 5\n', '    count: [5, 5, 5, 5, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5]\n    whenCountDrops: idleFirst\n')}routing: { agentSelection: random }\n`;
    const { model } = loadScenarioText(text, 'x.yaml');
    expect(model.agentSelection).toBe('random');
    expect(model.groups[1]!.skills).toEqual([{ channel: 0, type: -1, rank: 1, afterSec: 0, groupRank: 2 }]);
    expect(model.groups[1]!.whenCountDrops).toBe('idleFirst');
    expect(model.groups[0]!.whenCountDrops).toBeUndefined();
  });

  it('leaves the model as before when they are absent', () => {
    const { model } = loadScenarioText(BASE, 'x.yaml');
    expect('agentSelection' in model).toBe(false);
    expect(model.groups.every((g) => !('whenCountDrops' in g) && g.skills.every((s) => !('groupRank' in s)))).toBe(true);
  });

  it('names every mistake at its place', () => {
    const text = `${BASE.replace('rank: 1 }', 'rank: 1, groupRank: 0 }').replace('    count: 5\n', '    count: 5\n    whenCountDrops: idle\n')}routing: { agentSelection: fastest }\n`;
    expect(problemsIn(text)).toEqual([
      'x.yaml:13:52 agents[1].skills[0].groupRank: must be a whole number of ranks from 1 to 9 (got 0)',
      'x.yaml:15:21 agents[1].whenCountDrops: must be one of byIdentity, idleFirst (got "idle") (did you mean "idleFirst"?)',
      'x.yaml:16:28 routing.agentSelection: must be one of longestIdle, random, groupOrder (got "fastest")',
    ]);
  });

  it('refuses a misspelt key of routing, suggesting the one it has', () => {
    expect(problemsIn(`${BASE}routing: { agentSelecton: random }\n`)[0]).toMatch(/^x\.yaml:15:12 routing\.agentSelecton: unknown key.*"agentSelection"/);
  });
});
