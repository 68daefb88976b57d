// A day-level busyness factor shared by two channels (issue 12 item 7) against theory. With one
// Gamma(mean 1, cv) multiplier G a day shared by both channels and N_i | G ~ Poisson(G·Λ_i),
// the law of total covariance gives Cov(N₁, N₂) = Λ₁Λ₂·Var G = Λ₁Λ₂cv² and
// Var N_i = Λ_i + Λ_i²cv² (the marginals of the independent case); with a factor of each
// channel's own, Cov = 0. Statistical (test/support/statistics.ts): seeded by CCSIM_TEST_SEED,
// within the family-wise tolerance at any seed; `npm run coverage-check` runs it over seeds.
import { describe, it } from 'vitest';
import type { ReplicationCounters } from '../../engine/recorder.js';
import { runReplications } from '../../workers/replications.js';
import { model, withChannel } from '../support/model.js';
import { expectNear, meanAndError, testSeed } from '../support/statistics.js';

const FILE = 'shared-overdispersion';
// One 2-hour day a replication, hourly intervals; enough agents that only arrivals matter.
const HORIZON_SEC = 2 * 3600;
const LAMBDA = [200, 100] as const; // expected contacts a day: 100/h and 50/h
const CV = 0.2;
const DAYS = 1200;

const base = model({ agents: 60, horizonSec: HORIZON_SEC, intervalSec: 3600, channels: [{ id: 'sales', perHour: LAMBDA[0] / 2 }, { id: 'service', perHour: LAMBDA[1] / 2 }] });

/** The day's offered contacts of channel ch (no deflection, retrials or repeats: every arrival). */
const dayCount = (r: ReplicationCounters, ch: number, intervals: number): number => {
  let n = 0;
  for (let i = 0; i < intervals; i++) n += r.channel.offered[ch * intervals + i]!;
  return n;
};

function days(shared: boolean): (readonly [number, number])[] {
  const factor = shared ? { overdispersion: CV, overdispersionShared: 'busy' } : { overdispersion: CV };
  const m = withChannel(withChannel(base, 0, factor), 1, factor);
  return runReplications(m, testSeed(), DAYS).map((r) => [dayCount(r, 0, m.intervalCount), dayCount(r, 1, m.intervalCount)] as const);
}

describe('one day-level factor shared by two channels', () => {
  it('makes their daily volumes covary by Λ₁Λ₂cv² and leaves each channel’s variance Λ + Λ²cv²', () => {
    // The means Λ_i are known, so the mean of (N₁ − Λ₁)(N₂ − Λ₂) estimates the covariance
    // without bias, and the mean of (N_i − Λ_i)² the variance; 1,200 days keep their skew small.
    const counts = days(true);
    expectNear(`${FILE} › shared › covariance`, meanAndError(counts.map(([a, b]) => (a - LAMBDA[0]) * (b - LAMBDA[1]))), LAMBDA[0] * LAMBDA[1] * CV * CV);
    LAMBDA.forEach((mu, ch) => {
      expectNear(`${FILE} › shared › mean day of channel ${ch}`, meanAndError(counts.map((c) => c[ch]!)), mu);
      expectNear(`${FILE} › shared › variance of channel ${ch}`, meanAndError(counts.map((c) => (c[ch]! - mu) ** 2)), mu + mu * mu * CV * CV);
    });
  });

  it('leaves two channels with factors of their own uncorrelated', () => {
    const counts = days(false);
    expectNear(`${FILE} › own factors › covariance`, meanAndError(counts.map(([a, b]) => (a - LAMBDA[0]) * (b - LAMBDA[1]))), 0);
    LAMBDA.forEach((mu, ch) => {
      expectNear(`${FILE} › own factors › variance of channel ${ch}`, meanAndError(counts.map((c) => (c[ch]! - mu) ** 2)), mu + mu * mu * CV * CV);
    });
  });
});
