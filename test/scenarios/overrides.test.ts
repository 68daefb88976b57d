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
      '--set seed: must be path=value, e.g. agents[0].count=36',
      '--set seed.x=1: seed is 1, not a mapping or a list',
    ]);
  });
});
