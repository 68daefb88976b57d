/**
 * The kernel: one replication of a compiled model, event by event. This file is its step loop;
 * the roles it dispatches to are free functions over the kernel state (engine/kernel/):
 *
 * - `state.ts` — the replication's state: tables, workspace, recorder, plan, random sources;
 * - `admission.ts` — arrivals, the initial backlog, follow-ups, self-service, routing to tier 1;
 * - `router.ts` — which agent takes a contact, which contact an agent takes (one contract);
 * - `queueing.ts` — waiting in a queue with its timers, and leaving it;
 * - `service.ts` — starting and finishing service, chat sessions, escalation, wrap-up, the agent's next work;
 * - `customerTimers.ts` — overflow thresholds, callback offers, abandonment;
 * - `maxWait.ts` — the maximum time in queue (a message left, or a callback);
 * - `closing.ts` — the close: live contacts still waiting cut off where the channel says so;
 * - `duty.ts` — shifts, breaks, shrinkage, absence; available and overtime time;
 * - `intervals.ts` — interval boundaries and channel openings;
 * - `censoring.ts` — work still open at the end.
 *
 * Nothing in the loop allocates: contacts, agents and queues are indices into typed arrays
 * (DESIGN §5). Everything random about a contact is drawn when it arrives (contactFactory.ts).
 *
 * End of day: arrivals stop at the horizon; whoever is on duty then stays until the live
 * queues (calls, chats, transfers) have drained, and their waits count in their arrival
 * interval — unless the channel disconnects them at the close (`atClose`, closing.ts). Deferred work (email, social, callbacks, tickets) still waiting at the horizon is
 * left as backlog; where its target deadline lies beyond the horizon its outcome is unknown,
 * and it is counted `pending` (censored). Time-based figures are clipped to [0, horizon).
 */
import { EventKind, EventPriority } from './calendar.js';
import { checkCampaignConservation, checkConservation } from './conservation.js';
import { SimulationError } from './errors.js';
import { arrive, rearrive, scheduleNextArrival, seedBacklog } from './kernel/admission.js';
import { censorOpenWork } from './kernel/censoring.js';
import { abandon, offerCallback, overflow } from './kernel/customerTimers.js';
import { changeStaffing, closeWorkingPeriods, scheduleStaffing } from './kernel/duty.js';
import { beginInterval, open, scheduleOpening } from './kernel/intervals.js';
import { reachMaxWait } from './kernel/maxWait.js';
import { leaveConference } from './kernel/conference.js';
import { dialResult, finishOutbound, outboundAbandon } from './kernel/outbound.js';
import { endWrapUp, finishHandling } from './kernel/service.js';
import { KernelState, type ContactObserver } from './kernel/state.js';
import type { Model } from './model.js';
import type { ReplicationCounters } from './recorder.js';
import type { ContactTracer } from './trace.js';

export type { ContactObserver } from './kernel/state.js';

/** Runs replication `replication` of `model` with base seed `seed` (`tracer`: see engine/trace.ts). */
export function simulateReplication(
  model: Model,
  seed: number,
  replication: number,
  observer: ContactObserver | null = null,
  tracer: ContactTracer | null = null,
): ReplicationCounters {
  const k = new KernelState(model, seed, replication, observer, tracer);
  start(k);
  // The step loop runs in a function of its own, without a try block, so that nothing in
  // it is deoptimized; an error escaping it is given the event it happened in.
  try {
    runEvents(k);
  } catch (err) {
    throw inLoop(err, k.calendar.kind, k.calendar.entity, k.calendar.now);
  }
  return finish(k);
}

/** The step loop: pop the earliest event, dispatch on its kind. */
function runEvents(k: KernelState): void {
  const cal = k.calendar;
  while (cal.pop()) {
    k.events++;
    const now = cal.now;
    const e = cal.entity;
    switch (cal.kind) {
      case EventKind.Arrival: arrive(k, e, now); break;
      case EventKind.Finish: finishHandling(k, e, now); break;
      case EventKind.Abandon: abandon(k, e, now, cal.eventSeq); break;
      case EventKind.Staffing: changeStaffing(k, e, now); break;
      case EventKind.Callback: offerCallback(k, e, now, cal.eventSeq); break;
      case EventKind.Overflow: overflow(k, e, now, cal.eventSeq); break;
      case EventKind.Rearrival: rearrive(k, e, now); break;
      case EventKind.Boundary: beginInterval(k, e, now); break;
      case EventKind.Backlog: seedBacklog(k, e, now); break;
      case EventKind.Opening: open(k, e, now); break;
      case EventKind.MaxWait: reachMaxWait(k, e, now, cal.eventSeq); break;
      case EventKind.DialResult: dialResult(k, e, now); break;
      case EventKind.OutboundFinish: finishOutbound(k, e, now); break;
      case EventKind.OutboundAbandon: outboundAbandon(k, e, now, cal.eventSeq); break;
      case EventKind.WrapUp: endWrapUp(k, e, now); break;
      case EventKind.ConferenceEnd: leaveConference(k, e, now); break;
    }
  }
}

/** The first events: staffing, each channel's first arrival, the initial backlog, openings, the first boundary. */
function start(k: KernelState): void {
  const from = -k.model.warmupSec;
  scheduleStaffing(k);
  for (let ch = 0; ch < k.arrivals.length; ch++) scheduleNextArrival(k, ch, from);
  k.model.channels.forEach((c, ch) => {
    if (c.initialBacklog > 0) k.calendar.schedule(0, EventPriority.Arrival, EventKind.Backlog, ch);
  });
  for (const ch of k.tables.withOpenHours) scheduleOpening(k, ch, from);
  k.calendar.schedule(0, EventPriority.Boundary, EventKind.Boundary, 0);
}

/** Closes the books: working periods, censored work, the conservation check, the counters. */
function finish(k: KernelState): ReplicationCounters {
  const now = k.calendar.now;
  closeWorkingPeriods(k, now);
  censorOpenWork(k);
  const waitingAtEnd = checkConservation(k.model, k.routing, k.queues, k.totals, now);
  let contacts = 0;
  for (let ch = 0; ch < k.totals.arrived.length; ch++) contacts += k.totals.arrived[ch];
  const counters = k.recorder.finish({ replication: k.replication, seed: k.seed, events: k.events, contacts, waitingAtEnd });
  if (k.outbound === null) return counters;
  checkCampaignConservation(k.outbound, now);
  return { ...counters, campaignCount: k.outbound.list.length, campaign: k.outbound.counters };
}

const KIND_NAMES: readonly string[] = Object.keys(EventKind);

/** An error thrown while handling an event, with the simulated time, the event and its entity (a bug: exit 3). */
function inLoop(err: unknown, kind: number, entity: number, now: number): SimulationError {
  if (err instanceof SimulationError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const what = kind === EventKind.Arrival || kind === EventKind.Backlog || kind === EventKind.Opening ? 'channel'
    : kind === EventKind.Staffing || kind === EventKind.WrapUp || kind === EventKind.ConferenceEnd ? 'agent' : kind === EventKind.Boundary ? 'interval'
      : kind === EventKind.DialResult || kind === EventKind.OutboundFinish || kind === EventKind.OutboundAbandon ? 'outbound call' : 'contact';
  const error = new SimulationError(`${message} (handling the ${KIND_NAMES[kind] ?? kind} event of ${what} ${entity})`, now);
  if (err instanceof Error) error.stack = `${error.stack ?? ''}\nCaused by: ${err.stack ?? ''}`;
  return error;
}
