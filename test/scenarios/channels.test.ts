// Compiling channels, contact types, skills and tiers (scenarios/compile/): defaults by
// kind, types inheriting from their channel, escalation handle times per tier.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIERS } from '../../engine/defaults.js';
import { loadScenarioText } from '../../scenarios/load.js';

const yaml = `name: Omni
horizon: 1h
dayStart: "08:00"
tiers:
  3: { target: 2d }
channels:
  - id: voice
    kind: voice
    arrivals: { perHour: 60 }
    handle: { dist: exponential, mean: 5m }
    patience: { dist: exponential, mean: 2m }
    deflection: 0.3
    retrial: { probability: 0.3, delay: { dist: exponential, mean: 10m } }
    callback: { after: 2m, share: 0.5 }
  - id: chat
    kind: chat
    arrivals: { perHour: 60 }
    handle: { dist: exponential, mean: 8m }
    patience: { dist: exponential, mean: 4m }
    deflection: { share: 0.35, residualHandle: 1.1, returns: { share: 0.1, delay: { dist: exponential, mean: 2h } } }
    concurrency: 3
    sessionHandleFactor: 1.2
    priority: P2
    fcr: 0.75
    escalate:
      tier2: { probability: 0.2 }
    types:
      - id: outage
        share: 0.1
        priority: P1
        handle: { dist: constant, value: 12m }
        escalate:
          tier2: { probability: 0.4, handle: { dist: exponential, mean: 25m } }
          tier3: { probability: 0.2, handle: { dist: exponential, mean: 4h } }
        fcr: 0.9
      - { id: billing, share: 0.9 }
  - id: email
    kind: email
    arrivals: { perHour: 10 }
    handle: { dist: exponential, mean: 10m }
    openHours: { start: "09:00", end: "17:30" }
  - id: social
    kind: social
    arrivals: { perHour: 5 }
    handle: { dist: exponential, mean: 5m }
    overdispersion: 0.1
    initialBacklog: 7
agents:
  - id: front
    skills:
      - voice
      - chat/billing
      - { channel: chat, type: outage, rank: 1, after: 30s }
      - { channel: email, rank: 2 }
    count: 10
    shrinkage: { planned: 0.1, absenteeism: 0.05 }
    costPerHour: 22
  - { id: social-desk, channels: [social, email], count: 2 }
  - { id: second, tier: 2, channels: [chat], count: 2 }
  - { id: third, tier: 3, skills: [chat/outage], count: 1 }
`;

const { model, scenario } = loadScenarioText(yaml, 'omni.yaml');
const [voice, chat, email, social] = model.channels;

describe('channel defaults by kind', () => {
  it('takes the DOMAIN.md response targets: voice 20s, chat 2m, email 24h, social 1h', () => {
    expect(model.channels.map((c) => c.targetSec)).toEqual([20, 120, 86400, 3600]);
  });

  it('makes email and social deferred, without patience', () => {
    expect(model.channels.map((c) => c.deferred)).toEqual([false, false, true, true]);
    expect([email?.patience, social?.patience]).toEqual([null, null]);
  });

  it('leaves every optional mechanism off unless given', () => {
    expect(social).toMatchObject({
      deflection: 0,
      residualHandleFactor: 1,
      deflectionReturn: null,
      concurrency: 1,
      concurrencyFactor: 1,
      openHours: null,
      retrial: null,
      callback: null,
      repeatDelay: { dist: 'exponential', mean: 86400 },
      overdispersion: 0.1,
      initialBacklog: 7,
    });
  });
});

describe('channel mechanisms', () => {
  it('reads a deflection share or the full form', () => {
    expect([voice?.deflection, voice?.residualHandleFactor, voice?.deflectionReturn]).toEqual([0.3, 1, null]);
    expect([chat?.deflection, chat?.residualHandleFactor, chat?.deflectionReturn]).toEqual([0.35, 1.1, { share: 0.1, delay: { dist: 'exponential', mean: 7200 } }]);
  });

  it('maps concurrency and sessionHandleFactor', () => {
    expect([chat?.concurrency, chat?.concurrencyFactor]).toEqual([3, 1.2]);
  });

  it('compiles retrial and callback (default callback target 1h)', () => {
    expect(voice?.retrial).toEqual({ probability: 0.3, delay: { dist: 'exponential', mean: 600 } });
    expect(voice?.callback).toEqual({ afterSec: 120, share: 0.5, targetSec: 3600 });
  });

  it('turns clock open hours into seconds from time 0’s time of day (dayStart 08:00)', () => {
    expect(email?.openHours).toEqual({ startSec: 3600, endSec: 34200 });
  });
});

