// Text, Markdown and charts of `ccsim sweep` (issue 6, for sweeps): structure computed from the
// sweep's own JSON (headers, sections, row counts, which point is baseline and best), never the
// random numbers inside; the 100-column and no-ANSI-when-piped rules; how points are laid out.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SweepResult } from '../../analysis/sweep/result.js';
import { CHARTED_DIFFERENCES, CHARTED_METRICS, sweepCharts } from '../../reports/sweep/charts.js';
import { sweepLayout } from '../../reports/sweep/points.js';
import { ccsim, ROOT } from '../support/cli.js';
import { mdTables, scratch } from './support.js';

const SWEEP = ['sweep', 'scenarios/retail-omnichannel.yaml', '--vary', 'agents[0].count=10..12', '-r', '3', '--workers', '1',
  '--baseline', 'agents[0].count=11', '--minimize', 'agents', '--subject-to', 'channels.email.serviceLevel>=0.2'];

function sweep(args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  const r = ccsim(args, { env });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('sweep reports of a multi-channel scenario', () => {
  // Piped, with no --format: the JSON a sweep has always printed (text is for a terminal).
  const result = JSON.parse(sweep(SWEEP)) as SweepResult;
  const channels = Object.keys(result.points[0]!.summary.channels);
  const labels = ['10', '11', '12'];

  it('prints JSON by default when piped', () => {
    expect(result).toMatchObject({ kind: 'sweep', parameters: ['agents[0].count'] });
  });

  it('text: sections per channel, within 100 columns, no ANSI when piped, colours when forced', () => {
    const text = sweep([...SWEEP, '--format', 'text']);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`${result.scenario} — sweep`);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(100);
    expect(text.includes('\u001b[')).toBe(false);
    const titles = lines.filter((l) => /^(Points|Metrics — |Paired differences vs |Objective)/.test(l));
    expect(titles).toEqual([
      'Points',
      ...channels.map((c) => expect.stringMatching(new RegExp(`^Metrics — ${c} \\(target \\d+% within \\w+\\)$`))),
      'Metrics — whole center',
      ...[...channels, 'whole center'].map((c) => expect.stringContaining(`Paired differences vs agents[0].count=11 — ${c}`)),
      'Objective',
    ]);
    expect(sweep([...SWEEP, '--format', 'text'], { NO_COLOR: '', FORCE_COLOR: '1' }).includes('\u001b[')).toBe(true);
  });

  it('Markdown: a points table, a metric and a difference table per channel, the objective', () => {
    const md = sweep([...SWEEP, '--format', 'md']);
    expect(md.split('\n')[0]).toBe(`## ccsim sweep: ${result.scenario}`);
    const tables = mdTables(md);
    const points = tables.find((t) => t.title === 'Points')!;
    expect(points.head).toEqual(['agents[0].count', 'replications', 'note']);
    expect(points.rows.map((r) => r[0])).toEqual(labels);
    expect(points.rows.map((r) => r[2])).toEqual(result.points.map((p) => [
      ...(p.index === result.baseline?.point ? ['baseline'] : []), ...(p.index === result.objective?.best?.point ? ['best'] : []),
    ].join(', ')));
    const metrics = tables.filter((t) => t.title.startsWith('Metrics — '));
    expect(metrics).toHaveLength(channels.length + 1);
    for (const t of metrics) {
      expect(t.head).toEqual(['agents[0].count', 'service level', 'ASA', 'abandon rate', 'occupancy', 'cost/contact']);
      expect(t.rows.map((r) => r[0])).toEqual(labels);
      for (const row of t.rows) expect(row).toHaveLength(t.head.length);
    }
    const diffs = tables.filter((t) => t.title.startsWith('Paired differences vs '));
    expect(diffs).toHaveLength(channels.length + 1);
    for (const t of diffs) {
      expect(t.head[1]).toBe('Δ service level');
      // The baseline against itself: every difference exactly zero.
      expect(t.rows[1]!.slice(1).every((c) => /^0(\.0+)?(%|s|m)? ±0(\.0+)?(%|s|m)?$/.test(c)), t.rows[1]!.join(' | ')).toBe(true);
    }
    const objective = tables.find((t) => t.title === 'Objective')!;
    expect(objective.head).toEqual(['agents[0].count', 'agents', 'constraints met', 'best']);
    expect(objective.rows.map((r) => r[2])).toEqual(result.objective!.points.map((p) => (p.feasible ? 'yes' : 'no')));
  });

  it('charts: for each channel its metrics against the parameter (band and line), and differences from the baseline', () => {
    const charts = sweepCharts(result);
    expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length);
    for (const c of channels) {
      expect(charts.map((x) => x.id)).toContain(`sweep-serviceLevel-${c}`);
      for (const m of CHARTED_DIFFERENCES) expect(charts.map((x) => x.id)).toContain(`sweep-difference-${m}-${c}`);
    }
    expect(charts.length).toBeLessThanOrEqual(channels.length * (CHARTED_METRICS.length + CHARTED_DIFFERENCES.length));
    const sl = charts.find((c) => c.id === `sweep-serviceLevel-${channels[0]}`)!.spec as unknown as { layer: { mark: { type: string } }[] };
    expect(sl.layer.map((l) => l.mark.type)).toEqual(['area', 'line', 'rule']);
  });
});

