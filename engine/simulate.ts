/**
 * The kernel: one replication of a compiled model, event by event.
 *
 * The step loop pops the calendar and dispatches on an integer event kind; handlers are
 * verbs (`arrive`, `route`, `startHandling`, `finishHandling`, `abandon`, `escalate`,
 * `offerCallback`, `overflow`, `changeStaffing`). Nothing in the loop allocates: contacts,
 * agents and queues are indices into typed arrays; samplers and streams are built before the
 * first event (DESIGN §5). Everything random about a contact is drawn when it arrives
 * (contactFactory.ts), so staffing changes never shift another source's numbers.
 *
 * End of day: arrivals stop at the horizon; whoever is on duty then stays until the live
 * queues (calls, chats, transfers) have drained, and their waits count in their arrival
 * interval. Deferred work (email, social, callbacks, tickets) still waiting at the horizon is
 * left as backlog ("in system at the end"); where its target deadline lies beyond the horizon
 * its outcome is unknown, and it is counted `pending` (censored), neither met nor missed.
 * Time-based figures are clipped to [0, horizon).
 */
import type { AgentPool } from './agents.js';
import { ArrivalProcess, ScriptedArrivals, type ArrivalSource } from './arrivals.js';
import { EventKind, EventPriority, type Calendar } from './calendar.js';
import { ContactFactory } from './contactFactory.js';
import { ContactState, Flag, OUTCOME_FLAGS, Origin, type ContactPool } from './contacts.js';
import { Sampler } from './distributions.js';
import type { Model } from './model.js';
import type { ContactQueue } from './queue.js';
import { Stream } from './random.js';
import { routingOf, type RoutingTable } from './routing.js';
import { StaffingChange, staffingPlanFor, type StaffingPlan } from './staffingPlan.js';
import { tablesOf, type ModelTables } from './tables.js';
import { Recorder, type ReplicationCounters } from './recorder.js';
import { workspaceFor, type RunTotals } from './workspace.js';
import { BacklogAges } from './backlog.js';
import { checkConservation } from './conservation.js';

const DAY_SEC = 86_400;

/**
 * Sees every contact as it arrives (fresh, follow-up or backlog), with what was drawn for it:
 * for tests of common random numbers and for traces. Contained (self-service) contacts have
 * NaN handle time and patience. Called synchronously; it must not throw.
 */
export interface ContactObserver {
  admitted(channel: number, type: number, origin: number, arrivalSec: number, handle1Sec: number, patienceSec: number): void;
}

/** Runs replication `replication` of `model` with base seed `seed`. */
export function simulateReplication(model: Model, seed: number, replication: number, observer: ContactObserver | null = null): ReplicationCounters {
  return new Kernel(model, seed, replication, observer).run();
}

class Kernel {
  private readonly model: Model;
  private readonly seed: number;
  private readonly replication: number;
  private readonly horizonSec: number;
  private readonly calendar: Calendar;
  private readonly contacts: ContactPool;
  private readonly agents: AgentPool;
  private readonly routing: RoutingTable;
  private readonly recorder: Recorder;
  private readonly plan: StaffingPlan;
  private readonly queues: readonly ContactQueue[];
  private readonly fresh: ContactFactory;
  private followUpDraws: ContactFactory | null = null;
  private backlogDraws: ContactFactory | null = null;
  private readonly arrivals: ArrivalSource[];
  private readonly arrivalStreams: Stream[];
  private readonly tables: ModelTables;
  private readonly workspaceTotals: RunTotals;
  /** Per channel: global index of its only type, or −1 when it has several. */
  private readonly singleType: Int32Array;
  private readonly concurrency: Int32Array;
  private readonly concurrencyFactor: Float64Array;
  private readonly targetSec: Float64Array;
  private readonly hasDeflection: Uint8Array;
  /** Live (on the line) and deferred contacts waiting, per channel. */
  private readonly liveWaiting: Float64Array;
  private readonly backlog: Float64Array;
  /** Conservation counters over every contact, warm-up included (see checkConservation). */
  private readonly arrived: Float64Array;
  private readonly deflected: Float64Array;
  private readonly answered: Float64Array;
  private readonly gaveUp: Float64Array;
  private readonly tierEntered: Float64Array; // tiers 2–3 (index 0 unused)
  private readonly tierAnswered: Float64Array;
  private readonly tierGaveUp: Float64Array;
  private readonly backlogAges = new BacklogAges();
  private nextToken = 1;
  /** After the horizon: deferred work is no longer picked up (set by the last boundary). */
  private closed = false;
  private events = 0;
  /** Set by findAgent: the chosen agent came through an overflow rule. */
  private pickedByOverflow = false;
  private readonly observer: ContactObserver | null;

