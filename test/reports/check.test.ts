// `ccsim check` end to end through the built CLI: exit 0 when every assertion's CI meets its
// bound, 1 when one misses, 2 for bad input; --strict / --lenient decide a straddling CI.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ccsim, ROOT } from '../support/cli.js';
import { FAST, runResult, scratch } from './support.js';

const SCENARIO = 'scenarios/sales-service.yaml';
const check = (...args: string[]) => ccsim(['check', SCENARIO, ...FAST, ...args]);

describe('ccsim check', () => {
  it('exits 0 and prints one PASS line per assertion when every CI meets its bound', () => {
    const r = check('--assert', 'overall.offered > 0', '--assert', 'channels.service.serviceLevel <= 1');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual([
      expect.stringMatching(/^PASS overall\.offered > 0: mean [\d.]+, 95% CI \[[\d.]+, [\d.]+\]$/),
      expect.stringMatching(/^PASS channels\.service\.serviceLevel <= 1: mean /),
    ]);
    expect(lines[2]).toMatch(/^2 passed, 0 failed/);
  });

  it('exits 1 when a CI misses its bound, naming metric, bound, mean and CI', () => {
    const r = check('--assert', 'overall.offered > 0', '--assert', 'channels.sales.serviceLevel > 1');
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^FAIL channels\.sales\.serviceLevel > 1: mean [\d.]+, 95% CI \[[-\d.]+, [\d.]+\]$/m);
    expect(r.stdout).toMatch(/1 passed, 1 failed/);
  });

  it('reads the scenario\'s assert: block', () => {
    const dir = scratch();
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, `name: Plan\nreplications: 2\nhorizon: 2h\ninterval: 30m\nchannels:\n  - { id: voice, kind: voice, arrivals: { perHour: 100 }, handle: { dist: exponential, mean: 3m }, target: { within: 20s, level: 0.8 } }\nagents:\n  - { id: a, channels: [voice], count: 9 }\nassert:\n  - overall.offered > 0\n  - channels.voice.asaSec > 100000\n`);
    const r = ccsim(['check', file, '--replications', '3']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^PASS overall\.offered > 0/m);
    expect(r.stdout).toMatch(/^FAIL channels\.voice\.asaSec > 100000/m);
  });

  it('fails a CI that straddles the bound under --strict (the default) and passes it under --lenient', () => {
    const mean = runResult(SCENARIO).summary.channels.service!.serviceLevel.mean!;
    const straddling = `channels.service.serviceLevel >= ${mean}`;
    for (const flags of [[], ['--strict']]) {
      const r = check('--assert', straddling, ...flags);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toMatch(/^FAIL .*inconclusive: the 95% CI straddles the bound \(--strict\)$/m);
    }
    const lenient = check('--assert', straddling, '--lenient');
    expect(lenient.status, lenient.stderr).toBe(0);
    expect(lenient.stdout).toMatch(/^PASS .*straddles the bound \(--lenient\)$/m);
  });

  it.each([
    [['--assert', 'channels.servce.serviceLevel >= 0.8'], /no channel "servce" \(did you mean "service"\?\) \(channels: service, sales\)/],
    [['--assert', 'channels.service.serviceLvl >= 0.8'], /no metric "serviceLvl" in channels\.service \(did you mean "serviceLevel"\?\) \(metrics: offered, .*serviceLevel/],
    [['--assert', 'overall.serviceLevel => 0.8'], /--assert #1: cannot read "overall\.serviceLevel => 0\.8": expected PATH OP NUMBER/],
    [[], /nothing to check: add an assert: block .* or pass --assert/],
    [['--assert', 'overall.offered > 0', '--strict', '--lenient'], /--strict and --lenient: give one of them/],
  ])('exits 2 on bad input %j, naming the problem', (args, message) => {
    const r = check(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the CI example in docs/', () => {
  it('checks docs/examples/staffing-plan.yaml: its assert: block passes, and fails when phones are cut', () => {
    const plan = 'docs/examples/staffing-plan.yaml';
    const ok = ccsim(['check', plan]);
    expect(ok.status, `${ok.stdout}${ok.stderr}`).toBe(0);
    expect(ok.stdout).toMatch(/^4 passed, 0 failed/m);
    const cut = ccsim(['check', plan, '--set', 'agents[0].count=10']);
    expect(cut.status).toBe(1);
    expect(cut.stdout).toMatch(/^FAIL channels\.voice\.serviceLevel >= 0\.8: mean /m);
  });

  it('has a workflow that runs ccsim check with --junit and uploads the HTML report', () => {
    const workflow = parse(readFileSync(join(ROOT, 'docs/examples/staffing-check.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, string> }[] }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    expect(steps.some((s) => /ccsim check .*--junit \S+ --result \S+/.test(s.run ?? ''))).toBe(true);
    expect(steps.some((s) => /ccsim report \S+ --format html --out \S+\.html/.test(s.run ?? ''))).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith('actions/upload-artifact') && /\.html/.test(s.with?.path ?? ''))).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith('dorny/test-reporter') && s.with?.reporter === 'java-junit')).toBe(true);
  });
});
