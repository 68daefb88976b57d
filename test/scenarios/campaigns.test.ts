// Outbound campaigns in the scenario format (issue 13 items 1–3): the fields, their rules (groups
// that exist, one value per interval, ratio for predictive only, preview for preview only), the
// defaults and what the compiled model holds.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/load.js';
import { scenarioProblems } from '../support/problems.js';

const BASE = `name: blend
horizon: 2h
interval: 30m
channels:
  - id: service
    kind: voice
    arrivals: { perHour: 100 }
    handle: { dist: exponential, mean: 5m }
agents:
  - { id: desk, channels: [service], count: 10 }
  - { id: collectors, channels: [service], count: 5 }
`;

describe('campaigns', () => {
  it('compiles a campaign: group indices, one reach and rate per interval, limits as Infinity, the defaults filled', () => {
    const { model } = loadScenarioText(`${BASE}campaigns:
  - id: debts
    groups: [collectors]
    dialer: { mode: predictive, ratio: 1.5, reserve: 2 }
    reach: 0.3
    dialsPerHour: [10, 20, 30, 40]
    handle: { dist: exponential, mean: 4m }
  - id: survey
    groups: [desk, collectors]
    dialer: { mode: preview, maxQueue: 0 }
    list: 200
    reach: [0.5, 0.5, 0.4, 0.4]
    preview: 30s
    ringTime: { dist: constant, mean: 15s }
    patience: { dist: constant, mean: 5s }
    handle: { dist: constant, mean: 3m }
`, 'x.yaml');
    expect(model.campaigns).toEqual([
      {
        id: 'debts', groups: [1], mode: 'predictive', ratio: 1.5, reserve: 2, maxQueue: Infinity, listPerDay: Infinity,
        dialsPerHour: [10, 20, 30, 40], reach: [0.3, 0.3, 0.3, 0.3], handle: { dist: 'exponential', mean: 240 },
        patience: { dist: 'constant', mean: 2 }, ringTime: { dist: 'constant', mean: 20 }, previewSec: 0,
      },
      {
        id: 'survey', groups: [0, 1], mode: 'preview', ratio: 1, reserve: 0, maxQueue: 0, listPerDay: 200,
        dialsPerHour: null, reach: [0.5, 0.5, 0.4, 0.4], handle: { dist: 'constant', mean: 180 },
        patience: { dist: 'constant', mean: 5 }, ringTime: { dist: 'constant', mean: 15 }, previewSec: 30,
      },
    ]);
  });

  it('leaves the model as before without campaigns (and with an empty list)', () => {
    expect('campaigns' in loadScenarioText(BASE, 'x.yaml').model).toBe(false);
    expect('campaigns' in loadScenarioText(`${BASE}campaigns: []\n`, 'x.yaml').model).toBe(false);
  });

  it('names every mistake at its place', () => {
    expect(scenarioProblems(`${BASE}campaigns:
  - id: debts
    groups: [colectors, desk, desk]
    dialer: { mode: progressive, ratio: 2, reserve: -1, maxQueue: 1.5 }
    reach: [0.3, 0.2, 1.2]
    dialsPerHour: [10, 20]
    list: -4
    handle: { dist: exponential, mean: 4m }
    preview: 30s
    ringTime: 20s
  - id: debts
    groups: [desk]
    dialer: { mode: robo }
    handle: { dist: exponential, mean: 4m }
`)).toEqual([
      'x.yaml:14:14 campaigns[0].groups[0]: must name an agent group of this scenario (its groups: desk, collectors) (did you mean "collectors"?) (got "colectors")',
      'x.yaml:14:31 campaigns[0].groups[2]: is listed twice (got "desk")',
      'x.yaml:15:34 campaigns[0].dialer.ratio: applies to a predictive dialer only (this one is progressive): it holds an agent for each call',
      'x.yaml:15:53 campaigns[0].dialer.reserve: must be a whole number of agents from 0 to 1,000,000 (got -1)',
      'x.yaml:15:67 campaigns[0].dialer.maxQueue: must be a whole number of contacts from 0 to 1,000,000 (got 1.5)',
      'x.yaml:16:12 campaigns[0].reach: must list one reach per interval: 4 intervals, 3 listed',
      'x.yaml:16:23 campaigns[0].reach[2]: must be a probability from 0 to 1 (got 1.2)',
      'x.yaml:17:19 campaigns[0].dialsPerHour: must list one dial rate per interval: 4 intervals, 2 listed',
      'x.yaml:18:11 campaigns[0].list: must be a whole number of records from 0 to 24,000,000 (got -4)',
      'x.yaml:20:5 campaigns[0].preview: applies to a preview dialer only (this one is progressive)',
      'x.yaml:21:15 campaigns[0].ringTime: must be a mapping like { dist: exponential, mean: 6m } (got "20s")',
      'x.yaml:22:5 campaigns[1].reach: is required (must be a probability from 0 to 1, or a list of one such number per interval)',
      'x.yaml:22:9 campaigns[1].id: duplicate campaign id (also campaigns[0].id) (got "debts")',
      'x.yaml:24:21 campaigns[1].dialer.mode: must be one of preview, progressive, predictive (got "robo")',
    ]);
  });

  it('refuses a predictive ratio below 1 or above the limit, and an unknown key', () => {
    expect(scenarioProblems(`${BASE}campaigns:
  - id: debts
    groups: [desk]
    dialer: { mode: predictive, ratio: 0.5, reserv: 2 }
    reach: 0.3
    handle: { dist: exponential, mean: 4m }
`)).toEqual([
      'x.yaml:15:40 campaigns[0].dialer.ratio: must be a number from 1 to 20 (got 0.5)',
      'x.yaml:15:45 campaigns[0].dialer.reserv: unknown key (did you mean "reserve"?)',
    ]);
  });
});