  constructor(model: Model, seed: number, replication: number, observer: ContactObserver | null) {
    this.model = model;
    this.observer = observer;
    this.seed = seed;
    this.replication = replication;
    this.horizonSec = model.horizonSec;
    const C = model.channels.length;
    const workspace = workspaceFor(model);
    this.calendar = workspace.calendar;
    this.contacts = workspace.contacts;
    this.agents = workspace.agents;
    this.queues = workspace.queues;
    this.routing = routingOf(model);
    const t = tablesOf(model);
    this.tables = t;
    this.singleType = t.singleType;
    this.concurrency = t.concurrency;
    this.concurrencyFactor = t.concurrencyFactor;
    this.targetSec = t.targetSec;
    this.hasDeflection = t.hasDeflection;
    const totals = workspace.totals;
    this.workspaceTotals = totals;
    this.liveWaiting = totals.liveWaiting;
    this.backlog = totals.backlog;
    this.arrived = totals.arrived;
    this.deflected = totals.deflected;
    this.answered = totals.answered;
    this.gaveUp = totals.gaveUp;
    this.tierEntered = totals.tierEntered;
    this.tierAnswered = totals.tierAnswered;
    this.tierGaveUp = totals.tierGaveUp;
    this.recorder = new Recorder(C, model.groups.length, model.intervalCount, model.intervalSec, t.typeCount, t.singleType, t.deferred, workspace.waits);
    this.plan = staffingPlanFor(model, seed, replication);
    this.fresh = new ContactFactory(model, seed, replication);
    this.arrivals = model.channels.map((c) => {
      if (c.arrivalTimesSec) return new ScriptedArrivals(c.arrivalTimesSec);
      return new ArrivalProcess(c.ratePerSec, model.intervalSec, model.warmupSec, this.dayScales(c.id, c.overdispersion));
    });
    this.arrivalStreams = model.channels.map((c) => new Stream(seed, replication, `arrivals:${c.id}`));
  }

  /** Follow-up contacts' draws, made on the first follow-up (most runs of simple models have none). */
  private get followUps(): ContactFactory {
    if (this.followUpDraws === null) this.followUpDraws = new ContactFactory(this.model, this.seed, this.replication, 'followup:');
    return this.followUpDraws;
  }

  /** The initial backlog's draws: streams of their own, so a backlog never shifts the fresh contacts' numbers. */
  private get backlogContacts(): ContactFactory {
    if (this.backlogDraws === null) this.backlogDraws = new ContactFactory(this.model, this.seed, this.replication, 'backlog:');
    return this.backlogDraws;
  }

  /** Day-level forecast error: one Gamma(mean 1, cv) multiplier per day (DESIGN §2). */
  private dayScales(channelId: string, cv: number): Float64Array {
    const days = Math.ceil(this.horizonSec / DAY_SEC);
    if (cv <= 0) return new Float64Array(days).fill(1);
    const stream = new Stream(this.seed, this.replication, `overdispersion:${channelId}`);
    const gamma = new Sampler({ dist: 'gamma', mean: 1, cv });
    return Float64Array.from({ length: days }, () => gamma.draw(stream));
  }

  run(): ReplicationCounters {
    const start = -this.model.warmupSec;
    this.scheduleStaffing();
    for (let ch = 0; ch < this.arrivals.length; ch++) this.scheduleNextArrival(ch, start);
    this.model.channels.forEach((c, ch) => {
      if (c.initialBacklog > 0) this.calendar.schedule(0, EventPriority.Arrival, EventKind.Backlog, ch);
    });
    for (const ch of this.tables.withOpenHours) this.scheduleOpening(ch, start);
    this.calendar.schedule(0, EventPriority.Boundary, EventKind.Boundary, 0);
    const cal = this.calendar;
    while (cal.pop()) {
      this.events++;
      const now = cal.now;
      const e = cal.entity;
      switch (cal.kind) {
        case EventKind.Arrival: this.arrive(e, now); break;
        case EventKind.Finish: this.finishHandling(e, now); break;
        case EventKind.Abandon: this.abandon(e, now, cal.eventSeq); break;
        case EventKind.Staffing: this.changeStaffing(e, now); break;
        case EventKind.Callback: this.offerCallback(e, now, cal.eventSeq); break;
        case EventKind.Overflow: this.overflow(e, now, cal.eventSeq); break;
        case EventKind.Rearrival: this.rearrive(e, now); break;
        case EventKind.Boundary: this.beginInterval(e, now); break;
        case EventKind.Backlog: this.seedBacklog(e, now); break;
        case EventKind.Opening: this.open(e, now); break;
      }
    }
    this.closeWorkingPeriods(cal.now);
    this.censorOpenWork();
    const waitingAtEnd = checkConservation(this.model, this.routing, this.queues, this.workspaceTotals, cal.now);
    let contacts = 0;
    for (let ch = 0; ch < this.arrived.length; ch++) contacts += this.arrived[ch];
    return this.recorder.finish({ replication: this.replication, seed: this.seed, events: this.events, contacts, waitingAtEnd });
  }

  /** Global type index for per-type counters, or −1 when the channel's only type is counted from channel sums. */
  private gtype(ch: number, type: number): number {
    const base = this.tables.typeIndex[ch];
    return base < 0 ? -1 : base + type;
  }

  // ---- arrivals ---------------------------------------------------------------------------

