// One output vocabulary (issue 17): run, sweep and staff CSVs share their core columns, in one
// order and with one meaning — the JSON's scope and metric names, the interval's clock time from
// dayStart beside its offset, numbers of seconds for durations, a unit — and no text cell a
// spreadsheet would run as a formula.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ccsim } from '../support/cli.js';

const CORE = ['scope', 'id', 'interval_start', 'interval_start_sec', 'metric', 'statistic', 'mean', 'ci_low', 'ci_high', 'unit'];
const rowsOf = (csv: string): Record<string, string>[] => parse(csv, { columns: true }) as Record<string, string>[];
const headerOf = (csv: string): string[] => (parse(csv) as string[][])[0] ?? [];
const SCENARIO = `name: CSV check
seed: 3
replications: 2
dayStart: "08:00"
horizon: 1h
interval: 30m
channels:
  - id: voice
    kind: voice
    arrivals: { perHour: 120 }
    handle: { dist: exponential, mean: 4m }
    patience: { dist: exponential, mean: 3m }
    target: { within: 20s, level: 0.8 }
agents:
  - id: team
    channels: [voice]
    count: 9
`;
const dir = mkdtempSync(join(tmpdir(), 'ccsim-csv-'));
const bank = join(dir, 'center.yaml');
writeFileSync(bank, SCENARIO);

describe('the CSV outputs', () => {
  const run = ccsim(['run', bank, '--format', 'csv']);
  const sweep = ccsim(['sweep', bank, '--vary', 'channels[0].patience.mean=60s,5m', '--workers', '0', '--format', 'csv']);
  const staff = ccsim(['staff', bank, '--workers', '0', '--format', 'csv']);

  it('share the core columns, in one order', () => {
    for (const r of [run, sweep, staff]) expect(r.status, r.stderr).toBe(0);
    for (const csv of [run.stdout, sweep.stdout, staff.stdout]) {
      const header = headerOf(csv);
      const at = header.indexOf('scope');
      expect(header.slice(at, at + CORE.length)).toEqual(CORE);
    }
  });

  it('name scopes and metrics as the JSON does', () => {
    const json = JSON.parse(ccsim(['run', bank, '--json']).stdout) as { summary: Record<string, unknown> };
    const scopes = new Set(rowsOf(run.stdout).map((r) => r.scope));
    for (const s of scopes) expect(Object.keys(json.summary)).toContain(s);
    expect(new Set(rowsOf(sweep.stdout).map((r) => r.scope))).toEqual(new Set(['overall', 'channels', 'groups']));
    expect(rowsOf(staff.stdout).some((r) => r.scope === 'channels' && r.metric === 'serviceLevel')).toBe(true);
  });

  it('give each interval its clock time from dayStart (08:00 here) beside its offset', () => {
    const first = rowsOf(run.stdout).find((r) => r.interval_start_sec === '0')!;
    expect(first.interval_start).toBe('08:00');
    const second = rowsOf(run.stdout).find((r) => r.interval_start_sec === '1800')!;
    expect(second.interval_start).toBe('08:30');
    expect(rowsOf(staff.stdout).find((r) => r.interval_start_sec === '0')?.interval_start).toBe('08:00');
  });

  it('write a unit for every metric: shares 0–1, seconds, counts', () => {
    const unit = (m: string): string | undefined => rowsOf(run.stdout).find((r) => r.metric === m)?.unit;
    expect(unit('serviceLevel')).toBe('share');
    expect(unit('asaSec')).toBe('seconds');
    expect(unit('offered')).toBe('count');
    expect(unit('availableHours')).toBe('hours');
    expect(rowsOf(staff.stdout).find((r) => r.metric === 'simulatedAgents')?.unit).toBe('agents');
  });

  it('neutralize a text cell a spreadsheet would read as a formula', () => {
    const file = join(dir, 'evil.yaml');
    writeFileSync(file, SCENARIO.replace('name: CSV check', 'name: "=HYPERLINK(\\"http://x\\")"'));
    const r = ccsim(['run', file, '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    const names = new Set(rowsOf(r.stdout).map((row) => row.scenario));
    expect([...names]).toEqual(['\'=HYPERLINK("http://x")']);
  });

  it('fill every varied parameter of a sweep (the scenario\'s own value where a point leaves it) and write durations as seconds', () => {
    const file = join(dir, 'variants.yaml');
    writeFileSync(file, `${SCENARIO}sweep:
  variants:
    - { name: as-is, set: {} }
    - { name: more, set: { "agents[0].count": 10 } }
    - { name: patient, set: { "channels[0].patience.mean": 10m } }
`);
    const r = ccsim(['sweep', file, '--workers', '0', '--baseline', 'as-is', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    const rows = rowsOf(r.stdout).filter((row) => row.metric === 'serviceLevel' && row.scope === 'channels' && row.statistic === 'estimate');
    expect(rows.map((row) => [row.name, row['agents[0].count'], row['channels[0].patience.mean']])).toEqual([
      ['as-is', '9', '180'], ['more', '10', '180'], ['patient', '9', '600'],
    ]);
  });
});
