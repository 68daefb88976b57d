// `ccsim run --intervals weekday` (issue 16 goal 3; analysis/run/intervalDetail.ts): each row of the
// weekday profile is the sum of its intervals over the horizon's days of that weekday — checked
// against the interval file's per-replication values, with the weekday of each interval taken
// from JavaScript's UTC calendar, not from ccsim's. The identities are exact at any seed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../analysis/run/result.js';
import { ccsim } from '../support/cli.js';
import { testSeed } from '../support/statistics.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-weekday-'));
// Nine days from Saturday 2026-03-07 in 12-hour intervals: Saturday and Sunday come twice.
const body = `seed: ${testSeed()}
horizon: 9d
interval: 12h
replications: 3
channels:
  - { id: voice, kind: voice, arrivals: { perHour: 20 }, handle: { dist: exponential, mean: 4m }, patience: { dist: exponential, mean: 2m } }
agents:
  - { id: a, channels: [voice], count: 2 }
`;
const dated = join(dir, 'dated.yaml');
writeFileSync(dated, `name: w\nstartDate: 2026-03-07\n${body}`);
const plain = join(dir, 'plain.yaml');
writeFileSync(plain, `name: w\n${body}`);
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

describe('ccsim run --intervals weekday', () => {
  it('sums each interval of the day over the days of its weekday (interval file × replications)', () => {
    const file = join(dir, 'intervals.csv');
    const r = ccsim(['run', dated, '--intervals', 'weekday', '--interval-file', file, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as RunResult;
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    // offered per (weekday, time of day) and replication, from the file's dated rows.
    const sums = new Map<string, number[]>();
    for (const row of rows) {
      if (row.scope !== 'channels' || row.metric !== 'offered') continue;
      const [date, time] = (row.interval_start ?? '').split(' ');
      const key = `${WEEKDAYS[new Date(`${date ?? ''}T00:00:00Z`).getUTCDay()] ?? ''} ${time ?? ''}`;
      const perRep = sums.get(key) ?? [0, 0, 0];
      perRep[Number(row.replication)] = (perRep[Number(row.replication)] ?? 0) + Number(row.mean);
      sums.set(key, perRep);
    }
    expect(result.weekdays).toHaveLength(14);
    for (const w of result.weekdays ?? []) {
      const key = `${w.weekday} ${w.startSec === 0 ? '00:00' : '12:00'}`;
      const perRep = sums.get(key) ?? [];
      expect(w.channels.voice?.offered.mean).toBeCloseTo(perRep.reduce((a, b) => a + b, 0) / 3, 9);
      expect(w.days).toBe(w.weekday === 'sat' || w.weekday === 'sun' ? 2 : 1);
    }
    expect(result.weekdays?.[0]?.weekday).toBe('mon');
  });

  it('shows the profile in text, a row per weekday and time of day with its number of days', () => {
    const r = ccsim(['run', dated, '--intervals', 'weekday']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Weekday profile — voice');
    expect(r.stdout).toMatch(/│ Sat 12:00 │\s+2 │/);
    expect(r.stdout).toMatch(/│ Mon 00:00 │\s+1 │/);
  });

  it('needs startDate, and says so with exit 2', () => {
    const r = ccsim(['run', plain, '--intervals', 'weekday']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--intervals weekday: needs the scenario's startDate");
  });
});