  private scheduleNextArrival(ch: number, now: number): void {
    const t = this.arrivals[ch].next(now, this.arrivalStreams[ch]);
    if (t !== Infinity) this.calendar.schedule(t, EventPriority.Arrival, EventKind.Arrival, ch);
  }

  /** A fresh contact arrives on channel ch. */
  private arrive(ch: number, now: number): void {
    this.scheduleNextArrival(ch, now);
    this.admit(-1, ch, this.singleType[ch] >= 0 ? 0 : this.fresh.drawType(ch), Origin.Fresh, now, this.fresh);
  }

  /** The initial backlog of channel ch joins its queue at time 0. */
  private seedBacklog(ch: number, now: number): void {
    const n = this.model.channels[ch].initialBacklog;
    const draws = this.backlogContacts;
    for (let i = 0; i < n; i++) this.admit(-1, ch, draws.drawType(ch), Origin.Backlog, now, draws);
  }

  /** A retrial, repeat or return from self-service comes back. */
  private rearrive(c: number, now: number): void {
    const P = this.contacts;
    this.admit(c, P.channel[c], P.type[c], P.origin[c], now, this.followUps);
  }

  /** Schedules contact of (ch, type) to come back at `at` (dropped when that is past the horizon). */
  private scheduleRearrival(ch: number, type: number, origin: number, at: number): void {
    if (at >= this.horizonSec) return;
    const P = this.contacts;
    const c = P.take();
    P.channel[c] = ch;
    P.type[c] = type;
    P.origin[c] = origin;
    P.state[c] = ContactState.Pending;
    this.calendar.schedule(at, EventPriority.Arrival, EventKind.Rearrival, c);
  }

  /**
   * The contact's draws, then self-service, then routing to tier 1. `slot` < 0: take a new
   * slot. A contained contact draws like any other (and discards the numbers), so self-service
   * never shifts the next contacts' handle times or patience (common random numbers).
   */
  private admit(slot: number, ch: number, type: number, origin: number, now: number, draws: ContactFactory): void {
    const R = this.recorder;
    const iv = R.intervalOf(now);
    this.arrived[ch]++;
    const P = this.contacts;
    const c = slot >= 0 ? slot : P.take();
    P.arrivalSec[c] = now;
    P.channel[c] = ch;
    P.type[c] = type;
    P.tier[c] = 1;
    P.origin[c] = origin;
    P.interval[c] = iv;
    draws.fill(P, c, ch, type, origin === Origin.DeflectionReturn);
    const contained = this.hasDeflection[ch] === 1 && origin !== Origin.DeflectionReturn && draws.drawDeflected(ch);
    if (this.observer !== null) this.observer.admitted(ch, type, origin, now, contained ? NaN : P.handle1Sec[c], contained ? NaN : P.patienceSec[c]);
    if (contained) {
      this.contain(c, ch, type, iv, now, draws);
      return;
    }
    if (iv >= 0) {
      R.offer(ch, iv, this.gtype(ch, type));
      if (origin !== Origin.Fresh) this.countFollowUp(ch, type, iv, origin);
    }
    this.route(c, this.routing.queueOf(ch, type, 1), now);
  }

  /** Self-service contains contact c; some come back later. */
  private contain(c: number, ch: number, type: number, iv: number, now: number, draws: ContactFactory): void {
    this.deflected[ch]++;
    if (iv >= 0) this.recorder.count('deflected', ch, iv);
    const delay = draws.drawReturnDelay(ch);
    this.contacts.release(c);
    if (delay >= 0) this.scheduleRearrival(ch, type, Origin.DeflectionReturn, now + delay);
  }

  private countFollowUp(ch: number, type: number, iv: number, origin: number): void {
    const R = this.recorder;
    if (origin === Origin.Retrial) R.count('retrials', ch, iv);
    else if (origin === Origin.Repeat) {
      R.count('repeats', ch, iv);
      const gt = this.gtype(ch, type);
      if (gt >= 0) R.type.repeats[gt]++;
    }
  }

  // ---- routing ----------------------------------------------------------------------------

  /** Sends contact c to a free eligible agent, or queues it in q with its timers. */
  private route(c: number, q: number, now: number): void {
    const a = this.findAgent(q, 0, now);
    const P = this.contacts;
    P.queue[c] = q;
    P.enqueueSec[c] = now;
    if (a >= 0) this.startHandling(a, c, now);
    else this.enqueue(c, q, now);
  }

  /** No free agent: contact c waits in queue q, with its timers. */
  private enqueue(c: number, q: number, now: number): void {
    const P = this.contacts;
    const R = this.routing;
    const ch = R.queueChannel[q];
    const token = this.nextToken++;
    P.token[c] = token;
    P.state[c] = ContactState.Waiting;
    this.queues[q].push(c, token);
    if (R.queueDeferred[q] === 1) this.recorder.backlogLevel(ch, ++this.backlog[ch]);
    else this.recorder.liveQueue(ch, now, ++this.liveWaiting[ch]);
    const iv = P.interval[c];
    // P(wait) counts a contact once: a caller moved to the callback queue has already waited.
    if (P.tier[c] === 1 && iv >= 0 && (P.flags[c] & Flag.Queued) === 0) {
      P.flags[c] |= Flag.Queued;
      this.recorder.queue(ch, iv, this.gtype(ch, P.type[c]));
    }
    this.setTimers(c, q, now);
  }

