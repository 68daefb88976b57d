/**
 * The Erlang baseline printed beside every simulated figure (DESIGN §3): for each channel,
 * overall and per interval, the Erlang C (infinite patience) or Erlang A (exponential patience)
 * prediction for the same offered load and staffing, and the agents Erlang would require.
 *
 * Two kinds of channel are not M/M/n queues and get the baseline that fits them instead:
 * - chat with concurrency k: Erlang C on agents × k session slots (approximations.ts); its
 *   occupancy is per slot, so it is compared with the simulated `slotOccupancy`, and there is
 *   no Erlang figure for the agent-level `occupancy`;
 * - deferred work (email, social): a workload baseline, as WFM tools staff it (`model:
 *   'workload'`): the work arriving over the target window, spread over that window, against
 *   the agents available; no service level, ASA or P(wait) (a queueing formula with a 24-hour
 *   threshold says nothing about a backlog worked through the day).
 *
 * Offered load = arrival rate × the mean of the same handle DistSpec the simulation samples,
 * at each interval's own mean when the channel gives one per interval; Erlang A uses θ = 1 /
 * mean patience, likewise per interval (engine/erlang/channelView.ts, the one definition).
 * Only the means enter: Erlang assumes exponential handle and patience times, so a constant
 * or lognormal handle time is where simulation and baseline are expected to part.
 */
import {
  CHAT_APPROXIMATION,
  DEFERRED_APPROXIMATION,
  erlangA,
  erlangC,
  staffErlangA,
  staffErlangC,
  type ErlangAResult,
  type ErlangCResult,
  type StaffingTargets,
} from '../engine/erlang/index.js';
import { erlangViews, meanRatePerSec, meansAt, type ErlangChannelView } from '../engine/erlang/channelView.js';
import { dutyTime } from '../engine/dutyTime.js';
import type { ChannelModel, Model, ServiceLevelDefinition } from '../engine/model.js';

/** The `erlang` object of a channel (overall) or of an interval × channel. */
export interface ErlangBaselineFigures {
  readonly model: 'erlangC' | 'erlangA' | 'workload';
  /** What the figures approximate, when they are not an exact M/M/n (+M) answer. */
  readonly approximation?: string;
  /** Offered load, Erlangs. */
  readonly loadErlangs: number;
  /** Agents the scenario gives this channel (fractional when a group is shared). */
  readonly agents: number;
  /** The fewest whole agents meeting the channel's targetLevel within targetSec. */
  readonly agentsRequired: number;
  /** Service level under the model's definition, with the scenario's agents (NaN: no figure; JSON null). */
  readonly serviceLevel: number;
  /** Mean wait of answered contacts, seconds (∞ when the queue is unstable; JSON null). */
  readonly asaSec: number;
  readonly pWait: number;
  /** Agent occupancy (NaN for chat: Erlang's servers are session slots). */
  readonly occupancy: number;
  /** Session-slot occupancy, for chat only (NaN otherwise: compare `occupancy`). */
  readonly slotOccupancy: number;
  /** Erlang A only. */
  readonly pAbandon?: number;
}

export interface ChannelBaseline {
  readonly channel: string;
  /** Figures at the mean arrival rate over the intervals. */
  readonly overall: ErlangBaselineFigures;
  /** One entry per interval, in interval order. */
  readonly intervals: readonly ErlangBaselineFigures[];
}

export interface BaselineOptions {
  /** @default model.serviceLevelDefinition */
  readonly serviceLevelDefinition?: ServiceLevelDefinition;
  /**
   * Figures per interval too (`intervals` empty otherwise): a result without per-interval
   * rows needs only the overall figures, and a year's intervals of five channels cost ~30 MB.
   * @default true
   */
  readonly intervals?: boolean;
}

/**
 * Agents per channel for given per-channel offered loads. A channel gets the agents of every
 * group that serves it; a group serving several channels is split between them in proportion
 * to their offered load (equally when none of them has load). This is the fluid split a
 * load-balancing router would tend to; the simulation's actual split depends on routing rules.
 */
export function agentsByChannel(model: Model, loads: readonly number[], groupAgents?: readonly number[]): number[] {
  const agents = model.channels.map(() => 0);
  model.groups.forEach((group, g) => {
    if (group.tier !== 1) return; // tiers 2–3 serve escalations, not the channel's arrivals
    const served = group.channels;
    const total = served.reduce((sum, c) => sum + (loads[c] ?? 0), 0);
    const count = groupAgents?.[g] ?? group.count;
    for (const c of served) {
      const share = total > 0 ? (loads[c] ?? 0) / total : 1 / served.length;
      agents[c] = (agents[c] ?? 0) + count * share;
    }
  });
  return agents;
}

/**
 * Agents of each group expected to be available over [from, to): the time-average of agents
 * on shift and not on a break, times (1 − planned shrinkage)(1 − absenteeism) — the staffing
 * an Erlang calculation would be given for that interval.
 */
export function availableAgents(model: Model, from: number, to: number): number[] {
  return model.groups.map((g) => {
    const d = dutyTime(g, from, to);
    return ((d.onShiftSec - d.onBreakSec) / (to - from)) * (1 - g.shrinkage.planned) * (1 - g.shrinkage.absenteeism);
  });
}

/**
 * Erlang figures already computed, by their exact inputs. The points of a sweep, and the
 * intervals of a day, repeat the same load and staffing over and over (a sweep of day-shift
 * staffing leaves every night interval as it was), and an Erlang A evaluation with its
 * staffing search costs far more than the lookup. Cleared when it grows large.
 */
