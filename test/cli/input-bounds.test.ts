// Every command that reads a file refuses what it cannot read within bounds — a device, a
// FIFO, a directory, a file over its cap — with exit 2 naming the file, before any work
// (issue 18, goal 1); `--max-input-mb` raises the cap; and a file named by mistake is never
// echoed (goal 8).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ccsim } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-bounds-'));
const SECRET = 'sk-live-4f9a0c';
const scenario = `name: T
horizon: 1h
interval: 30m
channels:
  - { id: voice, kind: voice, arrivals: { perHour: 100 }, handle: { dist: exponential, mean: 3m } }
agents:
  - { id: team, channels: [voice], count: 7 }
`;

/** The command lines that read FILE, as a user types them. */
const readers = (file: string): string[][] => [
  ['validate', file], ['run', file], ['check', file, '--assert', 'overall.serviceLevel>=0.5'], ['sweep', file, '--vary', 'agents[0].count=6,7'],
  ['staff', file], ['report', file], ['merge', file], ['erlang', 'table', file, '--aht', '3m', '--sl', '0.8'],
];

describe('files that are not regular files are refused up front', () => {
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  for (const [file, what] of [['/dev/zero', 'a character device'], [fifo, 'a pipe \\(FIFO\\)'], [dir, 'a directory']] as const) {
    it(`${file}: every reader exits 2 naming it (${what.replace(/\\/g, '')})`, () => {
      for (const args of readers(file)) {
        const started = Date.now();
        const r = ccsim(args, { cwd: dir });
        expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stderr, args.join(' ')).toMatch(new RegExp(`is not a regular file \\(${what}\\)`));
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        expect(Date.now() - started, args.join(' ')).toBeLessThan(15_000);
      }
    });
  }
});

describe('files over the cap', () => {
  it('a 17 MB scenario is refused by every reader with its size and the cap; --max-input-mb 20 reads it', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `${scenario}# ${'y'.repeat(17 * 1024 * 1024)}\n`);
    for (const args of readers(big).filter(([c]) => c !== 'merge' && c !== 'report')) {
      const r = ccsim(args, { cwd: dir });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/big\.yaml: is 17,825,[0-9]+ bytes \(17\.0 MB\); a scenario file may be at most 16 MB: raise the cap with --max-input-mb N \(at most 500\)/);
    }
    // Read whole under a larger cap: then the document's own limit on one text refuses the comment.
    const raised = ccsim(['sweep', big, '--vary', 'agents[0].count=6,7', '--max-input-mb', '20'], { cwd: dir });
    expect(raised.status).toBe(2);
    expect(raised.stderr).toMatch(/big\.yaml:8:1 a text of 17,825,794 characters; a scenario's texts .* may have at most 100,000/);
    expect(ccsim(['run', big, '--max-input-mb', '0']).stderr).toMatch(/--max-input-mb: must be a whole number of megabytes from 1 to 500 \(got 0\)/);
  });

  it('a result file over the cap is refused by report; a forecast CSV over it by erlang table', () => {
    const result = join(dir, 'result.json');
    writeFileSync(result, `{"schemaVersion": 1, "pad": "${'z'.repeat(2 * 1024 * 1024)}"}`);
    const r = ccsim(['report', result, '--max-input-mb', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/result\.json: is 2,097,[0-9]+ bytes \(2\.0 MB\); a result file may be at most 1 MB/);
    const csv = join(dir, 'forecast.csv');
    writeFileSync(csv, `interval_start,volume\n0,10\n${'#'.repeat(2 * 1024 * 1024)}\n`);
    const t = ccsim(['erlang', 'table', csv, '--aht', '3m', '--max-input-mb', '1']);
    expect(t.status).toBe(2);
    expect(t.stderr).toMatch(/forecast\.csv: is 2,097,[0-9]+ bytes \(2\.0 MB\); a forecast CSV may be at most 1 MB/);
  });
});

describe('a file named by mistake is never echoed', () => {
  it('an env file given as a scenario, a forecast, a result or a shard: exit 2, its content nowhere in the output', () => {
    const env = join(dir, 'env');
    writeFileSync(env, `HOME=/root\0TOKEN=${SECRET}\0SHELL=/bin/bash\n`);
    writeFileSync(join(dir, 'env-forecast.yaml'), scenario.replace('{ perHour: 100 }', '{ forecast: env }'));
    const cases = [...readers(env), ...readers(join(dir, 'env-forecast.yaml')).filter(([c]) => c !== 'report' && c !== 'merge')];
    for (const args of cases) {
      const r = ccsim(args, { cwd: dir });
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(`${r.stdout}${r.stderr}`, args.join(' ')).not.toContain(SECRET);
    }
  });

  it('a sweep names a point\'s problem with an absolute forecast path at the scenario\'s line, never as a --set the user did not give', () => {
    const csv = join(dir, 'two.csv');
    writeFileSync(csv, 'interval_start,volume\n0,50\n1800,60\n');
    writeFileSync(join(dir, 'abs.yaml'), scenario.replace('{ perHour: 100 }', `{ forecast: ${csv} }`));
    // At 15-minute intervals the two rows no longer cover the hour: point 0 fails, point 1 is fine.
    const r = ccsim(['sweep', join(dir, 'abs.yaml'), '--vary', 'interval=15m,30m'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ccsim: point 0 \(interval=15m\): .*abs\.yaml:5:\d+ channels\[0\]\.arrivals\.forecast: .*two\.csv/);
    expect(r.stderr).not.toMatch(/--set/);
  });
});
