// The text report: within 100 columns for every bundled scenario, no ANSI codes when piped,
// colours only when asked for (FORCE_COLOR) and never with NO_COLOR.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ccsim } from '../support/cli.js';
import { bundledScenarios, FAST, scratch } from './support.js';

const width = (text: string): number => Math.max(...stripVTControlCharacters(text).split('\n').map((line) => [...line].length));
const ESC = '\x1b[';

describe('text report', () => {
  it('has bundled scenarios to check', () => {
    expect(bundledScenarios().length).toBeGreaterThanOrEqual(2);
  });

  it.each(bundledScenarios())('%s fits 100 columns and has no ANSI codes when piped', (scenario) => {
    const r = ccsim(['run', scenario, ...FAST], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined, CI: 'true' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    expect(width(r.stdout)).toBeLessThanOrEqual(100);
    expect(r.stdout).toMatch(/simulated \(95% CI\)\s*│\s*(Erlang [AC]( \(chat slots\))?|workload)\s*│\s*sim − Erlang/);
  });

  it('colours a terminal-like output (FORCE_COLOR) and still fits 100 columns', () => {
    const r = ccsim(['run', 'scenarios/sales-service.yaml', ...FAST], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(ESC);
    expect(width(r.stdout)).toBeLessThanOrEqual(100);
  });

  it('has no colours with NO_COLOR, even when FORCE_COLOR is set', () => {
    const r = ccsim(['run', 'scenarios/sales-service.yaml', ...FAST], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain(ESC);
  });

  it('has no colours in a file written with --out', () => {
    const out = join(scratch(), 'report.txt');
    const r = ccsim(['run', 'scenarios/sales-service.yaml', ...FAST, '--out', out], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Intervals — service');
    expect(text).not.toContain(ESC);
  });
});
