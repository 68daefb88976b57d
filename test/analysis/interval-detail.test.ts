// What a run's result holds per interval (analysis/run/intervalDetail.ts) and the wait histograms a
// period shares (engine/waitHistograms.ts). Every expected value is worked out by hand below.
import { describe, expect, it } from 'vitest';
import { WaitHistograms } from '../../engine/waitHistograms.js';
import { defaultIntervalDetail, detailNotes, periodsOf } from '../../analysis/run/intervalDetail.js';

const H = 3600;

describe('periodsOf', () => {
  it('all: one period per interval', () => {
    expect(periodsOf({ intervalCount: 3, intervalSec: 1800 }, 'all')).toEqual([
      { fromInterval: 0, toInterval: 1, startSec: 0, spanSec: 1800 },
      { fromInterval: 1, toInterval: 2, startSec: 1800, spanSec: 1800 },
      { fromInterval: 2, toInterval: 3, startSec: 3600, spanSec: 1800 },
    ]);
  });

  it('day: three days of 8-hour intervals are intervals 0–2, 3–5, 6–8', () => {
    expect(periodsOf({ intervalCount: 9, intervalSec: 8 * H }, 'day')).toEqual([
      { fromInterval: 0, toInterval: 3, startSec: 0, spanSec: 24 * H },
      { fromInterval: 3, toInterval: 6, startSec: 24 * H, spanSec: 24 * H },
      { fromInterval: 6, toInterval: 9, startSec: 48 * H, spanSec: 24 * H },
    ]);
  });

  it('day: an interval belongs to the day its start lies in (7-hour intervals start at 0, 7, 14, 21 | 28, 35, 42 h)', () => {
    expect(periodsOf({ intervalCount: 7, intervalSec: 7 * H }, 'day')).toEqual([
      { fromInterval: 0, toInterval: 4, startSec: 0, spanSec: 28 * H },
      { fromInterval: 4, toInterval: 7, startSec: 28 * H, spanSec: 21 * H },
    ]);
  });

  it('day: a horizon shorter than a day is one period; none: no period', () => {
    expect(periodsOf({ intervalCount: 16, intervalSec: 1800 }, 'day')).toEqual([{ fromInterval: 0, toInterval: 16, startSec: 0, spanSec: 8 * H }]);
    expect(periodsOf({ intervalCount: 16, intervalSec: 1800 }, 'none')).toEqual([]);
  });
});

describe('the default detail', () => {
  it('every interval up to a 7-day horizon, per day beyond', () => {
    expect(defaultIntervalDetail({ horizonSec: 7 * 24 * H })).toBe('all');
    expect(defaultIntervalDetail({ horizonSec: 7 * 24 * H + 1800 })).toBe('day');
  });

  it('a result without every interval says how to get them; one with every interval says nothing', () => {
    expect(detailNotes({ intervalCount: 17_520, horizonSec: 365 * 24 * H }, 'all')).toEqual([]);
    const [note] = detailNotes({ intervalCount: 17_520, horizonSec: 365 * 24 * H }, 'day');
    expect(note).toMatch(/17,520 intervals/);
    expect(note).toMatch(/--interval-file/);
    expect(note).toMatch(/--intervals all/);
  });
});

describe('WaitHistograms over periods', () => {
  it('intervals of one period share one histogram; each channel has its own', () => {
    // 2 channels × 6 intervals of 1 h, periods of 4 h: intervals 0–3 and 4–5.
    const w = new WaitHistograms(2, 6, H, 4 * H);
    const at = (ch: number, iv: number) => w.interval[ch * 6 + iv];
    expect(w.interval).toHaveLength(12);
    for (const ch of [0, 1]) {
      for (const iv of [1, 2, 3]) expect(at(ch, iv)).toBe(at(ch, 0));
      expect(at(ch, 5)).toBe(at(ch, 4));
      expect(at(ch, 4)).not.toBe(at(ch, 0));
    }
    expect(at(1, 0)).not.toBe(at(0, 0));
    expect(new Set(w.interval).size).toBe(4);
  });

  it('by default one histogram per channel × interval', () => {
    const w = new WaitHistograms(2, 3);
    expect(new Set(w.interval).size).toBe(6);
  });

  it('reset empties the shared histograms', () => {
    const w = new WaitHistograms(1, 4, H, 2 * H);
    w.interval[0]?.recordValue(50);
    w.interval[1]?.recordValue(70);
    expect(w.interval[0]?.totalCount).toBe(2);
    w.reset();
    expect(w.interval[1]?.totalCount).toBe(0);
  });
});
