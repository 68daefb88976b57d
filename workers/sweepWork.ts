/**
 * A sweep's work held to the limits of scenarios/workLimits.ts before any task runs: every
 * point's model, the tasks this shard runs of it (with `--precision`, its replication cap),
 * each simulating thread's workspace. (Compiling the points is bounded by plan.ts, which counts
 * the models against the memory limit as they compile: scenarios/workLimits.ts `ModelBudget`.)
 */
import { modelWork, refuseBeyondLimits, SWEEP_ADVICE, sweepWork, type ModelWork } from '../scenarios/workLimits.js';
import { inShard, type PlannedPoint, type Shard, type SweepDefinition } from './plan.js';

/** Tasks of `point` this shard runs: its replications dealt here, or (precision) the cap when the point is. */
function tasksOf(def: SweepDefinition, point: number, shard: Shard): number {
  const policy = def.replications;
  if (policy.mode === 'precision') return inShard(policy, point, 0, shard) ? policy.max : 0;
  let n = 0;
  for (let r = 0; r < policy.count; r++) if (inShard(policy, point, r, shard)) n++;
  return n;
}

/** Refuses (exit 2) a sweep whose estimate breaks a limit, naming what it asks and what is allowed. */
export function checkSweepWork(def: SweepDefinition, planned: readonly PlannedPoint[], shard: Shard, workers: number): void {
  const points = planned.map((p) => ({ work: modelWork(p.model), tasks: tasksOf(def, p.index, shard) }));
  const largest = points.reduce<ModelWork | undefined>((a, p) => (a === undefined || p.work.contactsPerReplication > a.contactsPerReplication ? p.work : a), undefined);
  if (largest === undefined) return;
  refuseBeyondLimits('sweep', largest, sweepWork(points, workers, def.report.intervals), SWEEP_ADVICE);
}
