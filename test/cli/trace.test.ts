// `ccsim run --trace FILE` through the real CLI: the report is unchanged, the file is written
// whole (never a half-written file under its name), and bad or oversized requests are refused
// before any work with exit 2.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ccsim } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-trace-cli-'));
const DAY = ['run', 'scenarios/classic-80-20.yaml', '--set', 'horizon=2h', '-r', '2', '--json'];

describe('run --trace', () => {
  it('writes the trace beside an unchanged report', () => {
    const file = join(dir, 'day.csv');
    const traced = ccsim([...DAY, '--trace', file, '--trace-replications', '2']);
    expect(traced.status).toBe(0);
    expect(traced.stdout).toBe(ccsim(DAY).stdout);
    // Renamed into place: no temporary file is left beside it.
    expect(readdirSync(dir)).toEqual(['day.csv']);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const offered = (JSON.parse(traced.stdout) as { summary: { channels: { voice: { offered: { mean: number } } } } }).summary.channels.voice.offered.mean;
    // Two replications' rows, one per contact (no tiers, no self-service here): their mean is the offered mean.
    expect((lines.length - 1) / 2).toBe(offered);
  });

  it('takes JSONL from the file name', () => {
    const file = join(dir, 'day.jsonl');
    expect(ccsim([...DAY, '--trace', file]).status).toBe(0);
    const first = JSON.parse(readFileSync(file, 'utf8').split('\n')[0] ?? '') as Record<string, unknown>;
    expect(first.replication).toBe(0);
    expect(first.channel).toBe('voice');
  });

  it.each([
    [['--trace', join(dir, 'no-such-dir', 'x.csv')], `--trace: cannot write "${join(dir, 'no-such-dir', 'x.csv')}" (ENOENT`],
    [['--trace', join(dir, 'x.csv'), '--trace-replications', '3'], "--trace-replications: must be an integer from 1 to the run's 2 replications (got 3)"],
    [['--trace-format', 'jsonl'], '--trace-format: only applies with --trace FILE'],
    [['--trace', join(dir, 'big.csv'), '--max-trace-mb', '0.01'], '--trace: 1 replication of about 600 contacts would write about 0.15 MB; at most 0.01 MB is allowed'],
  ])('refuses %j with exit 2', (flags, message) => {
    const r = ccsim([...DAY, ...flags]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});
