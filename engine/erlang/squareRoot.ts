/**
 * Square-root staffing n = R + β√R for offered load R Erlangs, with β from the Halfin–Whitt
 * limit of the Erlang C delay probability in the QED regime (Halfin & Whitt 1981, "Heavy-traffic
 * limits for queues with many exponential servers", Oper. Res. 29(3)):
 *   P(wait) ≈ α(β) = [1 + β·Φ(β)/φ(β)]⁻¹,  β > 0.
 * A quick estimate reported beside the exact solver's answer, never instead of it.
 */
import { errorFunction } from 'simple-statistics';
import { requireNonNegative } from './arguments.js';
import { InputError } from '../errors.js';

const SQRT2 = Math.SQRT2;
const SQRT_2PI = Math.sqrt(2 * Math.PI);

function phi(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

function bigPhi(x: number): number {
  return 0.5 * (1 + errorFunction(x / SQRT2));
}

/** Halfin–Whitt's α(β): the limiting P(wait) at n = R + β√R. */
export function halfinWhittPWait(beta: number): number {
  if (beta <= 0) return 1;
  return 1 / (1 + (beta * bigPhi(beta)) / phi(beta));
}

/** The β > 0 with α(β) = target P(wait), by bisection (α falls strictly from 1 toward 0). */
export function halfinWhittBeta(targetPWait: number): number {
  if (!(targetPWait > 0 && targetPWait < 1)) {
    throw new InputError(`targetPWait: must be strictly between 0 and 1 (got ${targetPWait})`);
  }
  let lo = 0;
  let hi = 1;
  while (halfinWhittPWait(hi) > targetPWait) hi *= 2;
  for (let i = 0; i < 100 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (halfinWhittPWait(mid) > targetPWait) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface SquareRootStaffing {
  readonly approximation: 'square-root staffing n = R + β√R, β from Halfin–Whitt P(wait) ≈ [1 + βΦ(β)/φ(β)]⁻¹';
  readonly loadErlangs: number;
  readonly targetPWait: number;
  readonly beta: number;
  /** R + β√R before rounding. */
  readonly agentsExact: number;
  /** ⌈R + β√R⌉. */
  readonly agents: number;
}

/** Square-root staffing for a target probability of waiting. */
export function squareRootStaffing(loadErlangs: number, targetPWait: number): SquareRootStaffing {
  requireNonNegative('loadErlangs', loadErlangs);
  const beta = halfinWhittBeta(targetPWait);
  const agentsExact = loadErlangs + beta * Math.sqrt(loadErlangs);
  return {
    approximation: 'square-root staffing n = R + β√R, β from Halfin–Whitt P(wait) ≈ [1 + βΦ(β)/φ(β)]⁻¹',
    loadErlangs,
    targetPWait,
    beta,
    agentsExact,
    agents: Math.ceil(agentsExact - 1e-9),
  };
}
