// `ccsim erlang …` end to end: the built CLI (dist/, built by test/setup/build.ts) as a user runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function ccsim(...args: string[]) {
  const r = spawnSync(process.execPath, ['dist/cli/main.js', 'erlang', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ccsim erlang staff', () => {
  it('2,400 calls a day over 8 h, AHT 6 min, 80/20, 30% shrinkage: FTE in the practitioners’ 45–55', () => {
    const r = ccsim('staff', '--rate', '300/h', '--aht', '6m', '--target', '20s', '--sl', '0.8', '--shrinkage', '0.3', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.model).toBe('erlangC');
    expect(out.loadErlangs).toBeCloseTo(30, 9);
    expect(out.fte).toBeGreaterThanOrEqual(45);
    expect(out.fte).toBeLessThanOrEqual(55);
    expect(out.fte).toBeCloseTo(out.agents / 0.7, 9);
    expect(out.serviceLevel).toBeGreaterThanOrEqual(0.8);
    for (const key of ['pWait', 'asaSec', 'occupancy']) expect(typeof out[key]).toBe('number');
    expect(out.squareRoot.approximation).toMatch(/square-root/);
  });

  it('Erlang A with --patience reports pAbandon and the SL definition asked for', () => {
    const r = ccsim('a', '--rate', '100/30m', '--aht', '180', '--agents', '14', '--patience', '5m', '--sl-definition', 'offered', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.model).toBe('erlangA');
    expect(out.serviceLevelDefinition).toBe('offered');
    expect(out.serviceLevel).toBeCloseTo(0.9168, 4);
    expect(out.pAbandon).toBeCloseTo(0.013984, 6);
  });

  it('labels the chat concurrency approximation', () => {
    const r = ccsim('staff', '--rate', '120/h', '--aht', '10m', '--sl', '0.8', '--target', '60s', '--concurrency', '3', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).approximation).toMatch(/effective servers/);
  });
});

describe('ccsim erlang b and table', () => {
  it('b: 10 Erlangs at 2% blocking needs 17 lines', () => {
    const r = ccsim('b', '--load', '10', '--blocking', '0.02', '--json');
    expect(JSON.parse(r.stdout).agents).toBe(17);
  });

  it('table: one row per CSV interval with agents and FTE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-erlang-'));
    const csv = join(dir, 'forecast.csv');
    writeFileSync(csv, 'interval_start,volume\n08:00,100\n08:30,0\n');
    const r = ccsim('table', csv, '--aht', '180', '--sl', '0.8', '--target', '20s', '--shrinkage', '0.3', '--json');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.intervalSec).toBe(1800);
    expect(out.rows.map((row: { agents: number }) => row.agents)).toEqual([14, 0]);
    expect(out.rows[0].fte).toBeCloseTo(20, 9);
  });

  it('table: a scenario gives one row per interval for each channel, from its own targets', () => {
    const r = ccsim('table', 'scenarios/classic-80-20.yaml', '--json');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.channels.length).toBeGreaterThan(0);
    for (const c of out.channels) {
      expect(c.rows.length).toBeGreaterThan(0);
      for (const row of c.rows) expect(row.serviceLevel).toBeGreaterThanOrEqual(c.targets.serviceLevel);
    }
  });
});

describe('bad flags exit 2 with a message naming the flag and no stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['a negative rate', ['c', '--rate=-5/h', '--aht', '3m', '--agents', '2'], /--rate: must not be negative \(got -5\/h\)/],
    ['an SL above 1', ['staff', '--rate', '300/h', '--aht', '6m', '--sl', '1.5'], /--sl: must be between 0 and 1 \(got 1\.5\)/],
    ['an unknown unit', ['staff', '--rate', '300/h', '--aht', '6q', '--sl', '0.8'], /--aht: unknown unit "q".*\(got 6q\)/],
    ['an unknown rate period', ['c', '--rate', '300/fortnight', '--aht', '6m', '--agents', '40'], /--rate: .*unknown unit/],
    ['a missing required flag', ['c', '--rate', '300/h', '--agents', '40'], /--aht: required/],
    ['an unknown SL definition', ['a', '--rate', '300/h', '--aht', '6m', '--agents', '40', '--patience', '2m', '--sl-definition', 'fast'], /--sl-definition: must be one of/],
    ['shrinkage of 100%', ['staff', '--rate', '300/h', '--aht', '6m', '--sl', '0.8', '--shrinkage', '1'], /--shrinkage: must be at least 0 and below 1 \(got 1\)/],
    ['a staffing goal missing', ['staff', '--rate', '300/h', '--aht', '6m'], /needs a goal/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const r = ccsim(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('ccsim erlang table from a scenario', () => {
  it('labels intervals by clock time from the scenario\'s dayStart (08:00 in bank-voice)', () => {
    const r = ccsim('table', 'scenarios/bank-voice.yaml');
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\s+\d\d:\d\d\s/.test(l));
    expect(rows[0]?.trim().startsWith('08:00')).toBe(true);
    expect(rows[1]?.trim().startsWith('08:30')).toBe(true);
  });
});
