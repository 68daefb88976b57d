// Shift-template files (scenarios/templates/): every mistake located as file:line:col, with the
// field, the rule and the value received; starts expanded by day, weekday and day start, each
// worked out by hand; the caps that keep a file or a problem from making the program run away.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandTemplateFile, loadTemplates, readTemplateText, solveCover, type ShiftTemplate } from '../../workers/scheduling/cover.js';
import { problemsOf } from '../support/problems.js';

const H = 3600;
const DAY = 86_400;

/** The example of docs/schedule.md, read from the page so that it cannot drift from the format. */
const DOC_EXAMPLE = /```yaml\n([\s\S]*?)```/.exec(readFileSync(fileURLToPath(new URL('../../docs/schedule.md', import.meta.url)), 'utf8'))?.[1] ?? '';

describe('a valid template file', () => {
  it('reads the example of docs/schedule.md, breaks put in the order of their windows', () => {
    const file = readTemplateText(DOC_EXAMPLE, 't.yaml');
    expect(file.spec.group).toBe('team-a');
    const [early, late] = expandTemplateFile(file, { horizonSec: 7 * DAY, intervalSec: 1800, groupCostPerHour: 18 });
    // 07:00 to 10:00 every 30 minutes is 7 starts a day, Monday to Friday of a week starting on a Monday: 35.
    expect(early?.startsSec.length).toBe(35);
    expect(early?.startsSec.slice(0, 8)).toEqual([7 * H, 7.5 * H, 8 * H, 8.5 * H, 9 * H, 9.5 * H, 10 * H, DAY + 7 * H]);
    expect(early?.lengthSec).toBe(8.5 * H);
    expect(early?.costPerHour).toBe(22);
    expect(early?.breaks).toEqual([
      { lengthSec: 900, paid: true, earliestSec: 1.5 * H, latestSec: 2.5 * H },
      { lengthSec: 1800, paid: false, earliestSec: 3 * H, latestSec: 5 * H },
    ]);
    // No days: all 7; the group's cost when the template names none.
    expect(late?.startsSec.length).toBe(14);
    expect(late?.costPerHour).toBe(18);
  });

  it('reads weekdays from the horizon first weekday and the day start, and keeps shifts inside the horizon', () => {
    const text = 'templates:\n  - id: sat\n    starts: ["06:00", "22:00"]\n    length: 8h\n    days: [sat]\n';
    // The horizon starts Friday (weekday 4) at 08:00 and lasts 3 days (Fri 08:00 to Mon 08:00).
    // 06:00 Saturday is 22 h in; 22:00 Saturday is 38 h in and ends Sunday 06:00, inside.
    // 06:00 on Friday is before the day start; 22:00 Friday is a Friday shift.
    const [sat] = expandTemplateFile(readTemplateText(text, 't.yaml'), { horizonSec: 3 * DAY, intervalSec: 1800, dayStartWeekday: 4, dayStartSec: 8 * H });
    expect(sat?.startsSec).toEqual([22 * H, 38 * H]);
    // The same with no group cost: 1 an hour.
    expect(sat?.costPerHour).toBe(1);
  });

  it('drops a shift that would end past the horizon (no wrapping to the horizon start)', () => {
    const text = 'templates:\n  - id: night\n    starts: ["20:00"]\n    length: 8h\n  - id: day\n    starts: ["08:00"]\n    length: 8h\n';
    const [night, day] = expandTemplateFile(readTemplateText(text, 't.yaml'), { horizonSec: DAY, intervalSec: 1800 });
    expect(night?.startsSec).toEqual([]);
    expect(day?.startsSec).toEqual([8 * H]);
  });

  it('loads a file from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-templates-'));
    const path = join(dir, 't.yaml');
    writeFileSync(path, DOC_EXAMPLE);
    expect(loadTemplates(path, { horizonSec: DAY, intervalSec: 1800 }).map((t) => t.id)).toEqual(['early8', 'late']);
  });
});

