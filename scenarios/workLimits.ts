/**
 * The work a command asks for, estimated from the compiled model before anything is
 * simulated, and the limits it is held to (issue 18, goal 2). Each scenario limit
 * (scenarios/limits.ts) bounds one size; a run's cost is their product — channels × groups ×
 * intervals × replications for memory, contacts × replications × points for time — so a
 * scenario every field of which is allowed could still ask for gigabytes (100 channels served
 * by 1,000 groups over a week) or days of simulation. What is asked and what is allowed are
 * both named in the refusal, with the way to ask for less.
 *
 * The byte figures are measured (docs/bounds.md, "Work"): peak resident memory of `ccsim run
 * --format json` over intervals, channels, groups and replications, rounded up. They are an
 * estimate for refusing what cannot fit, not an accounting: a run the estimate admits may use
 * somewhat more or less.
 */
import { InputError } from '../engine/errors.js';
import { channelErlangView } from '../engine/erlang/channelView.js';
import type { Model } from '../engine/model.js';
import { CHANNEL_COUNTERS, GROUP_COUNTERS, TIER_COUNTERS, TYPE_COUNTERS } from '../engine/recorder.js';

const KB = 1024;
const MB = 1024 * KB;

export const WORK_LIMITS = {
  /**
   * Estimated peak memory of one command: 1.5 GB, under V8's default heap on a machine with
   * 4 GB or more, and a run of a year in 15-minute intervals (1.3 GB measured) still fits.
   */
  maxMemoryBytes: 1536 * MB,
  /**
   * Expected contacts in one replication (arrivals over the warm-up and the horizon, plus the
   * initial backlog): 250 million — a year of a 2,000-seat center (about 200 million, issue 16's
   * scale case). Memory does not grow with it (the recorder's memory is fixed by the intervals,
   * docs/horizon.md; the contacts waiting at once are counted in the memory estimate, ~180 bytes
   * each), so what it bounds is time: a replication is what `--resume` redoes after an
   * interruption, and this many is a few minutes of one core.
   */
  maxContactsPerReplication: 250_000_000,
  /**
   * Expected contacts one command simulates, over every replication, point and candidate:
   * 10^9, some 5–10 minutes of simulation on one core (1–3 million contacts a second). A
   * larger sweep is split into shards (each shard is held to it on its own machine).
   */
  maxContacts: 1_000_000_000,
} as const;

/** Measured sizes the estimates are made of (docs/bounds.md). */
const SIZE = {
  /** Node, the modules and the scenario before any result: ~100 MB resident. */
  base: 100 * MB,
  /** A channel's row of one interval in a run's result, with its text or JSON rendering. */
  channelRow: 21 * KB,
  /** A group's row of one interval. */
  groupRow: 5 * KB,
  /** A row's per-replication KPIs, kept until the result is built. */
  rowPerReplication: 1.5 * KB,
  /**
   * What a sweep's peak holds a task besides its rows' KPIs: the rest of its KPIs (the
   * center's, the tiers', the types'; 5.1 KB with the rows, one channel and one group), its
   * entry, and the counters' garbage the collector has not yet reclaimed. Measured: 2 points ×
   * 20,000 replications of the classic day on 2 threads peak at 540 MB, ~10 KB a task with
   * the rows' 3 KB.
   */
  taskKpis: 7 * KB,
  /** Tasks whose counters a sweep holds at once: batches of ≤ 8 (workers/schedule.ts), two in flight per thread. */
  tasksInFlightPerThread: 16,
  /** A channel × interval wait histogram (hdr-histogram-js, 2 digits), one set per simulating thread. */
  histogram: 6 * KB,
  /** One Float64 counter; a rate of the compiled model. */
  float: 8,
  /** One agent shift of the compiled model. */
  shift: 200,
  /** One KPI a staffing search keeps per kept row and replication. */
  kpi: 8,
  /** A contact in the system (the kernel's pools, its queue slot): 9 million waiting took 1.6 GB. */
  contact: 180,
} as const;

