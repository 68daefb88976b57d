// `ccsim run` end to end through the built CLI: the JSON contract, determinism, the Erlang
// columns, and input errors (agreement with Erlang: run-erlang.test.ts).
import { describe, expect, it } from 'vitest';
import { CHANNEL_METRICS, CONFERENCE_METRICS, EXIT_METRICS, GROUP_METRICS, TRANSFER_DROP_METRIC, WRAP_UP_METRICS } from '../../analysis/kpi.js';
import type { RunResult } from '../../analysis/run/result.js';
import { ccsim } from '../support/cli.js';

const runJson = (...args: string[]): { text: string; result: RunResult } => {
  const r = ccsim(['run', ...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return { text: r.stdout, result: JSON.parse(r.stdout) as RunResult };
};

const isEstimate = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'mean' in e && 'ci95' in e;

describe('ccsim run', () => {
  it('prints the JSON contract: every metric as { mean, ci95 } for overall, channels, groups and intervals', () => {
    const { result } = runJson('scenarios/sales-service.yaml', '--replications', '4');
    expect(result).toMatchObject({ schemaVersion: 1, scenario: 'Sales and service', seed: 1, replications: 4, serviceLevelDefinition: 'excludeShortAbandons' });
    // The exit metrics (maximum wait, the close), the parts of AHT, dropped transfers and
    // conferences are written only for scenarios that use them (analysis/scenarioMetrics.ts).
    const optional: readonly string[] = [...EXIT_METRICS, ...WRAP_UP_METRICS, TRANSFER_DROP_METRIC, ...CONFERENCE_METRICS];
    const metrics = CHANNEL_METRICS.filter((m) => !optional.includes(m));
    for (const m of metrics) expect(isEstimate(result.summary.overall[m]), m).toBe(true);
    for (const m of optional) expect(m in result.summary.overall, m).toBe(false);
    expect(Object.keys(result.summary.channels).sort()).toEqual(['sales', 'service']);
    for (const c of Object.values(result.summary.channels)) {
      for (const m of metrics) expect(isEstimate(c[m]), m).toBe(true);
      expect(c.erlang).toMatchObject({ model: 'erlangA' });
      expect(typeof c.erlang.agentsRequired).toBe('number');
    }
    for (const g of Object.values(result.summary.groups)) for (const m of GROUP_METRICS) expect(isEstimate(g[m]), m).toBe(true);
    expect(result.intervals).toHaveLength(16);
    result.intervals.forEach((iv, i) => {
      expect(iv.startSec).toBe(i * 1800);
      expect(Object.keys(iv.channels).sort()).toEqual(['sales', 'service']);
      expect(iv.channels.sales!.erlang.model).toBe('erlangA');
    });
  });

  it('gives byte-identical JSON for the same seed, and other bytes for another seed', () => {
    const a = runJson('--replications', '3', '--seed', '5').text;
    const b = runJson('--replications', '3', '--seed', '5').text;
    const c = runJson('--replications', '3', '--seed', '6').text;
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('shows simulated and Erlang figures side by side in the text report', () => {
    const r = ccsim(['run', '--replications', '3']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/simulated \(95% CI\)\s*│\s*Erlang C\s*│\s*sim − Erlang/);
    expect(r.stdout).toContain('Intervals — voice');
  });

  it('applies --set overrides and echoes the chosen SL definition', () => {
    const { result } = runJson('--replications', '2', '--set', 'agents[0].count=40', '--sl-definition', 'answered');
    expect(result.serviceLevelDefinition).toBe('answered');
    expect(result.summary.channels.voice!.erlang.agents).toBe(40);
  });

  it.each([
    [['--replications', '0'], /--replications: must be an integer from 1/],
    [['--seed', '-1'], /--seed: must be a non-negative integer/],
    [['--set', '__proto__.polluted=1'], /__proto__/],
    [['--sl-definition', 'bogus'], /sl-definition/],
    [['no-such-file.yaml'], /no-such-file\.yaml/],
  ])('rejects bad input %j with exit 2 and no stack', (args, message) => {
    const r = ccsim(['run', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('stops quietly when the reader closes the pipe early (ccsim run … | head)', async () => {
    const { spawn } = await import('node:child_process');
    const { CLI, ROOT } = await import('../support/cli.js');
    const child = spawn(process.execPath, [CLI, 'run', 'scenarios/retail-omnichannel.yaml', '--json', '--replications', '2'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    // Read the first chunk, then close our end, as `head -c` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => { child.stdout.destroy(); resolve(); }));
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(status).toBe(0);
  });
});
