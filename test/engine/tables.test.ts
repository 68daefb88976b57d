// The per-channel tables the kernel reads on every contact (engine/tables.ts), each checked
// against a three-channel model written out by hand, and their one-per-model cache.
import { describe, expect, it } from 'vitest';
import type { ContactTypeModel, Model } from '../../engine/model.js';
import { ModelTables, tablesOf } from '../../engine/tables.js';
import { exp, model, withChannel } from '../support/model.js';

const type = (id: string): ContactTypeModel => ({ id, share: 0.5, priority: 3, handleByTier: [exp(300), null, null], escalation: [0, 0], fcr: 1 });

/**
 * voice (1 type, always open, no deflection), chat (2 types, 3 sessions at factor 1.25, 15 %
 * deflected, open 08:00–18:00), email (deferred, 0.1 % deflected, open 09:00–17:00); groups
 * phones (voice), writers (chat, email), blend (voice, email), specialist (chat's second type).
 */
function center(): Model {
  let m = model({
    horizonSec: 3600,
    channels: [{ id: 'voice', targetSec: 20 }, { id: 'chat', targetSec: 60 }, { id: 'email', targetSec: 86_400 }],
    groups: [
      { id: 'phones', channels: [0], count: 1 },
      { id: 'writers', channels: [1, 2], count: 1 },
      { id: 'blend', channels: [0, 2], count: 1 },
      { id: 'specialist', channels: [1], count: 1, skills: [{ channel: 1, type: 1, rank: 2, afterSec: 30 }] },
    ],
  });
  m = withChannel(m, 1, {
    kind: 'chat', types: [type('sales'), type('support')], concurrency: 3, concurrencyFactor: 1.25, deflection: 0.15,
    openHours: { startSec: 8 * 3600, endSec: 18 * 3600 },
  });
  return withChannel(m, 2, { kind: 'email', deferred: true, deflection: 0.001, openHours: { startSec: 9 * 3600, endSec: 17 * 3600 } });
}

describe('ModelTables', () => {
  const t = new ModelTables(center());

  it('counts the contact types of each channel: 1, 2, 1', () => {
    expect(Array.from(t.typesPerChannel)).toEqual([1, 2, 1]);
  });

  it('copies each channel’s concurrency (1, 3, 1), slowdown factor (1, 1.25, 1) and target (20, 60, 86 400 s)', () => {
    expect(Array.from(t.concurrency)).toEqual([1, 3, 1]);
    expect(Array.from(t.concurrencyFactor)).toEqual([1, 1.25, 1]);
    expect(Array.from(t.targetSec)).toEqual([20, 60, 86_400]);
  });

  it('marks deflection for any share above 0, however small (0 → 0, 0.15 → 1, 0.001 → 1)', () => {
    expect(Array.from(t.hasDeflection)).toEqual([0, 1, 1]);
  });

  it('marks deferred work (email only)', () => {
    expect(Array.from(t.deferred)).toEqual([0, 0, 1]);
  });

  it('lists the channels with open hours (chat and email), in channel order', () => {
    expect(t.withOpenHours).toEqual([1, 2]);
  });

  it('lists, per channel, every group with some skill on it, in group order — a one-type skill included', () => {
    expect(t.groupsOfChannel).toEqual([[0, 2], [1, 3], [1, 2]]);
  });

  it('gives an always-open channel nobody serves no groups and no open hours', () => {
    const lone = model({ channels: [{ id: 'voice' }, { id: 'orphan' }], groups: [{ id: 'team', channels: [0], count: 1 }] });
    const u = new ModelTables(lone);
    expect(u.groupsOfChannel).toEqual([[0], []]);
    expect(u.withOpenHours).toEqual([]);
  });
});

describe('tablesOf', () => {
  it('builds the tables of a model once and hands back the same ones after', () => {
    const m = center();
    const first = tablesOf(m);
    expect(first).toBeInstanceOf(ModelTables);
    expect(tablesOf(m)).toBe(first);
    expect(Array.from(first.concurrency)).toEqual([1, 3, 1]);
  });

  it('keeps a separate table for each model', () => {
    const a = center();
    const b = withChannel(center(), 0, { concurrency: 2 });
    expect(tablesOf(a)).not.toBe(tablesOf(b));
    expect(Array.from(tablesOf(b).concurrency)).toEqual([2, 3, 1]);
  });
});
