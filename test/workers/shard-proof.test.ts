// Shards and checkpoints carry their own proof (issue 18, goal 7), through the built CLI:
// merge, report and --resume check each shard's records against their checksums and the
// sweep's plan and refuse a gap, a relabelled shard, an altered record or a foreign file,
// naming it — even when the editor recomputed the checksums; the forecast CSV's bytes are
// part of the sweep's identity, and relative paths resolve against the scenario file for
// every command, wherever it runs.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealRecord } from '../../workers/recordSeal.js';
import { ccsim, ROOT } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-proof-'));
const classic = join(ROOT, 'scenarios', 'classic-80-20.yaml');
const run = (args: readonly string[], cwd = dir) => ccsim(args, { cwd });
const SWEEP = ['sweep', classic, '--vary', 'agents[0].count=33..37', '-r', '4', '--set', 'horizon=2h', '--workers', '1', '--format', 'json'];

type Json = Record<string, unknown>;
const linesOf = (file: string): string[] => readFileSync(join(dir, file), 'utf8').trimEnd().split('\n');
/** Writes `lines` (parsed records, edited) back, each resealed as a careful forger would. */
const resealed = (file: string, records: Json[]): void => {
  writeFileSync(join(dir, file), `${records.map((r) => { const { sum: _sum, ...body } = r; return sealRecord(JSON.stringify(body)); }).join('\n')}\n`);
};
const parsed = (file: string): Json[] => linesOf(file).map((l) => JSON.parse(l) as Json);

