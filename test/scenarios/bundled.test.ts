// The scenarios shipped in scenarios/ must always validate, through the library and the CLI.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../scenarios/load.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('bundled scenarios', () => {
  it('classic-80-20 is pure M/M/c: 300/h, exponential 6m, 35 agents, 8h, no patience', () => {
    const { model } = loadScenarioFile(`${root}/scenarios/classic-80-20.yaml`);
    expect(model).toMatchObject({ horizonSec: 28800, warmupSec: 7200, intervalSec: 1800, intervalCount: 16, replications: 20, seed: 1 });
    expect(model.channels).toHaveLength(1);
    expect(model.channels[0]).toMatchObject({ handle: { dist: 'exponential', mean: 360 }, patience: null, targetSec: 20, targetLevel: 0.8 });
    expect(new Set(model.channels[0]?.ratePerSec)).toEqual(new Set([300 / 3600]));
    expect(model.groups).toMatchObject([{ id: 'team-a', channels: [0], count: 35, tier: 1 }]);
    // A constant count keeps every agent on duty for the whole run, warm-up included.
    expect(model.groups[0]?.agentShifts).toHaveLength(35);
    expect(new Set(model.groups[0]?.agentShifts.flat().map((s) => `${s.startSec}..${s.endSec}/${s.breaks.length}`))).toEqual(new Set(['-7200..28800/0']));
  });

  it('sales-service has two voice channels with patience, a shared group and a volumes profile', () => {
    const { model } = loadScenarioFile(`${root}/scenarios/sales-service.yaml`);
    expect(model.channels.map((c) => [c.kind, c.patience?.dist])).toEqual([
      ['voice', 'exponential'],
      ['voice', 'exponential'],
    ]);
    expect(model.groups.some((g) => g.channels.length === 2)).toBe(true);
    expect(new Set(model.channels[0]?.ratePerSec).size).toBeGreaterThan(1);
  });

  it('bank-week spreads 16,800 calls a week by weekday and curve, starting Monday 2026-03-02', () => {
    const { model } = loadScenarioFile(`${root}/scenarios/bank-week.yaml`);
    expect(model.startDate).toBe('2026-03-02');
    const voice = model.channels[0]?.ratePerSec ?? [];
    // 48 half-hours a day from 08:00; day d's calls are the sum of its 48 rates × 1,800 s.
    const day = (d: number): number => voice.slice(48 * d, 48 * d + 48).reduce((a, r) => a + r * 1800, 0);
    // weekly × weight ÷ Σweights (6.0): Mon 1.25 → 3,500; Wed 1.0 → 2,800; Sat 0.45 → 1,260; Sun 0.25 → 700.
    [3500, 3080, 2800, 2800, 2660, 1260, 700].forEach((calls, d) => expect(day(d)).toBeCloseTo(calls, 6));
    // Closed at night (20:00–08:00: the last 24 half-hours of each day) and on Saturday before 09:00.
    expect(voice.slice(24, 48).every((r) => r === 0)).toBe(true);
    expect(voice.slice(5 * 48, 5 * 48 + 2)).toEqual([0, 0]);
  });

  it('blended-collections has a service line, an inbound-only and a blended group, and a predictive campaign of the blended one', () => {
    const { model } = loadScenarioFile(`${root}/scenarios/blended-collections.yaml`);
    expect(model.groups.map((g) => [g.id, g.count])).toEqual([['service-desk', 10], ['collectors', 8]]);
    expect(model.campaigns).toMatchObject([{ id: 'collections', groups: [1], mode: 'predictive', ratio: 1.5, reserve: 2, listPerDay: 1500, patience: { dist: 'constant', mean: 2 } }]);
  });

  it.each([
    ['classic-80-20.yaml', 16],
    ['sales-service.yaml', 16],
    ['retail-omnichannel.yaml', 24],
    ['saas-support.yaml', 120],
    ['bank-voice.yaml', 24],
    ['bank-week.yaml', 312],
    ['blended-collections.yaml', 16],
  ])('ccsim validate %s prints ok and exits 0', (file, intervals) => {
    const r = spawnSync(process.execPath, ['dist/cli/main.js', 'validate', `scenarios/${file}`], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^scenarios/${file.replace('.', '\\.')}: ok \\(\\d+ channels?, \\d+ groups?, ${intervals} intervals(, \\d+ variants?)?\\)\\n$`));
  });
});
