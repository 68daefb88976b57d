/**
 * Replications until a precision is reached (`--precision H --metric M [--channel ID]`): the
 * sequential procedure of Law, "Simulation Modeling and Analysis", §9.4.1. Run n₀
 * replications of a point; while the 95% CI half-width h of the metric exceeds the target H
 * and fewer than the cap have run, grow n to ⌈n (h / H)²⌉ (at least n + 1, at most the cap)
 * and run the new replications. A point whose metric cannot be estimated (fewer than two
 * defined values after n ≥ 2 replications) stops too: more runs would not define it.
 *
 * Every decision reads only the results of replications 0..n−1 of that point, which are
 * deterministic, so a resumed or sharded sweep takes exactly the same rounds.
 */
import type { Model } from '../engine/model.js';
import { halfWidthOf, pointKpis, precisionRef, type ReplicationRow } from '../analysis/sweep/pointKpis.js';
import type { ReplicationPolicy } from './plan.js';

type Precision = Extract<ReplicationPolicy, { mode: 'precision' }>;

/** Replications the point should have after this round, or null when it is done. */
export function nextReplicationCount(policy: Precision, model: Model, scheduled: number, rows: readonly ReplicationRow[]): number | null {
  if (scheduled >= policy.max) return null;
  // The replications' own KPIs (analysis/sweep/pointKpis.ts), not a run result with its baseline.
  const h = halfWidthOf(pointKpis(model, rows), precisionRef(policy.metric, policy.channel));
  if (h === null || h <= policy.halfWidth) return null;
  const wanted = Math.ceil(scheduled * (h / policy.halfWidth) ** 2);
  return Math.min(policy.max, Math.max(scheduled + 1, wanted));
}
