// Errors that do not mislead (issue 17): one error naming the cause, never a cascade of echoes;
// a --set mistake blamed on the flag; shares written 0.8 or "80%" everywhere; a warning, not
// an error, for a handle time that is probably minutes written as seconds.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import { loadScenarioFile, loadScenarioText } from '../../scenarios/load.js';
import { ccsim } from '../support/cli.js';
import { MINIMAL_SCENARIO } from '../support/scenarioText.js';

const valid = MINIMAL_SCENARIO;

function problemsOf(text: string, overrides: readonly string[] = [], load = (t: string) => loadScenarioText(t, 'x.yaml', { overrides })): readonly string[] {
  try {
    load(text);
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('--set mistakes are one error, blamed on the flag', () => {
  it('--set agents[0].count=abc: the count rule and the value, no "served by 0 agents" cascade', () => {
    expect(problemsOf(valid, ['agents[0].count=abc'])).toEqual([
      'x.yaml (--set agents[0].count=abc) agents[0].count: must be a whole number of agents from 0 to 100,000, or a list of one such count per interval (got "abc")',
    ]);
  });

  it('a negative count is its own rule only', () => {
    expect(problemsOf(valid, ['agents[0].count=-1'])).toEqual([
      'x.yaml (--set agents[0].count=-1) agents[0].count: must be a whole number of agents from 0 to 100,000 (got -1)',
    ]);
  });

  it('a typo in a --set path is blamed on the flag, not on a line:col of the file', () => {
    expect(problemsOf(valid, ['channels[0].pateince.mean=2m'])).toEqual([
      'x.yaml (--set channels[0].pateince.mean=2m) channels[0].pateince: unknown key (did you mean "patience"?)',
    ]);
    expect(problemsOf(valid, ['agents[0].cuont=3'])).toEqual(['x.yaml (--set agents[0].cuont=3) agents[0].cuont: unknown key (did you mean "count"?)']);
  });

  it('a typo in the file is still blamed on the file, even when a --set writes below it', () => {
    const text = valid.replace('handle:', 'pateince: { dist: exponential, mean: 1m }\n    handle:');
    expect(problemsOf(text, ['channels[0].pateince.mean=2m'])[0]).toMatch(/^x\.yaml:7:5 channels\[0\]\.pateince: unknown key/);
  });
});

describe('shares are 0.8 or "80%" everywhere in a scenario', () => {
  it('reads percentages for level, deflection, probabilities, type shares and shrinkage', () => {
    const text = `name: Shares
horizon: 1h
channels:
  - id: voice
    kind: voice
    arrivals: { perHour: 100 }
    handle: { dist: exponential, mean: 3m }
    patience: { dist: exponential, mean: 2m }
    target: { within: 20s, level: "80%" }
    deflection: "30%"
    retrial: { probability: "40%", delay: { dist: exponential, mean: 5m } }
    fcr: "90%"
    types:
      - { id: billing, share: "60%" }
      - { id: tech, share: "40%" }
agents:
  - id: team
    channels: [voice]
    count: 7
    shrinkage: { planned: "10%", absenteeism: "5%" }
`;
    const { model } = loadScenarioText(text, 's.yaml');
    const voice = model.channels[0];
    expect(voice).toMatchObject({ targetLevel: 0.8, deflection: 0.3, retrial: { probability: 0.4 } });
    expect(voice?.types.map((t) => [t.share, t.fcr])).toEqual([[0.6, 0.9], [0.4, 0.9]]);
    expect(model.groups[0]?.shrinkage).toMatchObject({ planned: 0.1, absenteeism: 0.05 });
  });

  it('a percentage written without % is told how to write it', () => {
    expect(problemsOf(valid, ['channels[0].target.level=80'])).toEqual([
      'x.yaml (--set channels[0].target.level=80) channels[0].target.level: must be a share greater than 0 and at most 1: write 0.8 or "80%" (got 80)',
    ]);
  });

  it('a percentage out of range is refused with the share rule', () => {
    expect(problemsOf(valid, ['channels[0].deflection=130%'])).toEqual([
      'x.yaml (--set channels[0].deflection=130%) channels[0].deflection: must be a share 0 or more and less than 1 (got "130%")',
    ]);
  });

  it('cross-field rules read percentages too: type shares must sum to 1', () => {
    const text = valid.replace('    handle:', '    types:\n      - { id: a, share: "60%" }\n      - { id: b, share: "30%" }\n    handle:');
    expect(problemsOf(text)).toEqual(['x.yaml:7:5 channels[0].types: must have shares that sum to 1 (each type is a share of the channel’s contacts) (got 0.9)']);
  });
});

describe('a bare handle-time mean under a minute is a warning, not an error', () => {
  it('mean: 6 loads, with a warning at its line:col saying it is seconds', () => {
    const loaded = loadScenarioText(valid.replace('mean: 3m', 'mean: 6'), 'x.yaml');
    expect(loaded.model.channels[0]?.handle).toEqual({ dist: 'exponential', mean: 6 });
    expect(loaded.warnings).toEqual(['x.yaml:7:40 channels[0].handle.mean: 6 means 6 seconds; write 6m for minutes (or 6s to keep seconds)']);
  });

  it('no warning for a unit, or for a number of a minute or more', () => {
    for (const mean of ['6s', '6m', '90', '"45s"']) expect(loadScenarioText(valid.replace('mean: 3m', `mean: ${mean}`), 'x.yaml').warnings).toEqual([]);
  });

  it('covers the handle times of contact types, and names a --set that wrote it', () => {
    const text = valid.replace('    handle:', '    types:\n      - { id: a, share: 1, handle: { dist: constant, value: 30 } }\n    handle:');
    expect(loadScenarioText(text, 'x.yaml', { overrides: ['channels[0].handle.mean=5'] }).warnings).toEqual([
      'x.yaml:8:61 channels[0].types[0].handle.value: 30 means 30 seconds; write 30m for minutes (or 30s to keep seconds)',
      'x.yaml (--set channels[0].handle.mean=5) channels[0].handle.mean: 5 means 5 seconds; write 5m for minutes (or 5s to keep seconds)',
    ]);
  });

  it('the CLI prints it on stderr and exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-warn-'));
    const file = join(dir, 'six.yaml');
    writeFileSync(file, valid.replace('mean: 3m', 'mean: 6'));
    const r = ccsim(['validate', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${file}: ok (1 channel, 1 group, 2 intervals)\n`);
    expect(r.stderr).toBe(`ccsim: warning: ${file}:7:40 channels[0].handle.mean: 6 means 6 seconds; write 6m for minutes (or 6s to keep seconds)\n`);
  });
});

describe('a forecast CSV that does not cover the horizon: one error naming the cause', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccsim-coverage-'));
  const scenarioFile = (name: string, csv: string, { dayStart = '08:00', horizon = '4h', channelCsv = false } = {}) => {
    writeFileSync(join(dir, `${name}.csv`), csv);
    const day = dayStart === '' ? '' : `dayStart: "${dayStart}"\n`;
    const path = join(dir, `${name}.yaml`);
    writeFileSync(path, `name: f\nhorizon: ${horizon}\ninterval: 30m\n${day}channels:
  - id: voice
    kind: voice
    arrivals: { forecast: ${name}.csv }
    handle: { dist: exponential, mean: 5m }
    patience: { dist: exponential, mean: 2m }
${channelCsv ? `  - id: chat
    kind: chat
    arrivals: { perHour: 10 }
    handle: { dist: exponential, mean: 5m }
    patience: { dist: exponential, mean: 2m }
` : ''}agents:
  - { id: a, channels: [voice${channelCsv ? ', chat' : ''}], count: 5 }
`);
    return path;
  };
  const day = (times: readonly string[]) => `interval_start,volume\n${times.map((t) => `${t},10`).join('\n')}\n`;
  const DAY = ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30'];
  const only = (name: string, csv: string, options?: Parameters<typeof scenarioFile>[2]) => {
    const file = scenarioFile(name, csv, options);
    return problemsOf('', [], () => loadScenarioFile(file)).map((line) => line.slice(line.indexOf('forecast: ') + 'forecast: '.length));
  };

  it('clock times without the scenario dayStart', () => {
    expect(only('nodaystart', day(DAY), { dayStart: '' })).toEqual([
      'nodaystart.csv:2 column interval_start: clock times (08:00, …) are read against the scenario\'s dayStart, which is not set (the day starts at 00:00): add dayStart: "08:00" to the scenario',
    ]);
  });

  it('clock times starting elsewhere than dayStart', () => {
    expect(only('late', day(DAY), { dayStart: '07:00' })).toEqual(['late.csv:2 column interval_start: the first row must start at 07:00, the scenario\'s dayStart (got "08:00")']);
  });

  it('a first row of seconds or durations not at 0', () => {
    expect(only('shifted', day(['30m', '1h', '1.5h', '2h', '2.5h', '3h', '3.5h', '4h']))).toEqual([
      'shifted.csv:2 column interval_start: the first row must start at 0, the start of the horizon (got "30m")',
    ]);
  });

  it('several intervals missing are listed together', () => {
    expect(only('gaps', day(['08:00', '08:30', '10:00', '10:30', '11:00', '11:30']))).toEqual([
      'gaps.csv: 2 intervals are missing (09:00, 09:30); rows must cover every interval from 08:00 to 11:30, one row each, in order',
    ]);
  });

  it('one interval missing', () => {
    expect(only('gap', day(DAY.filter((t) => t !== '09:30')))).toEqual([
      'gap.csv: interval 09:30 is missing; rows must cover every interval from 08:00 to 11:30, one row each, in order',
    ]);
  });

  it('two rows swapped: the pair is named, the rows after it are not', () => {
    const swapped = [...DAY];
    [swapped[2], swapped[3]] = [swapped[3] as string, swapped[2] as string];
    expect(only('swapped', day(swapped))).toEqual([
      'swapped.csv:5 column interval_start: rows out of order: 09:30 (line 4) comes before 09:00 (line 5); rows must be in time order',
    ]);
  });

  it('a row given twice', () => {
    expect(only('twice', day([...DAY.slice(0, 3), '09:00', ...DAY.slice(3, 7)]))).toEqual(['twice.csv:5 column interval_start: 09:00 is also on line 4 (one row per interval)']);
  });

  it('a start off the interval grid', () => {
    expect(only('offgrid', day(DAY.map((t) => (t === '09:00' ? '09:10' : t))))).toEqual([
      'offgrid.csv:4 column interval_start: 09:10 is not the start of an interval (intervals are 30m long, from 08:00)',
    ]);
  });

  it('runs past midnight without misreading the next day', () => {
    const night = ['22:00', '22:30', '23:00', '23:30', '00:00', '00:30', '01:00', '01:30'];
    const file = scenarioFile('night', day(night), { dayStart: '22:00' });
    expect(loadScenarioFile(file).model.channels[0]?.ratePerSec).toHaveLength(8);
  });

  it('an unknown channel is named as the cause of the rows a channel lacks, with the scenario\'s channels', () => {
    const csv = `interval_start,channel,volume\n${DAY.map((t, k) => `${t},${k < 4 ? 'voice' : 'voise'},10`).join('\n')}\n`;
    expect(only('typo', csv, { channelCsv: true })).toEqual([
      'typo.csv:6 column channel: "voise" is not a channel of this scenario (its channels: voice, chat) (did you mean "voice"?)',
    ]);
  });

  it('a channel one edit from a scenario channel is named even when nothing is missing', () => {
    const csv = `interval_start,channel,volume\n${DAY.map((t) => `${t},voice,10\n${t},voic,3`).join('\n')}\n`;
    expect(only('near', csv)).toEqual(['near.csv:3 column channel: "voic" is not a channel of this scenario (its channels: voice) (did you mean "voice"?)']);
  });

  it('rows of a channel the scenario does not model are ignored when nothing is missing', () => {
    const csv = `interval_start,channel,volume\n${DAY.map((t) => `${t},voice,10\n${t},fax,3`).join('\n')}\n`;
    const file = scenarioFile('extra', csv);
    expect(loadScenarioFile(file).model.channels[0]?.ratePerSec).toHaveLength(8);
  });
});
