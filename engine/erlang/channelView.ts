/**
 * The channel as Erlang sees it — one definition for the run's baseline (analysis/baseline.ts),
 * the staffing search's start (workers/staffing/erlangStart.ts), the schedule's load floor and
 * Erlang cover, `ccsim erlang table` on a scenario, and the scenario checks of what the baseline
 * can compute (scenarios/consistency/baseline.ts):
 * - the share of arrivals that reaches agents, 1 − deflection;
 * - per interval, the mean Tier-1 handle time over the channel's contact types (× the residual
 *   factor of self-service), at that interval's mean when the channel gives one per interval
 *   (engine/intervalMeans.ts), and the mean patience (Erlang A's 1/θ) likewise;
 * - for the whole day, the arrival-weighted means: Σ λᵢhᵢ ÷ Σ λᵢ, so that the day's mean rate
 *   × the day's handle time is the day's mean offered load;
 * - the servers an agent is worth (chat: its concurrency, an approximation);
 * - with group speeds (proficiency), each type's mean handle time ÷ the agent-weighted mean
 *   speed of the Tier-1 groups eligible for it (exact with one group; an approximation otherwise);
 * - with after-contact work, the server's holding time is talk + wrap-up: each type's mean
 *   wrap-up is added to its handle time (after the scalings above, which are talk's alone), so
 *   Erlang's AHT is the one ACD reports give and the simulation's `ahtSec` measures. Erlang C
 *   then treats the whole holding time as exponential (M/M/c with that mean: exact in the mean
 *   load and occupancy, an approximation for waits when wrap-up makes the holding time less
 *   variable than exponential).
 */
import { distMean } from '../distributions.js';
import { handleScales, patienceScales } from '../intervalMeans.js';
import type { ChannelModel, Model } from '../model.js';
import { tier1TypeSpeeds } from '../proficiency.js';

export interface ErlangChannelView {
  /** Share of arrivals reaching agents (after self-service). */
  readonly rateFactor: number;
  /** Erlang servers per agent: the session concurrency (chat), 1 otherwise. */
  readonly serverFactor: number;
  /** Mean Tier-1 handle time of contacts arriving in each interval, seconds. */
  readonly handleSecByInterval: readonly number[];
  /** Mean patience in each interval, seconds; null without patience (Erlang C). */
  readonly patienceSecByInterval: readonly number[] | null;
  /** Arrival-weighted mean handle time over the day, seconds. */
  readonly dayHandleSec: number;
  /** Arrival-weighted mean patience over the day, seconds; null without patience. */
  readonly dayPatienceSec: number | null;
}

/** Σ wᵢxᵢ ÷ Σ wᵢ; the plain mean when no interval has weight. */
function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sum = 0, weight = 0, plain = 0;
  values.forEach((x, i) => { const w = weights[i] ?? 0; sum += w * x; weight += w; plain += x; });
  return weight > 0 ? sum / weight : values.length > 0 ? plain / values.length : 0;
}

/** The mean after-contact work over the channel's types (0 without any): never scaled by speed, residual or interval. */
export function wrapUpMean(channel: ChannelModel): number {
  return channel.types.reduce((sum, t) => (t.afterContactWork === undefined ? sum : sum + t.share * distMean(t.afterContactWork)), 0);
}

/** The day's mean arrival rate, per second: the plain mean over the intervals (0 without any). */
export function meanRatePerSec(channel: Pick<ChannelModel, 'ratePerSec'>): number {
  const n = channel.ratePerSec.length;
  return n === 0 ? 0 : channel.ratePerSec.reduce((s, r) => s + r, 0) / n;
}

/** The means Erlang is given in interval `interval`, or over the day (`interval` −1). */
export function meansAt(view: ErlangChannelView, interval: number): { readonly handleSec: number; readonly patienceSec: number | null } {
  if (interval < 0) return { handleSec: view.dayHandleSec, patienceSec: view.dayPatienceSec };
  return { handleSec: view.handleSecByInterval[interval] ?? view.dayHandleSec, patienceSec: view.patienceSecByInterval?.[interval] ?? view.dayPatienceSec };
}

/**
 * `typeSpeeds` (engine/proficiency.ts `tier1TypeSpeeds`): the speed the Tier-1 groups serve each
 * type at, dividing its mean handle time; null (no group has a speed) leaves the view as before.
 */
export function erlangView(channel: ChannelModel, typeSpeeds: readonly number[] | null = null): ErlangChannelView {
  const n = channel.ratePerSec.length;
  const typeMean = typeSpeeds === null
    ? channel.types.reduce((sum, t) => sum + t.share * distMean(t.handleByTier[0]), 0)
    : channel.types.reduce((sum, t, i) => sum + (t.share * distMean(t.handleByTier[0])) / (typeSpeeds[i] ?? 1), 0);
  const residual = channel.deflection > 0 ? channel.residualHandleFactor : 1;
  const acwSec = wrapUpMean(channel);
  const talkSec = typeMean * residual;
  const handleSec = talkSec + acwSec;
  const hs = handleScales(channel);
  const handleSecByInterval = Array.from({ length: n }, (_, i) => (hs === null ? handleSec : talkSec * (hs[i] ?? 1) + acwSec));
  const patient = channel.patience !== null && !channel.deferred;
  const patienceSec = patient && channel.patience !== null ? distMean(channel.patience) : null;
  const ps = patienceScales(channel);
  const patienceSecByInterval = patienceSec === null ? null : Array.from({ length: n }, (_, i) => (ps === null ? patienceSec : patienceSec * (ps[i] ?? 1)));
  return {
    rateFactor: 1 - channel.deflection,
    serverFactor: channel.concurrency,
    handleSecByInterval,
    patienceSecByInterval,
    dayHandleSec: hs === null ? handleSec : weightedMean(handleSecByInterval, channel.ratePerSec),
    dayPatienceSec: patienceSecByInterval === null || ps === null ? patienceSec : weightedMean(patienceSecByInterval, channel.ratePerSec),
  };
}

/** The Erlang view of channel `ch` of `model`, at its Tier-1 groups' speeds (engine/proficiency.ts). */
export function channelErlangView(model: Model, ch: number): ErlangChannelView {
  return erlangView(model.channels[ch] as ChannelModel, tier1TypeSpeeds(model, ch));
}

/** The Erlang view of every channel of `model`, in channel order. */
export function erlangViews(model: Model): ErlangChannelView[] {
  return model.channels.map((_, ch) => channelErlangView(model, ch));
}
