/**
 * Erlang B: the blocking probability of M/M/n/n (n lines, no queue) with offered load A Erlangs.
 *
 * Computed by the recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)) (Jagerman 1974,
 * "Some properties of the Erlang loss function", Bell Syst. Tech. J. 53). Every step divides
 * a number in [0, 1] by one larger than it, so nothing overflows and the relative error stays
 * at machine precision for any n; the factorial form A^n/n! ÷ Σ A^k/k! overflows past n ≈ 170.
 */
import { byFractionalAgents, lerp } from './fractionalAgents.js';

/** B(n, A) for a whole number of lines n ≥ 0. */
export function erlangBWhole(lines: number, loadErlangs: number): number {
  let b = 1;
  for (let k = 1; k <= lines; k++) b = (loadErlangs * b) / (k + loadErlangs * b);
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

/** The fewest lines whose blocking is at most `maxBlocking` (e.g. 10 Erl at 2% → 17 lines). */
export function linesForBlocking(loadErlangs: number, maxBlocking: number): { lines: number; blocking: number } {
  let lines = 0;
  let b = 1;
  while (b > maxBlocking) {
    b = nextErlangB(lines, loadErlangs, b);
    lines++;
  }
  return { lines, blocking: b };
}
