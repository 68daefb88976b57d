/**
 * The kernel's state for one replication: the compiled model's tables, the workspace it runs in
 * (calendar, contact slots, queues, agents, running totals), the recorder, the staffing plan and
 * the random sources. Every role of the kernel (admission, router, queueing, service, customer
 * timers, duty, intervals) is a set of free functions taking this state first
 * (engine/kernel/*.ts); the step loop is engine/simulate.ts.
 *
 * Nothing here allocates once the run has started: contacts, agents and queues are indices
 * into typed arrays, samplers and streams are built before the first event (DESIGN §5).
 */
import type { AgentPool } from '../agents.js';
import { ArrivalProcess, ScriptedArrivals, type ArrivalSource } from '../arrivals.js';
import { BacklogAges } from '../backlog.js';
import type { Calendar } from '../calendar.js';
import { ContactFactory } from '../contactFactory.js';
import type { ContactPool } from '../contacts.js';
import { Sampler } from '../distributions.js';
import type { ChannelModel, Model } from '../model.js';
import type { ContactQueue } from '../queue.js';
import { proficiencyOf, type Proficiency } from '../proficiency.js';
import { Stream } from '../random.js';
import { Recorder } from '../recorder.js';
import { routingOf, type RoutingTable } from '../routing.js';
import { staffingPlanFor, type StaffingPlan } from '../staffingPlan.js';
import { tablesOf, type ModelTables } from '../tables.js';
import type { ContactTracer } from '../trace.js';
import { DAY_SEC } from '../time.js';
import { workspaceFor, type RunTotals } from '../workspace.js';
import { agentSelectionOf, selectionStreams } from './agentSelection.js';
import { Campaigns } from './campaigns.js';
import { standInsFor, type StandIns } from './standIns.js';

/**
 * Sees every contact as it arrives (fresh, follow-up or backlog), with what was drawn for it:
 * for tests of common random numbers and for traces. Contained (self-service) contacts have
 * NaN handle time and patience. Called synchronously; it must not throw.
 */
export interface ContactObserver {
  admitted(channel: number, type: number, origin: number, arrivalSec: number, handle1Sec: number, patienceSec: number): void;
}

export class KernelState {
  readonly model: Model;
  readonly seed: number;
  readonly replication: number;
  readonly horizonSec: number;
  readonly calendar: Calendar;
  readonly contacts: ContactPool;
  readonly agents: AgentPool;
  readonly routing: RoutingTable;
  readonly recorder: Recorder;
  readonly plan: StaffingPlan;
  readonly queues: readonly ContactQueue[];
  readonly tables: ModelTables;
  readonly totals: RunTotals;
  readonly observer: ContactObserver | null;
  /** A per-contact trace (`run --trace`); null in every other run. */
  readonly tracer: ContactTracer | null;
  /** Fresh contacts' draws; follow-ups' and the initial backlog's are made on first use. */
  readonly fresh: ContactFactory;
  private followUpDraws: ContactFactory | null = null;
  private backlogDraws: ContactFactory | null = null;
  readonly arrivals: ArrivalSource[];
  readonly arrivalStreams: Stream[];
  readonly backlogAges = new BacklogAges();
  // Per channel, read on every contact (copied from the tables for one less hop).
  readonly concurrency: Int32Array;
  readonly concurrencyFactor: Float64Array;
  readonly targetSec: Float64Array;
  readonly hasDeflection: Uint8Array;
  /** Per channel: 1 when its tier-1 answers leave the plain path (chat sessions, group speeds, same-caller retrials, after-contact work, conferences). */
  readonly specialService: Uint8Array;
  /** Group speeds by queue (engine/proficiency.ts); null when every speed is 1. */
  readonly proficiency: Proficiency | null;
  /** Per channel: the group whose agent joins a conference call (engine/kernel/conference.ts); −1 without conferences. */
  readonly conferenceGroup: Int32Array;
  /** Per tier (index tier − 1): 1 when a transfer that finds no free agent is dropped (engine/kernel/transferDrop.ts). */
  readonly transferDisconnects: Uint8Array;
  /** Channels whose arrivals lines or a queue capacity can refuse (engine/kernel/lines.ts). */
  readonly admissionLimited: Uint8Array;
  /** Per channel: 1 when admission leaves the plain path (lines, a queue capacity, same-caller retrials). */
  readonly limitedAdmission: Uint8Array;
  /** Live (on the line) and deferred contacts waiting, per channel. */
  readonly liveWaiting: Float64Array;
  readonly backlog: Float64Array;
  /** Per line group: lines held now (engine/kernel/lines.ts). */
  readonly linesHeld: Int32Array;
  /** Conservation counters (engine/conservation.ts), the hot ones held directly. */
  readonly arrived: Float64Array;
  readonly answered: Float64Array;
  /** Agent selection among idle agents (engine/kernel/agentSelection.ts `AgentSelection`). */
  readonly agentSelection: number;
  /** The random selection's streams, channel · 3 + tier − 1 (empty for the other rules). */
  readonly selectionStreams: Stream[];
  /** Who is off duty in whose stead when a count drops idle agents first (standIns.ts); null: no group does. */
  readonly standIns: StandIns | null;
  /** Outbound campaigns' state (campaigns.ts); null: the model has none. */
  readonly outbound: Campaigns | null;
  /** An agent freed with nothing in hand has more to check than inbound work (stand-ins, campaigns: outbound.ts `freedAgent`). */
  readonly freedRules: boolean;
  /** The queue-entry token of the next contact to wait (see queue.ts). */
  nextToken = 1;
  /** After the horizon: deferred work is no longer picked up (set by the last boundary). */
  closed = false;
  events = 0;

