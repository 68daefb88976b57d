import { describe, expect, it } from 'vitest';
import { applyOverrides, parseOverridePath } from '../../scenarios/overrides.js';

const base = () => ({
  seed: 1,
  channels: [
    { id: 'voice', handle: { dist: 'exponential', mean: '6m' } },
    { id: 'chat', handle: { dist: 'exponential', mean: '10m' } },
  ],
  agents: [{ id: 'team-a', channels: ['voice'], count: 35 }],
});

describe('--set overrides', () => {
  it('parses paths with indices and names', () => {
    expect(parseOverridePath('agents[0].count')).toEqual(['agents', 0, 'count']);
    expect(parseOverridePath('channels.voice.patience.mean')).toEqual(['channels', 'voice', 'patience', 'mean']);
    expect(parseOverridePath('seed')).toEqual(['seed']);
  });

  it('sets numbers, durations and lists read as YAML', () => {
    const r = applyOverrides(base(), ['agents[0].count=36', 'channels[1].handle.mean=5m', 'seed=7', 'agents[0].channels=[voice, chat]']);
    expect(r.problems).toEqual([]);
    expect(r.data).toMatchObject({ seed: 7, agents: [{ count: 36, channels: ['voice', 'chat'] }], channels: [{}, { handle: { mean: '5m' } }] });
  });

  it('selects a list element by id and reports the resolved index', () => {
    const r = applyOverrides(base(), ['channels.chat.patience.mean=2m']);
    expect(r.problems).toEqual([]);
    expect(r.applied[0]?.path).toEqual(['channels', 1, 'patience', 'mean']);
    expect(r.data).toMatchObject({ channels: [{}, { patience: { mean: '2m' } }] });
  });

  it('never changes the data it was given', () => {
    const data = base();
    applyOverrides(data, ['agents[0].count=1', 'seed=9']);
    expect(data).toEqual(base());
  });

  it.each(['__proto__.polluted=1', 'constructor.prototype.polluted=1', 'agents[0].__proto__.polluted=1', 'prototype=1'])(
    'refuses %s, naming the path, and pollutes nothing',
    (text) => {
      const r = applyOverrides(base(), [text]);
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toContain(`--set ${text}:`);
      expect(r.problems[0]).toContain('is not a scenario field');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('refuses a value that smuggles __proto__ in a mapping', () => {
    const r = applyOverrides(base(), ['channels[0].handle={__proto__: {polluted: 1}}']);
    expect(r.problems[0]).toContain('"__proto__" is not a scenario field');
  });

  it('explains unknown ids, out-of-range indices and malformed overrides, all at once', () => {
    const r = applyOverrides(base(), ['channels.vocie.handle.mean=1m', 'agents[3].count=1', 'seed', 'seed.x=1']);
    expect(r.problems).toEqual([
      '--set channels.vocie.handle.mean=1m: channels has no item with id "vocie" (did you mean "voice"?)',
      '--set agents[3].count=1: agents has 1 items, so index 3 does not exist',
      '--set seed: must be path=value (or path+=, -=, *= value), e.g. agents[0].count=36',
      '--set seed.x=1: seed is 1, not a mapping or a list',
    ]);
  });
});

describe('relative overrides: what-ifs in one flag', () => {
  const center = () => ({
    channels: [
      { id: 'voice', arrivals: { perHour: 300 }, handle: { dist: 'exponential', mean: '6m' } },
      { id: 'chat', arrivals: { volumes: [10, 20] }, handle: { dist: 'exponential', mean: 600 } },
    ],
    agents: [
      { id: 'team-a', channels: ['voice'], count: 35 },
      { id: 'team-b', channels: ['chat'], count: [4, 6] },
    ],
  });

  it('adds to and subtracts from numbers, by index or by id', () => {
    const r = applyOverrides(center(), ['agents[0].count+=5', 'agents.team-a.count-=2']);
    expect(r.problems).toEqual([]);
    expect(r.data).toMatchObject({ agents: [{ count: 38 }, {}] });
    expect(r.applied.map((a) => a.path)).toEqual([['agents', 0, 'count'], ['agents', 0, 'count']]);
  });

  it('adds durations in seconds: 6m + 30s is 390 s, 600 s − 1m is 540 s', () => {
    const r = applyOverrides(center(), ['channels.voice.handle.mean+=30s', 'channels.chat.handle.mean-=1m']);
    expect(r.problems).toEqual([]);
    expect(r.data).toMatchObject({ channels: [{ handle: { mean: 390 } }, { handle: { mean: 540 } }] });
  });

  it('changes every item of a per-interval list, and keeps 12 significant digits (360 × 1.15 = 414)', () => {
    const r = applyOverrides(center(), ['agents.team-b.count*=1.5', 'agents.team-b.count+=1', 'channels.voice.arrivals.perHour*=1.15']);
    expect(r.problems).toEqual([]);
    // [4, 6] × 1.5 = [6, 9]; + 1 = [7, 10]; 300 × 1.15 = 345 (as a double, 344.99999999999994).
    expect(r.data).toMatchObject({ agents: [{}, { count: [7, 10] }], channels: [{ arrivals: { perHour: 345 } }, {}] });
    expect(applyOverrides({ x: '6m' }, ['x*=1.15']).data).toEqual({ x: 414 });
  });

  it('scales a channel\'s volume through arrivals.scale, whatever the arrivals\' form; volume alone scales every channel', () => {
    const one = applyOverrides(center(), ['channels.chat.volume*=1.1', 'channels.chat.volume*=1.1']);
    expect(one.problems).toEqual([]);
    expect(one.data).toMatchObject({ channels: [{ arrivals: { perHour: 300 } }, { arrivals: { volumes: [10, 20], scale: 1.21 } }] });
    expect((one.data as ReturnType<typeof center>).channels[0]?.arrivals).toEqual({ perHour: 300 });
    const all = applyOverrides(center(), ['volume*=2']);
    expect(all.data).toMatchObject({ channels: [{ arrivals: { perHour: 300, scale: 2 } }, { arrivals: { volumes: [10, 20], scale: 2 } }] });
    expect(all.applied.map((a) => a.path)).toEqual([['channels', 0, 'arrivals', 'scale'], ['channels', 1, 'arrivals', 'scale']]);
  });

  it('refuses what it cannot change, naming the override and the reason', () => {
    const r = applyOverrides(center(), [
      'channels.voice.patience.mean+=30s',
      'channels.voice.id+=1',
      'agents[0].count*=-1',
      'agents[0].count*=fast',
      'volume+=10',
      'channels.voise.volume*=2',
      'volume*=-2',
    ]);
    expect(r.problems).toEqual([
      '--set channels.voice.patience.mean+=30s: channels.voice.patience.mean has no value in the scenario to change (its default is not written there); set it with =',
      '--set channels.voice.id+=1: channels.voice.id is "voice": only numbers and durations (30s, 6m) can be added to or multiplied',
      '--set agents[0].count*=-1: *= needs a factor, a finite number 0 or more (got -1)',
      '--set agents[0].count*=fast: *= needs a factor, a finite number 0 or more (got "fast")',
      "--set volume+=10: volume is a multiplier of a channel's arrivals: use volume*=FACTOR (or --scale)",
      '--set channels.voise.volume*=2: channels has no item with id "voise" (did you mean "voice"?)',
      '--set volume*=-2: *= needs a factor, a finite number 0 or more (got -2)',
    ]);
    // Nothing of a refused override is written.
    expect(r.data).toEqual(center());
  });
});
