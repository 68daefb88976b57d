// `ccsim run` over long horizons (issue 16, goal 3; docs/horizon.md): what the result holds
// per interval (`--intervals`), the interval file (`--interval-file`), and the refusals.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Estimate } from '../../analysis/confidence.js';
import type { RunResult } from '../../analysis/run/result.js';
import { ccsim } from '../support/cli.js';
import { testSeed } from '../support/statistics.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-horizon-'));
const scenario = join(dir, 'flat.yaml');
// Flat rates and staffing: the arrivals, handle times and patience drawn do not depend on the
// interval length, so a run in 1-hour intervals and one in 24-hour intervals replay the same
// contacts (the counts below agree exactly, which shows it). The claims are exact identities,
// true at any seed: the seed is the project's test seed, so coverage-check tries many.
const seed = testSeed();
writeFileSync(scenario, `name: Flat eight days
seed: ${seed}
replications: 2
horizon: 8d
warmup: 1h
interval: 1h
channels:
  - id: voice
    kind: voice
    arrivals: { perHour: 40 }
    handle: { dist: exponential, mean: 4m }
    patience: { dist: exponential, mean: 2m }
    target: { within: 20s, level: 0.8 }
  - id: email
    kind: email
    arrivals: { perHour: 6 }
    handle: { dist: exponential, mean: 6m }
    target: { within: 4h, level: 0.9 }
agents:
  - id: phones
    channels: [voice]
    count: 3
  - id: desk
    channels: [email]
    count: 1
`);

const run = (...args: string[]): string => {
  const r = ccsim(['run', scenario, ...args]);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};
const runJson = (...args: string[]): RunResult => JSON.parse(run(...args, '--json')) as RunResult;

