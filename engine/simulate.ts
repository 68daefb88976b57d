/**
 * The kernel: one replication of a compiled model, event by event.
 *
 * The step loop pops the calendar and dispatches on an integer event kind; handlers are
 * verbs (`arrive`, `route`, `startHandling`, `finishHandling`, `abandon`). Nothing in the
 * loop allocates: contacts, agents and queues are indices into typed arrays, samplers and
 * streams are built before the first event (DESIGN §5).
 *
 * Random sources, each on its own stream (DESIGN §4): `arrivals:<channel>`,
 * `handle:<channel>`, `patience:<channel>`. A contact's handle time and patience are drawn
 * when it arrives, in arrival order, so they belong to the contact whatever the staffing:
 * two runs that differ only in agents see the same customers (common random numbers).
 *
 * End of day: arrivals stop at the horizon; contacts already in the system are served or
 * abandon (the queue drains), and their waits count in their arrival interval. Time-based
 * figures (busy, available) are clipped to the recorded day [0, horizon).
 */
import { AgentPool } from './agents.js';
import { ArrivalProcess, ScriptedArrivals, type ArrivalSource } from './arrivals.js';
import { Calendar, EventKind, EventPriority } from './calendar.js';
import { ContactPool, ContactState } from './contacts.js';
import { Sampler } from './distributions.js';
import { SimulationError } from './errors.js';
import type { Model } from './model.js';
import { ContactQueue } from './queue.js';
import { Stream } from './random.js';
import { RoutingTable } from './routing.js';
import { Recorder, type ReplicationCounters } from './stats.js';

/** Runs replication `replication` of `model` with base seed `seed`. */
export function simulateReplication(model: Model, seed: number, replication: number): ReplicationCounters {
  return new Kernel(model, seed, replication).run();
}

class Kernel {
  private readonly model: Model;
  private readonly seed: number;
  private readonly replication: number;
  private readonly calendar = new Calendar(1024);
  private readonly contacts = new ContactPool(1024);
  private readonly agents: AgentPool;
  private readonly routing: RoutingTable;
  private readonly recorder: Recorder;
  private readonly queues: ContactQueue[];
  private readonly arrivals: ArrivalSource[];
  private readonly arrivalStreams: Stream[];
  private readonly handleStreams: Stream[];
  private readonly patienceStreams: Stream[];
  private readonly handleSamplers: Sampler[];
  private readonly patienceSamplers: (Sampler | null)[];
  /** Conservation counters over every contact, warm-up included. */
  private readonly arrived: Float64Array;
  private readonly answered: Float64Array;
  private readonly gaveUp: Float64Array;
  private events = 0;

  constructor(model: Model, seed: number, replication: number) {
    this.model = model;
    this.seed = seed;
    this.replication = replication;
    const C = model.channels.length;
    this.agents = new AgentPool(model.groups.map((g) => g.count));
    this.routing = new RoutingTable(model);
    this.recorder = new Recorder(C, model.groups.length, model.intervalCount, model.intervalSec, model.channels.map((c) => c.targetSec));
    this.queues = model.channels.map(() => new ContactQueue());
    this.arrivals = model.channels.map((c) =>
      c.arrivalTimesSec
        ? new ScriptedArrivals(c.arrivalTimesSec)
        : new ArrivalProcess(c.ratePerSec, model.intervalSec, model.warmupSec),
    );
    const stream = (source: string) => (c: { id: string }) => new Stream(seed, replication, `${source}:${c.id}`);
    this.arrivalStreams = model.channels.map(stream('arrivals'));
    this.handleStreams = model.channels.map(stream('handle'));
    this.patienceStreams = model.channels.map(stream('patience'));
    this.handleSamplers = model.channels.map((c) => new Sampler(c.handle));
    this.patienceSamplers = model.channels.map((c) => (c.patience ? new Sampler(c.patience) : null));
    this.arrived = new Float64Array(C);
    this.answered = new Float64Array(C);
    this.gaveUp = new Float64Array(C);
  }

  run(): ReplicationCounters {
    const start = -this.model.warmupSec;
    for (let a = 0; a < this.agents.size; a++) this.agents.goIdle(a, start);
    this.model.groups.forEach((g, gi) => this.recorder.staffed(gi, 0, this.model.horizonSec, g.count));
    for (let ch = 0; ch < this.queues.length; ch++) this.scheduleNextArrival(ch, start);
    const cal = this.calendar;
    while (cal.pop()) {
      this.events++;
      switch (cal.kind) {
        case EventKind.Arrival: this.arrive(cal.entity, cal.now); break;
        case EventKind.Finish: this.finishHandling(cal.entity, cal.now); break;
        case EventKind.Abandon: this.abandon(cal.entity, cal.now, cal.eventSeq); break;
      }
    }
    this.checkConservation();
    const waitingAtEnd = Float64Array.from(this.queues, (q) => q.live);
    let contacts = 0;
    for (let ch = 0; ch < this.arrived.length; ch++) contacts += this.arrived[ch];
    return this.recorder.finish({ replication: this.replication, seed: this.seed, events: this.events, contacts, waitingAtEnd });
  }

