// Arrivals from a forecast CSV (scenarios/forecast.ts): both layouts, clock times read
// against dayStart, and mistakes that name the CSV's line and column.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.js';
import { loadScenarioFile } from '../../scenarios/load.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-forecast-'));

function scenario(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

function problems(path: string): readonly string[] {
  try {
    loadScenarioFile(path);
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('expected an InputError');
}

const channel = (id: string, forecast: string) => `  - id: ${id}
    kind: voice
    arrivals: { forecast: ${forecast} }
    handle: { dist: exponential, mean: 5m }
    patience: { dist: exponential, mean: 2m }
`;
const head = (dayStart: string) => `name: f\nhorizon: 2h\ninterval: 30m\ndayStart: "${dayStart}"\nchannels:\n`;
const agents = (ids: string) => `agents:\n  - { id: a, channels: [${ids}], count: 5 }\n`;

describe('forecast CSV', () => {
  it('reads interval_start,volume with clock times from dayStart, relative to the scenario file', () => {
    writeFileSync(join(dir, 'one.csv'), 'interval_start,volume\n08:00,18\n08:30,36\n\n09:00,54\n09:30,0\n');
    const { model, scenario: s } = loadScenarioFile(scenario('one.yaml', `${head('08:00')}${channel('voice', 'one.csv')}${agents('voice')}`));
    expect(model.channels[0]?.ratePerSec).toEqual([0.01, 0.02, 0.03, 0]);
    expect(s.channels[0]?.arrivals).toEqual({ forecast: 'one.csv', volumes: [18, 36, 54, 0], scale: 1 });
  });

  it('multiplies a forecast by the what-if scale, from the file or from --scale', () => {
    writeFileSync(join(dir, 'scaled.csv'), 'interval_start,volume\n08:00,18\n08:30,36\n09:00,54\n09:30,0\n');
    const inFile = `${head('08:00')}${channel('voice', 'scaled.csv').replace('{ forecast: scaled.csv }', '{ forecast: scaled.csv, scale: 1.5 }')}${agents('voice')}`;
    // 18, 36, 54, 0 contacts × 1.5 over 1,800 s intervals: 0.015, 0.03, 0.045, 0 a second.
    expect(loadScenarioFile(scenario('scaled.yaml', inFile)).model.channels[0]?.ratePerSec).toEqual([0.015, 0.03, 0.045, 0]);
    const plain = scenario('plain.yaml', `${head('08:00')}${channel('voice', 'scaled.csv')}${agents('voice')}`);
    expect(loadScenarioFile(plain, { overrides: ['channels.voice.volume*=1.5'] }).model.channels[0]?.ratePerSec).toEqual([0.015, 0.03, 0.045, 0]);
  });

  it('reads interval_start,channel,volume for several channels, with seconds and durations', () => {
    writeFileSync(
      join(dir, 'two.csv'),
      'interval_start,channel,volume\n0,chat,9\n0,voice,18\n30m,chat,9\n1800,voice,36\n1h,chat,0\n1h,voice,54\n1.5h,voice,72\n5400,chat,90\n',
    );
    const { model } = loadScenarioFile(scenario('two.yaml', `${head('00:00')}${channel('voice', 'two.csv')}${channel('chat', 'two.csv')}${agents('voice, chat')}`));
    expect(model.channels[0]?.ratePerSec).toEqual([0.01, 0.02, 0.03, 0.04]);
    expect(model.channels[1]?.ratePerSec).toEqual([0.005, 0.005, 0, 0.05]);
  });

  it('rolls clock times past midnight into the next day', () => {
    writeFileSync(join(dir, 'night.csv'), 'interval_start,volume\n23:00,1\n23:30,2\n00:00,3\n00:30,4\n');
    const { model } = loadScenarioFile(scenario('night.yaml', `${head('23:00')}${channel('voice', 'night.csv')}${agents('voice')}`));
    expect(model.channels[0]?.ratePerSec.map((r) => r * 1800)).toEqual([1, 2, 3, 4]);
  });

  it('names the CSV line and column of a bad volume, and the interval missing rather than every row after it', () => {
    writeFileSync(join(dir, 'bad.csv'), 'interval_start,volume\n08:00,10\n08:30,-1\n09:30,10\n10:00,10\n');
    expect(problems(scenario('bad.yaml', `${head('08:00')}${channel('voice', 'bad.csv')}${agents('voice')}`))).toEqual([
      `${join(dir, 'bad.yaml')}:8:27 channels[0].arrivals.forecast: bad.csv:3 column volume: must be a number of contacts, 0 or more (got "-1")`,
      `${join(dir, 'bad.yaml')}:8:27 channels[0].arrivals.forecast: bad.csv: interval 09:00 is missing; rows must cover every interval from 08:00 to 09:30, one row each, in order`,
      `${join(dir, 'bad.yaml')}:8:27 channels[0].arrivals.forecast: bad.csv:5 column interval_start: 10:00 is past the horizon, whose last interval starts at 09:30`,
    ]);
  });

  it('reports a wrong row count, a missing channel, a bad header and a missing file', () => {
    writeFileSync(join(dir, 'short.csv'), 'interval_start,volume\n0,1\n30m,1\n');
    writeFileSync(join(dir, 'other.csv'), 'interval_start,channel,volume\n0,voise,1\n');
    writeFileSync(join(dir, 'header.csv'), 'start,calls\n0,1\n');
    const lines = (file: string) => problems(scenario(`${file}.yaml`, `${head('00:00')}${channel('voice', `${file}.csv`)}${agents('voice')}`)).join('\n');
    expect(lines('short')).toContain('short.csv: has 2 rows; the horizon has 4 intervals, from 0s to 1.5h (one row per interval, in order)');
    expect(lines('other')).toContain('other.csv:2 column channel: "voise" is not a channel of this scenario (its channels: voice) (did you mean "voice"?)');
    expect(lines('other')).not.toContain('has no rows');
    expect(lines('header')).toContain('header.csv:1: must have the columns interval_start,volume or interval_start,channel,volume, optionally with aht and patience (the first line has 2 fields, none named interval_start, channel, volume; its text is not shown)');
    expect(lines('missing')).toContain('missing.csv: no such file');
  });
});