describe('merge refuses what its plan does not account for', () => {
  const whole = run(SWEEP);
  for (const i of [0, 1, 2]) run([...SWEEP, '--shard-index', String(i), '--shard-count', '3', '--out', `s${i}.jsonl`]);

  it('the shards merge to the unsharded bytes', () => {
    expect(whole.status).toBe(0);
    expect(run(['merge', 's2.jsonl', 's0.jsonl', 's1.jsonl']).stdout).toBe(whole.stdout);
  });

  it('a task line deleted: the gap named, with the end record\'s count — even with the end record resealed to match', () => {
    const lines = linesOf('s0.jsonl');
    writeFileSync(join(dir, 'gap.jsonl'), `${[...lines.slice(0, 3), ...lines.slice(4)].join('\n')}\n`);
    const r = run(['merge', 'gap.jsonl', 's1.jsonl', 's2.jsonl']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ccsim: gap\.jsonl: shard 0 of 3 lacks task p\d+r\d+, which its plan deals it; the end record \(line \d+\) counts 7 tasks and the file holds 6: a record was lost or removed — run the shard again\n$/);
    const records = parsed('s0.jsonl');
    const end = records.at(-1) as Json;
    resealed('gap-sealed.jsonl', [...records.slice(0, 3), ...records.slice(4, -1), { ...end, tasks: 6, completed: 6 }]);
    expect(run(['merge', 'gap-sealed.jsonl', 's1.jsonl', 's2.jsonl']).stderr).toMatch(/gap-sealed\.jsonl: shard 0 of 3 lacks task p\d+r\d+/);
  });

  it('a header relabelled as another shard: its checksum, or resealed, the plan it claims', () => {
    const lines = linesOf('s0.jsonl');
    writeFileSync(join(dir, 'relabel.jsonl'), `${[(lines[0] ?? '').replace('"shard":{"index":0', '"shard":{"index":1'), ...lines.slice(1)].join('\n')}\n`);
    expect(run(['merge', 'relabel.jsonl', 's1.jsonl', 's2.jsonl']).stderr).toMatch(/^ccsim: relabel\.jsonl:1: the header's checksum does not match its content: the header was altered or damaged\n$/);
    const records = parsed('s0.jsonl');
    const header = records[0] as Json;
    resealed('relabel-sealed.jsonl', [{ ...header, shard: { index: 2, count: 3 } }, ...records.slice(1)]);
    const r = run(['merge', 'relabel-sealed.jsonl', 's1.jsonl', 's0.jsonl']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/relabel-sealed\.jsonl:1: the header says shard 2 of 3 holds \{"tasks":7\}, but the sweep deals it \{"tasks":6\}: the header was altered/);
  });

  it('a task line copied from another shard: the task named with the shard it belongs to', () => {
    const mine = parsed('s0.jsonl');
    const theirs = parsed('s1.jsonl');
    resealed('copied.jsonl', [...mine.slice(0, 2), theirs[1] as Json, ...mine.slice(2)]);
    expect(run(['merge', 'copied.jsonl', 's1.jsonl', 's2.jsonl']).stderr).toMatch(/copied\.jsonl:3: task p0r1 belongs to shard 1 of 3, not to shard 0 of 3 as the header says/);
  });

  it('counters altered in place (still valid JSON): the record\'s checksum names it', () => {
    const lines = linesOf('s0.jsonl');
    lines[2] = (lines[2] ?? '').replace('"offered":[', '"offered":[1');
    writeFileSync(join(dir, 'altered.jsonl'), `${lines.join('\n')}\n`);
    const r = run(['merge', 'altered.jsonl', 's1.jsonl', 's2.jsonl']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ccsim: altered\.jsonl:3: task p0r\d's checksum does not match its content: the record was altered or damaged\n$/);
  });

  it('report on one shard of three: names the missing shards and says to merge', () => {
    const r = run(['report', 's0.jsonl']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ccsim: report: shards 1, 2 of 3 missing: s0\.jsonl is one shard of a sharded sweep; render the whole sweep with ccsim merge/);
  });

  it('--resume on another sweep\'s file is refused, saying what differs, and the file is left as it was', () => {
    const before = readFileSync(join(dir, 's0.jsonl'), 'utf8');
    const r = run([...SWEEP.map((a) => (a === '4' ? '5' : a)), '--shard-index', '0', '--shard-count', '3', '--out', 's0.jsonl', '--resume']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--resume: "s0\.jsonl" holds another sweep \(sweep id \w+; this one is \w+\): the replications differ/);
    expect(readFileSync(join(dir, 's0.jsonl'), 'utf8')).toBe(before);
  });
});

describe('input files are part of the sweep, read beside the scenario', () => {
  const day = (volume: number) => `interval_start,volume\n${Array.from({ length: 4 }, (_, i) => `${i * 1800},${volume}`).join('\n')}\n`;
  const scenario = readFileSync(classic, 'utf8').replace('arrivals: { perHour: 300 }', 'arrivals: { forecast: f.csv }').replace('horizon: 8h', 'horizon: 2h');
  for (const [sub, volume] of [['a', 150], ['b', 100]] as const) {
    mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, sub, 'f.csv'), day(volume));
    writeFileSync(join(dir, sub, 'fc.yaml'), scenario);
  }
  const sweep = (file: string) => ['sweep', file, '--vary', 'agents[0].count=33,34', '-r', '3', '--workers', '1', '--format', 'json'];

  it('shards run with different forecast CSVs are refused, naming the file and both hashes', () => {
    expect(run([...sweep('a/fc.yaml'), '--shard-index', '0', '--shard-count', '2', '--out', 'fa0.jsonl']).status).toBe(0);
    expect(run([...sweep('b/fc.yaml'), '--shard-index', '1', '--shard-count', '2', '--out', 'fb1.jsonl']).status).toBe(0);
    const r = run(['merge', 'fa0.jsonl', 'fb1.jsonl']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ccsim: fb1\.jsonl: belongs to another sweep \(sweep id \w+; fa0\.jsonl has \w+\): its forecast file f\.csv differs \(sha256 \w+… vs \w+…\)\n$/);
  });

  it('sweep reads the CSV beside the scenario, not the one in the working directory; merge elsewhere, beside another f.csv, gives the same bytes', () => {
    writeFileSync(join(dir, 'f.csv'), day(999)); // a decoy in the working directory
    const whole = run(sweep('a/fc.yaml'));
    expect(whole.status, whole.stderr).toBe(0);
    expect(run(sweep(join(dir, 'a', 'fc.yaml')), join(dir, 'b')).stdout).toBe(whole.stdout);
    expect(run([...sweep('a/fc.yaml'), '--shard-index', '1', '--shard-count', '2', '--out', 'fa1.jsonl']).status).toBe(0);
    // Merged from directory b, which holds another f.csv: the shards' own bytes are used.
    const merged = run(['merge', join(dir, 'fa0.jsonl'), join(dir, 'fa1.jsonl')], join(dir, 'b'));
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    // A CSV edited after a shard ran: resuming it is refused as another sweep.
    writeFileSync(join(dir, 'a', 'f.csv'), day(151));
    const resumed = run([...sweep('a/fc.yaml'), '--shard-index', '0', '--shard-count', '2', '--out', 'fa0.jsonl', '--resume']);
    expect(resumed.status).toBe(2);
    expect(resumed.stderr).toMatch(/holds another sweep .*: its forecast file f\.csv differs/);
  });
});
