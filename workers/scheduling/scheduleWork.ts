/**
 * The work a `ccsim schedule` search may do, refused (exit 2) beyond the limits of
 * scenarios/workLimits.ts before anything runs. Its worst case, which the search cannot pass:
 * per interval, one whole day per round (`maxRounds` + 1) and the two fresh re-judgings; at day
 * level, each round also simulates the day once per interval with one agent more (the finite
 * differences), so (`maxRounds` + 1)(I + 1) + 2 days. Each day is `replications` runs of the
 * whole scenario; the KPIs kept are a row per interval and candidate, as `ccsim staff` keeps.
 */
import type { Model } from '../../engine/model.js';
import { modelWork, refuseBeyondLimits, runWork } from '../../scenarios/workLimits.js';

const KPI_BYTES = 8;

export function scheduleDays(intervals: number, maxRounds: number, dayLevel: boolean): number {
  return dayLevel ? (maxRounds + 1) * (intervals + 1) + 2 : maxRounds + 3;
}

export function checkScheduleWork(model: Model, replications: number, maxRounds: number, dayLevel: boolean): void {
  const w = modelWork(model);
  const days = scheduleDays(w.intervals, maxRounds, dayLevel);
  const run = runWork(w, replications);
  const columns = 7 * w.channels + w.groups;
  refuseBeyondLimits('schedule', w, {
    memoryBytes: run.memoryBytes + replications * days * (w.intervals + 1) * columns * KPI_BYTES,
    contacts: replications * days * w.contactsPerReplication,
    asked: `up to ${days.toLocaleString('en-US')} simulated days of ${replications} replications (--max-rounds ${maxRounds}${dayLevel ? ', --day-level: one day per interval each round' : ''})`,
  }, {
    memory: `lower --max-rounds, use fewer replications, longer intervals or a shorter horizon${dayLevel ? ', or drop --day-level' : ''}`,
    contacts: `lower --max-rounds, use fewer replications or longer intervals${dayLevel ? ', or drop --day-level (one day per round instead of one per interval)' : ''}`,
  });
}
