// The staffing search simulates the day cut after the interval it is solving (prefixModel):
// every per-interval list of the model must be cut with it, or the cut day reads values of
// intervals it no longer has.
import { describe, expect, it } from 'vitest';
import { prefixModel } from '../../workers/staffing/candidate.js';
import { model, withChannel } from '../support/model.js';

describe('the day cut after an interval', () => {
  const day = withChannel(model({ horizonSec: 4 * 1800, intervalSec: 1800, channels: [{ ratePerSec: [100, 200, 300, 400].map((n) => n / 3600) }] }), 0, {
    handleMeanByIntervalSec: [200, 250, 300, 350],
    patienceMeanByIntervalSec: [60, 70, 80, 90],
  });

  it('keeps the first intervals of rates, AHT and patience alike', () => {
    const cut = prefixModel(day, 1);
    expect([cut.intervalCount, cut.horizonSec]).toEqual([2, 3600]);
    const c = cut.channels[0]!;
    expect(c.ratePerSec).toEqual([100 / 3600, 200 / 3600]);
    expect(c.handleMeanByIntervalSec).toEqual([200, 250]);
    expect(c.patienceMeanByIntervalSec).toEqual([60, 70]);
  });

  it('is the day itself when cut after its last interval', () => {
    expect(prefixModel(day, 3)).toBe(day);
  });
});
