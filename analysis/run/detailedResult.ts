/**
 * The run result of a long run (analysis/run/intervalDetail.ts): the result of `runResultOf` without
 * per-interval rows, saying what it left out, with a row per day when reported per day. Kept
 * apart from result.ts, whose result every other command shares.
 */
import type { Model } from '../../engine/model.js';
import { periodsOf, type IntervalDetail } from './intervalDetail.js';
import { GROUP_METRICS, type GroupMetric } from '../kpi.js';
import { WEEKDAY_NAMES } from '../../scenarios/dateTime.js';
import { campaignsField, channelEstimates, estimates, runResultOf, type DayResult, type RunResult, type WeekdayResult } from './result.js';
import { type ChannelRow, type Kpis, type ReplicationKpis } from './replicationKpis.js';
import { channelMetricsOf } from '../scenarioMetrics.js';
import { startField } from '../timeline.js';

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
  const weekdays = detail === 'weekday' ? { weekdays: weekdayResults(model, reps) } : {};
  return { ...head, intervalDetail: detail, notes, summary, intervals, ...days, ...weekdays };
}

/** The weekday profile's rows (`periodsOf(model, 'weekday')`, in the same order as each replication's). */
function weekdayResults(model: Model, reps: readonly ReplicationKpis[]): WeekdayResult[] {
  return periodsOf(model, 'weekday').map(({ startSec, spanSec, members, weekday }, row) => ({
    weekday: WEEKDAY_NAMES[weekday ?? 0] ?? 'mon',
    days: members?.length ?? 1,
    ...periodEstimates(model, reps, row, startSec, spanSec),
  }));
}

/** Row `row`'s channel and group estimates over replications. */
function periodEstimates(model: Model, reps: readonly ReplicationKpis[], row: number, startSec: number, spanSec: number) {
  return {
    startSec,
    spanSec,
    channels: Object.fromEntries(model.channels.map((c, ch) => [c.id, {
      ...channelEstimates(reps.map((k) => k.intervalChannels[row]?.[ch] as ChannelRow), channelMetricsOf(model)),
      target: { withinSec: c.targetSec, level: c.targetLevel },
    }])),
    groups: Object.fromEntries(model.groups.map((g, gi) => [g.id, estimates(GROUP_METRICS, reps.map((k) => k.intervalGroups[row]?.[gi] as Kpis<GroupMetric>))])),
    ...campaignsField(model, reps, (k) => k.intervalCampaigns?.[row]),
  };
}

function dayResults(model: Model, reps: readonly ReplicationKpis[]): DayResult[] {
  return periodsOf(model, 'day').map(({ startSec, spanSec }, d) => {
    const { channels, groups, campaigns } = periodEstimates(model, reps, d, startSec, spanSec);
    return { startSec, spanSec, ...startField(model, startSec), channels, groups, ...(campaigns === undefined ? {} : { campaigns }) };
  });
}
