// Handle time that varies by interval against theory (issue 12 item 4): an M/M/c day whose AHT
// changes between intervals must, away from the change, be Erlang C at each interval's own AHT
// — within the family-wise tolerance of test/support/statistics.ts, at any seed.
//
// The design keeps the comparison honest at every seed:
// - six 4-hour intervals with AHT 300 s (ρ = 0.8) in the first three and 180 s (ρ = 0.48) in
//   the last three; the warm-up (played at the first interval's means) is 4 relaxation times
//   of the heavy queue (test/support/birthDeath.ts), so intervals 0–2 are in steady state;
// - interval 3 is a buffer that is not checked: it absorbs the change (the calls of interval 2
//   still in service, the queue they left), which lasts a few mean service times, far less than
//   4 hours, so intervals 4–5 are in the light queue's steady state;
// - figures of a block are pooled over its intervals and replications from the counters
//   (Σ numerator ÷ Σ denominator, delta-method standard errors).
// A contact counted in the wrong interval's AHT, or a baseline at the day's AHT, would be off by
// many standard errors: Erlang C at 300 s gives P(wait) 0.41, at 180 s 0.04.
import { describe, it } from 'vitest';
import { erlangC } from '../../engine/erlang/index.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { runReplications } from '../../workers/replications.js';
import { relaxationSec } from '../support/birthDeath.js';
import { exp, model, withChannel } from '../support/model.js';
import { expectNear, ratioAndError, testSeed } from '../support/statistics.js';

const FILE = 'kernel-interval-means';
const AGENTS = 10;
const RATE = 8 / 300; // 96 calls an hour: 8 Erlangs at 300 s, 4.8 at 180 s
const HOURS = 4;
const AHT = [300, 300, 300, 180, 180, 180];
const REPLICATIONS = 40;

/** Channel 0's counter summed over the given intervals. */
function sum(r: ReplicationCounters, name: keyof ReplicationCounters['channel'], intervals: readonly number[]): number {
  return intervals.reduce((s, iv) => s + r.channel[name][iv]!, 0);
}

describe('M/M/c with an AHT per interval against Erlang C at each interval\'s own AHT', () => {
  const m = withChannel(
    model({
      agents: AGENTS,
      horizonSec: AHT.length * HOURS * 3600,
      intervalSec: HOURS * 3600,
      warmupSec: Math.ceil(4 * relaxationSec({ ratePerSec: RATE, handleSec: 300, agents: AGENTS, patienceSec: null })),
      channels: [{ perHour: RATE * 3600, handle: exp(240) }],
    }),
    0,
    { handleMeanByIntervalSec: AHT },
  );
  const reps = runReplications(m, testSeed(), REPLICATIONS);

  it.each([
    ['intervals 0–2 (AHT 300 s, after the warm-up)', [0, 1, 2], 300],
    ['intervals 4–5 (AHT 180 s, after a buffer interval)', [4, 5], 180],
  ] as const)('%s: SL(20 s), P(wait), ASA and AHT', (label, intervals, aht) => {
    const theory = erlangC({ ratePerSec: RATE, handleSec: aht, agents: AGENTS, targetSec: 20 });
    const pooled = (a: keyof ReplicationCounters['channel'], b: keyof ReplicationCounters['channel']) =>
      ratioAndError(reps.map((r) => [sum(r, a, intervals), sum(r, b, intervals)] as const));
    const name = `${FILE} › M/M/${AGENTS} ${label} ›`;
    expectNear(`${name} SL(20 s)`, pooled('answeredWithinTarget', 'offered'), theory.serviceLevel);
    expectNear(`${name} P(wait)`, pooled('queued', 'offered'), theory.pWait);
    expectNear(`${name} ASA`, pooled('waitSumSec', 'handled'), theory.asaSec);
    expectNear(`${name} AHT`, pooled('handleSumSec', 'handled'), aht);
  });
});
