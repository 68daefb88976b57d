// A maximum time in queue (issue 12 item 3) against theory, at any seed (CCSIM_TEST_SEED).
// M/M/c with callers sent away at a maximum wait T and no other impatience is M/M/c+D
// (deterministic patience), whose figures are closed (test/support/deterministicPatience.ts:
// Baccelli & Hebuterne 1981; Zeltyn & Mandelbaum 2005). Those formulas are first checked on
// their own — against Erlang C as T grows, and, in the same M/M/n+G framework with exponential
// patience, against engine/erlang's Erlang A — then the simulated share sent away, P(wait),
// service level and ASA against them, one case below and one above the agents' capacity (the
// maximum wait keeps an overloaded queue stable). The queue is bounded by about λT callers,
// so it relaxes within a few handle times; the warm-up is 20.
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC } from '../../engine/erlang/index.js';
import type { Model } from '../../engine/model.js';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { runReplications } from '../../workers/replications.js';
import { exponentialPatienceAbandon, maxWaitQueue } from '../support/deterministicPatience.js';
import { exp, model, withChannel } from '../support/model.js';
import { expectNear, ratioAndError, testSeed } from '../support/statistics.js';

const FILE = 'maxWait-vs-theory';
const HANDLE = 180;

const total = (r: ReplicationCounters, name: keyof ReplicationCounters['channel']): number => r.channel[name].reduce((s, x) => s + x, 0);
const pooled = (reps: readonly ReplicationCounters[], num: keyof ReplicationCounters['channel'], den: keyof ReplicationCounters['channel']) =>
  ratioAndError(reps.map((r) => [total(r, num), total(r, den)] as const));

describe('M/M/n+D, the formulas the simulation is checked against', () => {
  it('becomes Erlang C as the maximum wait grows', () => {
    const q = maxWaitQueue({ ratePerSec: 19 / HANDLE, handleSec: HANDLE, agents: 20, maxWaitSec: 1e6 });
    const c = erlangC({ ratePerSec: 19 / HANDLE, handleSec: HANDLE, agents: 20, targetSec: 20 });
    expect(q.pWait).toBeCloseTo(c.pWait, 12);
    expect(q.pMaxWait).toBeLessThan(1e-12);
    expect(q.answeredWithin(20)).toBeCloseTo(c.serviceLevel, 12);
    expect(q.asaSec).toBeCloseTo(c.asaSec, 9);
  });

  it.each([
    [10, 9, 120],
    [20, 21, 90],
    [50, 45, 300],
  ])('in the same framework, %i agents at %f erlangs with exponential patience of mean %f s give Erlang A\'s abandonment', (n, a, theta) => {
    const expected = erlangA({ ratePerSec: a / HANDLE, handleSec: HANDLE, agents: n, patienceSec: theta, targetSec: 20 }).pAbandon;
    expect(exponentialPatienceAbandon(a / HANDLE, HANDLE, n, theta)).toBeCloseTo(expected, 7);
  });

  it('sends away fewer callers than Erlang C\'s tail C·e^{−(nμ−λ)T}: those sent away no longer hold up the rest', () => {
    const q = maxWaitQueue({ ratePerSec: 19 / HANDLE, handleSec: HANDLE, agents: 20, maxWaitSec: 60 });
    const c = erlangC({ ratePerSec: 19 / HANDLE, handleSec: HANDLE, agents: 20, targetSec: 20 });
    const tail = c.pWait * Math.exp(-(20 / HANDLE - 19 / HANDLE) * 60);
    expect(q.pMaxWait).toBeLessThan(0.9 * tail);
    expect(q.pWait).toBeLessThan(c.pWait);
  });
});

/** One-interval day of 24 h at `erlangs` offered to `agents` (exponential handle times), maximum wait T, no patience. */
function center(agents: number, erlangs: number, maxWaitSec: number): Model {
  const horizonSec = 24 * 3600;
  const m = model({
    agents, replications: 30, horizonSec, intervalSec: horizonSec, warmupSec: 20 * HANDLE,
    channels: [{ perHour: (erlangs * 3600) / HANDLE, handle: exp(HANDLE), targetSec: 20 }],
  });
  return withChannel(m, 0, { maxWait: { afterSec: maxWaitSec, then: 'message' } });
}

describe('the maximum wait against M/M/n+D', () => {
  it.each([
    [20, 19, 60],
    [10, 11, 120],
  ])('%i agents at %f erlangs, maximum wait %f s: the share sent away, P(wait), service level and ASA', (agents, erlangs, T) => {
    const m = center(agents, erlangs, T);
    const reps = runReplications(m, testSeed(), m.replications);
    const theory = maxWaitQueue({ ratePerSec: erlangs / HANDLE, handleSec: HANDLE, agents, maxWaitSec: T });
    const name = `${FILE} › M/M/${agents}+D at ${erlangs} erlangs, T ${T} s ›`;
    // Every contact that reached the maximum wait left a message (then: message).
    expect(reps.every((r) => total(r, 'messages') === total(r, 'maxWaitExits'))).toBe(true);
    expect(reps.every((r) => total(r, 'abandoned') === 0)).toBe(true);
    expectNear(`${name} share sent away`, pooled(reps, 'maxWaitExits', 'offered'), theory.pMaxWait);
    expectNear(`${name} P(wait)`, pooled(reps, 'queued', 'offered'), theory.pWait);
    expectNear(`${name} answered within 20 s ÷ offered`, pooled(reps, 'answeredWithinTarget', 'offered'), theory.answeredWithin(20));
    expectNear(`${name} ASA`, pooled(reps, 'waitSumSec', 'handled'), theory.asaSec);
  });
});