  private scheduleNextArrival(ch: number, now: number): void {
    const t = this.arrivals[ch].next(now, this.arrivalStreams[ch]);
    if (t !== Infinity) this.calendar.schedule(t, EventPriority.Arrival, EventKind.Arrival, ch);
  }

  /** A contact arrives on channel ch: draw its handle time and patience, then route it. */
  private arrive(ch: number, now: number): void {
    this.scheduleNextArrival(ch, now);
    const P = this.contacts;
    const c = P.take();
    const patience = this.patienceSamplers[ch];
    P.arrivalSec[c] = now;
    P.channel[c] = ch;
    P.handleSec[c] = this.handleSamplers[ch].draw(this.handleStreams[ch]);
    P.patienceSec[c] = patience === null ? Infinity : patience.draw(this.patienceStreams[ch]);
    const iv = this.recorder.intervalOf(now);
    P.interval[c] = iv;
    this.arrived[ch]++;
    if (iv >= 0) this.recorder.offer(ch, iv);
    this.route(c, ch, now);
  }

  /** Sends a new contact to the longest-idle eligible agent, or queues it. */
  private route(c: number, ch: number, now: number): void {
    const R = this.routing;
    const A = this.agents;
    let bestGroup = -1;
    let bestSince = Infinity;
    for (let k = R.groupStart[ch]; k < R.groupStart[ch + 1]; k++) {
      const g = R.groupsOfChannel[k];
      if (A.idleCount[g] > 0) {
        const since = A.idleSince[A.longestIdle(g)];
        if (since < bestSince) { bestSince = since; bestGroup = g; }
      }
    }
    if (bestGroup >= 0) {
      this.startHandling(A.takeLongestIdle(bestGroup), c, now);
      return;
    }
    const q = this.queues[ch];
    q.push(c);
    this.contacts.state[c] = ContactState.Waiting;
    this.recorder.enqueue(ch, this.contacts.interval[c], now, q.live);
    const patience = this.contacts.patienceSec[c];
    if (patience !== Infinity) {
      this.contacts.abandonSeq[c] = this.calendar.schedule(now + patience, EventPriority.Abandon, EventKind.Abandon, c);
    }
  }

  private startHandling(a: number, c: number, now: number): void {
    const P = this.contacts;
    const A = this.agents;
    const ch = P.channel[c];
    P.state[c] = ContactState.InService;
    A.contact[a] = c;
    A.busySince[a] = now;
    this.answered[ch]++;
    const iv = P.interval[c];
    if (iv >= 0) this.recorder.answer(ch, iv, A.group[a], now - P.arrivalSec[c], P.handleSec[c]);
    this.calendar.schedule(now + P.handleSec[c], EventPriority.Finish, EventKind.Finish, a);
  }

  /** Agent a completes its contact and takes the oldest contact waiting in its channels, or goes idle. */
  private finishHandling(a: number, now: number): void {
    const A = this.agents;
    const c = A.contact[a];
    const g = A.group[a];
    this.recorder.busy(g, this.contacts.channel[c], A.busySince[a], now);
    this.contacts.release(c);
    const next = this.oldestWaitingFor(g);
    if (next >= 0) {
      this.queues[this.contacts.channel[next]].shift();
      this.queues[this.contacts.channel[next]].live--;
      this.startHandling(a, next, now);
    } else {
      A.goIdle(a, now);
    }
  }

  /** The waiting contact with the earliest arrival among group g's channels (ties: channel order), or −1. */
  private oldestWaitingFor(g: number): number {
    const R = this.routing;
    const P = this.contacts;
    let best = -1;
    let bestArrival = Infinity;
    for (let k = R.channelStart[g]; k < R.channelStart[g + 1]; k++) {
      const q = this.queues[R.channelsOfGroup[k]];
      while (q.length > 0 && P.state[q.peek()] === ContactState.Abandoned) {
        P.release(q.peek());
        q.shift();
      }
      if (q.length > 0) {
        const head = q.peek();
        if (P.arrivalSec[head] < bestArrival) { bestArrival = P.arrivalSec[head]; best = head; }
      }
    }
    return best;
  }

  /** Patience runs out; stale events (the contact was answered, the slot reused) are ignored. */
  private abandon(c: number, now: number, seq: number): void {
    const P = this.contacts;
    if (P.state[c] !== ContactState.Waiting || P.abandonSeq[c] !== seq) return;
    const ch = P.channel[c];
    P.state[c] = ContactState.Abandoned;
    this.queues[ch].live--;
    this.gaveUp[ch]++;
    const iv = P.interval[c];
    if (iv >= 0) this.recorder.abandon(ch, iv, now - P.arrivalSec[c]);
  }

  /** offered = handled + abandoned + still waiting, per channel; a violation is a bug. */
  private checkConservation(): void {
    for (let ch = 0; ch < this.queues.length; ch++) {
      const waiting = this.queues[ch].live;
      if (this.arrived[ch] !== this.answered[ch] + this.gaveUp[ch] + waiting) {
        throw new SimulationError(
          `conservation violated on channel "${this.model.channels[ch]?.id}": arrived ${this.arrived[ch]} ≠ ` +
            `answered ${this.answered[ch]} + abandoned ${this.gaveUp[ch]} + waiting ${waiting}`,
          this.calendar.now,
        );
      }
    }
  }
}
