/**
 * Tidy CSV of a staffing result (reports/tidyCsv.ts), with the run's context columns and
 * `erlang`: per interval, each group's agents (`erlangAgents`, `simulatedAgents`, `fte`:
 * values) and occupancy, each channel's achieved metrics with their 95% CI (and Erlang's
 * service level beside the simulated one); per scenario shift (with `--shifts`), the count
 * chosen; then the totals of both plans.
 */
import { timeOfDay } from '../../engine/time.js';
import type { Estimate } from '../../analysis/confidence.js';
import { csvText, numberCell, tidyCells, TIDY_COLUMNS, type Cell } from '../tidyCsv.js';
import type { StaffingResult } from '../../analysis/staffing/result.js';

/**
 * `status`: on an interval's rows, whether that interval meets every target (`met`, `unmet`);
 * on the totals rows, the answer's (`met`, `unmet`, `stoppedEarly`); empty on shift rows.
 */
export const STAFFING_CSV_COLUMNS = ['scenario', 'seed', 'replications', ...TIDY_COLUMNS, 'erlang', 'status'] as const;

const ACHIEVED = ['offered', 'serviceLevel', 'asaSec', 'abandonRate', 'occupancy', 'waitP90Sec', 'backlogAgeP90Sec'] as const;

export function renderStaffingCsv(r: StaffingResult): string {
  const rows: Cell[][] = [[...STAFFING_CSV_COLUMNS]];
  let status = '';
  const push = (scope: string, id: string, startSec: number | null, metric: string, mean: number | null, ci95: Estimate['ci95'] | undefined, erlang: number | null = null): void => {
    const statistic = ci95 === undefined ? 'value' : 'estimate';
    rows.push([r.scenario, r.seed, r.replications, ...tidyCells({ scope, id, startSec, metric, statistic, mean, ci95 }, r), numberCell(erlang), status]);
  };
  for (const iv of r.intervals) {
    status = iv.met ? 'met' : 'unmet';
    for (const [id, g] of Object.entries(iv.groups)) {
      push('groups', id, iv.startSec, 'erlangAgents', g.erlangAgents, undefined);
      push('groups', id, iv.startSec, 'simulatedAgents', g.simulatedAgents, undefined);
      push('groups', id, iv.startSec, 'fte', g.fte, undefined);
      push('groups', id, iv.startSec, 'occupancy', g.occupancy.mean, g.occupancy.ci95);
    }
    for (const [id, c] of Object.entries(iv.channels)) {
      for (const metric of ACHIEVED) push('channels', id, iv.startSec, metric, c[metric].mean, c[metric].ci95, metric === 'serviceLevel' ? c.erlangServiceLevel : null);
    }
  }
  status = '';
  for (const s of r.shifts ?? []) {
    // A shift starts at a clock time; its offset is from the day's start (dayStart).
    const id = `${s.group}#${s.index}`;
    const offset = timeOfDay(s.startSec - r.dayStartSec);
    push('shifts', id, offset, 'lengthSec', s.lengthSec, undefined);
    push('shifts', id, offset, 'scenarioAgents', s.scenarioCount, undefined);
    push('shifts', id, offset, 'simulatedAgents', s.count, undefined);
  }
  status = r.status;
  for (const plan of ['erlang', 'simulated'] as const) {
    push('totals', plan, null, 'agentHours', r.totals[plan].agentHours, undefined);
    push('totals', plan, null, 'cost', r.totals[plan].cost, undefined);
  }
  return csvText(rows);
}
