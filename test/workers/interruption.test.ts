// Interrupted and concurrent work loses nothing (issue 18, goal 6), through the built CLI:
// SIGKILL at three points of a sweep and of a staffing search (and right before the end
// record), then --resume: the uninterrupted output, byte for byte; a damaged checkpoint line
// is named and its task runs again; a second writer of one --out is refused; a full disk is
// one exit 2 naming the path, the checkpoint stays resumable, a result is never half-written.
// The kills and the full disk are injected where they would strike (workers/faults.ts).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ccsim, ROOT } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-interrupt-'));
const classic = join(ROOT, 'scenarios', 'classic-80-20.yaml');
const run = (args: readonly string[], faults?: string) => ccsim(args, { cwd: dir, env: faults === undefined ? {} : { CCSIM_FAULT_INJECT: faults } });

/** The records of a checkpoint, parsed. */
const records = (file: string): { type: string; id?: string }[] =>
  readFileSync(join(dir, file), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; id?: string });
const taskIds = (file: string): string[] => records(file).filter((r) => r.type === 'task').map((r) => r.id ?? '');

// 4 points × 6 replications of a 2-hour day: 24 tasks.
const SWEEP = ['sweep', classic, '--vary', 'agents[0].count=33..36', '-r', '6', '--set', 'horizon=2h', '--workers', '1', '--format', 'json'];
const STAFF = ['staff', classic, '-r', '3', '--set', 'horizon=2h', '--workers', '1', '--format', 'json'];

describe('SIGKILL, then --resume: the uninterrupted output', () => {
  const whole = run(SWEEP);

  for (const [where, faults] of [['after the first task', 'kill-after-lines:1'], ['midway', 'kill-after-lines:12'], ['before the last task', 'kill-after-lines:23'], ['right before the end record', 'kill-before-end']] as const) {
    it(`a sweep killed ${where}`, () => {
      const out = `sweep-${faults.replace(/\W/g, '')}.jsonl`;
      const killed = run([...SWEEP, '--out', out], faults);
      expect(killed.status, killed.stderr).toBeNull(); // ended by the signal
      expect(records(out).some((r) => r.type === 'end')).toBe(false);
      const resumed = run([...SWEEP, '--out', out, '--resume']);
      expect(resumed.status, resumed.stderr).toBe(0);
      expect(resumed.stdout).toBe(whole.stdout);
      const ids = taskIds(out);
      expect(ids).toHaveLength(24);
      expect(new Set(ids).size).toBe(24);
      expect(records(out).at(-1)).toMatchObject({ type: 'end', tasks: 24, completed: 24, errored: 0 });
    });
  }

  it('a staffing search killed at three points and right before its end record', () => {
    const full = run([...STAFF, '--out', 'staff-whole.jsonl']);
    expect(full.status, full.stderr).toBe(0);
    const tasks = taskIds('staff-whole.jsonl').length;
    expect(tasks).toBeGreaterThan(6);
    for (const faults of ['kill-after-lines:1', `kill-after-lines:${Math.floor(tasks / 2)}`, `kill-after-lines:${tasks - 1}`, 'kill-before-end']) {
      const out = `staff-${faults.replace(/\W/g, '')}.jsonl`;
      const killed = run([...STAFF, '--out', out], faults);
      expect(killed.status, `${faults}: ${killed.stderr}`).toBeNull();
      const resumed = run([...STAFF, '--out', out, '--resume']);
      expect(resumed.status, `${faults}: ${resumed.stderr}`).toBe(0);
      expect(resumed.stdout, faults).toBe(full.stdout);
      expect(new Set(taskIds(out)).size, faults).toBe(tasks);
    }
  });
});

describe('a damaged checkpoint line is named, never trusted', () => {
  it('resumed: each damaged line named on stderr, its task run again, the output unchanged; merged or reported: refused at the line', () => {
    const out = 'damaged.jsonl';
    const whole = run([...SWEEP, '--out', out]);
    expect(whole.status).toBe(0);
    const lines = readFileSync(join(dir, out), 'utf8').split('\n');
    lines[3] = (lines[3] ?? '').replace('"offered":[', '"offered":[1');
    lines[6] = (lines[6] ?? '').slice(0, 60);
    writeFileSync(join(dir, out), lines.join('\n'));
    const merged = run(['merge', out]);
    expect(merged.status).toBe(2);
    expect(merged.stderr).toMatch(/^ccsim: damaged\.jsonl:4: task p0r2's checksum does not match its content: the record was altered or damaged\n$/);
    const resumed = run([...SWEEP, '--out', out, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/damaged\.jsonl:4: task p0r2's checksum does not match its content: the record was altered or damaged; its task runs again/);
    expect(resumed.stderr).toMatch(/damaged\.jsonl:7: not a complete record \(invalid JSON\)[^"]*; its task runs again/);
    expect(resumed.stdout).toBe(whole.stdout);
    expect(run(['merge', out]).status).toBe(0);
  });
});

describe('two writers of one --out', () => {
  it('the second is refused, naming the lock and its holder; a lock left by a killed process is taken over', async () => {
    const out = join(dir, 'locked.jsonl');
    const long = ['sweep', classic, '--vary', 'agents[0].count=30..45', '-r', '20', '--workers', '1', '--format', 'json', '--out', out];
    const first = spawn(process.execPath, [CLI, ...long], { cwd: dir, stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    while (!(existsSync(`${out}.lock`) && existsSync(out)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // Held still while the second tries: on a fast machine the first sweep could otherwise
    // finish (and release its lock) before the second starts up.
    first.kill('SIGSTOP');
    const second = run([...long, '--resume']);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`--out: .*locked\\.jsonl.* (is being written|locked) .*${first.pid}`));
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    // The holder is gone: its lock is stale, taken over, and the sweep finishes.
    const resumed = run([...long, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toBe(run(long.slice(0, -2)).stdout);
    expect(existsSync(`${out}.lock`)).toBe(false);
  }, 180_000);
});

describe('a full disk', () => {
  it('sweep --out: one exit 2 naming the path, every record before it kept; --resume then gives the uninterrupted output', () => {
    const whole = run(SWEEP);
    const full = run([...SWEEP, '--out', 'full.jsonl'], 'disk-full-after:8');
    expect(full.status).toBe(2);
    expect(full.stderr).toMatch(/^ccsim: --out: cannot write "full\.jsonl" \(ENOSPC: no space left on device\); it keeps every record written before: make room, then continue with the same command plus --resume\n$/);
    expect(full.stderr).not.toMatch(/errored|internal error/);
    expect(taskIds('full.jsonl')).toHaveLength(7);
    const resumed = run([...SWEEP, '--out', 'full.jsonl', '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toBe(whole.stdout);
  });

  it('run --out and sweep --report: exit 2, the file not written at all, no temporary file left', () => {
    const r = run(['run', classic, '-r', '2', '--format', 'json', '--out', 'result.json'], 'disk-full-after:0');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ccsim: --out: cannot write "result\.json" \(ENOSPC: no space left on device\); nothing was written\n$/);
    const s = run([...SWEEP, '--report', 'report.json'], 'disk-full-after:0');
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/--report: cannot write "report\.json" \(ENOSPC/);
    expect(readdirSync(dir).filter((f) => f.startsWith('result.json') || f.startsWith('report.json') || f.includes('.tmp'))).toEqual([]);
  });
});
