/**
 * Tidy CSV of a staffing result (one observation a row): per interval, each group's agents
 * (Erlang, simulated, FTE) and each channel's achieved metrics with their 95% CI; then the
 * totals. Empty cells are missing values.
 */
import { stringify } from 'csv-stringify/sync';
import type { Estimate } from '../confidence.js';
import type { StaffingResult } from './result.js';

export const STAFFING_CSV_COLUMNS = ['scenario', 'seed', 'replications', 'interval_start_sec', 'scope', 'id', 'metric', 'value', 'ci_low', 'ci_high'] as const;

type Cell = string | number;
const cell = (x: number | null | undefined): Cell => (x === null || x === undefined || !Number.isFinite(x) ? '' : x);

export function renderStaffingCsv(r: StaffingResult): string {
  const rows: Cell[][] = [[...STAFFING_CSV_COLUMNS]];
  const head = [r.scenario, r.seed, r.replications];
  const value = (start: number | null, scope: string, id: string, metric: string, x: number | null): void => {
    rows.push([...head, cell(start), scope, id, metric, cell(x), '', '']);
  };
  const est = (start: number, scope: string, id: string, metric: string, e: Estimate): void => {
    rows.push([...head, start, scope, id, metric, cell(e.mean), cell(e.ci95?.[0]), cell(e.ci95?.[1])]);
  };
  for (const iv of r.intervals) {
    for (const [id, g] of Object.entries(iv.groups)) {
      value(iv.startSec, 'group', id, 'erlangAgents', g.erlangAgents);
      value(iv.startSec, 'group', id, 'simulatedAgents', g.simulatedAgents);
      value(iv.startSec, 'group', id, 'fte', g.fte);
      est(iv.startSec, 'group', id, 'occupancy', g.occupancy);
    }
    for (const [id, c] of Object.entries(iv.channels)) {
      for (const metric of ['offered', 'serviceLevel', 'asaSec', 'abandonRate', 'occupancy', 'waitP90Sec', 'backlogAgeP90Sec'] as const) est(iv.startSec, 'channel', id, metric, c[metric]);
      value(iv.startSec, 'channel', id, 'erlangServiceLevel', c.erlangServiceLevel);
    }
  }
  for (const plan of ['erlang', 'simulated'] as const) {
    value(null, 'total', plan, 'agentHours', r.totals[plan].agentHours);
    value(null, 'total', plan, 'cost', r.totals[plan].cost);
  }
  return stringify(rows, { cast: { number: (x) => String(x) } });
}
