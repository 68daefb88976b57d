/**
 * Erlang A: M/M/n+M, exponential patience with rate θ = 1/mean patience (Palm 1946; Garnett,
 * Mandelbaum & Reiman 2002; performance measures as summarised in Mandelbaum & Zeltyn, "The
 * M/M/n+G queue: summary of performance measures", Technion 2005). Computed exactly from the
 * birth–death chain of `queueLength.ts`, never as a correction of Erlang C.
 *
 * With π_n = P(n busy, none waiting), by PASTA an arrival finds k waiting with probability
 * π_n·w_k. Normalising with Erlang B, Σ_{j≤n} π_j = π_n / B(n, A), so
 *   1/π_n = (1 − B)/B + Σ_k w_k,  P(wait) = π_n Σ_k w_k,  P(abandon) = θ·E[Q]/λ (rate balance),
 *   ASA of all = E[Q]/λ = P(abandon)/θ (Little).
 * Service level needs the virtual wait V (the wait of an infinitely patient arrival): a
 * hypoexponential with rates nμ + mθ, m = k..0, mixed over k. Its density for v > 0 is
 *   f_V(v) = nμ π_n exp(λ(1 − e^{−θv})/θ − nμv)   (Baccelli & Hébuterne 1981),
 * and expanding e^{λu/θ}, u = e^{−θT}, term by term over queue lengths gives, with
 * E = exp(λ(1 − u)/θ − nμT):
 *   P(V > T)          = π_n · E · Σ_k Π_{i≤k} λu/(nμ + iθ),
 *   P(served, V > T)  = π_n · nμ/(nμ+θ) · E·u · Σ_k Π_{i≤k} λu/(nμ + (i+1)θ).
 * Answered within T = P(served) − P(served, V > T); abandoned within T = P(abandon) − P(abandon
 * after T), and P(abandon after T) = u·P(V > T) − P(served, V > T) by memorylessness of patience.
 */
import { MODEL_DEFAULTS } from '../defaults.js';
import type { ServiceLevelDefinition } from '../model.js';
import { requireNonNegative, requirePositive } from './arguments.js';
import { erlangBWhole } from './erlangB.js';
import { byFractionalAgents, lerp } from './fractionalAgents.js';
import { logWeightSeries, queueSums } from './queueLength.js';

export interface ErlangAInput {
  readonly ratePerSec: number;
  readonly handleSec: number;
  /** Mean patience (exponential), seconds; θ = 1 / patienceSec. */
  readonly patienceSec: number;
  /** Agents; fractional counts are interpolated (fractionalAgents.ts). */
  readonly agents: number;
  readonly targetSec: number;
  /** Which DESIGN §3 definition `serviceLevel` reports. @default 'excludeShortAbandons' */
  readonly serviceLevelDefinition?: ServiceLevelDefinition;
}

export interface ErlangAResult {
  readonly model: 'erlangA';
  readonly loadErlangs: number;
  readonly agents: number;
  readonly targetSec: number;
  readonly patienceSec: number;
  readonly serviceLevelDefinition: ServiceLevelDefinition;
  readonly pWait: number;
  readonly pAbandon: number;
  /** P(answered within T), as a fraction of offered. */
  readonly pAnsweredWithinTarget: number;
  /** P(abandoned within T), as a fraction of offered. */
  readonly pAbandonWithinTarget: number;
  /** The service level under `serviceLevelDefinition`. */
  readonly serviceLevel: number;
  /** The service level under each of the three definitions. */
  readonly serviceLevels: Readonly<Record<ServiceLevelDefinition, number>>;
  /** Mean wait of answered contacts, seconds (∞ when nobody is answered). */
  readonly asaSec: number;
  /** Mean wait of all contacts, answered or abandoned, seconds. */
  readonly asaAllSec: number;
  /** Carried load per agent: λ(1 − P(abandon)) / (nμ). */
  readonly occupancy: number;
  /** Mean number waiting. */
  readonly queueLength: number;
}

type Measures = Omit<ErlangAResult, 'model' | 'loadErlangs' | 'agents' | 'targetSec' | 'patienceSec' | 'serviceLevelDefinition' | 'serviceLevel' | 'occupancy'>;

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

function logAddExp(a: number, b: number): number {
  const hi = Math.max(a, b);
  if (hi === -Infinity || hi === Infinity) return hi;
  return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
}

function serviceLevels(answeredWithin: number, abandonedWithin: number, served: number): Record<ServiceLevelDefinition, number> {
  return {
    excludeShortAbandons: abandonedWithin >= 1 ? 0 : clamp01(answeredWithin / (1 - abandonedWithin)),
    offered: clamp01(answeredWithin),
    answered: served > 0 ? clamp01(answeredWithin / served) : 0,
  };
}

