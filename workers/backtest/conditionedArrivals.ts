/**
 * Arrival times of a historical day given how many arrived in each interval. Within an interval
 * of a Poisson process with a constant rate, the arrival times given their number n are
 * distributed as n independent uniforms, sorted (the order-statistic property: Ross,
 * "Stochastic Processes", 2nd ed., Theorem 2.3.1). So drawing the times so, interval by
 * interval, samples the day *conditioned on the counts the report measured* — which is the
 * back-test's question ("given what arrived…"). Drawing Poisson(offered) instead would add
 * the count's own variance, which the actual day did not have: bands too wide, coverage above
 * nominal, model errors hidden.
 *
 * The warm-up before time 0 is a Poisson process at the first interval's measured rate (the
 * kernel's warm-up rule: engine/arrivals.ts).
 */
import type { Stream } from '../../engine/random.js';

/** Ascending arrival times: the warm-up's (negative), then counts[k] uniforms in each interval k. */
export function conditionedArrivalTimes(counts: readonly number[], intervalSec: number, warmupSec: number, stream: Stream): number[] {
  const times: number[] = [];
  const warmupRate = (counts[0] ?? 0) / intervalSec;
  if (warmupSec > 0 && warmupRate > 0) {
    // Exponential gaps by inversion, one uniform each.
    for (let t = -warmupSec - Math.log(1 - stream.next()) / warmupRate; t < 0; t -= Math.log(1 - stream.next()) / warmupRate) times.push(t);
  }
  counts.forEach((n, k) => {
    const start = k * intervalSec;
    const within = Array.from({ length: n }, () => start + stream.next() * intervalSec);
    within.sort((a, b) => a - b);
    for (const t of within) times.push(t);
  });
  return times;
}