  private setTimers(c: number, q: number, now: number): void {
    const P = this.contacts;
    const R = this.routing;
    const cal = this.calendar;
    P.abandonSeq[c] = -1;
    P.callbackSeq[c] = -1;
    P.overflowSeq[c] = -1;
    if (R.queueDeferred[q] === 0) {
      const tier = P.tier[c];
      const patience = tier === 1 ? P.patienceSec[c] : tier === 2 ? P.patience2Sec[c] : P.patience3Sec[c];
      if (patience !== Infinity) P.abandonSeq[c] = cal.schedule(now + patience, EventPriority.Abandon, EventKind.Abandon, c);
      const callback = this.model.channels[R.queueChannel[q]].callback;
      if (callback !== null && P.tier[c] === 1 && (P.flags[c] & Flag.AcceptsCallback) !== 0) {
        P.callbackSeq[c] = cal.schedule(now + callback.afterSec, EventPriority.Abandon, EventKind.Callback, c);
      }
    }
    const first = R.overflowStart[q];
    if (first < R.overflowStart[q + 1]) {
      P.overflowStep[c] = 0;
      P.overflowSeq[c] = cal.schedule(now + R.overflowSec[first], EventPriority.Abandon, EventKind.Overflow, c);
    }
  }

  /** Whether queue q's work may be picked up now (open hours; deferred work stops at the horizon). */
  private isWorkable(q: number, now: number): boolean {
    const R = this.routing;
    if (R.queueAlwaysWorkable[q] === 1) return true;
    if (this.closed && R.queueDeferred[q] === 1) return false;
    const open = this.model.channels[R.queueChannel[q]].openHours;
    if (open === null) return true;
    const tod = ((now % DAY_SEC) + DAY_SEC) % DAY_SEC;
    return tod >= open.startSec && tod < open.endSec;
  }

  /**
   * A free agent for a contact of queue q that has waited `waitedSec`: among eligible groups
   * (overflow delay met), the best rank; within it the longest-idle agent; failing that, for
   * chat-like channels, an agent with a free session slot (`findOpenSlot`). −1 when none.
   */
  private findAgent(q: number, waitedSec: number, now: number): number {
    const R = this.routing;
    const A = this.agents;
    if (!this.isWorkable(q, now)) return -1;
    let best = -1, bestRank = 0, bestSince = Infinity, bestAfter = 0;
    for (let k = R.queueGroupStart[q]; k < R.queueGroupStart[q + 1]; k++) {
      const rank = R.queueGroupRank[k];
      if (best >= 0 && rank > bestRank) break;
      if (R.queueGroupAfterSec[k] > waitedSec) continue;
      const a = A.longestIdle(R.queueGroups[k]);
      if (a >= 0 && A.idleSince[a] < bestSince) {
        best = a; bestRank = rank; bestSince = A.idleSince[a]; bestAfter = R.queueGroupAfterSec[k];
      }
    }
    if (best < 0 && this.concurrency[R.queueChannel[q]] > 1) return this.findOpenSlot(q, waitedSec);
    this.pickedByOverflow = bestAfter > 0;
    return best;
  }

  /**
   * Chat, no idle agent: every eligible agent holding sessions of q's channel with a free slot
   * is a candidate. Rule ("least loaded"): the best rank first; within it the fewest sessions
   * in hand; then the agent that has held that many longest; then the group listed first.
   */
  private findOpenSlot(q: number, waitedSec: number): number {
    const R = this.routing;
    const A = this.agents;
    const ch = R.queueChannel[q];
    const slots = this.concurrency[ch];
    let best = -1, bestRank = 0, bestLoad = 0, bestSince = Infinity, bestAfter = 0;
    for (let k = R.queueGroupStart[q]; k < R.queueGroupStart[q + 1]; k++) {
      const rank = R.queueGroupRank[k];
      if (best >= 0 && rank > bestRank) break;
      if (R.queueGroupAfterSec[k] > waitedSec) continue;
      for (let load = 1; load < slots; load++) {
        if (best >= 0 && load > bestLoad) break;
        const a = A.openSlot(R.queueGroups[k], load, ch);
        if (a < 0) continue;
        if (best < 0 || load < bestLoad || A.slotSince[a] < bestSince) {
          best = a; bestRank = rank; bestLoad = load; bestSince = A.slotSince[a]; bestAfter = R.queueGroupAfterSec[k];
        }
        break;
      }
    }
    this.pickedByOverflow = bestAfter > 0;
    return best;
  }

