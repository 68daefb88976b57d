// Weekly arrival patterns (scenarios/pattern.ts): volumes checked against hand-computed
// values of volume(d, k) = W × days[weekday(d)] ÷ Σdays × curve[k] ÷ Σcurve, each rule's
// error, and what-if overrides that must scale a pattern as they scale any arrival form.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/load.js';
import { problemsOf } from '../support/problems.js';

/** Two 12-hour intervals a day over three days: six intervals. 2026-03-02 is a Monday. */
function scenario(pattern: string, opts: { startDate?: string; horizon?: string; interval?: string } = {}): string {
  const start = opts.startDate === undefined ? '' : `startDate: ${opts.startDate}\n`;
  return `name: p\n${start}horizon: ${opts.horizon ?? '3d'}\ninterval: ${opts.interval ?? '12h'}
channels:
  - id: voice
    kind: voice
    arrivals:
      pattern: ${pattern}
    handle: { dist: exponential, mean: 5m }
agents:
  - { id: a, channels: [voice], count: 5 }
`;
}

const volumesOf = (text: string, overrides: readonly string[] = []): readonly number[] =>
  loadScenarioText(text, 'p.yaml', { overrides }).scenario.channels[0]?.arrivals.volumes ?? [];

function problems(text: string): readonly string[] {
  return problemsOf(() => loadScenarioText(text, 'p.yaml'));
}

const expectVolumes = (got: readonly number[], want: readonly number[]): void => {
  expect(got).toHaveLength(want.length);
  want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 9));
};

const WEEK = '{ mon: 2, tue: 1, wed: 1, thu: 1, fri: 1, sat: 1, sun: 1 }';

describe('arrivals.pattern volumes', () => {
  it('spreads a weekly total by weekday weight and by the day curve (Mon weight 2 of 8)', () => {
    // Mon: 1400 × 2/8 = 350 → 350 × 1/4, 350 × 3/4 = 87.5, 262.5; Tue, Wed: 175 → 43.75, 131.25.
    const got = volumesOf(scenario(`{ weekly: 1400, days: ${WEEK}, curve: [1, 3] }`, { startDate: '2026-03-02' }));
    expectVolumes(got, [87.5, 262.5, 43.75, 131.25, 43.75, 131.25]);
  });

  it('takes each day’s weekday from startDate (a Saturday start: Sat, Sun, Mon)', () => {
    // Σdays = 1 + 2 + 3 + 4 + 5 + 6 + 7 = 28; W = 2800 → Sat 6/28 = 600, Sun 700, Mon 100.
    const days = '{ mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 }';
    const got = volumesOf(scenario(`{ weekly: 2800, days: ${days}, curve: [1, 1] }`, { startDate: '2026-03-07' }));
    expectVolumes(got, [300, 300, 350, 350, 50, 50]);
  });

  it('gives every day W ÷ 7 without days, and daily: D is weekly: 7D', () => {
    expectVolumes(volumesOf(scenario('{ weekly: 700, curve: [1, 1] }')), [50, 50, 50, 50, 50, 50]);
    expectVolumes(volumesOf(scenario('{ daily: 100, curve: [1, 1] }')), [50, 50, 50, 50, 50, 50]);
    // daily 100 with weights: W = 700; Mon 700 × 2/8 = 175, others 87.5.
    const weighted = volumesOf(scenario(`{ daily: 100, days: ${WEEK}, curve: [1, 1] }`, { startDate: '2026-03-02' }));
    expectVolumes(weighted, [87.5, 87.5, 43.75, 43.75, 43.75, 43.75]);
  });

  it('uses a weekday’s own curve from curves in place of curve', () => {
    const got = volumesOf(scenario(`{ weekly: 1400, days: ${WEEK}, curve: [1, 3], curves: { wed: [1, 0] } }`, { startDate: '2026-03-02' }));
    expectVolumes(got, [87.5, 262.5, 43.75, 131.25, 175, 0]);
  });

  it('gives 0 to the intervals of a day past the end of a shorter curve (a center closed at night)', () => {
    // 6-hour intervals: 4 a day; the curve covers 2. 700/7 = 100 a day → 25, 75, 0, 0.
    const got = volumesOf(scenario('{ weekly: 700, curve: [1, 3] }', { horizon: '2d', interval: '6h' }));
    expectVolumes(got, [25, 75, 0, 0, 25, 75, 0, 0]);
  });

  it('repeats the week over a longer horizon: 8 days of 1-day intervals give Mon twice', () => {
    const got = volumesOf(scenario(`{ weekly: 800, days: ${WEEK}, curve: [1] }`, { startDate: '2026-03-02', horizon: '8d', interval: '1d' }));
    expectVolumes(got, [200, 100, 100, 100, 100, 100, 100, 200]);
  });

  it('is scaled by --scale channels.voice.volume=1.15 (a *= on the channel’s volume) and by --set on its total', () => {
    const text = scenario('{ weekly: 700, curve: [1, 3] }');
    // 100 a day × 1.15 → rates 28.75 and 86.25 per 12 h.
    const model = loadScenarioText(text, 'p.yaml', { overrides: ['channels.voice.volume*=1.15'] }).model;
    const perInterval = model.channels[0]?.ratePerSec.map((r) => r * 43_200) ?? [];
    expectVolumes(perInterval, [28.75, 86.25, 28.75, 86.25, 28.75, 86.25]);
    expectVolumes(volumesOf(text, ['channels.voice.arrivals.pattern.weekly*=2']), [50, 150, 50, 150, 50, 150]);
  });
});

