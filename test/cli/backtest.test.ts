// `ccsim run --acd-report` and `ccsim backtest` through the real CLI: a simulated day written as
// an ACD report, back-tested in every output format; the same seed gives the same bytes;
// --min-coverage fails a wrong scenario with exit 1; mismatches and bad flags are exit 2 with
// the message naming the file, channel or flag.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKTEST_CSV_COLUMNS } from '../../reports/backtest/csv.js';
import { ccsim } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-backtest-cli-'));
const scenario = join(dir, 'day.yaml');
writeFileSync(scenario, `name: day
horizon: 4h
interval: 30m
dayStart: "08:00"
channels:
  - id: voice
    kind: voice
    arrivals: { perHour: 400 }
    handle: { dist: exponential, mean: 4m }
    patience: { dist: exponential, mean: 3m }
    target: { level: 0.8, within: 20s }
agents:
  - id: team
    skills: [voice]
    count: 30
`);
const history = join(dir, 'history.csv');
const made = ccsim(['run', scenario, '-r', '1', '--seed', '5', '--acd-report', history, '--acd-date', '2026-03-02', '--json']);
const BACKTEST = ['backtest', history, '--scenario', scenario, '-r', '19', '--seed', '6'];

describe('run --acd-report', () => {
  it('writes the canonical report: one row per interval, date-times from --acd-date, the staffed agents', () => {
    expect(made.status).toBe(0);
    const lines = readFileSync(history, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('interval_start,channel,offered,answered,abandoned,aht,asa,answered_within,staffed,ata');
    expect(lines).toHaveLength(9);
    expect(lines[1]).toMatch(/^2026-03-02T08:00,voice,\d+,\d+,\d+,[\d.]+,[\d.]+,\d+,30,[\d.]*$/);
    expect(lines[8]).toMatch(/^2026-03-02T11:30,/);
    // Its offered is the run's first replication's (the run has one).
    const offered = lines.slice(1).reduce((s, l) => s + Number(l.split(',')[2]), 0);
    expect(offered).toBe((JSON.parse(made.stdout) as { summary: { channels: { voice: { offered: { mean: number } } } } }).summary.channels.voice.offered.mean);
  });

  it.each([
    [['--acd-within', '20s'], '--acd-within: only applies with --acd-report FILE'],
    [['--acd-report', join(dir, 'x.csv'), '--acd-date', '2026-02-30'], '--acd-date: must be a date YYYY-MM-DD (got "2026-02-30")'],
    [['--acd-report', join(dir, 'x.csv'), '--acd-within', 'soon'], '--acd-within: must be a duration such as 20s, 2m or 1h (got "soon")'],
    [['--acd-report', join(dir, 'x.csv'), '--set', 'dayStart=22:00'], '--acd-report: the day runs past midnight, so interval starts need a date: give --acd-date YYYY-MM-DD (or the scenario a startDate)'],
  ])('refuses %j with exit 2', (flags, message) => {
    const r = ccsim(['run', scenario, '-r', '1', ...flags]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('backtest', () => {
  it('prints the summary and every interval, exit 0; the same seed gives the same bytes', () => {
    const r = ccsim(BACKTEST);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Coverage of the 90% band (nominal 90.0%)');
    expect(r.stdout).toContain('2026-03-02T11:30');
    expect(ccsim(BACKTEST).stdout).toBe(r.stdout);
  });

  it('JSON: a row per interval and metric, a summary per metric, the band\'s nominal coverage (19 draws at 90%: 18/20)', () => {
    const r = ccsim([...BACKTEST, '--json']);
    const json = JSON.parse(r.stdout) as { rows: unknown[]; summary: { metric: string; scored: number }[]; nominalCoverage: number; slDefinition: string };
    expect(json.rows).toHaveLength(8 * 3);
    expect(json.summary.map((s) => s.metric)).toEqual(['serviceLevel', 'asaSec', 'abandonRate']);
    expect(json.summary.every((s) => s.scored === 8)).toBe(true);
    expect(json.nominalCoverage).toBe(0.9);
    expect(json.slDefinition).toBe('offered');
  });

  it('--json is --format json; with another --format it is a usage error naming both', () => {
    expect(ccsim([...BACKTEST, '--json']).stdout).toBe(ccsim([...BACKTEST, '--format', 'json']).stdout);
    const r = ccsim([...BACKTEST, '--json', '--format', 'csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--json and --format csv ask for different outputs');
  });

  it('CSV: tidy, one row per interval × metric, then the summary rows', () => {
    const lines = ccsim([...BACKTEST, '--format', 'csv']).stdout.trim().split('\n');
    expect(lines[0]).toBe(BACKTEST_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 8 * 3 + 3);
    expect(lines[1]).toMatch(/^day,6,19,0\.9,voice,2026-03-02T08:00,0,serviceLevel,/);
    expect(lines[25]).toMatch(/^day,6,19,0\.9,voice,,,serviceLevel,,,,,,[\d.]+,[\d.]+,-?[\d.e-]+,share$/);
  });

  it('HTML: one self-contained page with a chart per metric', () => {
    const out = join(dir, 'bt.html');
    expect(ccsim([...BACKTEST, '--format', 'html', '--out', out]).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(3);
    expect(html).toContain('id="chart-backtest-voice-serviceLevel"');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('exits 1 under --min-coverage when the scenario is wrong (handle 8 minutes instead of 4), naming each metric', () => {
    const r = ccsim([...BACKTEST, '--set', 'channels[0].handle.mean=8m', '--min-coverage', '0.5']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/voice serviceLevel: coverage \d+\.\d% \(\d of 8 intervals\) is below --min-coverage 50\.0%/);
  });

  it.each([
    [['--set', 'interval=15m'], 'its intervals are 30m long but the scenario\'s are 15m'],
    [['--set', 'channels[0].id=phone', '--set', 'agents[0].skills[0]=phone'], 'channel "voice" is not in the scenario (its channels: phone)'],
    [['--level', '1'], '--level: must be below 1'],
    [['--level', '0.99'], '--replications: must be an integer from 199 (the fewest that give a 99% band)'],
    [['--min-coverage', 'most'], '--min-coverage: must be a share'],
    [['--columns', 'offered'], '--columns: must be NAME=HEADER pairs separated by commas'],
  ])('refuses %j with exit 2', (flags, message) => {
    const r = ccsim([...BACKTEST, ...flags]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('refuses a report without staffed agents, naming the line', () => {
    const bare = join(dir, 'bare.csv');
    writeFileSync(bare, readFileSync(history, 'utf8').replace(/,30,([\d.]*)\n/g, ',,$1\n'));
    const r = ccsim(['backtest', bare, '--scenario', scenario, '-r', '19']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bare}:2 column staffed: the back-test needs the agents staffed in every interval (got a blank)`);
  });

  it('refuses a report whose replications would exceed the run limits, before anything runs', () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, 'interval_start,channel,offered,staffed\n08:00,voice,20000000,30\n08:30,voice,10,30\n');
    const r = ccsim(['backtest', big, '--scenario', scenario]);
    expect(r.status).toBe(2);
    // 20 million in the first half-hour, 50 replications: past the billion contacts of one command.
    expect(r.stderr).toContain('backtest: would simulate about 1.00 billion contacts (50 replications, about 20.0 million each); at most 1.00 billion are allowed in one command');
  });

  it('refuses a missing --scenario', () => {
    const r = ccsim(['backtest', history]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--scenario: required');
  });
});