describe('sweep reports: errors and named variants', () => {
  const small = ['sweep', 'scenarios/classic-80-20.yaml', '--vary', 'agents[0].count=33..35', '-r', '3', '--workers', '1', '--set', 'horizon=2h'];

  it('text lists errored tasks by point, replications and seed', () => {
    const r = ccsim([...small, '--format', 'text'], { env: { CCSIM_FAULT_INJECT: 'point:1' } });
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/^Errored tasks \(3\)$/m);
    expect(r.stdout).toMatch(/^- agents\[0\]\.count=34, replications 0–2 \(seed 1\): injected fault in point 1/m);
  });

  it('named variants are charted side by side with error bars, not as a line', () => {
    const dir = scratch();
    const file = join(dir, 'variants.yaml');
    writeFileSync(file, `${readFileSync(join(ROOT, 'scenarios/classic-80-20.yaml'), 'utf8')}
sweep:
  variants:
    - name: today
    - name: plus-two
      set:
        agents[0].count: 37
`);
    const result = JSON.parse(sweep(['sweep', file, '-r', '3', '--workers', '1', '--set', 'horizon=2h', '--baseline', 'today'])) as SweepResult;
    const layout = sweepLayout(result);
    expect(layout).toMatchObject({ labelHead: 'point', labels: ['today', 'plus-two'], labelsAreParameters: false, x: { kind: 'point' } });
    const sl = sweepCharts(result).find((c) => c.id === 'sweep-serviceLevel-voice')!.spec as unknown as { layer: { mark: { type: string } }[] };
    expect(sl.layer.map((l) => l.mark.type)).toEqual(['rule', 'point', 'rule']);
  });
});

describe('sweep layout', () => {
  const point = (index: number, parameters: Record<string, string | number>, name?: string) => ({
    index, parameters, name: name ?? Object.entries(parameters).map(([k, v]) => `${k}=${v}`).join(','),
  });
  const of = (parameters: string[], points: ReturnType<typeof point>[]): SweepResult => ({ parameters, points } as unknown as SweepResult);

  it('a 2-parameter grid: x is the numeric parameter with most values, one series per value of the other', () => {
    const pts = [[30, '5m'], [30, '6m'], [31, '5m'], [31, '6m'], [32, '5m'], [32, '6m']].map(([a, h], i) => point(i, { 'agents[0].count': a!, 'channels[0].handle.mean': h! }));
    const layout = sweepLayout(of(['agents[0].count', 'channels[0].handle.mean'], pts));
    expect(layout.labelHead).toBe('agents[0].count, channels[0].handle.mean');
    expect(layout.labels[0]).toBe('30, 5m');
    expect(layout.x).toEqual({ kind: 'numeric', path: 'agents[0].count', values: [30, 30, 31, 31, 32, 32] });
    expect(layout.series).toEqual(['5m', '6m', '5m', '6m', '5m', '6m']);
    expect(layout.seriesTitle).toBe('channels[0].handle.mean');
  });

  it('a grid of words has no numeric axis: the points side by side', () => {
    const layout = sweepLayout(of(['channels[0].handle.mean'], ['5m', '6m'].map((h, i) => point(i, { 'channels[0].handle.mean': h }))));
    expect(layout).toMatchObject({ labels: ['5m', '6m'], labelsAreParameters: true, x: { kind: 'point' }, series: null });
  });

  it('samples are not a grid, even when numeric: labelled by name', () => {
    const pts = [point(0, { a: 1, b: 2 }, 'sample-0'), point(1, { a: 3, b: 1 }, 'sample-1')];
    expect(sweepLayout(of(['a', 'b'], pts))).toMatchObject({ labels: ['sample-0', 'sample-1'], x: { kind: 'point' } });
  });
});
