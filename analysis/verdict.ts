/**
 * Judging a simulated metric against a bound on its 95% confidence interval, the rule of
 * `ccsim check` and of the colours in the reports: the metric meets the bound when the whole
 * CI does, misses it when the whole CI does not, and is `inconclusive` when the CI straddles
 * the bound (more replications would narrow it). A closed bound (`>=`) is met by a CI end
 * lying exactly on it. Equality (`==`) is read as a two-sided test at the 5% level: met when
 * the bound lies inside the CI (the data are consistent with it), missed when it lies outside;
 * it is never inconclusive.
 */
import type { Estimate } from './confidence.js';

export const COMPARATORS = ['>=', '>', '<=', '<', '=='] as const;
export type Comparator = (typeof COMPARATORS)[number];

export type Verdict =
  | { readonly state: 'pass' }
  | { readonly state: 'fail' }
  /** The CI straddles the bound, or there is no CI (fewer than two replications). */
  | { readonly state: 'inconclusive'; readonly reason: 'straddles' | 'noCi'; readonly meanMeets: boolean }
  /** The metric has no value: undefined in every replication (e.g. SL with no contacts). */
  | { readonly state: 'undefined' };

export function meets(x: number, op: Comparator, bound: number): boolean {
  switch (op) {
    case '>=': return x >= bound;
    case '>': return x > bound;
    case '<=': return x <= bound;
    case '<': return x < bound;
    case '==': return x === bound;
  }
}

export function judge(e: Estimate, op: Comparator, bound: number): Verdict {
  if (e.mean === null) return { state: 'undefined' };
  const meanMeets = meets(e.mean, op, bound);
  if (e.ci95 === null) return { state: 'inconclusive', reason: 'noCi', meanMeets };
  const [lo, hi] = e.ci95;
  if (op === '==') return { state: lo <= bound && bound <= hi ? 'pass' : 'fail' };
  if (meets(lo, op, bound) && meets(hi, op, bound)) return { state: 'pass' };
  if (!meets(lo, op, bound) && !meets(hi, op, bound)) return { state: 'fail' };
  return { state: 'inconclusive', reason: 'straddles', meanMeets };
}
