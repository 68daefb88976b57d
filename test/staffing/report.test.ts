// The staffing report: bank-voice's notes name why the answer differs from Erlang
// (acceptance 2), the JSON shape, checkpoint/resume without rework, and the same bytes
// whatever the worker count.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ccsim, ROOT } from '../support/cli.js';
import { definitionOf, staff, voiceScenario } from './support.js';

describe('ccsim staff report', () => {
  it('bank-voice: the notes say how and why the answer differs from Erlang', () => {
    const r = ccsim(['staff', join(ROOT, 'scenarios/bank-voice.yaml'), '--replications', '4', '--set', 'horizon=4h', '--set', 'channels[0].arrivals={volumes: [75, 100, 126, 151, 163, 163, 151, 138]}', '--set', 'channels[0].ahtByInterval=[5m, 5m15s, 5m30s, 5m45s, 5m50s, 5m50s, 5m40s, 5m30s]', '--workers', '2', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { kind: string; notes: { feature: string; text: string }[]; intervals: { startSec: number; groups: Record<string, object> }[] };
    expect(result.kind).toBe('staffing');
    const features = result.notes.map((n) => n.feature);
    for (const f of ['abandonment', 'retrials', 'callbacks', 'shrinkage', 'breaks', 'handleTime', 'total']) expect(features).toContain(f);
    expect(result.notes.find((n) => n.feature === 'handleTime')?.text).toMatch(/lognormal/);
    expect(result.intervals[0]?.groups['phone-bankers']).toMatchObject({ erlangAgents: expect.any(Number), simulatedAgents: expect.any(Number), fte: expect.any(Number) });
  });

  it('resumes from its checkpoint without running anything again, with the same result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-staff-'));
    const out = join(dir, 'staff.jsonl');
    const def = definitionOf(voiceScenario([150, 250], '1h'), { replications: 5 });
    const first = await staff(def, out);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'header', format: 'ccsim-staff' });
    expect(lines.filter((l) => l.includes('"type":"task"'))).toHaveLength(first.search.tasks);
    const again = await staff(def, out, true);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(readFileSync(out, 'utf8').trim().split('\n').filter((l) => l.includes('"type":"task"'))).toHaveLength(first.search.tasks);
  });

  it('prints the same bytes with 0 and 2 workers, and renders text, CSV and HTML', () => {
    const args = ['staff', join(ROOT, 'scenarios/classic-80-20.yaml'), '--replications', '5', '--set', 'horizon=1h'];
    const zero = ccsim([...args, '--workers', '0', '--format', 'json']);
    const two = ccsim([...args, '--workers', '2', '--format', 'json']);
    expect(zero.status, zero.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(zero.stdout);
    const text = ccsim([...args, '--workers', '0']);
    expect(text.stdout).toMatch(/Erlang/);
    expect(Math.max(...text.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
    expect(ccsim([...args, '--workers', '0', '--format', 'csv']).stdout.split('\n')[0])
      .toBe('scenario,seed,replications,scope,id,interval_start,interval_start_sec,metric,statistic,mean,ci_low,ci_high,unit,erlang,status');
    const html = ccsim([...args, '--workers', '0', '--format', 'html']).stdout;
    expect(html).toContain('Required agents per interval: Erlang vs simulated');
    expect(html).toContain('<svg');
  });

  it.each([
    [['--replications', '1'], /--replications/],
    [['--max-abandon', '7'], /--max-abandon/],
    [['--max-asa', 'soon'], /--max-asa/],
    [['--resume'], /--resume/],
    [['--whole-day', '--shifts'], /--whole-day and --shifts/],
    [['--workers', '-1'], /--workers/],
    [['--objective', 'speed'], /--objective: must be one of cost, hours \(got "speed"\)/],
    [['--objective', 'cost'], /--objective: cost needs a costPerHour on some group .*\(got "cost"\)/],
    [['--confidence', '0.8'], /--confidence: must be one of 0\.9, 0\.95, 0\.99 \(got "0\.8"\)/],
    [['--on', 'median'], /--on: must be one of ci, mean \(got "median"\)/],
    [['--on', 'mean', '--confidence', '0.9'], /--confidence: applies to the CI rule; --on mean judges the mean alone/],
  ])('bad flags exit 2 naming the flag: %s', (flags, message) => {
    const r = ccsim(['staff', join(ROOT, 'scenarios/classic-80-20.yaml'), ...flags]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('ccsim staff --shifts in every format', () => {
  const args = ['staff', join(ROOT, 'scenarios/bank-voice.yaml'), '--shifts', '--replications', '3', '--set', 'horizon=4h',
    '--set', 'channels[0].arrivals={volumes: [75, 100, 126, 151, 163, 163, 151, 138]}', '--set', 'channels[0].ahtByInterval=[5m, 5m15s, 5m30s, 5m45s, 5m50s, 5m50s, 5m40s, 5m30s]', '--workers', '0'];
  it('shows the count per shift in the text (lengths as 8h30m), the CSV and the HTML', () => {
    const text = ccsim([...args, '--format', 'text']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Shifts/);
    expect(text.stdout).toMatch(/\b8h30m\b/);
    expect(text.stdout).not.toMatch(/510\.0m/);
    const csv = ccsim([...args, '--format', 'csv']).stdout;
    expect(csv).toMatch(/^[^,]*,\d+,3,shifts,[^,]+#0,\d\d:\d\d,\d+,simulatedAgents,value,\d+,,,agents,,$/m);
    const html = ccsim([...args, '--format', 'html']).stdout;
    expect(html).toContain('<h2>Shifts</h2>');
    expect(html).toContain('8h30m');
  });
});
