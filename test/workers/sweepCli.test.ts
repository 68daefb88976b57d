// `ccsim sweep` and `ccsim merge` end to end, through the built CLI (dist/) in child
// processes, as a user and a cluster run them (issue 5, acceptance 1, 2, 3, 6), in every
// format of the report (issue 6: text, JSON, CSV, Markdown, HTML with its vega-lite specs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const classic = join(root, 'scenarios', 'classic-80-20.yaml');
const dir = mkdtempSync(join(tmpdir(), 'ccsim-sweep-'));

function ccsim(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A small sweep: 4 points × 6 replications of a 2-hour day.
const SMALL = ['sweep', classic, '--vary', 'agents[0].count=33..36', '-r', '6', '--set', 'horizon=2h', '--baseline', 'agents[0].count=35'];

describe('ccsim sweep: determinism', () => {
  it('gives byte-identical JSON and CSV with 1 and 2 workers (and in this thread)', () => {
    for (const format of ['json', 'csv']) {
      const one = ccsim([...SMALL, '--workers', '1', '--format', format]);
      const two = ccsim([...SMALL, '--workers', '2', '--format', format]);
      expect(one.stderr).toBe('');
      expect(one.code).toBe(0);
      expect(two.stdout).toBe(one.stdout);
      expect(ccsim([...SMALL, '--workers', '0', '--format', format]).stdout).toBe(one.stdout);
    }
  });

  it('gives byte-identical text, Markdown and HTML with 1 and 2 workers', () => {
    for (const format of ['text', 'md', 'html']) {
      const one = ccsim([...SMALL, '--workers', '1', '--format', format]);
      expect(one.code, one.stderr).toBe(0);
      expect(one.stdout.length).toBeGreaterThan(0);
      expect(ccsim([...SMALL, '--workers', '2', '--format', format]).stdout).toBe(one.stdout);
    }
  });

  it('sharded into 3 and merged (files in any order) equals the unsharded sweep, byte for byte', () => {
    const whole = ccsim([...SMALL, '--workers', '2']);
    const wholeCsv = ccsim([...SMALL, '--workers', '2', '--format', 'csv']);
    for (const i of [0, 1, 2]) {
      const shard = ccsim([...SMALL, '--workers', '1', '--shard-index', String(i), '--shard-count', '3', '--out', `shard-${i}.jsonl`]);
      expect(shard.code).toBe(0);
    }
    const merged = ccsim(['merge', 'shard-2.jsonl', 'shard-0.jsonl', 'shard-1.jsonl']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    expect(ccsim(['merge', 'shard-1.jsonl', 'shard-2.jsonl', 'shard-0.jsonl', '--format', 'csv']).stdout).toBe(wholeCsv.stdout);
    for (const format of ['text', 'md']) {
      expect(ccsim(['merge', 'shard-0.jsonl', 'shard-2.jsonl', 'shard-1.jsonl', '--format', format]).stdout).toBe(ccsim([...SMALL, '--workers', '2', '--format', format]).stdout);
    }
    // HTML to --report: the page and the vega-lite specs written beside it are the same files.
    expect(ccsim([...SMALL, '--workers', '2', '--format', 'html', '--report', 'whole.html']).code).toBe(0);
    expect(ccsim(['merge', 'shard-1.jsonl', 'shard-0.jsonl', 'shard-2.jsonl', '--format', 'html', '--report', 'merged.html']).code).toBe(0);
    expect(readFileSync(join(dir, 'merged.html'), 'utf8')).toBe(readFileSync(join(dir, 'whole.html'), 'utf8'));
    const specs = readdirSync(join(dir, 'whole.vega')).sort();
    expect(specs.length).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'merged.vega')).sort()).toEqual(specs);
    for (const f of specs) expect(readFileSync(join(dir, 'merged.vega', f), 'utf8')).toBe(readFileSync(join(dir, 'whole.vega', f), 'utf8'));
    const partial = ccsim(['merge', 'shard-2.jsonl', 'shard-0.jsonl']);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(/shard 1 of 3 missing/);
  });

  it('ccsim report re-renders a finished sweep from its --out file, byte for byte; a sweep\'s JSON report is refused, naming the way that works', () => {
    const csv = ccsim([...SMALL, '--workers', '2', '--format', 'csv', '--out', 'rendered.jsonl']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(ccsim(['report', 'rendered.jsonl', '--format', 'csv']).stdout).toBe(csv.stdout);
    const text = ccsim([...SMALL, '--workers', '1', '--format', 'text']).stdout;
    expect(text.length).toBeGreaterThan(0);
    expect(ccsim(['report', 'rendered.jsonl']).stdout).toBe(text);
    writeFileSync(join(dir, 'sweep-report.json'), ccsim([...SMALL, '--workers', '1', '--format', 'json']).stdout);
    const refused = ccsim(['report', 'sweep-report.json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/sweep-report\.json: is a sweep's report.*ccsim report SWEEP\.jsonl --format text/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });

  it('the JSON says what it is: schema version, CRN, each point with its summary and paired difference', () => {
    const out = JSON.parse(ccsim([...SMALL, '--workers', '1']).stdout);
    expect(out).toMatchObject({ schemaVersion: 1, kind: 'sweep', crn: true, parameters: ['agents[0].count'], baseline: { point: 2 } });
    expect(out.points).toHaveLength(4);
    expect(out.points[0].summary.channels.voice.serviceLevel.ci95).toHaveLength(2);
    expect(out.points[3].difference.channels.voice.serviceLevel.n).toBe(6);
    const csv = ccsim([...SMALL, '--workers', '1', '--format', 'csv']).stdout.split('\n');
    expect(csv[0]).toBe('point,name,agents[0].count,scope,id,interval_start,interval_start_sec,metric,statistic,mean,ci_low,ci_high,unit,n');
    expect(csv).toContain(csv.find((l) => /^3,agents\[0\]\.count=36,36,channels,voice,,,serviceLevel,difference,.*,share,6$/.test(l)));
  });
});

describe('ccsim sweep: nothing lost', () => {
  it('killed (SIGKILL) midway and resumed, gives the uninterrupted output; no task lost or duplicated', async () => {
    const args = ['sweep', classic, '--vary', 'agents[0].count=32..39', '-r', '8', '--workers', '1'];
    const out = join(dir, 'killed.jsonl');
    const child = spawn(process.execPath, [join(root, 'dist/cli/main.js'), ...args, '--out', out], { cwd: dir, stdio: 'ignore' });
    const lines = (): number => (existsSync(out) ? readFileSync(out, 'utf8').split('\n').length - 1 : 0);
    const deadline = Date.now() + 50_000;
    while (lines() < 12 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const before = lines();
    expect(before).toBeGreaterThan(1);
    expect(before).toBeLessThan(1 + 64);
    const resumed = ccsim([...args, '--out', out, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toBe(ccsim(args).stdout);
    const records = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    const ids = records.filter((r) => r.type === 'task').map((r) => r.id);
    expect(ids).toHaveLength(64);
    expect(new Set(ids).size).toBe(64);
    expect(records[0].type).toBe('header');
    expect(records.at(-1)).toMatchObject({ type: 'end', tasks: 64, completed: 64, errored: 0 });
  });

  it('interrupted by Ctrl-C, finishes the tasks in flight, exits 130 naming the resume command; resumed, gives the uninterrupted output', async () => {
    const args = ['sweep', classic, '--vary', 'agents[0].count=32..39', '-r', '8', '--workers', '1'];
    const out = join(dir, 'interrupted.jsonl');
    const child = spawn(process.execPath, [join(root, 'dist/cli/main.js'), ...args, '--out', out], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const lines = (): number => (existsSync(out) ? readFileSync(out, 'utf8').split('\n').length - 1 : 0);
    const deadline = Date.now() + 50_000;
    while (lines() < 12 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted; finishing the tasks in flight/);
    const recorded = /stopped with (\d+) tasks recorded in .*interrupted\.jsonl; resume with: ccsim sweep .* --resume\n/.exec(stderr);
    expect(recorded, stderr).not.toBeNull();
    const records = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(records.filter((r) => r.type === 'task')).toHaveLength(Number(recorded?.[1]));
    expect(records.some((r) => r.type === 'end')).toBe(false);
    const resumed = ccsim([...args, '--out', out, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toBe(ccsim(args).stdout);
  });

  it('a task that throws is retried, then reported errored with its point and seed; the others complete', () => {
    const r = ccsim([...SMALL, '--workers', '2', '--seed', '5'], { CCSIM_FAULT_INJECT: 'point:1' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/6 tasks errored after a retry/);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toHaveLength(6);
    expect(out.errors[0]).toMatchObject({ point: 1, name: 'agents[0].count=34', replication: 0, seed: 5 });
    expect(out.errors[0].message).toMatch(/injected fault/);
    expect(out.points.map((p: { replications: number }) => p.replications)).toEqual([6, 0, 6, 6]);
  });

  it('--out refuses to overwrite a sweep file unless resuming it', () => {
    writeFileSync(join(dir, 'exists.jsonl'), '');
    const r = ccsim([...SMALL, '--out', 'exists.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out: "exists\.jsonl" already exists; pass --resume/);
  });
});

describe('ccsim sweep: bad input exits 2 before anything runs, naming the flag', () => {
  const cases: [string[], RegExp][] = [
    [['--vary', 'agents[0].count=40..30'], /--vary agents\[0\]\.count=40\.\.30: the range must go up/],
    [['--vary', 'agents[0].count=30..31', '--workers', '-1'], /--workers: must be a whole number from 0 to 256 \(got -1\)/],
    [['--vary', 'agents[0].count=30..31', '--shard-index', '3', '--shard-count', '3'], /--shard-index: must be a whole number from 0 to 2/],
    [['--vary', 'agents[0].count=30..31', '--shard-index', '0'], /--shard-index and --shard-count: give both or neither/],
    [['--vary', 'agents[0].count=30..31', '--resume'], /--resume: needs --out FILE/],
    [['--vary', 'agents[0].count=30..31', '--precision', '0.01'], /--precision and --metric: give both/],
    [['--vary', 'agents[0].count=30..31', '--baseline', 'nope'], /--baseline: no point is named "nope" \(points: "agents\[0\]\.count=30"/],
    [['--vary', 'agents[0].count=30..31', '--minimize', 'agents', '--subject-to', 'channels.chat.serviceLevel>=0.8'], /--subject-to: the scenario has no channel "chat"/],
    [['--vary', 'agents[0].count=30..31', '--minimize', 'agents', '--subject-to', 'serviceLevel=>0.8'], /--subject-to: "serviceLevel=>0.8" must look like/],
    [['--vary', 'agents[0].count=30,-2'], /point 1 \(agents\[0\]\.count=-2\): .*agents\[0\]\.count/],
    [[], /nothing to vary: give --vary/],
  ];
  for (const [flags, message] of cases) {
    it(`${flags.join(' ') || '(no --vary)'}`, () => {
      const r = ccsim(['sweep', classic, ...flags]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }
});
