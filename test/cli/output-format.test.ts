// One output vocabulary (issue 17): every command that prints a result takes `--format` and
// `--json` (= `--format json`); `--json` with another `--format` is a usage error naming both;
// a single-valued flag given twice is a usage error naming the flag, before any work.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ccsim } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'ccsim-format-'));
const SMALL_RUN = ['--replications', '2', '--set', 'horizon=1h'];
const SMALL_SWEEP = ['sweep', 'scenarios/classic-80-20.yaml', '--vary', 'agents[0].count=34..35', ...SMALL_RUN, '--workers', '0'];

/** Exit 2, the message on stderr, nothing on stdout, no stack. */
function expectUsageError(args: readonly string[], message: string): void {
  const r = ccsim(args);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toContain(message);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
}

const parsesAsJson = (args: readonly string[]): Record<string, unknown> => {
  const r = ccsim(args);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};

describe('--json is --format json on every command that has --format', () => {
  // Files the later cases render: a run result and a finished sweep.
  const result = join(scratch, 'result.json');
  const sweepFile = join(scratch, 'sweep.jsonl');
  beforeAll(() => {
    expect(ccsim(['run', ...SMALL_RUN, '--json', '--out', result]).status).toBe(0);
    expect(ccsim([...SMALL_SWEEP, '--format', 'csv', '--out', sweepFile]).status).toBe(0);
  });

  it.each([
    ['run', ['run', ...SMALL_RUN]],
    ['report', ['report', result]],
    ['sweep', SMALL_SWEEP],
    ['merge', ['merge', sweepFile]],
    ['staff', ['staff', 'scenarios/classic-80-20.yaml', ...SMALL_RUN, '--workers', '0']],
    ['erlang c', ['erlang', 'c', '--rate', '300/h', '--aht', '6m', '--agents', '35']],
  ])('%s --json prints the same JSON as --format json', (_name, args) => {
    const json = parsesAsJson([...args, '--json']);
    expect(json).toEqual(parsesAsJson([...args, '--format', 'json']));
  });

  it.each([
    ['run', ['run', ...SMALL_RUN], 'csv'],
    ['report', ['report', result], 'md'],
    ['sweep', SMALL_SWEEP, 'csv'],
    ['merge', ['merge', sweepFile], 'text'],
    ['staff', ['staff', 'scenarios/classic-80-20.yaml'], 'csv'],
    ['erlang c', ['erlang', 'c', '--rate', '300/h', '--aht', '6m', '--agents', '35'], 'text'],
  ])('%s refuses --json with another --format, naming both (exit 2)', (_name, args, other) => {
    expectUsageError([...args, '--json', '--format', other], `--json and --format ${other} ask for different outputs: give one of them (--json is --format json)`);
  });

  it('accepts --json together with --format json', () => {
    expect(parsesAsJson(['erlang', 'b', '--load', '10', '--blocking', '0.02', '--json', '--format', 'json'])).toMatchObject({ model: 'erlangB' });
  });
});

describe('a single-valued flag given twice is a usage error naming the flag, before any work', () => {
  it('--format twice on run', () => {
    expectUsageError(['run', ...SMALL_RUN, '--format', 'json', '--format', 'csv'], '--format: given 2 times ("json", "csv"); it takes one value: give it once');
  });

  it('a flag and its alias: -r and --replications', () => {
    expectUsageError(['run', '-r', '3', '--replications', '4'], '--replications (-r): given 2 times (3, 4); it takes one value: give it once');
  });

  it('--minimize twice on sweep: refused before any task runs (no --out file is started)', () => {
    const out = join(scratch, 'never.jsonl');
    expectUsageError([...SMALL_SWEEP, '--minimize', 'agents', '--minimize', 'agents', '--out', out], '--minimize: given 2 times ("agents", "agents"); it takes one value: give it once');
    expect(existsSync(out)).toBe(false);
  });

  it('--format twice on merge: refused before its files are read', () => {
    expectUsageError(['merge', join(scratch, 'no-such-shard.jsonl'), '--format', 'csv', '--format', 'md'], '--format: given 2 times ("csv", "md")');
  });

  it('every repeated flag is listed at once', () => {
    const r = ccsim(['erlang', 'c', '--rate', '300/h', '--rate', '200/h', '--aht', '6m', '--agents', '35', '--agents', '36']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--rate: given 2 times ("300/h", "200/h")');
    expect(r.stderr).toContain('--agents: given 2 times ("35", "36")');
  });

  it('repeatable flags stay repeatable (--set, --vary, --assert)', () => {
    const r = ccsim(['run', ...SMALL_RUN, '--set', 'seed=3', '--set', 'seed=4', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { seed: number }).seed).toBe(4);
  });
});