/** Exact measures for a whole number of agents n with λ > 0. */
function wholeAgentMeasures(lambda: number, mu: number, theta: number, n: number, targetSec: number): Measures {
  const nMu = n * mu;
  const blocking = erlangBWhole(n, lambda / mu);
  const sums = queueSums(lambda, nMu, theta);
  const logTotal = Math.log(sums.total) + sums.logScale;
  const logPi = -logAddExp(Math.log((1 - blocking) / blocking), logTotal);
  const scaled = (x: number): number => Math.exp(logPi + sums.logScale + Math.log(x));
  const pWait = clamp01(Math.exp(logPi + logTotal));
  const queueLength = scaled(sums.length);
  const pAbandon = clamp01((theta * queueLength) / lambda);
  const pServed = clamp01(1 - pWait + scaled(sums.served));
  const u = Math.exp(-theta * targetSec);
  const logE = (-lambda * Math.expm1(-theta * targetSec)) / theta - nMu * targetSec;
  const pVirtualAbove = Math.exp(logPi + logE + logWeightSeries(lambda * u, nMu, theta));
  const pServedAbove = Math.exp(logPi + Math.log(nMu / (nMu + theta)) + logE - theta * targetSec + logWeightSeries(lambda * u, nMu + theta, theta));
  const pAnsweredWithinTarget = clamp01(pServed - pServedAbove);
  const pAbandonWithinTarget = clamp01(pAbandon - (u * pVirtualAbove - pServedAbove));
  return {
    pWait,
    pAbandon,
    pAnsweredWithinTarget,
    pAbandonWithinTarget,
    serviceLevels: serviceLevels(pAnsweredWithinTarget, pAbandonWithinTarget, pServed),
    asaSec: pServed > 0 ? scaled(sums.servedWait) / pServed : Infinity,
    asaAllSec: pAbandon / theta,
    queueLength,
  };
}

const NO_LOAD: Measures = {
  pWait: 0,
  pAbandon: 0,
  pAnsweredWithinTarget: 1,
  pAbandonWithinTarget: 0,
  serviceLevels: { excludeShortAbandons: 1, offered: 1, answered: 1 },
  asaSec: 0,
  asaAllSec: 0,
  queueLength: 0,
};

function interpolateA(lo: Measures, hi: Measures, w: number): Measures {
  const mix = (key: Exclude<keyof Measures, 'serviceLevels'>): number => lerp(lo[key], hi[key], w);
  const sl = (d: ServiceLevelDefinition): number => lerp(lo.serviceLevels[d], hi.serviceLevels[d], w);
  return {
    pWait: mix('pWait'),
    pAbandon: mix('pAbandon'),
    pAnsweredWithinTarget: mix('pAnsweredWithinTarget'),
    pAbandonWithinTarget: mix('pAbandonWithinTarget'),
    serviceLevels: { excludeShortAbandons: sl('excludeShortAbandons'), offered: sl('offered'), answered: sl('answered') },
    asaSec: mix('asaSec'),
    asaAllSec: mix('asaAllSec'),
    queueLength: mix('queueLength'),
  };
}

/** Erlang A figures for `agents` (fractional counts interpolated between ⌊n⌋ and ⌈n⌉). */
export function erlangA(input: ErlangAInput): ErlangAResult {
  const { ratePerSec: lambda, handleSec, patienceSec, agents, targetSec } = input;
  requireNonNegative('ratePerSec', lambda);
  requirePositive('handleSec', handleSec);
  requirePositive('patienceSec', patienceSec);
  requireNonNegative('agents', agents);
  requireNonNegative('targetSec', targetSec);
  const mu = 1 / handleSec;
  const theta = 1 / patienceSec;
  const measures =
    lambda === 0 ? NO_LOAD : byFractionalAgents(agents, (n) => wholeAgentMeasures(lambda, mu, theta, n, targetSec), interpolateA);
  const definition = input.serviceLevelDefinition ?? MODEL_DEFAULTS.serviceLevelDefinition;
  return {
    model: 'erlangA',
    loadErlangs: lambda * handleSec,
    agents,
    targetSec,
    patienceSec,
    serviceLevelDefinition: definition,
    ...measures,
    serviceLevel: measures.serviceLevels[definition],
    occupancy: agents > 0 ? Math.min(1, (lambda * (1 - measures.pAbandon)) / (agents * mu)) : 0,
  };
}