/** What one model costs, whatever is done with it. */
export interface ModelWork {
  readonly intervals: number;
  readonly channels: number;
  readonly groups: number;
  /** Float64 counters one replication records (engine/recorder.ts). */
  readonly countersPerReplication: number;
  /** Bytes of the compiled model: rates per channel and interval, agent shifts. */
  readonly modelBytes: number;
  /** Bytes of a run result's rows over the whole day (channels and groups × intervals). */
  readonly resultBytes: number;
  /** Bytes of the wait histograms one simulating thread holds for this model. */
  readonly workspaceBytes: number;
  /** Expected contacts of one replication, warm-up and initial backlog included. */
  readonly contactsPerReplication: number;
  /** Of which arrive in the warm-up or wait at time 0. */
  readonly contactsBeforeDay: number;
  /** Bytes of the contacts a replication may hold at once: its estimated peak queue (`peakWaiting`). */
  readonly queueBytes: number;
}

/** Bytes of a compiled model: its rates per channel and interval, its agent shifts. */
export function modelBytes(model: Model): number {
  const shifts = model.groups.reduce((n, g) => n + g.agentShifts.reduce((m, a) => m + a.length, 0), 0);
  return SIZE.float * model.intervalCount * model.channels.length + SIZE.shift * shifts;
}

export function modelWork(model: Model): ModelWork {
  const I = model.intervalCount;
  const C = model.channels.length;
  const G = model.groups.length;
  const types = model.channels.reduce((n, c) => n + c.types.length, 0);
  let day = 0;
  let before = 0;
  for (const c of model.channels) {
    if (c.arrivalTimesSec !== undefined) day += c.arrivalTimesSec.length;
    else for (const rate of c.ratePerSec) day += rate * model.intervalSec;
    before += (c.ratePerSec[0] ?? 0) * model.warmupSec + c.initialBacklog;
  }
  return {
    intervals: I,
    channels: C,
    groups: G,
    countersPerReplication: I * (C * (CHANNEL_COUNTERS.length + 4) + G * (GROUP_COUNTERS.length + C)) + types * TYPE_COUNTERS.length + 3 * TIER_COUNTERS.length,
    modelBytes: modelBytes(model),
    resultBytes: I * (C * SIZE.channelRow + G * SIZE.groupRow),
    workspaceBytes: I * C * SIZE.histogram,
    contactsPerReplication: day + before,
    contactsBeforeDay: before,
    queueBytes: SIZE.contact * Math.min(day + before, peakWaiting(model)),
  };
}

/** Agents on duty at the middle of each interval, per group (and at time 0 for the warm-up: index −1 → `atStart`). */
function onDuty(model: Model): { readonly perInterval: number[][]; readonly atStart: number[] } {
  const I = model.intervalCount;
  const perInterval = model.groups.map(() => new Array<number>(I).fill(0));
  const atStart = model.groups.map(() => 0);
  model.groups.forEach((g, k) => {
    const row = perInterval[k] as number[];
    const diff = new Array<number>(I + 1).fill(0);
    for (const shifts of g.agentShifts) {
      for (const s of shifts) {
        if (s.startSec <= 0 && s.endSec > 0) atStart[k] = (atStart[k] ?? 0) + 1;
        // Intervals whose middle the shift covers: (iv + ½)·Δ in [start, end).
        const first = Math.max(0, Math.ceil(s.startSec / model.intervalSec - 0.5));
        const end = Math.min(I, Math.ceil(s.endSec / model.intervalSec - 0.5));
        if (end > first) { diff[first] = (diff[first] ?? 0) + 1; diff[end] = (diff[end] ?? 0) - 1; }
      }
    }
    let n = 0;
    for (let iv = 0; iv < I; iv++) row[iv] = n += diff[iv] ?? 0;
  });
  return { perInterval, atStart };
}