  /**
   * The next contact for free agent a: among the queues its group serves (only its session
   * channel while it holds chats), the head of the best one by rank, then priority, then
   * longest wait; −1 when nothing is waiting.
   */
  private findWork(a: number, now: number): number {
    const R = this.routing;
    const P = this.contacts;
    const A = this.agents;
    const g = A.group[a];
    const only = A.sessions[a] > 0 ? A.sessionChannel[a] : -1;
    let best = -1, bestRank = 0, bestPriority = 0, bestSince = Infinity, bestK = -1;
    for (let k = R.groupQueueStart[g]; k < R.groupQueueStart[g + 1]; k++) {
      const q = R.groupQueues[k];
      const queue = this.queues[q];
      if (queue.live === 0) continue;
      const rank = R.groupQueueRank[k];
      const priority = R.queuePriority[q];
      if (best >= 0 && (rank > bestRank || (rank === bestRank && priority > bestPriority))) continue;
      if (only >= 0 && R.queueChannel[q] !== only) continue;
      if (!this.isWorkable(q, now)) continue;
      const head = this.validHead(queue);
      if (head < 0) continue;
      const since = P.enqueueSec[head];
      if (now - since < R.groupQueueAfterSec[k]) continue;
      if (best < 0 || rank < bestRank || priority < bestPriority || since < bestSince) {
        best = head; bestRank = rank; bestPriority = priority; bestSince = since; bestK = k;
      }
    }
    this.pickedByOverflow = bestK >= 0 && R.groupQueueAfterSec[bestK] > 0;
    return best;
  }

  /** The head contact still waiting in `queue` (stale entries dropped), or −1. */
  private validHead(queue: ContactQueue): number {
    const P = this.contacts;
    while (queue.length > 0) {
      const c = queue.headId();
      if (P.token[c] === queue.headStamp() && P.state[c] === ContactState.Waiting) return c;
      queue.shift();
    }
    return -1;
  }

  /** Takes waiting contact c out of its queue (its entry goes stale; its timers too). */
  private leaveQueue(c: number, now: number): void {
    const P = this.contacts;
    const q = P.queue[c];
    const ch = this.routing.queueChannel[q];
    this.queues[q].live--;
    if (this.routing.queueDeferred[q] === 1) this.backlog[ch]--;
    else this.recorder.liveQueue(ch, now, --this.liveWaiting[ch]);
    P.token[c] = -1;
    P.abandonSeq[c] = -1;
    P.callbackSeq[c] = -1;
    P.overflowSeq[c] = -1;
  }

  // ---- service ----------------------------------------------------------------------------

  /** Agent a starts on contact c. The plain case (tier 1, one session, no overflow) stays small enough to inline. */
  private startHandling(a: number, c: number, now: number): void {
    const P = this.contacts;
    const ch = P.channel[c];
    if (P.tier[c] !== 1 || this.concurrency[ch] > 1 || this.pickedByOverflow) {
      this.startSpecialHandling(a, c, now);
      return;
    }
    const A = this.agents;
    A.busySince[a] = now;
    A.sessionChannel[a] = ch;
    A.sessions[a] = 1;
    A.unlist(a);
    P.state[c] = ContactState.InService;
    P.agent[c] = a;
    const handle = P.handle1Sec[c];
    this.recordAnswer(c, P.queue[c], A.group[a], handle, now);
    this.calendar.schedule(now + handle, EventPriority.Finish, EventKind.Finish, c);
  }

  /** Tiers 2–3, chat sessions, overflow answers. */
  private startSpecialHandling(a: number, c: number, now: number): void {
    const P = this.contacts;
    const A = this.agents;
    const q = P.queue[c];
    const ch = P.channel[c];
    const tier = P.tier[c];
    if (this.pickedByOverflow) P.flags[c] |= Flag.Overflowed;
    if (A.sessions[a] === 0) {
      A.busySince[a] = now;
      A.sessionChannel[a] = ch;
    }
    const n = ++A.sessions[a];
    let handle = tier === 1 ? P.handle1Sec[c] : tier === 2 ? P.handle2Sec[c] : P.handle3Sec[c];
    if (this.concurrency[ch] > 1) handle *= this.takeSession(a, ch, n, now);
    else A.unlist(a);
    P.state[c] = ContactState.InService;
    P.agent[c] = a;
    P.serviceStartSec[c] = now;
    if (tier === 1) this.recordAnswer(c, q, A.group[a], handle, now);
    else this.recordTierAnswer(c, q, A.group[a], handle, now);
    this.calendar.schedule(now + handle, EventPriority.Finish, EventKind.Finish, c);
  }

  /**
   * Chat: agent a now holds n sessions of channel ch. It stays open for more while it has room;
   * returns the handle-time multiplier 1 + (factor − 1)·(n − 1) of the new session.
   */
  private takeSession(a: number, ch: number, n: number, now: number): number {
    if (n < this.concurrency[ch]) this.agents.listOpenSlot(a, now);
    else this.agents.unlist(a);
    return 1 + (this.concurrencyFactor[ch] - 1) * (n - 1);
  }