describe('a template file with mistakes', () => {
  it('locates each at file:line:col with the field, the rule and the value', () => {
    const text = `templates:
  - id: early8
    starts: { from: "07:00", to: "06:00", step: 30m }
    length: -8h
    dayz: [mon]
  - id: b
    starts: ["25:00", "08:00"]
    length: 8h
    days: [mon, tuesday]
    costPerHour: 0
    breaks:
      - { length: 30m, paid: maybe, window: { from: 3h, to: 2h } }
`;
    expect(problemsOf(() => readTemplateText(text, 't.yaml'))).toEqual([
      't.yaml:3:34 templates[0].starts.to: must not be before from (a range stays within one day; list overnight starts explicitly) (got "06:00")',
      't.yaml:4:13 templates[0].length: must be a positive duration (got "-8h")',
      't.yaml:5:5 templates[0].dayz: unknown key (did you mean "days"?)',
      't.yaml:7:14 templates[1].starts[0]: must be a time of day before 24:00 (got "25:00")',
      't.yaml:9:17 templates[1].days[1]: must be a weekday: mon, tue, wed, thu, fri, sat, sun (got "tuesday")',
      't.yaml:10:18 templates[1].costPerHour: must be a cost greater than 0 per paid agent-hour (at most 1,000,000) (got 0)',
      't.yaml:12:30 templates[1].breaks[0].paid: must be true (a paid break: costed, not on the phones) or false (unpaid: not costed) (got "maybe")',
      't.yaml:12:61 templates[1].breaks[0].window.to: must not be before window.from (got "2h")',
    ]);
  });

  it('reports rules across fields once the fields are valid', () => {
    const text = `templates:
  - id: a
    starts: ["08:00", "08:00"]
    length: 4h
    min: 3
    max: 2
    breaks:
      - { length: 1h, paid: false, window: { from: 1h, to: 3h30m } }
  - id: a
    starts: { from: "06:00", to: "23:00", step: 1m }
    length: 4h
`;
    expect(problemsOf(() => readTemplateText(text, 't.yaml'))).toEqual([
      't.yaml:3:23 templates[0].starts[1]: must not repeat an earlier start time (got "08:00")',
      't.yaml:6:10 templates[0].max: must be at least min (3) (got 2)',
      "t.yaml:8:60 templates[0].breaks[0].window.to: must let the break end by the shift's end (window.to + length is 4.5h, the shift 4h) (got \"3h30m\")",
      't.yaml:9:9 templates[1].id: must be unique among the templates (got "a")',
      't.yaml:10:49 templates[1].starts.step: must give at most 288 start times a day (from, to and step give 1021) (got "1m")',
    ]);
  });

  it('refuses duplicate ids and a file that is not a template file', () => {
    const dup = 'templates:\n  - { id: a, starts: ["08:00"], length: 4h }\n  - { id: a, starts: ["09:00"], length: 4h }\n';
    expect(problemsOf(() => readTemplateText(dup, 't.yaml'))).toEqual(['t.yaml:3:11 templates[1].id: must be unique among the templates (got "a")']);
    expect(problemsOf(() => readTemplateText('name: x\n', 't.yaml'))).toEqual([
      't.yaml:1:1 templates: is required (must be a list of templates, each { id, starts, length, … })',
      't.yaml:1:1 name: unknown key',
    ]);
  });

  it('names the template whose breaks cannot be placed on the grid', () => {
    // Two 1-hour breaks that must both start between 1h and 1h30m: the second cannot start before the first ends.
    const text = 'templates:\n  - id: a\n    starts: ["08:00"]\n    length: 6h\n    breaks:\n      - { length: 1h, paid: false, window: { from: 1h, to: 1h30m } }\n      - { length: 1h, paid: false, window: { from: 1h, to: 1h30m } }\n';
    expect(problemsOf(() => expandTemplateFile(readTemplateText(text, 't.yaml'), { horizonSec: DAY, intervalSec: 1800 }))).toEqual([
      't.yaml:6:7 templates[0].breaks: leave no way to place every break on the 30-minute interval grid, each after the previous one ends, for the shift starting day 1 08:00: widen the windows',
    ]);
  });

  it('refuses templates none of which fits the horizon', () => {
    const text = 'templates:\n  - { id: a, starts: ["20:00"], length: 8h }\n';
    expect(problemsOf(() => expandTemplateFile(readTemplateText(text, 't.yaml'), { horizonSec: DAY, intervalSec: 1800 }))).toEqual([
      't.yaml:2:3 templates: give no shift that fits the horizon (24h from the day start, each shift ending by its end): widen the starts or lengthen the horizon',
    ]);
  });
});

describe('bounds', () => {
  it('refuses more start instances than the cap before building anything', () => {
    // Starts every 5 minutes (288 a day) for 2 templates over 200 days, less the 11 of the last
    // day (23:05 … 23:55) whose hour would end past the horizon: 2 × (200 × 288 − 11) = 115,178 > 100,000.
    const text = 'templates:\n  - { id: a, starts: { from: "00:00", to: "23:55", step: 5m }, length: 1h }\n  - { id: b, starts: { from: "00:00", to: "23:55", step: 5m }, length: 1h }\n';
    const problems = problemsOf(() => expandTemplateFile(readTemplateText(text, 't.yaml'), { horizonSec: 200 * DAY, intervalSec: 300 }));
    expect(problems).toEqual(['t.yaml:2:3 templates: give 115,178 shift starts over the horizon; at most 100,000 are allowed: use fewer start times or a shorter horizon']);
  });

  it('refuses a program too large even with one slot a break', async () => {
    // 89,281 starts of a 12-hour shift on a 1-minute grid: 721 coverage entries each, ~64 million nonzeros.
    const starts = Array.from({ length: 90_000 - 719 }, (_, i) => i * 60);
    const template: ShiftTemplate = { id: 'a', startsSec: starts, lengthSec: 12 * H, costPerHour: 1, breaks: [] };
    await expect(solveCover({ intervalSec: 60, requirement: new Array<number>(90_000).fill(0), templates: [template] })).rejects.toThrow(
      /^templates: the covering program would have 64,\d{3},\d{3} nonzeros \(at most 8,000,000\) even with one slot a break: use fewer templates or start times, or a shorter horizon$/,
    );
  });

  it('coarsens break slots to every 2nd, 4th … slot past the column cap, and says so', async () => {
    // 1,000 starts of an 8-hour shift with a 1-minute break anywhere in its first 478 minutes:
    // 1 + 479 columns a start at every slot (480,000), 1 + 240 at every 2nd (241,000), 1 + 120
    // at every 4th (121,000 ≤ 200,000).
    const template: ShiftTemplate = { id: 'a', startsSec: Array.from({ length: 1000 }, (_, i) => i * 60), lengthSec: 8 * H, costPerHour: 1, breaks: [{ lengthSec: 60, paid: true, earliestSec: 0, latestSec: 478 * 60 }] };
    const s = await solveCover({ intervalSec: 60, requirement: new Array<number>(1000 + 480).fill(0), templates: [template] });
    expect(s.breakStepIntervals).toBe(4);
    expect(s.columns).toBe(121_000);
    expect(s.notes).toEqual(['break starts coarsened to every 4 interval slots of their windows: every slot gives 480,000 columns, over the cap of 200,000']);
  });
});
