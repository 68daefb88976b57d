/**
 * Tidy CSV of a schedule (reports/tidyCsv.ts) with the run's context columns and `plan`
 * (`schedule` or `erlangCover`): per interval the Erlang requirement and both coverages
 * (`value`s), each channel's achieved metrics with their CI at the result's confidence
 * (`estimate`s, the schedule's); per placed shift (`scope` shifts, `id` template@start) its
 * agents, length and break minutes; then each plan's paid hours, FTE, cost and intervals met.
 */
import { csvText, numberCell, tidyCells, TIDY_COLUMNS, type Cell } from '../tidyCsv.js';
import type { Estimate } from '../../analysis/confidence.js';
import type { ScheduleResult } from '../../analysis/schedule/result.js';
import { timeLabel } from '../timeline.js';

export const SCHEDULE_CSV_COLUMNS = ['scenario', 'seed', 'replications', 'confidence', 'plan', ...TIDY_COLUMNS] as const;

export function renderScheduleCsv(r: ScheduleResult): string {
  const rows: Cell[][] = [[...SCHEDULE_CSV_COLUMNS]];
  const push = (plan: string, scope: string, id: string, startSec: number | null, metric: string, mean: number | null, e?: Estimate): void => {
    rows.push([r.scenario, r.seed, r.replications, r.confidence, plan, ...tidyCells({ scope, id, startSec, metric, statistic: e === undefined ? 'value' : 'estimate', mean, ci95: e?.ci95 ?? null }, r)]);
  };
  for (const iv of r.intervals) {
    push('erlangCover', 'groups', r.group, iv.startSec, 'erlangAgents', iv.erlangRequired);
    push('erlangCover', 'groups', r.group, iv.startSec, 'coverageAgents', iv.erlangCoverage);
    push('schedule', 'groups', r.group, iv.startSec, 'requiredAgents', iv.required);
    push('schedule', 'groups', r.group, iv.startSec, 'coverageAgents', iv.coverage);
    for (const [id, c] of Object.entries(iv.channels)) {
      for (const [metric, e] of Object.entries(c)) push('schedule', 'channels', id, iv.startSec, metric, e.mean, e);
    }
  }
  for (const s of r.shifts) {
    const id = `${s.template}@${timeLabel(r, s.startSec)}`;
    push('schedule', 'shifts', id, s.startSec, 'scheduledAgents', s.count);
    push('schedule', 'shifts', id, s.startSec, 'lengthSec', s.lengthSec);
    push('schedule', 'shifts', id, s.startSec, 'breakSec', s.breaks.reduce((t, b) => t + b.lengthSec, 0));
  }
  for (const [plan, p] of [['schedule', r.schedule], ['erlangCover', r.erlangCover]] as const) {
    push(plan, 'totals', plan, null, 'paidHours', p.paidHours);
    push(plan, 'totals', plan, null, 'fteAgents', p.ftePerWeek);
    push(plan, 'totals', plan, null, 'cost', p.cost);
    push(plan, 'totals', plan, null, 'intervalsMet', p.intervalsMet);
    push(plan, 'totals', plan, null, 'intervalsJudged', p.intervalsJudged);
    for (const d of p.day) push(plan, 'day', d.target, null, d.target.split(' ')[0]?.split('.').pop() ?? '', d.estimate.mean, d.estimate);
  }
  return csvText(rows.map((row) => row.map((c) => (typeof c === 'number' ? numberCell(c) : c))));
}
