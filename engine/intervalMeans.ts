/**
 * Handle time and patience that vary by interval (issue 12 item 4). A channel may give the mean
 * Tier-1 handle time (and the mean patience) of the contacts *arriving* in each interval, as WFM
 * forecasts carry AHT per interval. The distribution keeps its shape: a contact arriving in
 * interval i has its Tier-1 handle draw — whatever its type — multiplied by
 * meanᵢ ÷ mean(channel `handle`), and its Tier-1 patience by meanᵢ ÷ mean(`patience`). Every
 * distribution ccsim has is a scale family in this sense (exponential, gamma, lognormal and
 * Erlang keep their cv; constant, uniform, triangular, empirical and mixtures stretch), so the
 * scaled draw is the quantile of the scaled distribution at the same uniform: common random
 * numbers are untouched (DESIGN §4). A type whose own handle differs from the channel's keeps
 * its proportion to it. Tiers 2 and 3 are not scaled.
 *
 * This file is the one definition of those factors; the simulation (contactFactory.ts) and the
 * Erlang view of a channel (erlang/channelView.ts) both read them.
 */
import { distMean } from './distributions.js';
import type { ChannelModel, DistSpec } from './model.js';

function scales(meansSec: readonly number[] | null, base: DistSpec | null, intervalCount: number): Float64Array | null {
  if (meansSec === null || base === null) return null;
  // Validation gives one mean per interval; a model built otherwise would draw NaN times for
  // the intervals past the list, and NaN times never leave the event calendar.
  if (meansSec.length !== intervalCount) throw new RangeError(`per-interval means: ${meansSec.length} values for ${intervalCount} intervals`);
  const baseMean = distMean(base);
  // Validation refuses per-interval means on a distribution of mean 0 (no scale to keep).
  return Float64Array.from(meansSec, (m) => m / baseMean);
}

/** Per interval, the factor of every Tier-1 handle draw; null when the channel has one mean for the day. */
export function handleScales(channel: ChannelModel): Float64Array | null {
  return scales(channel.handleMeanByIntervalSec, channel.handle, channel.ratePerSec.length);
}

/** Per interval, the factor of every Tier-1 patience draw; null when patience has one mean (or there is none). */
export function patienceScales(channel: ChannelModel): Float64Array | null {
  return scales(channel.patienceMeanByIntervalSec, channel.deferred ? null : channel.patience, channel.ratePerSec.length);
}

/**
 * The interval whose means a contact gets: the one it arrives in (retrials, repeats and returns
 * from self-service included: the interval they come back in). `recorderInterval` is −1 in
 * the warm-up, which is played at the first interval's rates, so at its means too; nothing
 * arrives at or after the horizon (arrivals stop there, later follow-ups are dropped).
 */
export function arrivalInterval(recorderInterval: number): number {
  return recorderInterval < 0 ? 0 : recorderInterval;
}
