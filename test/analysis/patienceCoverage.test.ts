// Statistical: the pooled patience fit's 95% interval covers the true θ about 95% of the time
// when abandon counts really are binomial with Erlang A's probabilities (the model the
// likelihood assumes), and at least that often once widened by Pearson dispersion. Counts are
// drawn by inversion from seeded streams, so the test passes at any CCSIM_TEST_SEED.
import { describe, it } from 'vitest';
import { abandonShare, type AbandonObservation } from '../../analysis/calibration/abandonShare.js';
import { fitPooledPatience } from '../../analysis/calibration/patienceFit.js';
import { Stream } from '../../engine/random.js';
import { expectClaim, expectNear, familyMultiplier, testSeed } from '../support/statistics.js';

const HALF_HOUR = 1800;
const THETA = 1 / 150;
const REPLICATIONS = 300;
/** A day's twelve half-hours: offered, AHT, staffed — a QED staffing near load + √load. */
const DAY = [
  [120, 300, 22], [160, 310, 30], [200, 290, 35], [220, 300, 39], [210, 320, 40], [190, 300, 34],
  [170, 300, 31], [180, 310, 33], [200, 300, 36], [160, 290, 28], [130, 300, 24], [100, 300, 19],
] as const;

function binomial(stream: Stream, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (stream.next() < p) k++;
  return k;
}

function replicate(r: number): AbandonObservation[] {
  const stream = new Stream(testSeed(), r, 'test:abandons');
  return DAY.map(([offered, handleSec, agents]) => {
    const o = { offered, abandoned: 0, ratePerSec: offered / HALF_HOUR, handleSec, agents };
    return { ...o, abandoned: binomial(stream, offered, abandonShare(o, THETA)) };
  });
}

describe('pooled patience interval coverage (binomial counts from Erlang A)', () => {
  it('covers θ about 95% of the time by profile likelihood, and no less when widened by dispersion', () => {
    let plain = 0;
    let widened = 0;
    for (let r = 0; r < REPLICATIONS; r++) {
      const data = replicate(r);
      const a = fitPooledPatience(data, { widenByDispersion: false });
      const b = fitPooledPatience(data);
      if (a.thetaCi.lower <= THETA && THETA <= a.thetaCi.upper) plain++;
      if (b.thetaCi.lower <= THETA && THETA <= b.thetaCi.upper) widened++;
    }
    const p = plain / REPLICATIONS;
    expectNear('patience CI coverage (profile likelihood)', { mean: p, se: Math.sqrt((0.95 * 0.05) / REPLICATIONS), n: REPLICATIONS }, 0.95);
    const tolerance = familyMultiplier(REPLICATIONS - 1) * Math.sqrt((0.95 * 0.05) / REPLICATIONS);
    expectClaim('patience CI coverage (widened)', widened / REPLICATIONS >= 0.95 - tolerance && widened >= plain, `covered ${widened} of ${REPLICATIONS} (unwidened ${plain})`);
  });
});
