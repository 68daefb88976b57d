/**
 * The kernel's working memory — calendar, contact slots, queues, agents — kept per model and
 * reset between replications instead of reallocated: a replication of a short day is a few
 * thousand events, and allocating ~50 typed arrays for each would cost as much as simulating
 * them. Only the counters a replication returns are allocated afresh (engine/recorder.ts).
 *
 * Runs are synchronous and a workspace is used by one run at a time (per thread).
 */
import { AgentPool } from './agents.js';
import { Calendar } from './calendar.js';
import { ContactPool } from './contacts.js';
import type { Model } from './model.js';
import { ContactQueue } from './queue.js';
import { routingOf } from './routing.js';
import { WaitHistograms } from './waitHistograms.js';

/** Per-channel and per-tier running totals of one run (zeroed for each). */
export interface RunTotals {
  /** Live (on the line) and deferred contacts waiting, per channel. */
  readonly liveWaiting: Float64Array;
  readonly backlog: Float64Array;
  /** Conservation counters over every contact, warm-up included, per channel. */
  readonly arrived: Float64Array;
  readonly deflected: Float64Array;
  /** Refused on arrival: no line free, or the queue full. */
  readonly blocked: Float64Array;
  readonly answered: Float64Array;
  readonly gaveUp: Float64Array;
  /** Left a message at the maximum wait (engine/kernel/maxWait.ts). */
  readonly messages: Float64Array;
  /** Tier-1 contacts still waiting at the close, cut off (engine/kernel/closing.ts). */
  readonly disconnected: Float64Array;
  /** Per tier (index 1–2 used: tier 1 is the channels'). */
  readonly tierEntered: Float64Array;
  readonly tierAnswered: Float64Array;
  readonly tierGaveUp: Float64Array;
  readonly tierDisconnected: Float64Array;
  /** Transfers dropped on arrival at a tier with `ifNoAgent: disconnect` (engine/kernel/transferDrop.ts). */
  readonly tierTransferDisconnected: Float64Array;
  /** After-contact work begun and ended, per channel (every wrap-up begun ends before the run does). */
  readonly wrapUpsBegun: Float64Array;
  readonly wrapUpsEnded: Float64Array;
  /** Second agents joined to calls and left them, per channel (engine/kernel/conference.ts). */
  readonly conferencesBegun: Float64Array;
  readonly conferencesEnded: Float64Array;
}

export interface Workspace {
  readonly calendar: Calendar;
  readonly contacts: ContactPool;
  readonly queues: readonly ContactQueue[];
  readonly agents: AgentPool;
  readonly totals: RunTotals;
  readonly waits: WaitHistograms;
}

function newTotals(channels: number): RunTotals {
  const c = (): Float64Array => new Float64Array(channels);
  return {
    liveWaiting: c(), backlog: c(), arrived: c(), deflected: c(), blocked: c(), answered: c(), gaveUp: c(), messages: c(), disconnected: c(),
    tierEntered: new Float64Array(3), tierAnswered: new Float64Array(3), tierGaveUp: new Float64Array(3), tierDisconnected: new Float64Array(3),
    tierTransferDisconnected: new Float64Array(3), wrapUpsBegun: c(), wrapUpsEnded: c(), conferencesBegun: c(), conferencesEnded: c(),
  };
}

const workspaces = new WeakMap<Model, Workspace>();

/** The model's workspace, emptied for a new run. */
export function workspaceFor(model: Model): Workspace {
  let w = workspaces.get(model);
  if (w === undefined) {
    w = {
      calendar: new Calendar(1024),
      contacts: new ContactPool(1024),
      queues: Array.from({ length: routingOf(model).queueCount }, () => new ContactQueue()),
      agents: new AgentPool(model.groups.map((g) => g.agentShifts.length), Math.max(1, ...model.channels.map((c) => c.concurrency))),
      totals: newTotals(model.channels.length),
      waits: new WaitHistograms(model.channels.length, model.intervalCount, model.intervalSec, model.waitPercentileSec ?? model.intervalSec),
    };
    workspaces.set(model, w);
    return w;
  }
  w.calendar.reset();
  w.contacts.reset();
  for (const q of w.queues) q.reset();
  w.agents.reset();
  for (const a of Object.values(w.totals)) a.fill(0);
  w.waits.reset();
  return w;
}
