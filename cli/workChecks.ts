/**
 * The work limits (scenarios/workLimits.ts) as `run`, `check` and `validate` apply them: the
 * estimate of running the model's replications, refused (exit 2) before anything runs when it
 * breaks a limit. `validate` applies the same estimate to the scenario's own replications, so
 * a scenario it accepts is one `run` runs.
 */
import type { Model } from '../engine/model.js';
import { periodsOf, type IntervalDetail } from '../analysis/run/intervalDetail.js';
import { modelWork, refuseBeyondLimits, runWork } from '../scenarios/workLimits.js';

const RUN_ADVICE = {
  memory: 'use longer intervals, a shorter horizon or fewer replications',
  contacts: 'ask fewer replications (--replications), or shorten the horizon',
} as const;

/**
 * `label` starts each problem: `run`, `check`, or the file for `validate` (`f.yaml: a run`).
 * `detail`: what the result holds per interval (analysis/run/intervalDetail.ts); every interval
 * unless said.
 */
export function checkRunWork(model: Model, label: string, detail: IntervalDetail = 'all'): void {
  const w = modelWork(model);
  const rows = detail === 'all' ? undefined : { rows: periodsOf(model, detail).length, histogramPeriods: detail === 'day' ? periodsOf(model, 'day').length : 1 };
  refuseBeyondLimits(label, w, runWork(w, model.replications, rows), RUN_ADVICE);
}