/**
 * The most contacts waiting at once, by the fluid view of each channel: per interval, the work
 * arriving (contacts × mean handle time ÷ concurrency) against the agent time of the groups
 * that serve it (each counted whole for every channel it serves, so shared groups are not
 * under-counted against any one channel), the excess carried over. A channel whose customers
 * hang up holds about rate × mean patience at most. Breaks, shrinkage, escalations and repeats
 * are left out: this bounds the queue of an understaffed day (a million calls an hour at one
 * agent), not a staffed day's fluctuations, which are small beside the counters.
 */
function peakWaiting(model: Model): number {
  const duty = onDuty(model);
  const Δ = model.intervalSec;
  let total = 0;
  model.channels.forEach((c, ch) => {
    // Agent-seconds per contact, at each interval's own mean handle time (engine/erlang/channelView.ts).
    const view = channelErlangView(model, ch);
    const handles = view.handleSecByInterval.map((h) => h / Math.max(1, c.concurrency));
    const handleAt = (iv: number): number => handles[Math.max(0, iv)] ?? 0;
    // Work is turned back into contacts at the shortest mean: the larger (safer) count.
    const handle = handles.reduce((m, h) => (h > 0 && h < m ? h : m), Infinity);
    const serving = model.groups.flatMap((g, k) => (g.channels.includes(ch) ? [k] : []));
    const agents = (iv: number): number => serving.reduce((s, k) => s + (iv < 0 ? (duty.atStart[k] ?? 0) : (duty.perInterval[k]?.[iv] ?? 0)), 0);
    const reach = view.rateFactor;
    // Work in agent-seconds: the warm-up at the first interval's rate, then each interval.
    let backlog = Math.max(0, c.initialBacklog * handleAt(0) + ((c.ratePerSec[0] ?? 0) * reach * handleAt(0) - agents(-1)) * model.warmupSec);
    let peak = backlog;
    for (let iv = 0; iv < model.intervalCount; iv++) {
      backlog = Math.max(0, backlog + ((c.ratePerSec[iv] ?? 0) * reach * handleAt(iv) - agents(iv)) * Δ);
      peak = Math.max(peak, backlog);
    }
    let waiting = handle < Infinity ? peak / handle : 0;
    const patience = view.patienceSecByInterval;
    if (patience !== null) waiting = Math.min(waiting, c.ratePerSec.reduce((m, r, iv) => Math.max(m, r * (patience[iv] ?? 0)), 0) * 3);
    total += waiting;
  });
  return total;
}

/** What a command asks for, and in words how (for the refusal). */
export interface WorkEstimate {
  readonly memoryBytes: number;
  readonly contacts: number;
  /** `20 replications`, `40 points × 20 replications`… */
  readonly asked: string;
}

const rowsPerReplication = (w: ModelWork): number => w.intervals * (w.channels + w.groups) * SIZE.rowPerReplication;

/**
 * A run whose result has fewer rows than intervals (`ccsim run --intervals day|none`,
 * analysis/run/intervalDetail.ts): its rows, and the periods its wait histograms cover.
 */
export interface RunRows {
  readonly rows: number;
  readonly histogramPeriods: number;
}

/**
 * `ccsim run` and `check`: every replication's counters and KPIs kept until the result is
 * built — or, with `rows`, a result of that many rows, whose replications' counters are held
 * one at a time (two: the next is made before the last is collected).
 */
export function runWork(w: ModelWork, replications: number, rows?: RunRows): WorkEstimate {
  if (rows !== undefined) {
    const rowBytes = rows.rows * (w.channels * SIZE.channelRow + w.groups * SIZE.groupRow);
    const kpiBytes = replications * rows.rows * (w.channels + w.groups) * SIZE.rowPerReplication;
    return {
      memoryBytes: SIZE.base + w.modelBytes + rows.histogramPeriods * w.channels * SIZE.histogram + w.queueBytes + rowBytes +
        2 * w.countersPerReplication * SIZE.float + kpiBytes,
      contacts: replications * w.contactsPerReplication,
      asked: `${count(replications)} replication${replications === 1 ? '' : 's'}`,
    };
  }
  return {
    memoryBytes: SIZE.base + w.modelBytes + w.workspaceBytes + w.queueBytes + w.resultBytes + replications * (w.countersPerReplication * SIZE.float + rowsPerReplication(w)),
    contacts: replications * w.contactsPerReplication,
    asked: `${count(replications)} replication${replications === 1 ? '' : 's'}`,
  };
}

