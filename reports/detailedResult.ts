/**
 * The run result of a long run (reports/intervalDetail.ts): the result of `runResultOf` without
 * per-interval rows, saying what it left out, with a row per day when reported per day. Kept
 * apart from result.ts, whose result every other command shares.
 */
import type { Model } from '../engine/model.js';
import { periodsOf, type IntervalDetail } from './intervalDetail.js';
import { GROUP_METRICS, type GroupMetric } from './kpi.js';
import { channelEstimates, estimates, runResultOf, type ChannelRow, type DayResult, type Kpis, type ReplicationKpis, type RunResult } from './result.js';
import { startField } from './timeline.js';

/**
 * The run result of `ccsim run` with `detail` per interval: `reps` made by `periodKpis` over
 * `periodsOf(model, detail)`. With `all` it is `runResultOf`'s, byte for byte; otherwise it
 * says so (`intervalDetail`, `notes`) and, per day, has `days`.
 */
export function detailedRunResult(model: Model, seed: number, reps: readonly ReplicationKpis[], detail: IntervalDetail, notes: readonly string[]): RunResult {
  const base = runResultOf(model, seed, reps, detail === 'all');
  if (detail === 'all') return base;
  const { summary, intervals, ...head } = base;
  const days = detail === 'day' ? { days: dayResults(model, reps) } : {};
  return { ...head, intervalDetail: detail, notes, summary, intervals, ...days };
}

function dayResults(model: Model, reps: readonly ReplicationKpis[]): DayResult[] {
  return periodsOf(model, 'day').map(({ startSec, spanSec }, d) => ({
    startSec,
    spanSec,
    ...startField(model, startSec),
    channels: Object.fromEntries(model.channels.map((c, ch) => [c.id, {
      ...channelEstimates(reps.map((k) => k.intervalChannels[d]?.[ch] as ChannelRow)),
      target: { withinSec: c.targetSec, level: c.targetLevel },
    }])),
    groups: Object.fromEntries(model.groups.map((g, gi) => [g.id, estimates(GROUP_METRICS, reps.map((k) => k.intervalGroups[d]?.[gi] as Kpis<GroupMetric>))])),
  }));
}