const memo = new Map<string, unknown>();
const MEMO_LIMIT = 100_000;
function remember<T>(key: string, compute: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** The workload baseline of deferred work: load spread over the target window against the agents. */
function workloadFigures(loadErlangs: number, windowLoadErlangs: number, agentsGiven: number): ErlangBaselineFigures {
  return {
    model: 'workload',
    approximation: DEFERRED_APPROXIMATION,
    loadErlangs,
    agents: agentsGiven,
    agentsRequired: Math.ceil(windowLoadErlangs - 1e-9),
    serviceLevel: NaN,
    asaSec: NaN,
    pWait: NaN,
    occupancy: agentsGiven > 0 ? Math.min(1, loadErlangs / agentsGiven) : NaN,
    slotOccupancy: NaN,
  };
}

function figures(channel: ChannelModel, view: ErlangChannelView, interval: number, offeredRatePerSec: number, agentsGiven: number, definition: ServiceLevelDefinition): ErlangBaselineFigures {
  const { handleSec, patienceSec } = meansAt(view, interval);
  const ratePerSec = offeredRatePerSec * view.rateFactor;
  const agents = agentsGiven * view.serverFactor;
  const targetSec = channel.targetSec;
  const targets: StaffingTargets = { serviceLevel: channel.targetLevel, targetSec };
  const common = { ratePerSec, handleSec, targetSec, agents };
  const load = `${ratePerSec}|${handleSec}|${patienceSec}|${definition}|${targetSec}`;
  const r = remember(`${load}|${agents}`, (): ErlangCResult | ErlangAResult => (patienceSec === null
    ? erlangC(common)
    : erlangA({ ...common, patienceSec, serviceLevelDefinition: definition })));
  const agentsRequired = remember(`${load}|${channel.targetLevel}|required`, () => (patienceSec === null
    ? staffErlangC({ ratePerSec, handleSec, targets }).agents
    : staffErlangA({ ratePerSec, handleSec, patienceSec, serviceLevelDefinition: definition, targets }).agents));
  const chat = view.serverFactor > 1;
  const base = {
    model: r.model,
    ...(chat ? { approximation: CHAT_APPROXIMATION } : {}),
    loadErlangs: r.loadErlangs,
    agents: agentsGiven,
    // Chat: Erlang's servers are sessions; an agent holds `concurrency` of them.
    agentsRequired: Math.ceil(agentsRequired / view.serverFactor),
    serviceLevel: r.serviceLevel,
    asaSec: r.asaSec,
    pWait: r.pWait,
    occupancy: chat ? NaN : r.occupancy,
    slotOccupancy: chat ? r.occupancy : NaN,
  };
  return r.model === 'erlangA' ? { ...base, pAbandon: r.pAbandon } : base;
}

/**
 * The Erlang baseline of every channel, overall and per interval, from the compiled model.
 * Pure: call it once per run (it does not depend on the seed or replication).
 */
export function erlangBaseline(model: Model, options: BaselineOptions = {}): ChannelBaseline[] {
  const definition = options.serviceLevelDefinition ?? model.serviceLevelDefinition;
  const views = erlangViews(model);
  // Offered load (Erlangs) per unit of arrival rate: over the day, and in each interval.
  const dayLoadPerRate = views.map((v) => v.rateFactor * v.dayHandleSec);
  const loadPerRateAt = (c: number, i: number): number => { const v = views[c]; return v === undefined ? 0 : v.rateFactor * (v.handleSecByInterval[i] ?? v.dayHandleSec); };
  const meanRates = model.channels.map(meanRatePerSec);
  const I = model.intervalSec;
  const overallAgents = agentsByChannel(model, meanRates.map((r, c) => r * (dayLoadPerRate[c] ?? 0)), availableAgents(model, 0, model.horizonSec));
  const intervalAgents = Array.from({ length: options.intervals ?? true ? model.intervalCount : 0 }, (_, i) =>
    agentsByChannel(model, model.channels.map((c, ci) => (c.ratePerSec[i] ?? 0) * loadPerRateAt(ci, i)), availableAgents(model, i * I, (i + 1) * I)),
  );
  return model.channels.map((channel, c) => {
    const view = views[c] as ErlangChannelView;
    if (channel.deferred) {
      const loads = channel.ratePerSec.map((r, i) => r * loadPerRateAt(c, i));
      const windowLoad = intervalAgents.length === 0 ? [] : windowLoads(loads, I, channel.targetSec);
      const meanLoad = (meanRates[c] ?? 0) * (dayLoadPerRate[c] ?? 0);
      return {
        channel: channel.id,
        overall: workloadFigures(meanLoad, meanLoad, overallAgents[c] ?? 0),
        intervals: intervalAgents.map((agents, i) => workloadFigures(loads[i] ?? 0, windowLoad[i] ?? 0, agents[c] ?? 0)),
      };
    }
    return {
      channel: channel.id,
      overall: figures(channel, view, -1, meanRates[c] ?? 0, overallAgents[c] ?? 0, definition),
      intervals: intervalAgents.map((agents, i) => figures(channel, view, i, channel.ratePerSec[i] ?? 0, agents[c] ?? 0, definition)),
    };
  });
}

/**
 * Per interval, the mean load over the target window that starts with it (clipped to the
 * horizon): the work arriving now must be done within the window, so it is spread over it —
 * the "workload over the response window" rule WFM tools use for email and back-office work.
 */
function windowLoads(loads: readonly number[], intervalSec: number, windowSec: number): number[] {
  const span = Math.max(1, Math.ceil(windowSec / intervalSec - 1e-9));
  return loads.map((_, i) => {
    let sum = 0, n = 0;
    for (let j = i; j < Math.min(loads.length, i + span); j++) { sum += loads[j] ?? 0; n++; }
    return n > 0 ? sum / n : 0;
  });
}
