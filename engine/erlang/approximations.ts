/**
 * Baselines for channels the Erlang models do not describe exactly, each labelled as an
 * approximation wherever it is printed.
 *
 * - Chat with concurrency k: an agent holding up to k sessions is treated as k independent
 *   servers, so n agents are n·k Erlang C servers with the mean handle time *per session*.
 *   This ignores that sessions on one agent slow each other down and that a contact waits for
 *   any free slot of any agent, which is how the routing behaves (Koole, "Call Center
 *   Optimization", §5.6, discusses this "effective servers" treatment of multitasking).
 * - Email and other deferred work: no queueing model; agents = workload ÷ capacity of the
 *   response window, agents = volume × AHT ÷ (window × maximum occupancy).
 */
import { requireNonNegative, requirePositive } from './arguments.js';
import { erlangC, type ErlangCResult } from './erlangC.js';
import { staffErlangC, type Staffing, type StaffingTargets } from './staffing.js';
import { InputError } from '../errors.js';

export const CHAT_APPROXIMATION = 'chat concurrency: Erlang C on agents × concurrency effective servers with the handle time per session';
export const DEFERRED_APPROXIMATION = 'deferred work: agents = volume × AHT ÷ (window × maximum occupancy), no queueing model';

export interface ChatInput {
  readonly ratePerSec: number;
  /** Mean handle time of one session, seconds. */
  readonly sessionHandleSec: number;
  /** Sessions an agent holds at once (k ≥ 1). */
  readonly concurrency: number;
  readonly targetSec: number;
}

export interface ChatResult extends ErlangCResult {
  readonly approximation: typeof CHAT_APPROXIMATION;
  readonly concurrency: number;
  /** agents × concurrency: the servers of the Erlang C model. */
  readonly effectiveServers: number;
}

function checkConcurrency(k: number): void {
  if (!(Number.isInteger(k) && k >= 1)) throw new InputError(`concurrency: must be a whole number ≥ 1 (got ${k})`);
}

/** Chat figures for `agents` agents each holding `concurrency` sessions. */
export function chatErlangC(input: ChatInput & { readonly agents: number }): ChatResult {
  checkConcurrency(input.concurrency);
  const effectiveServers = input.agents * input.concurrency;
  const r = erlangC({ ratePerSec: input.ratePerSec, handleSec: input.sessionHandleSec, agents: effectiveServers, targetSec: input.targetSec });
  return { ...r, agents: input.agents, approximation: CHAT_APPROXIMATION, concurrency: input.concurrency, effectiveServers };
}

/** The fewest chat agents: the Erlang C server count rounded up to whole agents. */
export function staffChat(input: ChatInput & { readonly targets: StaffingTargets }): Staffing<ChatResult> {
  checkConcurrency(input.concurrency);
  const servers = staffErlangC({ ratePerSec: input.ratePerSec, handleSec: input.sessionHandleSec, targets: input.targets });
  const agents = Math.ceil(servers.agents / input.concurrency);
  return { agents, result: chatErlangC({ ...input, agents }) };
}

export interface DeferredInput {
  /** Contacts arriving within one response window. */
  readonly volume: number;
  readonly handleSec: number;
  /** Response window (e.g. 24 h for email), seconds. */
  readonly windowSec: number;
  /** @default 1 */
  readonly maxOccupancy?: number;
}

export interface DeferredBaseline {
  readonly model: 'workload';
  readonly approximation: typeof DEFERRED_APPROXIMATION;
  readonly workloadSec: number;
  readonly loadErlangs: number;
  /** Agents before rounding. */
  readonly agentsExact: number;
  readonly agents: number;
}

/** Workload baseline for email / deferred work. */
export function deferredWorkBaseline(input: DeferredInput): DeferredBaseline {
  requireNonNegative('volume', input.volume);
  requirePositive('handleSec', input.handleSec);
  requirePositive('windowSec', input.windowSec);
  const maxOccupancy = input.maxOccupancy ?? 1;
  requirePositive('maxOccupancy', maxOccupancy);
  const workloadSec = input.volume * input.handleSec;
  const agentsExact = workloadSec / (input.windowSec * maxOccupancy);
  return {
    model: 'workload',
    approximation: DEFERRED_APPROXIMATION,
    workloadSec,
    loadErlangs: workloadSec / input.windowSec,
    agentsExact,
    agents: Math.ceil(agentsExact - 1e-9),
  };
}
