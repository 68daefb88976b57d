/**
 * Erlang B: the blocking probability of M/M/n/n (n lines, no queue) with offered load A Erlangs.
 *
 * Computed by the recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)) (Jagerman 1974,
 * "Some properties of the Erlang loss function", Bell Syst. Tech. J. 53). Every step divides
 * a number in [0, 1] by one larger than it, so nothing overflows and the relative error stays
 * at machine precision for any n; the factorial form A^n/n! ÷ Σ A^k/k! overflows past n ≈ 170.
 */
import { InputError } from '../errors.js';
import { byFractionalAgents, lerp } from './fractionalAgents.js';

/**
 * B(n, A) for a whole number of lines n ≥ 0. Once b underflows to 0 it stays 0 (about 40√A
 * lines past A: ln B ≈ −(n − A)²/2A), so the loop stops there: O(min(n, A + 40√A)) steps.
 */
export function erlangBWhole(lines: number, loadErlangs: number): number {
  let b = 1;
  for (let k = 1; k <= lines && b > 0; k++) b = (loadErlangs * b) / (k + loadErlangs * b);
  return b;
}

/** One step of the recursion: B(n + 1, A) from B(n, A). */
export function nextErlangB(lines: number, loadErlangs: number, b: number): number {
  return (loadErlangs * b) / (lines + 1 + loadErlangs * b);
}

/**
 * Blocking probability with `lines` servers and `loadErlangs` offered load. A fractional line
 * count is interpolated linearly between B(⌊n⌋) and B(⌈n⌉) (see `fractionalAgents.ts`).
 */
export function erlangB(lines: number, loadErlangs: number): number {
  return byFractionalAgents(lines, (n) => erlangBWhole(n, loadErlangs), lerp);
}

/** Lines the blocking search tries at most: the staffing solvers' cap (staffing.ts `MAX_STAFFED_AGENTS`). */
const MAX_LINES = 1_000_000;

/**
 * The fewest lines whose blocking is at most `maxBlocking` (e.g. 10 Erl at 2% → 17 lines):
 * at most `MAX_LINES` steps of the recursion, beyond which the goal is refused.
 */
export function linesForBlocking(loadErlangs: number, maxBlocking: number): { lines: number; blocking: number } {
  let lines = 0;
  let b = 1;
  while (b > maxBlocking) {
    if (lines >= MAX_LINES) {
      throw new InputError(`blocking: ${maxBlocking} cannot be reached with up to ${MAX_LINES.toLocaleString('en-US')} lines at ${loadErlangs} Erlangs`);
    }
    b = nextErlangB(lines, loadErlangs, b);
    lines++;
  }
  return { lines, blocking: b };
}