describe('arrivals.pattern mistakes', () => {
  it('needs startDate for weekday weights, and says what to add', () => {
    expect(problems(scenario(`{ weekly: 1400, days: ${WEEK}, curve: [1, 3] }`))).toEqual([
      expect.stringMatching(/^p\.yaml:\d+:\d+ channels\[0\]\.arrivals\.pattern\.days: needs startDate, .*add e\.g\. startDate: 2026-03-02/),
    ]);
  });

  it('needs exactly one of weekly or daily', () => {
    expect(problems(scenario('{ weekly: 1, daily: 1, curve: [1] }'))).toEqual([expect.stringMatching(/pattern: must give exactly one of weekly or daily/)]);
    expect(problems(scenario('{ curve: [1] }'))).toEqual([expect.stringMatching(/pattern: must give exactly one of weekly or daily/)]);
  });

  it('refuses a curve longer than a day of intervals', () => {
    expect(problems(scenario('{ weekly: 1, curve: [1, 1, 1] }'))).toEqual([
      expect.stringMatching(/pattern\.curve: must list at most 2 weights: a day has 2 intervals of 12h from dayStart \(got 3\)/),
    ]);
  });

  it('refuses an interval that does not divide a day', () => {
    expect(problems(scenario('{ weekly: 1, curve: [1] }', { horizon: '35h', interval: '7h' }))).toEqual([
      expect.stringMatching(/pattern: needs an interval that divides a day .*\(interval 7h\)/),
    ]);
  });

  it('refuses a curve of zeros, a negative weight, a missing weekday and an unknown one', () => {
    expect(problems(scenario('{ weekly: 1, curve: [0, 0] }'))).toEqual([expect.stringMatching(/pattern\.curve: must have a weight above 0/)]);
    expect(problems(scenario('{ weekly: 1, curve: [1, -1] }'))).toEqual([expect.stringMatching(/pattern\.curve\[1\]: must be a weight from 0/)]);
    const noSun = '{ mon: 1, tue: 1, wed: 1, thu: 1, fri: 1, sat: 1 }';
    expect(problems(scenario(`{ weekly: 1, days: ${noSun}, curve: [1] }`, { startDate: '2026-03-02' }))).toEqual([
      expect.stringMatching(/pattern\.days\.sun: is required/),
    ]);
    const typo = '{ mon: 1, tue: 1, wed: 1, thu: 1, fri: 1, sat: 1, sun: 1, sunday: 1 }';
    expect(problems(scenario(`{ weekly: 1, days: ${typo}, curve: [1] }`, { startDate: '2026-03-02' }))).toEqual([
      expect.stringMatching(/pattern\.days\.sunday: unknown key/),
    ]);
  });

  it('refuses a pattern beside another arrival form', () => {
    const text = scenario('{ weekly: 1, curve: [1] }').replace('      pattern:', '      perHour: 10\n      pattern:');
    expect(problems(text)).toEqual([expect.stringMatching(/arrivals: must give exactly one of perHour or volumes or forecast or pattern/)]);
  });

  it('refuses a startDate that does not exist', () => {
    expect(problems(scenario('{ weekly: 1, curve: [1] }', { startDate: '2026-02-29' }))).toEqual([
      expect.stringMatching(/startDate: must be a calendar date like "2026-03-02" \(year-month-day\) that exists \(got "2026-02-29"\)/),
    ]);
  });

  it('refuses a total whose busiest interval is over the rate limit', () => {
    expect(problems(scenario('{ weekly: 1.6e8, curve: [1, 0] }', { horizon: '1d', interval: '1h' }))).toEqual([
      expect.stringMatching(/pattern: makes .* contacts in interval 0; at most 1,000,000 contacts per hour/),
    ]);
  });
});