describe('contact types', () => {
  it('gives a channel without types one type named after it, with the channel’s handle (P3, fcr 1)', () => {
    expect(voice?.types).toEqual([
      { id: 'voice', share: 1, priority: 3, handleByTier: [{ dist: 'exponential', mean: 300 }, null, null], escalation: [0, 0], fcr: 1 },
    ]);
  });

  it('takes a type’s own priority, handle, escalation and fcr', () => {
    expect(chat?.types[0]).toEqual({
      id: 'outage',
      share: 0.1,
      priority: 1,
      handleByTier: [
        { dist: 'constant', mean: 720 },
        { dist: 'exponential', mean: 1500 },
        { dist: 'exponential', mean: 14400 },
      ],
      escalation: [0.4, 0.2],
      fcr: 0.9,
    });
  });

  it('fills a type from its channel: priority, fcr, escalation, and the Tier-1 handle as the Tier-2 one', () => {
    expect(chat?.types[1]).toEqual({
      id: 'billing',
      share: 0.9,
      priority: 2,
      handleByTier: [{ dist: 'exponential', mean: 480 }, { dist: 'exponential', mean: 480 }, null],
      escalation: [0.2, 0],
      fcr: 0.75,
    });
  });
});

describe('skills', () => {
  it('resolves strings and objects to channel and type indices, type −1 for all types', () => {
    expect(model.groups[0]?.skills).toEqual([
      { channel: 0, type: -1, rank: 1, afterSec: 0 },
      { channel: 1, type: 1, rank: 1, afterSec: 0 },
      { channel: 1, type: 0, rank: 1, afterSec: 30 },
      { channel: 2, type: -1, rank: 2, afterSec: 0 },
    ]);
  });

  it('derives the distinct channels of a group from its skills', () => {
    expect(model.groups.map((g) => g.channels)).toEqual([[0, 1, 2], [3, 2], [1], [1]]);
  });

  it('reads channels: [..] as every type at rank 1', () => {
    expect(model.groups[1]?.skills).toEqual([
      { channel: 3, type: -1, rank: 1, afterSec: 0 },
      { channel: 2, type: -1, rank: 1, afterSec: 0 },
    ]);
  });

  it('compiles tier, shrinkage (default period 30m) and cost', () => {
    expect(model.groups.map((g) => g.tier)).toEqual([1, 1, 2, 3]);
    expect(model.groups[0]?.shrinkage).toEqual({ planned: 0.1, periodSec: 1800, absenteeism: 0.05 });
    expect(model.groups[1]?.shrinkage).toEqual({ planned: 0, periodSec: 1800, absenteeism: 0 });
    expect([model.groups[0]?.costPerHour, model.groups[1]?.costPerHour]).toEqual([22, 0]);
  });
});

describe('tiers', () => {
  it('defaults to Tier 2 transfer and Tier 3 ticket with the channel’s targets, and takes a given target', () => {
    expect(model.tiers).toEqual([
      { tier: 1, mode: 'transfer', targetSec: null },
      { tier: 2, mode: 'transfer', targetSec: null },
      { tier: 3, mode: 'ticket', targetSec: 172800 },
    ]);
  });

  it('matches engine/defaults.ts when the scenario says nothing', () => {
    const bare = loadScenarioText(yaml.replace('tiers:\n  3: { target: 2d }\n', ''), 'bare.yaml').model;
    expect(bare.tiers).toEqual(DEFAULT_TIERS);
  });
});

describe('assertions', () => {
  it('are stored on the scenario, not compiled', () => {
    const withAssert = loadScenarioText(`${yaml}assert:\n  - channels.voice.serviceLevel >= 0.8\n`, 'a.yaml');
    expect(withAssert.scenario.assert).toEqual(['channels.voice.serviceLevel >= 0.8']);
    expect(scenario.assert).toEqual([]);
    expect(Object.keys(withAssert.model)).not.toContain('assert');
  });
});
