// Issue 15, goal 2: `ccsim staff` says whether its answer can be used. It exits 1 when a
// target is unmet or the search stopped early, naming each unmet interval on stderr and in
// every format (text headline, JSON status + unmet, CSV column, HTML banner); `--confidence`
// and `--on mean` choose how a target is judged.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StaffingResult } from '../../analysis/staffing/result.js';
import { headline, outcomeLines } from '../../reports/staffing/outcome.js';
import { ccsim, ROOT } from '../support/cli.js';
import { expectClaim, testSeed } from '../support/statistics.js';
import { voiceScenario } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-staff-outcome-'));
// Occupancy at least 99% in every interval: more agents only lower occupancy, so raising the
// team (all the search may do when a target fails) never meets it — unmet at any seed.
const unreachable = join(dir, 'unreachable.yaml');
writeFileSync(unreachable, `${voiceScenario([150, 250], '1h')}assert:\n  - groups.team.occupancy >= 0.99\n`);
const base = ['staff', unreachable, '--replications', '3', '--workers', '0', '--seed', String(testSeed())];

describe('ccsim staff with a target it cannot meet', () => {
  it('exits 1 and says on stderr, one line per unmet interval: time, group, metric, achieved vs target', () => {
    const r = ccsim([...base, '--format', 'json']);
    expect(r.status, r.stderr).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('ccsim staff: unmet '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ccsim staff: unmet 00:00 groups team occupancy: achieved \d+\.\d% \[\d+\.\d%, \d+\.\d%\] vs target >= 99\.0% \((fail|inconclusive)\)$/);
    expect(lines[1]).toMatch(/^ccsim staff: unmet 01:00 groups team occupancy: /);
    expect(r.stderr).toMatch(/^ccsim staff: UNMET: 2 targets unmet in 2 intervals on fresh replications 3–5/m);
    expect(r.stderr).toMatch(/^ccsim staff: stopped early \(level\): raising every group .* did not meet them: 00:00, 01:00$/m);
    const result = JSON.parse(r.stdout) as StaffingResult;
    expect(result.schemaVersion).toBe(2);
    expect(result.status).toBe('unmet');
    expect(result.unmet.map((u) => [u.startSec, u.scope, u.id, u.metric, u.op, u.bound])).toEqual([
      [0, 'groups', 'team', 'occupancy', '>=', 0.99], [3600, 'groups', 'team', 'occupancy', '>=', 0.99],
    ]);
    expect(result.stops.map((s) => s.stage)).toContain('level');
    expect(result.replicationsJudged).toEqual({ search: [0, 2], fresh: [3, 5] });
  });

  it('--whole-day judges the day: exit 1 with one unmet line for the whole day', () => {
    const r = ccsim([...base, '--whole-day', '--format', 'json']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('ccsim staff: unmet '))).toEqual([
      expect.stringMatching(/^ccsim staff: unmet whole day groups team occupancy: achieved \d+\.\d% .* vs target >= 99\.0% \((fail|inconclusive)\)$/),
    ]);
    const result = JSON.parse(r.stdout) as StaffingResult;
    expect(result.unmet.map((u) => u.startSec)).toEqual([null]);
  });

  it('says so in the text headline, the CSV status column and the HTML banner', () => {
    const text = ccsim([...base, '--format', 'text']);
    expect(text.status).toBe(1);
    expect(text.stdout.split('\n')[1]).toMatch(/^UNMET: 2 targets unmet in 2 intervals/);
    expect(text.stdout).toMatch(/^ {2}unmet 01:00 groups team occupancy: achieved/m);
    const csv = ccsim([...base, '--format', 'csv']);
    expect(csv.status).toBe(1);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/,erlang,status$/);
    expect(rows.filter((l) => l.includes(',totals,')).every((l) => l.endsWith(',unmet'))).toBe(true);
    expect(rows.filter((l) => /,groups,team,00:00,/.test(l)).every((l) => l.endsWith(',unmet'))).toBe(true);
    const html = ccsim([...base, '--format', 'html']);
    expect(html.status).toBe(1);
    expect(html.stdout).toMatch(/<section class="status status-unmet" role="status"[^>]*>\n<p><strong[^>]*>UNMET: 2 targets unmet/);
    expect(html.stdout).toContain('<li>unmet 00:00 groups team occupancy: achieved');
  });
});

describe('ccsim staff judging', () => {
  const args = ['staff', join(ROOT, 'scenarios/classic-80-20.yaml'), '--set', 'horizon=2h', '--replications', '10', '--workers', '0', '--seed', String(testSeed()), '--format', 'json'];
  it('--on mean asks no more agents than --confidence 0.99, and the JSON says how it judged', () => {
    const run = (flags: string[]): StaffingResult => {
      const r = ccsim([...args, ...flags]);
      expect([0, 1], r.stderr).toContain(r.status);
      expect(r.status === 0, r.stderr).toBe((JSON.parse(r.stdout) as StaffingResult).status === 'met');
      return JSON.parse(r.stdout) as StaffingResult;
    };
    const mean = run(['--on', 'mean']);
    const strict = run(['--confidence', '0.99']);
    expect(mean.judging).toEqual({ on: 'mean', confidence: null });
    expect(strict.judging).toEqual({ on: 'ci', confidence: 0.99 });
    expect(mean.intervals[0]?.targets[0]?.ci).toBeNull();
    // A 99% CI (t(0.995; 9) = 3.25 standard errors) must clear the bound where the mean alone
    // need only reach it: with 10 replications that is agents more in every interval.
    expectClaim('staffing › judging › the mean rule needs no more agents than the 99% CI rule', mean.totals.simulated.agentHours <= strict.totals.simulated.agentHours,
      `mean ${mean.totals.simulated.agentHours} h, 99% ${strict.totals.simulated.agentHours} h`);
  });

  it('a met answer exits 0 and prints nothing on stderr about its outcome', () => {
    const r = ccsim([...args, '--on', 'mean']);
    const result = JSON.parse(r.stdout) as StaffingResult;
    // Met on the mean after the search and up to 8 rounds of +1 on the fresh replications: a
    // miss would need a fresh mean below 80% at the count whose search mean cleared it, 8 times over.
    expectClaim('staffing › judging › classic 2 h met on the mean', result.status === 'met', `status ${result.status}: ${r.stderr}`);
    expect(r.status).toBe(result.status === 'met' ? 0 : 1);
    expect(outcomeLines(result)).toHaveLength(result.status === 'met' ? 0 : 1 + result.unmet.length + result.stops.length);
    expect(r.stderr.includes('ccsim staff:')).toBe(result.status !== 'met');
  });

  it('a search stopped early reads STOPPED EARLY with its reason, though every target is met', () => {
    const r = JSON.parse(ccsim(args).stdout) as StaffingResult;
    const stopped: StaffingResult = { ...r, status: 'stoppedEarly', unmet: [], stops: [{ stage: 'oneFewer', startSecs: [3600], reason: 'the one-fewer trims ran out of rounds (--max-rounds 0)' }] };
    expect(headline(stopped)).toMatch(/^STOPPED EARLY: every target met on fresh replications 10–19; the search stopped early \(oneFewer\)$/);
    expect(outcomeLines(stopped)).toContain('ccsim staff: stopped early (oneFewer): the one-fewer trims ran out of rounds (--max-rounds 0): 01:00');
  });
});
