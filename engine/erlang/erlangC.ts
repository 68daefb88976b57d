/**
 * Erlang C: M/M/n with infinite patience (Erlang 1917; formulas as in Gross & Harris,
 * "Fundamentals of Queueing Theory", §2.3, and Koole, "Call Center Optimization", ch. 5).
 *
 * With offered load A = λ/μ and n > A servers:
 *   C = P(wait) = n·B / (n − A·(1 − B)), B the Erlang B blocking of n lines (stable, see erlangB.ts);
 *   SL(T) = P(W ≤ T) = 1 − C·e^{−(nμ − λ)T};  ASA = C / (nμ − λ);  Lq = C·A / (n − A);
 *   occupancy = A / n.
 * For n ≤ A the queue grows without bound: every contact waits, SL = 0, ASA = Lq = ∞.
 */
import type { ServiceLevelDefinition } from '../model.js';
import { requireNonNegative, requirePositive } from './arguments.js';
import { erlangBWhole } from './erlangB.js';
import { byFractionalAgents, lerp } from './fractionalAgents.js';

export interface ErlangCInput {
  /** Poisson arrival rate, contacts per second. */
  readonly ratePerSec: number;
  /** Mean handle time (exponential service), seconds. */
  readonly handleSec: number;
  /** Agents answering; fractional counts are interpolated (fractionalAgents.ts). */
  readonly agents: number;
  /** Service-level threshold T, seconds. */
  readonly targetSec: number;
}

export interface ErlangCResult {
  readonly model: 'erlangC';
  readonly loadErlangs: number;
  readonly agents: number;
  readonly targetSec: number;
  /** False when agents ≤ load: the queue is unstable and the waiting figures are limits. */
  readonly stable: boolean;
  readonly pWait: number;
  /** P(W ≤ T); without abandonment all three DESIGN §3 definitions coincide. */
  readonly serviceLevel: number;
  readonly serviceLevels: Readonly<Record<ServiceLevelDefinition, number>>;
  /** Mean wait of all contacts (= of answered ones, nobody abandons), seconds. */
  readonly asaSec: number;
  readonly occupancy: number;
  /** Mean number waiting, Lq. */
  readonly queueLength: number;
}

/** Erlang C figures for a whole number of agents, given B(n, A). */
export function erlangCFromBlocking(input: ErlangCInput, blocking: number): ErlangCResult {
  const { ratePerSec, handleSec, agents: n, targetSec } = input;
  const load = ratePerSec * handleSec;
  const stable = n > load || load === 0;
  let pWait = 1;
  let serviceLevel = 0;
  let asaSec = Infinity;
  let queueLength = Infinity;
  if (load === 0) {
    pWait = 0;
    serviceLevel = 1;
    asaSec = 0;
    queueLength = 0;
  } else if (stable) {
    pWait = (n * blocking) / (n - load * (1 - blocking));
    const drainPerSec = (n - load) / handleSec;
    serviceLevel = 1 - pWait * Math.exp(-drainPerSec * targetSec);
    asaSec = pWait / drainPerSec;
    queueLength = (pWait * load) / (n - load);
  }
  const occupancy = load === 0 ? 0 : n === 0 ? 1 : Math.min(1, load / n);
  return {
    model: 'erlangC',
    loadErlangs: load,
    agents: n,
    targetSec,
    stable,
    pWait,
    serviceLevel,
    serviceLevels: { excludeShortAbandons: serviceLevel, offered: serviceLevel, answered: serviceLevel },
    asaSec,
    occupancy,
    queueLength,
  };
}

function interpolateC(lo: ErlangCResult, hi: ErlangCResult, w: number, agents: number): ErlangCResult {
  const serviceLevel = lerp(lo.serviceLevel, hi.serviceLevel, w);
  const load = lo.loadErlangs;
  return {
    ...lo,
    agents,
    stable: agents > load || load === 0,
    pWait: lerp(lo.pWait, hi.pWait, w),
    serviceLevel,
    serviceLevels: { excludeShortAbandons: serviceLevel, offered: serviceLevel, answered: serviceLevel },
    asaSec: lerp(lo.asaSec, hi.asaSec, w),
    occupancy: load === 0 ? 0 : Math.min(1, load / agents),
    queueLength: lerp(lo.queueLength, hi.queueLength, w),
  };
}

/** Erlang C figures for `agents` (fractional counts interpolated between ⌊n⌋ and ⌈n⌉). */
export function erlangC(input: ErlangCInput): ErlangCResult {
  requireNonNegative('ratePerSec', input.ratePerSec);
  requirePositive('handleSec', input.handleSec);
  requireNonNegative('agents', input.agents);
  requireNonNegative('targetSec', input.targetSec);
  const load = input.ratePerSec * input.handleSec;
  // Erlang B is needed only by a stable queue (n > A): an unstable one's figures are limits.
  return byFractionalAgents(
    input.agents,
    (n) => erlangCFromBlocking({ ...input, agents: n }, n > load ? erlangBWhole(n, load) : 1),
    (lo, hi, w) => interpolateC(lo, hi, w, input.agents),
  );
}