/** One point of a sweep: its model's work and the tasks (replications) this process runs of it. */
export interface SweepPointWork {
  readonly work: ModelWork;
  readonly tasks: number;
}

/**
 * A sweep (or one shard): every point's model; each task's KPIs, kept for the report (per
 * interval with `--intervals`, the day's otherwise: workers/outcomes.ts) — its counters only
 * while in flight, with their checkpoint text; each simulating thread's workspace; the
 * report's rows.
 */
export function sweepWork(points: readonly SweepPointWork[], threads: number, withIntervals: boolean): WorkEstimate {
  let memory = SIZE.base;
  let contacts = 0;
  let tasks = 0;
  let workspace = 0;
  let counters = 0;
  for (const { work: w, tasks: n } of points) {
    const rows = withIntervals ? 1 : 1 / Math.max(1, w.intervals);
    memory += w.modelBytes + w.resultBytes * rows + n * (SIZE.taskKpis + rowsPerReplication(w) * rows);
    workspace = Math.max(workspace, w.workspaceBytes + w.queueBytes);
    counters = Math.max(counters, w.countersPerReplication);
    contacts += n * w.contactsPerReplication;
    tasks += n;
  }
  // The counters as floats, and their JSON text at about two floats' bytes a number.
  const inFlight = Math.min(tasks, Math.max(1, threads) * SIZE.tasksInFlightPerThread);
  memory += Math.max(1, threads) * workspace + inFlight * 3 * counters * SIZE.float;
  return { memoryBytes: memory, contacts, asked: `${count(points.length)} point${points.length === 1 ? '' : 's'}, ${count(tasks)} tasks` };
}

export type StaffWorkMode = 'intervals' | 'wholeDay' | 'shifts';

/**
 * A staffing search, as the search runs it (workers/staffing/): per interval, about four
 * levels tried on the day cut after it (stage 1), then about three rounds of whole days, one
 * per interval (stages 2 and 3); one level for the day: a dozen whole days; per shift: ten
 * rounds of one day per shift. Its answer's whole-day run is built like `ccsim run`'s. The
 * search's own steps depend on what it finds, so this is its typical cost, not its worst.
 */
export function staffWork(w: ModelWork, model: Model, replications: number, mode: StaffWorkMode): WorkEstimate {
  const n = w.intervals;
  const dayContacts = w.contactsPerReplication - w.contactsBeforeDay;
  const whole = w.contactsPerReplication;
  let contacts: number;
  let keptRows: number;
  // Each group's count is searched in turn, and "one fewer" is tried per group and interval.
  const G = Math.max(1, model.groups.length);
  if (mode === 'intervals') {
    // Σ over intervals i of the day cut after i (and its look-ahead): ≈ n/2 days, plus n warm-ups.
    const stage1 = 4 * G * (n * w.contactsBeforeDay + dayContacts * (n + 1) / 2);
    contacts = replications * (stage1 + 3 * n * G * whole);
    keptRows = replications * (4 * G * n + 3 * G * n * n);
  } else {
    const days = mode === 'wholeDay' ? 12 * G : 10 * (1 + model.groups.reduce((s, g) => s + g.agentShifts.length, 0));
    contacts = replications * days * whole;
    keptRows = replications * days * n;
  }
  const columns = 7 * w.channels + w.groups;
  const run = runWork(w, replications);
  return {
    memoryBytes: run.memoryBytes + keptRows * columns * SIZE.kpi,
    contacts,
    asked: `${count(replications)} replications of each candidate`,
  };
}

