// The scenario text `ccsim calibrate` writes (scenarios/calibratedScenario.ts): ids made from
// report channel names, and names that cannot break out of a comment or a field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { calibrateChannel } from '../../analysis/calibration/channelCalibration.js';
import { calibratedScenarioYaml, scenarioIdOf } from '../../scenarios/calibratedScenario.js';
import { readIntervalReport } from '../../scenarios/intervalReport.js';
import { loadScenarioFile } from '../../scenarios/load.js';

describe('scenarioIdOf', () => {
  it('turns a report name into an id the schema accepts, unique among those taken', () => {
    expect(scenarioIdOf('voice')).toBe('voice');
    expect(scenarioIdOf('Sales Queue')).toBe('Sales_Queue');
    expect(scenarioIdOf('401')).toBe('q_401');
    expect(scenarioIdOf(' Billing / EN ')).toBe('Billing_EN');
    expect(scenarioIdOf('Sales Queue', new Set(['Sales_Queue', 'Sales_Queue_2']))).toBe('Sales_Queue_3');
  });
});

describe('calibratedScenarioYaml', () => {
  it('keeps a channel name with a line break and YAML in it inside its comment and its quotes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-calibrated-'));
    const path = join(dir, 'r.csv');
    writeFileSync(path, 'interval_start,channel,offered,answered,abandoned,aht,staffed\n08:00,"evil\nagents: []",10,9,1,300,3\n08:30,"evil\nagents: []",10,9,1,300,3\n');
    const read = readIntervalReport(path);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const name = read.report.channels[0] ?? '';
    const calibration = calibrateChannel(read.report.byChannel.get(name) ?? [], read.report.intervalSec, true);
    const yaml = calibratedScenarioYaml({ report: read.report, channels: [{ name, id: scenarioIdOf(name), kind: 'voice', calibration }], handleCv: 1, targetWithinSec: undefined, writtenOn: '2026-03-02', reportWarnings: [] });
    const s = parse(yaml) as { channels: { id: string }[]; agents: { id: string; count: number[] }[] };
    expect(s.channels.map((c) => c.id)).toEqual(['evil_agents']);
    expect(s.agents).toEqual([{ id: 'evil_agents-agents', channels: ['evil_agents'], count: [3, 3] }]);
    expect(yaml).toMatch(/\n {4}# the report's channel "evil\\nagents: \[\]"\n/);
  });

  it('wraps long lists, and the commented ahtByInterval becomes a list of every interval when uncommented', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-calibrated-'));
    const path = join(dir, 'long.csv');
    const rows = Array.from({ length: 30 }, (_, k) => `${k * 1800},${10 + k},${9 + k},1,${300 + k},3`);
    writeFileSync(path, `interval_start,offered,answered,abandoned,aht,staffed\n${rows.join('\n')}\n`);
    const read = readIntervalReport(path);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const calibration = calibrateChannel(read.report.byChannel.get('voice') ?? [], read.report.intervalSec, true);
    const yaml = calibratedScenarioYaml({ report: read.report, channels: [{ name: 'voice', id: 'voice', kind: 'voice', calibration }], handleCv: 1, targetWithinSec: undefined, writtenOn: '2026-03-02', reportWarnings: [] });
    // 24 values a line: 10 … 33, then 34 … on a continuation line deeper than the key.
    expect(yaml).toMatch(/volumes: \[10, 11, [^\n]*, 33,\n {8}34, /);
    const s = parse(yaml) as { channels: { arrivals: { volumes: number[] }; ahtByInterval: number[] }[]; agents: { count: number[] }[] };
    expect(s.channels[0]?.arrivals.volumes).toEqual(Array.from({ length: 30 }, (_, k) => 10 + k));
    expect(s.channels[0]?.ahtByInterval).toEqual(Array.from({ length: 30 }, (_, k) => 300 + k));
    expect(s.agents[0]?.count).toHaveLength(30);
  });

  it('writes a horizon of 34 hours as 34h, which reads back as 68 whole intervals (a rounded 1.417d would not)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-calibrated-'));
    const path = join(dir, 'two-days.csv');
    const rows = Array.from({ length: 68 }, (_, k) => `${k * 1800},10,9,1,300,3`);
    writeFileSync(path, `interval_start,offered,answered,abandoned,aht,staffed\n${rows.join('\n')}\n`);
    const read = readIntervalReport(path);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const calibration = calibrateChannel(read.report.byChannel.get('voice') ?? [], read.report.intervalSec, true);
    const yaml = calibratedScenarioYaml({ report: read.report, channels: [{ name: 'voice', id: 'voice', kind: 'voice', calibration }], handleCv: 1, targetWithinSec: 20, writtenOn: '2026-03-02', reportWarnings: [] });
    const s = parse(yaml) as { horizon: string; interval: string; channels: { target: { within: string } }[] };
    expect([s.horizon, s.interval, s.channels[0]?.target.within]).toEqual(['34h', '30m', '20s']);
    const written = join(dir, 'calibrated.yaml');
    writeFileSync(written, yaml);
    expect(loadScenarioFile(written).model.intervalCount).toBe(68);
  });
});
