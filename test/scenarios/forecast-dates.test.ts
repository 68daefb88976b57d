// Forecast CSVs whose interval_start is a date-time (issue 14): read against startDate and
// dayStart, across midnight and a month's end; the start date taken from the file when the
// scenario has none; and each mistake named once, at its line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../scenarios/load.js';
import { problemsOf } from '../support/problems.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-dates-'));

/** A 4-hour horizon of 1-hour intervals reading `rows` (after the header) from its own CSV. */
function files(name: string, rows: readonly string[], head: { startDate?: string; dayStart?: string }): string {
  writeFileSync(join(dir, `${name}.csv`), `interval_start,volume\n${rows.join('\n')}\n`);
  const start = head.startDate === undefined ? '' : `startDate: ${head.startDate}\n`;
  const day = head.dayStart === undefined ? '' : `dayStart: "${head.dayStart}"\n`;
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, `name: d\n${start}${day}horizon: 4h\ninterval: 1h
channels:
  - { id: voice, kind: voice, arrivals: { forecast: ${name}.csv }, handle: { dist: exponential, mean: 5m } }
agents:
  - { id: a, channels: [voice], count: 5 }
`);
  return path;
}

function problems(path: string): readonly string[] {
  return problemsOf(() => loadScenarioFile(path));
}

const NIGHT = ['2026-03-31T22:00,36', '2026-03-31 23:00,72', '2026-04-01T00:00,108', '2026-04-01T01:00,0'];

describe('forecast CSV with date-times', () => {
  it('reads rows across midnight and the end of March against startDate and dayStart', () => {
    const { model, scenario } = loadScenarioFile(files('night', NIGHT, { startDate: '2026-03-31', dayStart: '22:00' }));
    // 36, 72, 108, 0 contacts an hour: 0.01, 0.02, 0.03, 0 a second.
    expect(model.channels[0]?.ratePerSec).toEqual([0.01, 0.02, 0.03, 0]);
    expect(scenario.startDate).toBe('2026-03-31');
  });

  it('takes the start date from the first row when the scenario has none and the row is at dayStart', () => {
    const { model, scenario } = loadScenarioFile(files('inferred', NIGHT, { dayStart: '22:00' }));
    expect(model.channels[0]?.ratePerSec).toEqual([0.01, 0.02, 0.03, 0]);
    expect(scenario.startDate).toBe('2026-03-31');
    expect(model.startDate).toBe('2026-03-31');
  });

  it('asks for startDate (and dayStart) when the first row is not at dayStart', () => {
    expect(problems(files('nostart', NIGHT, {}))).toEqual([
      expect.stringMatching(/nostart\.csv:2 column interval_start: date-times are read against the scenario's startDate, which is not set, and the first row \(2026-03-31T22:00\) is not at dayStart 00:00: add startDate: 2026-03-31 and dayStart: "22:00" to the scenario/),
    ]);
  });

  it('names a date that does not exist', () => {
    const rows = ['2026-02-28T22:00,1', '2026-02-28T23:00,1', '2026-02-30T00:00,1', '2026-03-01T01:00,1'];
    expect(problems(files('nodate', rows, { startDate: '2026-02-28', dayStart: '22:00' }))).toEqual([
      expect.stringMatching(/nodate\.csv:4 column interval_start: must be a date-time that exists, like "2026-03-02T08:30" or "2026-03-02 08:30" \(got "2026-02-30T00:00"\)/),
    ]);
  });

  it('names a row on a day outside the horizon', () => {
    const rows = [...NIGHT, '2026-04-03T01:00,5'];
    expect(problems(files('outside', rows, { startDate: '2026-03-31', dayStart: '22:00' }))).toEqual([
      expect.stringMatching(/outside\.csv:6 column interval_start: 2026-04-03T01:00 is outside the horizon, whose intervals start from 2026-03-31 22:00 to 2026-04-01 01:00/),
    ]);
  });

  it('names a first row before startDate', () => {
    const rows = NIGHT.map((r) => r.replace('2026-03-31', '2026-03-30'));
    expect(problems(files('early', rows, { startDate: '2026-03-31', dayStart: '22:00' }))).toEqual([
      expect.stringMatching(/early\.csv:2 column interval_start: the first row must start at 2026-03-31 22:00, the scenario's startDate and dayStart \(got "2026-03-30T22:00"\)/),
    ]);
  });

  it('names an interval given twice, as on the night daylight-saving time ends', () => {
    const rows = ['2026-10-25T00:00,1', '2026-10-25T01:00,1', '2026-10-25T02:00,1', '2026-10-25T02:00,1', '2026-10-25T03:00,1'];
    expect(problems(files('autumn', rows, { startDate: '2026-10-25' }))).toEqual([
      expect.stringMatching(/autumn\.csv:5 column interval_start: 2026-10-25T02:00 is also on line 4 \(one row per interval\) \(an export in local time repeats an hour/),
    ]);
  });

  it('names a missing interval, as on the night daylight-saving time starts', () => {
    const rows = ['2026-03-29T00:00,1', '2026-03-29T01:00,1', '2026-03-29T03:00,1'];
    expect(problems(files('spring', rows, { startDate: '2026-03-29' }))).toEqual([
      expect.stringMatching(/spring\.csv: interval 2026-03-29 02:00 is missing; rows must cover every interval from 2026-03-29 00:00 to 2026-03-29 03:00, one row each, in order \(an export in local time skips an hour/),
    ]);
  });
});
