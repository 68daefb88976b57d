// `ccsim run` and `ccsim check` with their replications on worker threads (`--workers`,
// cli/workersFlag.ts, workers/replications.ts foldReplicationsOnThreads): the same bytes as in
// this thread, the default (this thread), and failures on a thread
// reported as they are in this thread.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runThreads } from '../../cli/workersFlag.js';
import { loadScenarioFile } from '../../scenarios/load.js';
import { ccsim } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-run-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('run on threads', () => {
  it.each(['json', 'csv', 'text'])('gives the %s output of this thread, to the byte (5 replications on 2 threads)', (format) => {
    const args = ['run', 'scenarios/sales-service.yaml', '-r', '5', '--format', format];
    const here = ccsim([...args, '--workers', '0']);
    const threaded = ccsim([...args, '--workers', '2']);
    expect(here.status, here.stderr).toBe(0);
    expect(threaded.status, threaded.stderr).toBe(0);
    expect(threaded.stdout).toBe(here.stdout);
  });

  it('writes the same interval file, and the same report for campaigns, whichever thread ran each replication', () => {
    const file = (w: string): string => join(dir, `intervals-${w}.csv`);
    const run = (w: string) => ccsim(['run', 'scenarios/blended-collections.yaml', '-r', '3', '--format', 'json', '--workers', w, '--interval-file', file(w)]);
    const here = run('0');
    const threaded = run('3');
    expect(here.status, here.stderr).toBe(0);
    expect(threaded.status, threaded.stderr).toBe(0);
    expect(threaded.stdout).toBe(here.stdout);
    expect(readFileSync(file('3'), 'utf8')).toBe(readFileSync(file('0'), 'utf8'));
  });

  it('check judges the same figures and writes the same JUnit on threads', () => {
    const junit = (w: string): string => join(dir, `junit-${w}.xml`);
    const check = (w: string) => ccsim(['check', 'scenarios/bank-voice.yaml', '-r', '4', '--workers', w, '--junit', junit(w)]);
    const here = check('0');
    const threaded = check('2');
    expect(threaded.status).toBe(here.status);
    expect(threaded.stdout).toBe(here.stdout);
    expect(readFileSync(junit('2'), 'utf8').replace(/time="[^"]*"/g, '')).toBe(readFileSync(junit('0'), 'utf8').replace(/time="[^"]*"/g, ''));
  });

  it('refuses a --workers that is not a whole number from 0 to 256, naming the flag (exit 2)', () => {
    for (const bad of ['-1', '1.5', '257']) {
      const r = ccsim(['run', 'scenarios/classic-80-20.yaml', '-r', '2', '--workers', bad]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`--workers: must be a whole number from 0 to 256 (got ${Number(bad)})`);
    }
  });

  it('reports a replication that fails on a thread as one that fails here: exit 3, its simulated time, no stack', () => {
    // The test-only fault (workers/task.ts) fails every task of point 0, as an invariant would.
    const r = ccsim(['run', 'scenarios/classic-80-20.yaml', '-r', '3', '--workers', '2'], { env: { CCSIM_FAULT_INJECT: 'point:0' } });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('injected fault in point 0 (CCSIM_FAULT_INJECT, test only) (at simulated time 0.000 s)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('runThreads: how many threads a run gets', () => {
  const classic = (replications: number, horizon: string) =>
    ({ ...loadScenarioFile('scenarios/classic-80-20.yaml', { overrides: [`horizon=${horizon}`, 'warmup=0s'] }).model, replications });

  it('gives what is asked, at most one a replication', () => {
    expect(runThreads(0, classic(4, '8h'))).toBe(0);
    expect(runThreads(3, classic(4, '8h'))).toBe(3);
    expect(runThreads(8, classic(4, '8h'))).toBe(4);
  });

  it('by default, keeps every run in this thread (threads cost a copy of the working memory each)', () => {
    expect(runThreads(undefined, classic(2, '8h'))).toBe(0);
    expect(runThreads(undefined, classic(4, '2000h'))).toBe(0);
  });
});
