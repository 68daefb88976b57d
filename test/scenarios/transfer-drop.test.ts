// tiers.N.ifNoAgent in the scenario format (issue 13 item 4): a transfer tier may drop a transfer
// that finds no free agent; the field compiles onto the tier, is absent when not written, and is
// an error on a ticket tier.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/load.js';
import { scenarioProblems } from '../support/problems.js';

describe('tiers.N.ifNoAgent', () => {
  const tiered = (tiers: string): string => `name: drop
horizon: 8h
${tiers}channels:
  - id: voice
    kind: voice
    arrivals: { perHour: 100 }
    handle: { dist: exponential, mean: 5m }
    escalate: { tier2: { probability: 0.2, handle: { dist: exponential, mean: 10m } }, tier3: { probability: 0.1 } }
agents:
  - { id: front, channels: [voice], count: 12 }
  - { id: second, channels: [voice], count: 3, tier: 2 }
  - { id: third, channels: [voice], count: 2, tier: 3 }
`;

  it('compiles disconnect and wait onto the tier, and leaves the key out when not written', () => {
    const { model } = loadScenarioText(tiered('tiers: { 2: { ifNoAgent: disconnect }, 3: { mode: transfer, ifNoAgent: wait } }\n'), 'x.yaml');
    expect(model.tiers.map((t) => t.ifNoAgent)).toEqual([undefined, 'disconnect', 'wait']);
    const plain = loadScenarioText(tiered(''), 'x.yaml').model;
    expect(plain.tiers.every((t) => !('ifNoAgent' in t))).toBe(true);
  });

  it('refuses it on a ticket tier (by default or written) and an unknown value, each at its place', () => {
    expect(scenarioProblems(tiered('tiers: { 3: { ifNoAgent: disconnect } }\n'))).toEqual([
      'x.yaml:3:15 tiers.3.ifNoAgent: must be left out: Tier 3 receives tickets (mode ticket by default), nobody is on the line to drop (set mode: transfer, or remove it)',
    ]);
    expect(scenarioProblems(tiered('tiers: { 2: { mode: ticket, ifNoAgent: disconnect } }\n'))).toEqual([
      'x.yaml:3:29 tiers.2.ifNoAgent: must be left out: Tier 2 receives tickets (mode ticket), nobody is on the line to drop (set mode: transfer, or remove it)',
    ]);
    expect(scenarioProblems(tiered('tiers: { 2: { ifNoAgent: hangup } }\n'))).toEqual([
      'x.yaml:3:26 tiers.2.ifNoAgent: must be one of wait, disconnect (got "hangup")',
    ]);
  });
});