  /** A tier-1 answer; tier 1's own counters are the channel's (Recorder.fillDerivedCounters). */
  private recordAnswer(c: number, q: number, g: number, handle: number, now: number): void {
    const P = this.contacts;
    const R = this.routing;
    const ch = P.channel[c];
    const iv = P.interval[c];
    this.answered[ch]++;
    if (iv < 0) return;
    const wait = now - P.arrivalSec[c];
    const live = R.queueDeferred[q] === 0 || R.queueIsCallback[q] === 1;
    this.recorder.answer(ch, iv, this.gtype(ch, P.type[c]), g, wait, handle, live && wait <= this.targetSec[ch]);
    if ((P.flags[c] & Flag.Overflowed) !== 0) this.recorder.count('overflowed', ch, iv);
  }

  /** An answer at tier 2 or 3 by group g: wait counted from the escalation. */
  private recordTierAnswer(c: number, q: number, g: number, handle: number, now: number): void {
    const P = this.contacts;
    const R = this.routing;
    const tier = P.tier[c];
    const iv = P.interval[c];
    const waitInQueue = now - P.enqueueSec[c];
    this.tierAnswered[tier - 1]++;
    if (iv >= 0) {
      // A transfer meets its target when answered within it; a ticket when resolved (recordResolutionTime).
      const withinTarget = R.queueDeferred[q] === 0 && waitInQueue <= R.queueTargetSec[q];
      this.recorder.answerAtTier(tier - 1, g, iv, waitInQueue, handle, withinTarget);
    }
  }

  /** Contact c's session ends: it escalates, or is resolved (and may come back as a repeat). */
  private finishHandling(c: number, now: number): void {
    const P = this.contacts;
    const a = P.agent[c];
    const ch = P.channel[c];
    if (this.concurrency[ch] > 1) this.recorder.session(ch, P.serviceStartSec[c], now);
    if ((P.flags[c] & OUTCOME_FLAGS) === 0 && this.routing.queueDeferred[P.queue[c]] === 0) {
      P.release(c); // resolved, no follow-up: the common case
    } else {
      this.conclude(c, now);
    }
    this.endSession(a, ch, now);
  }

  /** Contact c's session ends with something to do: record resolution time, escalate, or schedule a repeat. */
  private conclude(c: number, now: number): void {
    const P = this.contacts;
    const R = this.routing;
    const ch = P.channel[c];
    const q = P.queue[c];
    const tier = P.tier[c];
    const iv = P.interval[c];
    if (iv >= 0 && R.queueDeferred[q] === 1) this.recordResolutionTime(c, q, now);
    const escalates = tier < 3 && (P.flags[c] & (tier === 1 ? Flag.EscalatesToTier2 : Flag.EscalatesToTier3)) !== 0;
    const next = escalates ? R.queueOf(ch, P.type[c], tier + 1) : -1;
    if (next >= 0 && R.isServed(next)) {
      this.escalate(c, next, now);
    } else {
      if (iv >= 0 && tier > 1) this.recorder.tier.resolved[tier - 1]++;
      if ((P.flags[c] & Flag.Repeats) !== 0) this.scheduleRearrival(ch, P.type[c], Origin.Repeat, now + P.repeatDelaySec[c]);
      P.release(c);
    }
  }

  /** Deferred work (email, callbacks, tickets) meets its target when *finished* within it. */
  private recordResolutionTime(c: number, q: number, now: number): void {
    const P = this.contacts;
    const R = this.routing;
    const ch = P.channel[c];
    const tier = P.tier[c];
    if (tier === 1 && R.queueIsCallback[q] === 0) {
      if (now - P.arrivalSec[c] <= R.queueTargetSec[q]) this.recorder.resolveDeferred(ch, P.interval[c], this.gtype(ch, P.type[c]));
    } else if (tier > 1 && now - P.enqueueSec[c] <= R.queueTargetSec[q]) {
      this.recorder.tier.withinTarget[tier - 1]++;
    }
  }

  /** Sends contact c on to the next tier's queue (transfer: the customer waits on the line). */
  private escalate(c: number, next: number, now: number): void {
    const P = this.contacts;
    const rec = this.recorder;
    const tier = P.tier[c];
    const ch = P.channel[c];
    const iv = P.interval[c];
    P.tier[c] = tier + 1;
    this.tierEntered[tier]++;
    if (iv >= 0) {
      rec.tier.escalated[tier - 1]++;
      rec.tier.entered[tier]++;
      if (tier === 1) {
        rec.count('escalated', ch, iv);
        const gt = this.gtype(ch, P.type[c]);
        if (gt >= 0) rec.type.escalated[gt]++;
      }
    }
    this.route(c, next, now);
  }

