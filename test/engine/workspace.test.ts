// The kernel's working memory (engine/workspace.ts): built once per model with the model's
// shape — queues, agents, open-slot rings for chat, totals, histograms — and handed back
// emptied on every later call, part by part.
import { describe, expect, it } from 'vitest';
import { Calendar, EventKind, EventPriority } from '../../engine/calendar.js';
import { ContactPool, ContactState } from '../../engine/contacts.js';
import type { Model } from '../../engine/model.js';
import { ContactQueue } from '../../engine/queue.js';
import { workspaceFor, type RunTotals } from '../../engine/workspace.js';
import { model, withChannel } from '../support/model.js';

/** voice and chat (3 sessions at once), 3 half-hour intervals; group "phones" of 2 agents (voice), "blend" of 3 (both). */
function center(): Model {
  const m = model({
    horizonSec: 3 * 1800,
    channels: [{ id: 'voice' }, { id: 'chat' }],
    groups: [{ id: 'phones', channels: [0], count: 2 }, { id: 'blend', channels: [0, 1], count: 3 }],
  });
  return withChannel(m, 1, { kind: 'chat', concurrency: 3 });
}

/** Every total zero: per channel for 2 channels, per tier for 3. */
function zeroTotals(): RunTotals {
  const ch = (): Float64Array => new Float64Array(2);
  const tier = (): Float64Array => new Float64Array(3);
  return {
    liveWaiting: ch(), backlog: ch(), arrived: ch(), deflected: ch(), blocked: ch(), answered: ch(), gaveUp: ch(), messages: ch(), disconnected: ch(),
    tierEntered: tier(), tierAnswered: tier(), tierGaveUp: tier(), tierDisconnected: tier(),
    tierTransferDisconnected: tier(), wrapUpsBegun: ch(), wrapUpsEnded: ch(), conferencesBegun: ch(), conferencesEnded: ch(),
  };
}

describe('workspaceFor', () => {
  it('builds a calendar, a pool of 1024 contact slots and one empty queue per routing queue (2 channels × 4 = 8)', () => {
    const w = workspaceFor(center());
    expect(w.calendar).toBeInstanceOf(Calendar);
    expect(w.calendar.size).toBe(0);
    expect(w.contacts).toBeInstanceOf(ContactPool);
    expect([w.contacts.state.length, w.contacts.inUse]).toEqual([1024, 0]);
    expect(w.queues.length).toBe(8);
    for (const q of w.queues) {
      expect(q).toBeInstanceOf(ContactQueue);
      expect([q.length, q.live]).toEqual([0, 0]);
    }
    expect(new Set(w.queues).size).toBe(8);
  });

  it('has one agent per agent shift list, numbered group by group (2 phones, then 3 blend)', () => {
    const w = workspaceFor(center());
    expect(w.agents.size).toBe(5);
    expect(Array.from(w.agents.group)).toEqual([0, 0, 1, 1, 1]);
  });

  it('sizes the agents’ open-slot rings for the largest chat concurrency (3: loads 1 and 2)', () => {
    const w = workspaceFor(center());
    const A = w.agents;
    A.sessions[4] = 2;
    A.sessionChannel[4] = 1;
    A.listOpenSlot(4, 0);
    A.sessions[3] = 1;
    A.sessionChannel[3] = 1;
    A.listOpenSlot(3, 0);
    expect(A.openSlot(1, 2, 1)).toBe(4);
    expect(A.openSlotAgents(1)).toEqual([3, 4]);
  });

  it('keeps no open-slot agents when every channel takes one session at a time', () => {
    const A = workspaceFor(withChannel(center(), 1, { concurrency: 1 })).agents;
    A.listIdle(2, 0);
    expect(A.openSlotAgents(1)).toEqual([]);
  });

  it('zeroes every total, per channel and per tier', () => {
    expect(workspaceFor(center()).totals).toEqual(zeroTotals());
  });

  it('has a wait histogram per channel × interval (2 × 3) and per channel', () => {
    const w = workspaceFor(center());
    expect([w.waits.interval.length, w.waits.channel.length]).toEqual([6, 2]);
  });

  it('hands back the same workspace for the same model, and another for another model', () => {
    const m = center();
    const w = workspaceFor(m);
    expect(workspaceFor(m)).toBe(w);
    expect(workspaceFor(center())).not.toBe(w);
  });

  it('empties every part for the next run: calendar, contacts, queues, agents, totals, histograms', () => {
    const m = center();
    const w = workspaceFor(m);
    w.calendar.schedule(5, EventPriority.Arrival, EventKind.Arrival, 0);
    w.calendar.schedule(6, EventPriority.Arrival, EventKind.Arrival, 1);
    const c = w.contacts.take();
    w.contacts.state[c] = ContactState.Waiting;
    for (const q of w.queues) q.push(c, 1);
    w.agents.offReasons[0] = 0;
    w.agents.listIdle(0, 0);
    w.agents.listIdle(3, 0);
    for (const a of Object.values(w.totals)) a.fill(4);
    w.waits.interval[5].recordValue(7);
    w.waits.channel[1].recordValue(7);
    w.waits.overall.recordValue(7);
    w.waits.deferred.recordValue(7);

    expect(workspaceFor(m)).toBe(w);
    expect(w.calendar.size).toBe(0);
    expect(w.calendar.schedule(1, EventPriority.Arrival, EventKind.Arrival, 0)).toBe(0); // sequence numbers restart
    expect([w.contacts.inUse, w.contacts.state[c]]).toEqual([0, ContactState.Free]);
    expect(w.queues.map((q) => [q.length, q.live])).toEqual(Array.from({ length: 8 }, () => [0, 0]));
    expect(w.agents.offReasons[0]).toBe(1);
    expect([w.agents.longestIdle(0), w.agents.longestIdle(1)]).toEqual([-1, -1]);
    expect(w.totals).toEqual(zeroTotals());
    expect([...w.waits.interval, ...w.waits.channel, w.waits.overall, w.waits.deferred].map((h) => h.totalCount)).toEqual(
      Array.from({ length: 10 }, () => 0),
    );
  });
});
