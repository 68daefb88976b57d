// Markdown and CSV of `ccsim run`: exact structure (headers, sections, row counts computed from
// the result's own shape), never the random numbers inside.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../reports/run/csv.js';
import type { RunResult } from '../../analysis/run/result.js';
import { ccsim } from '../support/cli.js';
import { FAST, estimateKeys, mdTables, runResult } from './support.js';

const SCENARIO = 'scenarios/sales-service.yaml';
const render = (format: string): string => {
  const r = ccsim(['run', SCENARIO, ...FAST, '--format', format]);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

const channelIds = (r: RunResult): string[] => Object.keys(r.summary.channels);
/** `HH:MM` of seconds after midnight, within the first day (the scenarios here span one). */
const clockOf = (sec: number): string => `${String(Math.floor(sec / 3600)).padStart(2, '0')}:${String(Math.floor((sec % 3600) / 60)).padStart(2, '0')}`;
const scopeTitle = (scope: string): string => (scope === 'groups' ? 'Agent groups' : scope[0]!.toUpperCase() + scope.slice(1));

describe('Markdown report', () => {
  const result = runResult(SCENARIO);
  const md = render('md');
  const tables = mdTables(md);

  it('starts with the scenario and the run description', () => {
    expect(md.split('\n')[0]).toBe(`## ccsim: ${result.scenario}`);
    expect(md).toMatch(/^3 replications, seed 11 · 8\.0 h recorded \(16 × 30 min intervals\)/m);
  });

  it('has a metric × id table per scope the scenario uses, with a row per metric in use', () => {
    const keys = estimateKeys(result.summary);
    // A one-tier center whose channels have one contact type each: no Tiers or Types table.
    expect(tables.find((x) => x.title === 'Tiers')).toBeUndefined();
    expect(tables.find((x) => x.title === 'Types')).toBeUndefined();
    for (const scope of ['channels', 'groups']) {
      const t = tables.find((x) => x.title === scopeTitle(scope));
      expect(t, scope).toBeDefined();
      const ids = Object.keys((result.summary as unknown as Record<string, object>)[scope]!);
      const withAll = scope === 'channels' && ids.length > 1 ? [...ids, 'all'] : ids;
      expect(t!.head).toEqual(['metric', ...withAll]);
      // Every metric of the scope has a row, but those of mechanisms this scenario leaves unused
      // (no retrials, callbacks, self-service, repeats, costs…): all their means are 0.
      const metrics = [...new Set(keys.filter(([s]) => s === scope).map(([, , m]) => m))];
      const meanOf = (id: string, m: string): number | null =>
        ((result.summary as unknown as Record<string, Record<string, Record<string, { mean: number | null }>>>)[scope]![id]![m]?.mean ?? null);
      const labels = t!.rows.map((row) => String(row[0]));
      expect(labels).toContain(scope === 'channels' ? 'service level' : 'handled');
      for (const row of t!.rows) expect(row).toHaveLength(t!.head.length);
      const unusedShown = metrics.filter((m) => ['retrials', 'callbacks', 'deflected', 'cost', 'overflowed'].includes(m)
        && ids.every((id) => (meanOf(id, m) ?? 0) === 0) && labels.some((l) => l === m || l.startsWith(m)));
      expect(unusedShown).toEqual([]);
      expect(t!.rows.length).toBeGreaterThan(4);
      expect(t!.rows.length).toBeLessThan(metrics.length + 2);
    }
  });

  it('compares every channel with Erlang: 5 metrics with Erlang A (4 with C) and the agents row', () => {
    const t = tables.find((x) => x.title === 'Simulated vs Erlang')!;
    expect(t.head).toEqual(['channel', 'metric', 'simulated (95% CI)', 'Erlang A', 'sim − Erlang']);
    expect(t.rows).toHaveLength(channelIds(result).length * 6);
    expect(t.rows.map((row) => row[0])).toEqual(channelIds(result).flatMap((id) => Array<string>(6).fill(id)));
  });

  it('folds one per-interval table per channel with a row per interval', () => {
    const intervals = tables.filter((x) => x.title.startsWith('Intervals — '));
    expect(intervals.map((t) => t.title)).toEqual(channelIds(result).map((id) => `Intervals — ${id} (means over replications)`));
    for (const t of intervals) {
      expect(t.head).toEqual(['start', 'offered', 'SL', 'SL Erlang', 'ASA', 'ASA Erlang', 'abandon rate', 'p90 wait', 'occupancy', 'occupancy Erlang', 'agents', 'Erlang needs']);
      expect(t.rows).toHaveLength(result.intervals.length);
      expect(t.rows[1]![0]).toBe('00:30');
    }
    expect(md.match(/<details>/g)).toHaveLength(channelIds(result).length);
  });
});

describe('CSV report', () => {
  const result = runResult(SCENARIO);
  const rows = parse(render('csv')) as string[][];

  it('has the tidy header', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(CSV_COLUMNS).toEqual([
      'scenario', 'seed', 'replications', 'scope', 'id', 'interval_start', 'interval_start_sec', 'metric', 'statistic', 'mean', 'ci_low', 'ci_high', 'unit', 'erlang',
    ]);
  });

  it('has one row per summary scope × metric, then per interval × scope × metric, in order', () => {
    const expected = [
      ...estimateKeys(result.summary).map(([s, id, m]) => [s, id, '', '', m]),
      ...result.intervals.flatMap((iv) => estimateKeys(iv).map(([s, id, m]) => [s, id, clockOf(result.dayStartSec + iv.startSec), String(iv.startSec), m])),
    ];
    const body = rows.slice(1);
    expect(body).toHaveLength(expected.length);
    expect(body.map((row) => [row[3], row[4], row[5], row[6], row[7]])).toEqual(expected);
    for (const row of body) {
      expect(row.slice(0, 3)).toEqual([result.scenario, '11', '3']);
      expect(row[8]).toBe('estimate');
      for (const cell of [...row.slice(9, 12), row[13]!]) expect(cell === '' || Number.isFinite(Number(cell)), cell).toBe(true);
    }
  });

  it('fills the Erlang column exactly for the five metrics Erlang predicts', () => {
    const withErlang = new Set(rows.slice(1).filter((row) => row[13] !== '').map((row) => row[7]));
    expect([...withErlang].sort()).toEqual(['abandonRate', 'asaSec', 'occupancy', 'pWait', 'serviceLevel']);
  });
});
