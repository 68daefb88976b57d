/**
 * The work limits (scenarios/workLimits.ts) as `run`, `check` and `validate` apply them: the
 * estimate of running the model's replications, refused (exit 2) before anything runs when it
 * breaks a limit. `validate` applies the same estimate to the scenario's own replications, so
 * a scenario it accepts is one `run` runs.
 */
import type { Model } from '../engine/model.js';
import { modelWork, refuseBeyondLimits, runWork } from '../scenarios/workLimits.js';

const RUN_ADVICE = {
  memory: 'use longer intervals, a shorter horizon or fewer replications',
  contacts: 'ask fewer replications (--replications), or shorten the horizon',
} as const;

/** `label` starts each problem: `run`, `check`, or the file for `validate` (`f.yaml: a run`). */
export function checkRunWork(model: Model, label: string): void {
  const w = modelWork(model);
  refuseBeyondLimits(label, w, runWork(w, model.replications), RUN_ADVICE);
}
