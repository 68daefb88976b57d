// `ccsim schedule` through the built CLI: bad input (exit 2, naming the flag or field, no
// stack trace), exit 1 when a target cannot be met, and the output formats' content.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ccsim, ROOT } from '../support/cli.js';

const DAY = join(ROOT, 'scenarios/bank-day.yaml');
const SHIFTS = join(ROOT, 'scenarios/bank-day-shifts.yaml');

function noTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('ccsim schedule: bad input is exit 2', () => {
  it('without --templates', () => {
    const r = ccsim(['schedule', DAY]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--templates: required/);
    noTrace(r.stderr);
  });

  it('a confidence outside 0.9, 0.95, 0.99, and too few replications, all at once', () => {
    const r = ccsim(['schedule', DAY, '--templates', SHIFTS, '--confidence', '0.8', '--replications', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--confidence: must be one of 0\.9, 0\.95, 0\.99 \(got 0\.8\)/);
    expect(r.stderr).toMatch(/--replications: must be a whole number from 2/);
    noTrace(r.stderr);
  });

  it('a scenario with two agent groups', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-schedule-'));
    const file = join(dir, 'two.yaml');
    writeFileSync(file, `name: two groups
horizon: 1h
interval: 30m
channels:
  - { id: voice, kind: voice, arrivals: { perHour: 60 }, handle: { dist: exponential, mean: 3m }, target: { within: 20s, level: 0.8 } }
agents:
  - { id: a, channels: [voice], count: 3 }
  - { id: b, channels: [voice], count: 3 }
`);
    const r = ccsim(['schedule', file, '--templates', SHIFTS]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/schedules one agent group; this scenario has 2 \(a, b\)/);
    noTrace(r.stderr);
  });

  it('a templates file that does not exist', () => {
    const r = ccsim(['schedule', DAY, '--templates', join(ROOT, 'no-such-shifts.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-shifts\.yaml/);
    noTrace(r.stderr);
  });

  it('a search whose worst case is beyond the work limits, before anything runs', () => {
    // --day-level simulates the day once per interval each round: (1000 + 1)(48 + 1) + 2 days
    // of 20 replications, each keeping 49 rows of 8 KPIs: about 3 GB (limit 1.5 GB).
    const r = ccsim(['schedule', DAY, '--templates', SHIFTS, '--day-level', '--max-rounds', '1000']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/schedule: would need about 3\.\d GB of memory .*up to 49,051 simulated days of 20 replications/);
    expect(r.stderr).toMatch(/lower --max-rounds/);
    noTrace(r.stderr);
  });

  it('a mistake in the templates file, at its line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-schedule-'));
    const file = join(dir, 'bad-shifts.yaml');
    writeFileSync(file, 'templates:\n  - { id: t, starts: ["08:00"], length: -8h }\n');
    const r = ccsim(['schedule', DAY, '--templates', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad-shifts\.yaml:2:\d+ templates\[0\]\.length: /);
    noTrace(r.stderr);
  });

  it('a templates file naming another group', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-schedule-'));
    const file = join(dir, 'other-shifts.yaml');
    writeFileSync(file, 'group: tellers\ntemplates:\n  - { id: t, starts: ["08:00"], length: 8h }\n');
    const r = ccsim(['schedule', DAY, '--templates', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/other-shifts\.yaml:1:\d+ group: must name the scenario's agent group "bankers" \(got "tellers"\)/);
    noTrace(r.stderr);
  });
});