  constructor(model: Model, seed: number, replication: number, observer: ContactObserver | null, tracer: ContactTracer | null = null) {
    this.model = model;
    this.seed = seed;
    this.replication = replication;
    this.observer = observer;
    this.tracer = tracer;
    this.horizonSec = model.horizonSec;
    const workspace = workspaceFor(model);
    this.calendar = workspace.calendar;
    this.contacts = workspace.contacts;
    this.agents = workspace.agents;
    this.queues = workspace.queues;
    this.totals = workspace.totals;
    this.liveWaiting = workspace.totals.liveWaiting;
    this.backlog = workspace.totals.backlog;
    this.arrived = workspace.totals.arrived;
    this.answered = workspace.totals.answered;
    this.routing = routingOf(model);
    const t = tablesOf(model);
    this.tables = t;
    this.concurrency = t.concurrency;
    this.concurrencyFactor = t.concurrencyFactor;
    this.targetSec = t.targetSec;
    this.hasDeflection = t.hasDeflection;
    this.admissionLimited = t.admissionLimited;
    this.proficiency = proficiencyOf(model);
    const speeds = this.proficiency;
    this.specialService = Uint8Array.from(t.concurrency, (n, ch) =>
      (n > 1 || (speeds !== null && speeds.channelVaries[ch] === 1) || t.sameCaller[ch] === 1 || hasWrapUp(model.channels[ch]) || model.channels[ch]?.conference !== undefined ? 1 : 0));
    this.limitedAdmission = Uint8Array.from(t.admissionLimited, (limited, ch) => limited | t.sameCaller[ch]);
    this.conferenceGroup = Int32Array.from(model.channels, (c) => c.conference?.group ?? -1);
    this.linesHeld = new Int32Array(t.lineCount.length);
    this.transferDisconnects = Uint8Array.from(model.tiers, (tier) => (tier.mode === 'transfer' && tier.ifNoAgent === 'disconnect' ? 1 : 0));
    this.recorder = new Recorder(model.channels.length, model.groups.length, model.intervalCount, model.intervalSec, t.typesPerChannel, t.deferred, workspace.waits);
    this.plan = staffingPlanFor(model, seed, replication);
    this.fresh = new ContactFactory(model, seed, replication);
    this.arrivals = model.channels.map((c) => {
      if (c.arrivalTimesSec) return new ScriptedArrivals(c.arrivalTimesSec);
      return new ArrivalProcess(c.ratePerSec, model.intervalSec, model.warmupSec, this.dayScales(overdispersionSource(c), c.overdispersion));
    });
    this.arrivalStreams = model.channels.map((c) => new Stream(seed, replication, `arrivals:${c.id}`));
    this.agentSelection = agentSelectionOf(model);
    this.selectionStreams = selectionStreams(model, seed, replication);
    this.standIns = standInsFor(model);
    this.outbound = (model.campaigns?.length ?? 0) > 0 ? new Campaigns(model, seed, replication) : null;
    this.freedRules = this.standIns !== null || this.outbound !== null;
  }

  /** Follow-up contacts' draws, made on the first follow-up (most runs of simple models have none). */
  get followUps(): ContactFactory {
    if (this.followUpDraws === null) this.followUpDraws = new ContactFactory(this.model, this.seed, this.replication, 'followup:');
    return this.followUpDraws;
  }

  /** The initial backlog's draws: streams of their own, so a backlog never shifts the fresh contacts' numbers. */
  get backlogContacts(): ContactFactory {
    if (this.backlogDraws === null) this.backlogDraws = new ContactFactory(this.model, this.seed, this.replication, 'backlog:');
    return this.backlogDraws;
  }

  /**
   * Day-level forecast error: one Gamma(mean 1, cv) multiplier per day (DESIGN §2), drawn
   * from `source`'s stream. The channels of a shared factor each rebuild the same stream, so
   * they read the same multipliers without the kernel keeping any shared state.
   */
  private dayScales(source: string, cv: number): Float64Array {
    const days = Math.ceil(this.horizonSec / DAY_SEC);
    if (cv <= 0) return new Float64Array(days).fill(1);
    const stream = new Stream(this.seed, this.replication, source);
    const gamma = new Sampler({ dist: 'gamma', mean: 1, cv });
    return Float64Array.from({ length: days }, () => gamma.draw(stream));
  }
}

/**
 * The stream of a channel's day-level factor: its own (`overdispersion:<channel>`) or the
 * shared factor's (`overdispersion-shared:<name>`, issue 12 item 7). Ids cannot hold a colon,
 * so no channel's stream name can equal a shared factor's.
 */
export function overdispersionSource(channel: Pick<ChannelModel, 'id' | 'overdispersionShared'>): string {
  return channel.overdispersionShared === undefined ? `overdispersion:${channel.id}` : `overdispersion-shared:${channel.overdispersionShared}`;
}

/** Whether some contact type of the channel has after-contact work (its answers then take the general path). */
function hasWrapUp(channel: ChannelModel | undefined): boolean {
  return channel !== undefined && channel.types.some((t) => t.afterContactWork !== undefined);
}
