// Per-interval means in scenarios (issue 12 item 4): `ahtByInterval` and `patienceByInterval` on
// a channel, the `aht` and `patience` columns of a forecast CSV that fill them, what-ifs on them
// (`*=`, `+=`), and each mistake reported at its field or CSV line with the rule and the value.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import { loadScenarioFile } from '../../scenarios/load.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-interval-means-'));

function scenario(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

function problems(path: string, overrides: string[] = []): readonly string[] {
  try {
    loadScenarioFile(path, { overrides });
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected an InputError');
}

/** A 2-hour day of four 30-minute intervals; `extra` lines go into the voice channel. */
const day = (extra: string, arrivals = '{ perHour: 120 }', kind = 'voice') => `name: m
horizon: 2h
interval: 30m
dayStart: "08:00"
channels:
  - id: voice
    kind: ${kind}
    arrivals: ${arrivals}
    handle: { dist: lognormal, mean: 5m, cv: 0.8 }
${extra}agents:
  - { id: a, channels: [voice], count: 8 }
`;

describe('ahtByInterval and patienceByInterval', () => {
  it('compile to one mean per interval in seconds, durations and seconds alike', () => {
    const path = scenario('ok.yaml', day('    patience: { dist: exponential, mean: 2m }\n    ahtByInterval: [4m, 300, "6m", 5.5m]\n    patienceByInterval: [1m, 90, 2m, 3m]\n'));
    const voice = loadScenarioFile(path).model.channels[0]!;
    expect(voice.handleMeanByIntervalSec).toEqual([240, 300, 360, 330]);
    expect(voice.patienceMeanByIntervalSec).toEqual([60, 90, 120, 180]);
  });

  it('without them the channel has none (its distributions\' means all day)', () => {
    const voice = loadScenarioFile(scenario('none.yaml', day(''))).model.channels[0]!;
    expect(voice.handleMeanByIntervalSec).toBeNull();
    expect(voice.patienceMeanByIntervalSec).toBeNull();
  });

  it.each([
    ['a count that is not the horizon\'s', '    ahtByInterval: [4m, 5m, 6m]\n', 'channels[0].ahtByInterval: must list one mean handle time per interval: 4 intervals, 3 listed'],
    ['a zero duration', '    ahtByInterval: [4m, 0, 6m, 5m]\n', 'channels[0].ahtByInterval[1]: must be a positive duration (got 0)'],
    ['a word', '    ahtByInterval: [4m, five, 6m, 5m]\n', 'channels[0].ahtByInterval[1]: must be a duration'],
    ['a patience count that is not the horizon\'s', '    patience: { dist: exponential, mean: 2m }\n    patienceByInterval: [1m, 2m]\n', 'channels[0].patienceByInterval: must list one mean patience per interval: 4 intervals, 2 listed'],
    ['patience per interval without patience', '    patienceByInterval: [1m, 2m, 2m, 1m]\n', 'channels[0].patienceByInterval: needs patience: it scales the patience distribution interval by interval'],
  ])('%s is reported at its field with the rule', (_name, extra, expected) => {
    const found = problems(scenario('bad.yaml', day(extra)));
    expect(found.some((p) => p.includes(expected)), found.join('\n')).toBe(true);
  });

  it('patience per interval on email is refused (its customers do not abandon)', () => {
    const found = problems(scenario('email.yaml', day('    patienceByInterval: [1m, 2m, 2m, 1m]\n', '{ perHour: 120 }', 'email')));
    expect(found.some((p) => p.includes('channels[0].patienceByInterval: must be left out: email is deferred work')), found.join('\n')).toBe(true);
  });

  it('what-ifs change every interval: *=1.1 and +=30s', () => {
    const path = scenario('whatif.yaml', day('    ahtByInterval: [4m, 5m, 6m, 5m]\n'));
    expect(loadScenarioFile(path, { overrides: ['channels.voice.ahtByInterval*=1.1'] }).model.channels[0]!.handleMeanByIntervalSec).toEqual([264, 330, 396, 330]);
    expect(loadScenarioFile(path, { overrides: ['channels.voice.ahtByInterval+=30s'] }).model.channels[0]!.handleMeanByIntervalSec).toEqual([270, 330, 390, 330]);
  });
});

describe('the aht and patience columns of a forecast CSV', () => {
  it('fill ahtByInterval and patienceByInterval of each channel, in seconds or durations', () => {
    writeFileSync(join(dir, 'aht.csv'), 'interval_start,volume,aht,patience\n08:00,60,4m,60\n08:30,80,300,1.5m\n09:00,80,6m,2m\n09:30,40,330,2m\n');
    const path = scenario('aht.yaml', day('    patience: { dist: exponential, mean: 2m }\n', '{ forecast: aht.csv }'));
    const { model, scenario: s } = loadScenarioFile(path);
    expect(model.channels[0]!.handleMeanByIntervalSec).toEqual([240, 300, 360, 330]);
    expect(model.channels[0]!.patienceMeanByIntervalSec).toEqual([60, 90, 120, 120]);
    expect(s.channels[0]!.arrivals.volumes).toEqual([60, 80, 80, 40]);
  });

  it('a column left empty for a channel leaves it its own handle time (a file with AHT for voice only)', () => {
    writeFileSync(join(dir, 'mixed.csv'), 'interval_start,channel,volume,aht\n08:00,voice,60,4m\n08:00,chat,30,\n08:30,voice,60,5m\n08:30,chat,30,\n09:00,voice,60,6m\n09:00,chat,30,\n09:30,voice,60,5m\n09:30,chat,30,\n');
    const chat = '  - id: chat\n    kind: chat\n    arrivals: { forecast: mixed.csv }\n    handle: { dist: exponential, mean: 8m }\n';
    const path = scenario('mixed.yaml', day(chat, '{ forecast: mixed.csv }').replace('channels: [voice]', 'channels: [voice, chat]'));
    const { model } = loadScenarioFile(path);
    expect(model.channels[0]!.handleMeanByIntervalSec).toEqual([240, 300, 360, 300]);
    expect(model.channels[1]!.handleMeanByIntervalSec).toBeNull();
  });

  it.each([
    ['a bad cell', 'interval_start,volume,aht\n08:00,60,4m\n08:30,80,soon\n09:00,80,6m\n09:30,40,5m\n', '', 'aht-bad.csv:3 column aht: must be a positive duration of at most a year, seconds or like "6m" (got "soon")'],
    ['a cell missing on some rows', 'interval_start,volume,aht\n08:00,60,4m\n08:30,80,\n09:00,80,6m\n09:30,40,5m\n', '', 'aht-bad.csv:3 column aht: must be given on every row of the channel or on none (3 of 4 rows give a mean handle time)'],
    ['both the column and the field', 'interval_start,volume,aht\n08:00,60,4m\n08:30,80,5m\n09:00,80,6m\n09:30,40,5m\n', '    ahtByInterval: [4m, 5m, 6m, 5m]\n', 'aht-bad.csv: column aht gives the channel\'s mean handle time per interval, and so does its ahtByInterval field: give one of them'],
    ['patience for a channel without patience', 'interval_start,volume,patience\n08:00,60,1m\n08:30,80,1m\n09:00,80,1m\n09:30,40,1m\n', '', 'aht-bad.csv: column patience scales the channel\'s patience distribution, and the channel has none'],
  ])('%s is reported at the CSV line and column, on the forecast field', (_name, csv, extra, expected) => {
    writeFileSync(join(dir, 'aht-bad.csv'), csv);
    const found = problems(scenario('aht-bad.yaml', day(extra, '{ forecast: aht-bad.csv }')));
    expect(found.some((p) => p.includes(`channels[0].arrivals.forecast: ${expected}`)), found.join('\n')).toBe(true);
  });

  it('an unknown extra column is still refused', () => {
    writeFileSync(join(dir, 'extra.csv'), 'interval_start,volume,aht,asa\n08:00,60,4m,20\n');
    const found = problems(scenario('extra.yaml', day('', '{ forecast: extra.csv }')));
    expect(found.some((p) => p.includes('extra.csv:1: must have the columns interval_start,volume or interval_start,channel,volume, optionally with aht and patience (the first line has 4 fields: 1 other (not shown))')), found.join('\n')).toBe(true);
  });
});
