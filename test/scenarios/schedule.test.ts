// Staffing → each agent's shifts (scenarios/compile/schedule.ts), with values worked out by
// hand from the rules written at the top of that file.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/load.js';

const channel = `channels:
  - id: voice
    kind: voice
    arrivals: { perHour: 60 }
    handle: { dist: exponential, mean: 5m }
    patience: { dist: exponential, mean: 2m }
`;

describe('agent shifts from a constant count', () => {
  it('puts every agent on duty from the start of the warm-up to the end of the horizon', () => {
    const { model } = loadScenarioText(`name: c\nhorizon: 2h\nwarmup: 15m\n${channel}agents:\n  - { id: a, channels: [voice], count: 3 }\n`, 'c.yaml');
    const group = model.groups[0];
    expect(group?.count).toBe(3);
    expect(group?.agentShifts).toEqual([0, 1, 2].map(() => [{ startSec: -900, endSec: 7200, breaks: [] }]));
  });
});

describe('agent shifts from a count per interval', () => {
  // 6 half-hour intervals, counts [2, 3, 1, 0, 2, 2]: agent k works the intervals whose count exceeds k.
  const yaml = `name: l\nhorizon: 3h\nwarmup: 15m\ninterval: 30m\n${channel}agents:\n  - { id: a, channels: [voice], count: [2, 3, 1, 0, 2, 2] }\n`;
  const group = loadScenarioText(yaml, 'l.yaml').model.groups[0];

  it('makes as many agents as the largest count, and that is the group count', () => {
    expect(group?.count).toBe(3);
    expect(group?.agentShifts).toHaveLength(3);
  });

  it('merges consecutive intervals and extends a shift covering the first interval back over the warm-up', () => {
    expect(group?.agentShifts[0]).toEqual([
      { startSec: -900, endSec: 5400, breaks: [] },
      { startSec: 7200, endSec: 10800, breaks: [] },
    ]);
    expect(group?.agentShifts[1]).toEqual([
      { startSec: -900, endSec: 3600, breaks: [] },
      { startSec: 7200, endSec: 10800, breaks: [] },
    ]);
    expect(group?.agentShifts[2]).toEqual([{ startSec: 1800, endSec: 3600, breaks: [] }]);
  });
});

describe('agent shifts from daily shifts over two days', () => {
  // Time 0 is 06:00 (dayStart), so clock midnight of day d is at d·86400 − 21600 s.
  const yaml = `name: s
horizon: 2d
warmup: 1h
interval: 1h
dayStart: "06:00"
${channel}agents:
  - id: a
    channels: [voice]
    shifts:
      - { start: "08:00", length: 8h, count: 2, breaks: [{ after: 2h, length: 15m }, { after: 4h, length: 30m }] }
      - { start: "22:00", length: 12h, count: 1, breaks: [{ after: 5h, length: 30m }] }
`;
  const group = loadScenarioText(yaml, 's.yaml').model.groups[0];

  it('repeats a day shift every day, with its breaks at absolute times', () => {
    const day = [
      { startSec: 7200, endSec: 36000, breaks: [{ startSec: 14400, endSec: 15300 }, { startSec: 21600, endSec: 23400 }] },
      { startSec: 93600, endSec: 122400, breaks: [{ startSec: 100800, endSec: 101700 }, { startSec: 108000, endSec: 109800 }] },
    ];
    expect(group?.agentShifts[0]).toEqual(day);
    expect(group?.agentShifts[1]).toEqual(day);
  });

  it('keeps last night’s shift running at time 0 (from the warm-up), and clips the last one to the horizon', () => {
    expect(group?.agentShifts[2]).toEqual([
      // 22:00 the day before: −28800 to 14400; on duty at 0, so from −3600; its break (−10800) is gone.
      { startSec: -3600, endSec: 14400, breaks: [] },
      { startSec: 57600, endSec: 100800, breaks: [{ startSec: 75600, endSec: 77400 }] },
      { startSec: 144000, endSec: 172800, breaks: [{ startSec: 162000, endSec: 163800 }] },
    ]);
  });

  it('counts the most agents on duty at once (night and day shifts overlap)', () => {
    expect(group?.agentShifts).toHaveLength(3);
    expect(group?.count).toBe(3);
  });
});