  /** Agent a closes a session on channel ch and takes new work if it still may. */
  private endSession(a: number, ch: number, now: number): void {
    const A = this.agents;
    const g = A.group[a];
    const left = --A.sessions[a];
    if (left === 0) {
      this.recorder.busy(g, ch, A.busySince[a], now);
      A.sessionChannel[a] = -1;
    }
    if (A.offReasons[a] > 0) {
      if (left === 0) this.stopWorking(a, now);
      return;
    }
    const c = this.findWork(a, now);
    if (c >= 0) {
      this.leaveQueue(c, now);
      this.startHandling(a, c, now);
    } else if (left === 0) {
      A.listIdle(a, now);
    } else if (this.concurrency[ch] > 1) {
      A.listOpenSlot(a, now);
    }
  }

  /** Available agent a holds chat sessions with room: it takes waiting work of that channel until full or none is left. */
  private fillSlots(a: number, now: number): void {
    const A = this.agents;
    while (A.sessions[a] > 0 && A.sessions[a] < this.concurrency[A.sessionChannel[a]]) {
      const c = this.findWork(a, now);
      if (c < 0) return;
      this.leaveQueue(c, now);
      this.startHandling(a, c, now);
    }
  }

  // ---- customer timers --------------------------------------------------------------------

  /** Patience runs out; stale events (answered, moved, slot reused) are ignored. */
  private abandon(c: number, now: number, seq: number): void {
    const P = this.contacts;
    if (P.state[c] !== ContactState.Waiting || P.abandonSeq[c] !== seq) return;
    const ch = P.channel[c];
    const tier = P.tier[c];
    const iv = P.interval[c];
    this.leaveQueue(c, now);
    if (tier === 1) {
      this.gaveUp[ch]++;
      const waited = now - P.arrivalSec[c];
      if (iv >= 0) this.recorder.abandon(ch, iv, this.gtype(ch, P.type[c]), waited, waited <= this.targetSec[ch]);
      if ((P.flags[c] & Flag.Retries) !== 0) this.scheduleRearrival(ch, P.type[c], Origin.Retrial, now + P.retrialDelaySec[c]);
    } else {
      this.tierGaveUp[tier - 1]++;
      if (iv >= 0) this.recorder.tier.abandoned[tier - 1]++;
    }
    P.release(c);
  }

  /** Virtual hold: the caller accepts a callback and leaves the line for the callback queue. */
  private offerCallback(c: number, now: number, seq: number): void {
    const P = this.contacts;
    if (P.state[c] !== ContactState.Waiting || P.callbackSeq[c] !== seq) return;
    const ch = P.channel[c];
    this.leaveQueue(c, now);
    if (P.interval[c] >= 0) this.recorder.count('callbacks', ch, P.interval[c]);
    this.route(c, this.routing.callbackQueueOf(ch, P.type[c]), now);
  }

  /** An overflow threshold passes: backup groups may now take the contact. */
  private overflow(c: number, now: number, seq: number): void {
    const P = this.contacts;
    const R = this.routing;
    if (P.state[c] !== ContactState.Waiting || P.overflowSeq[c] !== seq) return;
    const q = P.queue[c];
    const a = this.findAgent(q, now - P.enqueueSec[c], now);
    if (a >= 0) {
      this.leaveQueue(c, now);
      this.startHandling(a, c, now);
      return;
    }
    const step = ++P.overflowStep[c];
    const at = R.overflowStart[q] + step;
    if (at < R.overflowStart[q + 1]) {
      P.overflowSeq[c] = this.calendar.schedule(P.enqueueSec[c] + R.overflowSec[at], EventPriority.Abandon, EventKind.Overflow, c);
    }
  }

  // ---- staffing ---------------------------------------------------------------------------

  private scheduleStaffing(): void {
    const groups = this.model.groups;
    let a = 0;
    groups.forEach((g, gi) => {
      for (const shifts of g.agentShifts) {
        for (const s of shifts) this.recorder.scheduled(gi, s.startSec, s.endSec);
        this.scheduleNextChange(a++);
      }
    });
  }

  private scheduleNextChange(a: number): void {
    const plan = this.plan;
    if (plan.hasNext(a)) this.calendar.schedule(plan.timeSec[plan.cursor[a]], EventPriority.Staffing, EventKind.Staffing, a);
  }

  /** Agent a's next availability change: shift start/end, break, shrinkage, absence. */
  private changeStaffing(a: number, now: number): void {
    const A = this.agents;
    const plan = this.plan;
    const i = plan.cursor[a]++;
    const kind = plan.kind[i];
    this.scheduleNextChange(a);
    const wasAvailable = A.offReasons[a] === 0;
    if (kind === StaffingChange.ShiftStart || kind === StaffingChange.AwayEnd) A.offReasons[a]--;
    else A.offReasons[a]++;
    if (kind === StaffingChange.ShiftStart) A.shiftEndSec[a] = plan.shiftEndSec[i];
    const isAvailable = A.offReasons[a] === 0;
    if (!wasAvailable && isAvailable) this.startWorking(a, now);
    else if (wasAvailable && !isAvailable) {
      A.unlist(a);
      if (A.sessions[a] === 0) this.stopWorking(a, now);
      else if (kind === StaffingChange.ShiftEnd) A.overtimeFrom[a] = now;
    }
  }