/** How a sweep asks for less. */
export const SWEEP_ADVICE = {
  memory: 'vary fewer points, use fewer replications, longer intervals or a shorter horizon, or split the sweep into shards (--shard-index I --shard-count N), each run on its own machine',
  contacts: 'split it into shards (--shard-index I --shard-count N), each run on its own machine, or ask fewer replications or points',
} as const;

/**
 * Counts models against the memory limit as they are compiled (a sweep's points): `add`
 * refuses at the first model that takes them past it, before the next is compiled — each
 * model is bounded by the scenario limits, their number by nothing else.
 */
export class ModelBudget {
  private bytes = 0;

  add(model: Model, index: number, points: number): void {
    this.bytes += modelBytes(model);
    if (this.bytes > WORK_LIMITS.maxMemoryBytes) {
      throw new InputError(`sweep: the compiled models of points 0–${index} of ${count(points)} already take about ${size(this.bytes)}; at most ${size(WORK_LIMITS.maxMemoryBytes)} is allowed for the whole sweep: ${SWEEP_ADVICE.memory}`);
    }
  }
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');
const size = (bytes: number): string => (bytes >= 1024 * MB ? `${(bytes / (1024 * MB)).toFixed(1)} GB` : `${Math.round(bytes / MB)} MB`);
const many = (n: number): string => (n >= 1e9 ? `${(n / 1e9).toPrecision(3)} billion` : n >= 1e6 ? `${(n / 1e6).toPrecision(3)} million` : count(n));

/**
 * The limits `estimate` breaks, one sentence each, starting with `command` (`run`, `sweep`,
 * `staff`); `advice` says how to ask for less (command-specific: fewer replications, shards…).
 */
export function workProblems(command: string, w: ModelWork, estimate: WorkEstimate, advice: { readonly memory: string; readonly contacts: string }): string[] {
  const L = WORK_LIMITS;
  const problems: string[] = [];
  if (w.contactsPerReplication > L.maxContactsPerReplication) {
    problems.push(`${command}: one replication would simulate about ${many(w.contactsPerReplication)} contacts (the arrivals over the warm-up and the horizon); at most ${many(L.maxContactsPerReplication)} are allowed in one replication: shorten the horizon, or run its weeks as separate scenarios`);
  }
  if (estimate.memoryBytes > L.maxMemoryBytes) {
    const shape = `${count(w.intervals)} intervals × (${count(w.channels)} channel${w.channels === 1 ? '' : 's'} + ${count(w.groups)} group${w.groups === 1 ? '' : 's'})`;
    // A queue the agents cannot keep up with is the cost to name when it is most of it.
    const queue = w.queueBytes > estimate.memoryBytes / 4
      ? `; about ${many(w.queueBytes / SIZE.contact)} contacts would wait at once, the agents serving them being too few`
      : '';
    const fix = queue === '' ? advice.memory : 'add agents, give customers a patience, or lower the arrival rate';
    problems.push(`${command}: would need about ${size(estimate.memoryBytes)} of memory (${shape}, ${estimate.asked}${queue}); at most ${size(L.maxMemoryBytes)} is allowed: ${fix}`);
  }
  if (problems.length === 0 && estimate.contacts > L.maxContacts) {
    problems.push(`${command}: would simulate about ${many(estimate.contacts)} contacts (${estimate.asked}, about ${many(w.contactsPerReplication)} each); at most ${many(L.maxContacts)} are allowed in one command (some 5–10 minutes of simulation on one core): ${advice.contacts}`);
  }
  return problems;
}

/** Refuses (exit 2) work whose estimate breaks a limit, with `workProblems`' sentences. */
export function refuseBeyondLimits(command: string, w: ModelWork, estimate: WorkEstimate, advice: { readonly memory: string; readonly contacts: string }): void {
  const problems = workProblems(command, w, estimate, advice);
  if (problems.length > 0) throw new InputError(problems);
}
