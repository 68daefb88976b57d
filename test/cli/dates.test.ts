// Dates in every label (issue 14): with startDate, `run` (text, --intervals day, JSON, CSV,
// HTML) and `staff` label intervals by date and time; without it nothing changes. The
// scenario starts at 22:00 on 31 March so its four hours cross midnight and a month's end.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../analysis/run/result.js';
import { ccsim } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-dates-'));
const body = `dayStart: "22:00"
horizon: 4h
interval: 1h
replications: 2
channels:
  - id: voice
    kind: voice
    arrivals: { pattern: { daily: 100, curve: [1, 1, 1, 1] } }
    handle: { dist: exponential, mean: 4m }
agents:
  - { id: a, channels: [voice], count: 4 }
`;
const dated = join(dir, 'dated.yaml');
writeFileSync(dated, `name: dated\nstartDate: 2026-03-31\n${body}`);
const plain = join(dir, 'plain.yaml');
writeFileSync(plain, `name: plain\n${body}`);

function run(file: string, ...args: string[]): string {
  const r = ccsim(['run', file, ...args]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('labels with startDate', () => {
  it('text: the recorded span, a table a day titled with its date, rows by time of day', () => {
    const text = run(dated);
    expect(text).toContain('Recorded from Tue 2026-03-31 22:00 to Wed 2026-04-01 02:00.');
    expect(text).toContain('Intervals — voice, Tue 2026-03-31 (means over replications)');
    expect(text).toMatch(/│ 01:00 │/);
    expect(run(dated, '--intervals', 'day')).toMatch(/│ Tue 2026-03-31 │/);
  });

  it('JSON: startDate on the result and an ISO start on each interval', () => {
    const r = JSON.parse(run(dated, '--json')) as RunResult;
    expect(r.startDate).toBe('2026-03-31');
    expect(r.intervals.map((iv) => iv.start)).toEqual(['2026-03-31T22:00', '2026-03-31T23:00', '2026-04-01T00:00', '2026-04-01T01:00']);
  });

  it('CSV: interval_start is the date and time, interval_start_sec the offset', () => {
    const rows = parse(run(dated, '--format', 'csv'), { columns: true }) as Record<string, string>[];
    const starts = new Set(rows.filter((row) => row.interval_start !== '').map((row) => `${row.interval_start}|${row.interval_start_sec}`));
    expect([...starts].sort()).toEqual(['2026-03-31 22:00|0', '2026-03-31 23:00|3600', '2026-04-01 00:00|7200', '2026-04-01 01:00|10800']);
  });

  it('HTML: the interval table shows dates', () => {
    expect(run(dated, '--format', 'html')).toContain('2026-04-01 00:00');
  });

  it('staff: the interval column shows dates', () => {
    const r = ccsim(['staff', dated, '--replications', '2', '--workers', '1']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/│ 2026-04-01 00:00 /);
  });
});

describe('a pattern under --scale', () => {
  it('scales its volumes: the Erlang load of 25 calls an hour × 4 minutes is 1.667, × 1.15 is 1.917', () => {
    const load = (...args: string[]): number | undefined =>
      (JSON.parse(run(dated, '--json', ...args)) as RunResult).intervals[0]?.channels.voice?.erlang.loadErlangs;
    expect(load()).toBeCloseTo((25 * 240) / 3600, 9);
    expect(load('--scale', 'channels.voice.volume=1.15')).toBeCloseTo((1.15 * 25 * 240) / 3600, 9);
  });
});

describe('labels without startDate', () => {
  it('stay clock times, and the JSON result has neither startDate nor start', () => {
    const text = run(plain);
    expect(text).not.toMatch(/2026|Recorded from/);
    expect(text).toMatch(/│ d2 00:00 │/);
    const r = JSON.parse(run(plain, '--json')) as RunResult;
    expect('startDate' in r).toBe(false);
    expect(r.intervals.some((iv) => 'start' in iv)).toBe(false);
  });
});