  /** Agent a becomes available: it takes waiting work or goes idle. */
  private startWorking(a: number, now: number): void {
    const A = this.agents;
    if (A.sessions[a] === 0) A.availableSince[a] = now;
    this.closeOvertime(a, now);
    if (A.sessions[a] > 0) {
      // Back with sessions still in hand (they outlasted a break): room for more is filled at once.
      if (A.sessions[a] < this.concurrency[A.sessionChannel[a]]) {
        A.listOpenSlot(a, now);
        this.fillSlots(a, now);
      }
      return;
    }
    const c = this.findWork(a, now);
    if (c >= 0) {
      this.leaveQueue(c, now);
      this.startHandling(a, c, now);
      this.fillSlots(a, now);
    } else {
      A.listIdle(a, now);
    }
  }

  /** Agent a stops working (away, with nothing in hand): its available time is recorded. */
  private stopWorking(a: number, now: number): void {
    const A = this.agents;
    this.recorder.available(A.group[a], A.availableSince[a], now);
    this.closeOvertime(a, now);
    A.unlist(a);
  }

  private closeOvertime(a: number, now: number): void {
    const A = this.agents;
    if (A.overtimeFrom[a] !== Infinity) {
      this.recorder.overtime(A.group[a], A.overtimeFrom[a], now);
      A.overtimeFrom[a] = Infinity;
    }
  }

  /** At the end, agents still available (or finishing) close their working period. */
  private closeWorkingPeriods(now: number): void {
    const A = this.agents;
    for (let a = 0; a < A.size; a++) {
      if (A.offReasons[a] === 0 || A.sessions[a] > 0) this.recorder.available(A.group[a], A.availableSince[a], Math.max(now, this.horizonSec));
    }
  }

  // ---- interval boundaries and open hours ------------------------------------------------

  /**
   * Interval k begins (k = intervalCount: the recorded day ends): the backlog's age closes
   * interval k − 1, the queues it hands over count in interval k's maxima; at the horizon
   * deferred work stops being picked up.
   */
  private beginInterval(k: number, now: number): void {
    const I = this.model.intervalCount;
    if (k > 0) {
      for (let ch = 0; ch < this.model.channels.length; ch++) {
        if (this.backlog[ch] > 0) this.recorder.channel.backlogAgeP90Sec[ch * I + k - 1] = this.backlogAges.p90(this.routing, this.queues, this.contacts, ch, now);
      }
    }
    this.recorder.openInterval(k, now, this.liveWaiting, this.backlog);
    if (k >= I) {
      this.closed = true;
      return;
    }
    this.calendar.schedule((k + 1) * this.model.intervalSec, EventPriority.Boundary, EventKind.Boundary, k + 1);
  }

  /** Schedules channel ch's first opening at or after `from` (open hours recur daily; none at or after the horizon). */
  private scheduleOpening(ch: number, from: number): void {
    const open = this.model.channels[ch].openHours;
    if (open === null) return;
    let at = Math.floor(from / DAY_SEC) * DAY_SEC + open.startSec;
    if (at < from) at += DAY_SEC;
    if (at < this.horizonSec) this.calendar.schedule(at, EventPriority.Opening, EventKind.Opening, ch);
  }

  /** Channel ch opens: its waiting work becomes workable at this instant, for idle agents and open chat slots. */
  private open(ch: number, now: number): void {
    const A = this.agents;
    for (const g of this.tables.groupsOfChannel[ch]) {
      for (const a of A.idle[g].validAgents(A.stamp)) {
        const c = this.findWork(a, now);
        if (c < 0) continue;
        this.leaveQueue(c, now);
        this.startHandling(a, c, now);
        this.fillSlots(a, now);
      }
      for (const a of A.openSlotAgents(g)) this.fillSlots(a, now);
    }
    this.scheduleOpening(ch, now + 1);
  }

  // ---- the end of the run -----------------------------------------------------------------

  /**
   * Work still open when the run ends (deferred work, callbacks, tickets) has an unknown outcome
   * where its target deadline lies beyond the horizon: it is counted `pending` (censored) and
   * left out of the service level's population. Where the deadline has passed, it is a miss.
   * Deadline: tier 1, arrival + the channel's T; tiers 2–3, escalation + the tier's target.
   */
  private censorOpenWork(): void {
    const P = this.contacts;
    const R = this.routing;
    for (let q = 0; q < R.queueCount; q++) {
      const queue = this.queues[q];
      if (queue.live === 0) continue;
      queue.forEach((c, token) => {
        if (P.token[c] !== token || P.state[c] !== ContactState.Waiting) return;
        const iv = P.interval[c];
        if (iv < 0) return;
        const ch = P.channel[c];
        const tier = P.tier[c];
        const deadline = tier === 1 ? P.arrivalSec[c] + this.targetSec[ch] : P.enqueueSec[c] + R.queueTargetSec[q];
        if (deadline <= this.horizonSec) return;
        if (tier === 1) this.recorder.pending(ch, iv, this.gtype(ch, P.type[c]));
        else this.recorder.tier.pending[tier - 1]++;
      });
    }
  }
}
