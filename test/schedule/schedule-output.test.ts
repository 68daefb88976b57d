// `ccsim schedule` end to end on a small scenario (6 half-hours, one voice channel, two
// templates): exit 1 when a target cannot be met, resume printing the same bytes, the same
// bytes with 1 and 2 workers, and what each output format holds.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ccsim } from '../support/cli.js';
import { testSeed } from '../support/statistics.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-schedule-out-'));
const SCENARIO = join(dir, 'small.yaml');
const TEMPLATES = join(dir, 'small-shifts.yaml');
const seed = String(testSeed());

writeFileSync(SCENARIO, `name: small day
seed: 1
replications: 8
horizon: 3h
warmup: 30m
interval: 30m
channels:
  - id: voice
    kind: voice
    arrivals: { volumes: [20, 30, 40, 40, 30, 20] }
    handle: { dist: exponential, mean: 3m }
    target: { within: 20s, level: 0.8 }
agents:
  - id: team
    channels: [voice]
    count: 5
    costPerHour: 20
`);
writeFileSync(TEMPLATES, `group: team
templates:
  - { id: long, starts: { from: "00:00", to: "01:00", step: 30m }, length: 2h, breaks: [{ length: 30m, paid: false, window: { from: 30m, to: 1h } }] }
  - { id: short, starts: { from: "00:00", to: "02:00", step: 30m }, length: 1h }
`);

const base = ['schedule', SCENARIO, '--templates', TEMPLATES, '--seed', seed, '--replications', '8'];

describe('ccsim schedule output', () => {
  it('exit 1 when a target cannot be met within --max-rounds, naming the intervals and why', () => {
    // Occupancy ≤ 0.01% is missed by every interval with calls, however many agents.
    const file = join(dir, 'strict.yaml');
    writeFileSync(file, `${readFileSync(SCENARIO, 'utf8')}assert:\n  - groups.team.occupancy <= 0.0001\n`);
    const r = ccsim(['schedule', file, '--templates', TEMPLATES, '--seed', seed, '--replications', '4', '--max-rounds', '1', '--workers', '0', '--format', 'json']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/not every target met: --max-rounds reached after 1 rounds of cuts; 00:00 groups\.team\.occupancy <= 0\.0001/);
    const result = JSON.parse(r.stdout) as { met: boolean; state: string; rounds: unknown[] };
    expect(result).toMatchObject({ met: false, status: 'stoppedEarly', state: 'rounds' });
    expect(result.rounds).toHaveLength(2);
  });

  // The search below must end with every target met: on this small day it does within 2–5
  // rounds at every seed tried (1–30), far inside the default 20, so the seed does not decide it.
  it('the same bytes with 1 and 2 workers, and after a resume (whole or cut short)', () => {
    const out = join(dir, 'search.jsonl');
    const one = ccsim([...base, '--workers', '1', '--format', 'json', '--out', out]);
    expect(one.status, one.stderr).toBe(0);
    const two = ccsim([...base, '--workers', '2', '--format', 'json']);
    expect(two.stdout).toBe(one.stdout);
    const resumed = ccsim([...base, '--workers', '2', '--format', 'json', '--out', out, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toBe(one.stdout);
    // Cut the file to its header and first half of records (an interrupted search): the rest runs again.
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const tasks = lines.filter((l) => l.includes('"type":"task"'));
    expect(tasks.length).toBeGreaterThan(2);
    writeFileSync(out, `${lines.slice(0, 1 + Math.floor(tasks.length / 2)).join('\n')}\n`);
    const again = ccsim([...base, '--workers', '1', '--format', 'json', '--out', out, '--resume']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe(one.stdout);
  });

  it('JSON: shifts with counts and breaks, paid hours, FTE, cost, per-interval metrics with CIs', () => {
    const r = ccsim([...base, '--workers', '0', '--format', 'json', '--confidence', '0.9']);
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as {
      kind: string; confidence: number; met: boolean; shifts: { template: string; startSec: number; lengthSec: number; count: number; breaks: { startSec: number; lengthSec: number; paid: boolean }[] }[];
      schedule: { paidHours: number; ftePerWeek: number; cost: number }; erlangCover: { paidHours: number };
      intervals: { startSec: number; coverage: number; erlangRequired: number; channels: { voice: { serviceLevel: { mean: number; ci95: [number, number] } } } }[];
    };
    expect(j).toMatchObject({ kind: 'schedule', confidence: 0.9, met: true });
    expect(j.intervals).toHaveLength(6);
    // Paid hours: each long shift 2 h less its unpaid 30-minute break, each short 1 h.
    const paid = j.shifts.reduce((s, x) => s + x.count * (x.template === 'long' ? 1.5 : 1), 0);
    expect(j.schedule.paidHours).toBeCloseTo(paid, 9);
    expect(j.schedule.cost).toBeCloseTo(paid * 20, 9);
    // FTE per week: a 3-hour horizon repeated 56 times a week, ÷ 40 h.
    expect(j.schedule.ftePerWeek).toBeCloseTo(paid * 56 / 40, 9);
    for (const s of j.shifts.filter((x) => x.template === 'long')) {
      expect(s.breaks).toHaveLength(1);
      expect(s.breaks[0]).toMatchObject({ lengthSec: 1800, paid: false });
      expect(s.breaks[0]!.startSec - s.startSec).toBeGreaterThanOrEqual(1800);
    }
    for (const iv of j.intervals) {
      const sl = iv.channels.voice.serviceLevel;
      expect(sl.ci95[0]).toBeLessThanOrEqual(sl.mean);
      expect(sl.ci95[1]).toBeGreaterThanOrEqual(sl.mean);
      // Met at 90%: the whole CI at or above the target.
      expect(sl.ci95[0]).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('CSV: the tidy header and a row per interval, shift and total', () => {
    const r = ccsim([...base, '--workers', '0', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('scenario,seed,replications,confidence,plan,scope,id,interval_start,interval_start_sec,metric,statistic,mean,ci_low,ci_high,unit');
    expect(rows.filter((x) => x.includes(',schedule,groups,team,') && x.includes(',coverageAgents,value,'))).toHaveLength(6);
    expect(rows.filter((x) => x.includes(',erlangCover,groups,team,') && x.includes(',erlangAgents,value,'))).toHaveLength(6);
    expect(rows.filter((x) => x.includes(',schedule,channels,voice,') && x.includes(',serviceLevel,estimate,'))).toHaveLength(6);
    expect(rows.some((x) => /,schedule,shifts,(long|short)@\d\d:\d\d,/.test(x) && x.includes(',scheduledAgents,value,'))).toBe(true);
    expect(rows.some((x) => x.includes(',schedule,totals,schedule,,,paidHours,value,'))).toBe(true);
    expect(rows.some((x) => x.includes(',erlangCover,totals,erlangCover,,,paidHours,value,'))).toBe(true);
  });

  it('HTML: the coverage chart and the shift chart, as SVG', () => {
    const r = ccsim([...base, '--workers', '0', '--format', 'html']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/<figure class="chart" id="chart-coverage"[^>]*>\n<figcaption>Coverage: agents scheduled against required/);
    expect(r.stdout).toMatch(/<figure class="chart" id="chart-shifts"[^>]*>\n<figcaption>Shifts placed/);
    expect(r.stdout.match(/<svg/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