/** Exactly equal, or both finite and within 1e-9 relative (sums taken in another order). */
function expectSameFigure(a: number | null, b: number | null, label: string): void {
  if (a === null || b === null) expect(a, label).toBe(b);
  else expect(Math.abs(a - b), `${label}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}

/** Figures that are counts or wait percentiles: the same contacts give the same values, bit for bit. */
const EXACT = /^(offered|handled|abandoned|answeredWithinTarget|abandonedWithinTarget|pending|deflected|repeats|retrials|callbacks|escalated|overflowed|maxQueue|backlogMax|waitP\d\dSec)$/;

describe('run --intervals day', () => {
  const byDay = runJson();
  const dailyIntervals = runJson('--set', 'interval=24h', '--intervals', 'all');

  it('is the default beyond a 7-day horizon, and the result says so and how to get every interval', () => {
    expect(byDay.intervalDetail).toBe('day');
    expect(byDay.intervals).toEqual([]);
    expect(byDay.days).toHaveLength(8);
    expect(byDay.notes?.[0]).toMatch(/192 intervals.*--interval-file.*--intervals all/);
    expect(dailyIntervals).not.toHaveProperty('intervalDetail');
    expect(dailyIntervals).not.toHaveProperty('notes');
    expect(dailyIntervals).not.toHaveProperty('days');
  });

  it('gives each day the figures a run in 24-hour intervals gives that interval', () => {
    // A day's counts and times are sums over its 24 intervals, its ratios ratios of those
    // sums, its wait percentiles those of the day's waits: what one 24-hour interval records.
    // Left out: backlogAgeP90Sec, the worst age sampled at interval ends — an hourly sample
    // sees more ends than a daily one.
    let compared = 0;
    byDay.days?.forEach((day, d) => {
      const interval = dailyIntervals.intervals[d];
      expect(day.startSec).toBe(d * 86_400);
      expect(day.spanSec).toBe(86_400);
      for (const [scope, id] of [['channels', 'voice'], ['channels', 'email'], ['groups', 'phones'], ['groups', 'desk']] as const) {
        const ours = (day[scope] as Record<string, Record<string, unknown>>)[id] ?? {};
        const theirs = (interval?.[scope] as Record<string, Record<string, unknown>> | undefined)?.[id] ?? {};
        for (const [metric, value] of Object.entries(ours)) {
          if (metric === 'target' || metric === 'backlogAgeP90Sec') continue;
          const a = value as Estimate;
          const b = theirs[metric] as Estimate;
          const label = `day ${d} ${scope}.${id}.${metric}`;
          if (EXACT.test(metric)) expect(a, label).toEqual(b);
          else {
            expectSameFigure(a.mean, b.mean, label);
            expectSameFigure(a.ci95?.[0] ?? null, b.ci95?.[0] ?? null, `${label} ci low`);
            expectSameFigure(a.ci95?.[1] ?? null, b.ci95?.[1] ?? null, `${label} ci high`);
          }
          compared++;
        }
      }
    });
    expect(compared).toBeGreaterThan(8 * 80);
  });

  it('none: the summary alone, the same as the day run\'s', () => {
    const none = runJson('--intervals', 'none');
    expect(none.intervalDetail).toBe('none');
    expect(none.intervals).toEqual([]);
    expect(none).not.toHaveProperty('days');
    expect(JSON.stringify(none.summary)).toBe(JSON.stringify(byDay.summary));
  });

  it('text: the note, and a table of days per channel instead of intervals', () => {
    const text = run();
    expect(text).toMatch(/192 × 60 min intervals/);
    expect(text).toMatch(/^Note: Per-interval results are not held/m);
    expect(text).toMatch(/^Days — voice \(means over replications\)/m);
    expect(text).not.toMatch(/^Intervals — /m);
    expect(text).toMatch(/d8 00:00/);
  });

  it('CSV: day rows under the scopes days.channels and days.groups', () => {
    const lines = run('--format', 'csv').trimEnd().split('\n');
    const days = lines.filter((l) => l.startsWith(`Flat eight days,${seed},2,days.channels,voice,d3 00:00,172800,offered,estimate,`));
    expect(days).toHaveLength(1);
    const offered = byDay.days?.[2]?.channels.voice?.offered.mean;
    expect(days[0]?.split(',')[9]).toBe(String(offered));
    expect(lines.some((l) => l.includes(',days.groups,desk,'))).toBe(true);
  });
});

describe('run --interval-file', () => {
  const parseCsv = (text: string): string[][] => text.trimEnd().split('\n').map((l) => l.split(','));

  it('CSV: every interval of every replication, whose counts add up to the summary', () => {
    const file = join(dir, 'day1.csv');
    const result = runJson('--set', 'horizon=1d', '--interval-file', file);
    const [head, ...rows] = parseCsv(readFileSync(file, 'utf8'));
    expect(head).toEqual(['scenario', 'seed', 'replication', 'scope', 'id', 'interval_start', 'interval_start_sec', 'metric', 'statistic', 'mean', 'ci_low', 'ci_high', 'unit']);
    // 2 replications × 24 intervals, each with 2 channels × 33 metrics (42 less the 9 pooled) and 2 groups × 9.
    expect(rows).toHaveLength(2 * 24 * (2 * 33 + 2 * 9));
    for (const channel of ['voice', 'email']) {
      const offered = rows.filter((r) => r[4] === channel && r[7] === 'offered');
      expect(offered).toHaveLength(2 * 24);
      // The summary's offered is the mean over the 2 replications of each one's sum over its intervals.
      const total = offered.reduce((s, r) => s + Number(r[9]), 0);
      expect(total / 2).toBe(result.summary.channels[channel]?.offered.mean);
    }
    expect(rows.every((r) => r[8] === 'value' && r[10] === '' && r[11] === '')).toBe(true);
    expect(rows.some((r) => r[7] === 'waitP90Sec')).toBe(true);
  });

  it('JSONL: a line per replication × interval, the same figures as the CSV', () => {
    const csv = join(dir, 'same.csv');
    const jsonl = join(dir, 'same.jsonl');
    run('--set', 'horizon=1d', '--interval-file', csv);
    run('--set', 'horizon=1d', '--interval-file', jsonl);
    const lines = readFileSync(jsonl, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as {
      replication: number; startSec: number; channels: Record<string, Record<string, number | null>>; groups: Record<string, Record<string, number | null>>;
    });
    expect(lines).toHaveLength(2 * 24);
    expect(lines[25]).toMatchObject({ replication: 1, startSec: 3600 });
    const rows = parseCsv(readFileSync(csv, 'utf8')).slice(1);
    const asa = rows.filter((r) => r[4] === 'voice' && r[7] === 'asaSec').map((r) => (r[9] === '' ? null : Number(r[9])));
    expect(lines.map((l) => l.channels.voice?.asaSec ?? null)).toEqual(asa);
  });

  it('per day, the file leaves out the wait percentiles (the kernel kept the day\'s waits, not the interval\'s)', () => {
    const file = join(dir, 'days.csv');
    run('--interval-file', file, '-r', '1');
    const rows = parseCsv(readFileSync(file, 'utf8')).slice(1);
    expect(rows).toHaveLength(192 * (2 * 29 + 2 * 9));
    expect(rows.some((r) => /^waitP/.test(r[7] ?? ''))).toBe(false);
  });
});

describe('run: bad flags and work beyond limits', () => {
  it.each([
    [['--intervals', 'weekly'], /intervals.*"weekly".*"all", "day", "weekday", "none"/s],
    [['--interval-file', join(dir, 'out.txt')], /^ccsim: --interval-file: must name a \.csv or \.jsonl file \(got ".*out\.txt"\)$/m],
    [['--interval-file', join(dir, 'missing', 'x.csv')], /^ccsim: --interval-file: cannot write to ".*missing\/x\.csv" \(ENOENT/m],
  ])('%j: exit 2, naming the flag', (args, message) => {
    const r = ccsim(['run', scenario, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('a year of five channels in half-hours: run per day is admitted, every interval is refused', () => {
    expect(ccsim(['validate', 'bench/year-five-channels.yaml']).status).toBe(0);
    const r = ccsim(['run', 'bench/year-five-channels.yaml', '--intervals', 'all']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ccsim: run: would need about \d+\.\d GB of memory \(17,520 intervals × \(5 channels \+ 3 groups\), 1 replication\)/);
  });
});
