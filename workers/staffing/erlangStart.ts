/**
 * The Erlang answer each group starts from, per interval: the agents Erlang C (infinite
 * patience) or Erlang A (exponential patience, θ = 1 / mean patience) requires for each
 * channel's load and targets (SL, and `--max-asa`, `--max-occupancy`, `--max-abandon` when
 * given), shared among the tier-1 groups serving the channel at its best rank (a rank-2 skill
 * only blends in) in proportion to the agents the scenario gives them in that interval, then divided by the group's availability
 * (1 − planned shrinkage)(1 − absenteeism) — the scheduled heads of an Erlang plan.
 *
 * The channel's load is the one the run's Erlang baseline uses (engine/erlang/channelView.ts):
 * the rate after deflection × the interval's mean tier-1 handle time (and its mean patience);
 * at the day's mean rate, the day's arrival-weighted means; chat needs ⌈sessions ÷ concurrency⌉ agents.
 * Tier-2 and tier-3 groups get Erlang C for the escalated load (rate × escalation share ×
 * that tier's mean handle time), against the tier's target time or the channel's.
 * A group serving several channels adds up their requirements (no pooling credit).
 */
import { distMean } from '../../engine/distributions.js';
import { staffErlangA, staffErlangC } from '../../engine/erlang/index.js';
import { erlangViews, meanRatePerSec, meansAt, type ErlangChannelView } from '../../engine/erlang/channelView.js';
import type { ChannelModel, Model } from '../../engine/model.js';
import { availableAgents } from '../../analysis/baseline.js';
import type { ExtraTargets } from './definition.js';

export interface ErlangStart {
  /** Agents on the phones Erlang requires, [group][interval] (fractional when shared). */
  readonly onPhone: readonly (readonly number[])[];
  /** Scheduled agents, ⌈onPhone ÷ availability⌉, [group][interval]. */
  readonly scheduled: readonly (readonly number[])[];
  /** (1 − planned)(1 − absenteeism) of each group. */
  readonly availability: readonly number[];
}

/** Mean handle time at tier 2 or 3 (index 1–2) over the channel's types, weighted by the share reaching it. */
function tierLoadPerContact(c: ChannelModel, tier: number): number {
  return c.types.reduce((sum, t) => {
    const reach = tier === 1 ? t.escalation[0] : t.escalation[0] * t.escalation[1];
    const handle = t.handleByTier[tier];
    return sum + (handle ? t.share * reach * distMean(handle) : 0);
  }, 0);
}

/** Agents channel c needs at `tier` (0: tier 1, at the view's means in `interval`, −1 the day's) for an arrival rate. */
function required(model: Model, c: ChannelModel, view: ErlangChannelView, interval: number, ratePerSec: number, tier: number, extra: ExtraTargets): number {
  const means = meansAt(view, interval);
  const rate = ratePerSec * view.rateFactor;
  const perContact = tier === 0 ? means.handleSec : tierLoadPerContact(c, tier);
  if (rate <= 0 || perContact <= 0) return 0;
  const share = tier === 0 ? 1 : c.types.reduce((s, t) => s + t.share * (tier === 1 ? t.escalation[0] : t.escalation[0] * t.escalation[1]), 0);
  const handleSec = perContact / share;
  const ratePerSecAtTier = rate * share;
  const targetSec = tier === 0 ? c.targetSec : (model.tiers[tier]?.targetSec ?? c.targetSec);
  const targets = {
    serviceLevel: c.targetLevel,
    targetSec,
    ...(extra.maxAsaSec !== null && !c.deferred ? { maxAsaSec: extra.maxAsaSec } : {}),
    ...(extra.maxOccupancy !== null ? { maxOccupancy: extra.maxOccupancy } : {}),
  };
  let agents: number;
  if (tier === 0 && means.patienceSec !== null) {
    const withAbandon = extra.maxAbandon !== null ? { ...targets, maxAbandon: extra.maxAbandon } : targets;
    agents = staffErlangA({ ratePerSec: ratePerSecAtTier, handleSec, patienceSec: means.patienceSec, serviceLevelDefinition: model.serviceLevelDefinition, targets: withAbandon }).agents;
  } else {
    agents = staffErlangC({ ratePerSec: ratePerSecAtTier, handleSec, targets }).agents;
  }
  return tier === 0 ? Math.ceil(agents / view.serverFactor) : agents;
}

/** Erlang requirements of every group in every interval (or at the day's mean rate: `meanRate`). */
export function erlangStart(model: Model, extra: ExtraTargets, meanRate = false): ErlangStart {
  const I = meanRate ? 1 : model.intervalCount;
  const rateAt = (c: ChannelModel, iv: number): number =>
    meanRate ? meanRatePerSec(c) : (c.ratePerSec[iv] ?? 0);
  const availability = model.groups.map((g) => (1 - g.shrinkage.planned) * (1 - g.shrinkage.absenteeism));
  const onPhone = model.groups.map(() => new Array<number>(I).fill(0));
  const views = erlangViews(model);
  for (let iv = 0; iv < I; iv++) {
    const from = meanRate ? 0 : iv * model.intervalSec;
    const given = availableAgents(model, from, meanRate ? model.horizonSec : from + model.intervalSec);
    model.channels.forEach((c, ch) => {
      for (let tier = 0; tier < 3; tier++) {
        const tierServers = model.groups.flatMap((g, gi) => (g.tier === tier + 1 && g.channels.includes(ch) ? [gi] : []));
        // Only the groups holding the channel at their best rank share its load: a rank-2 skill
        // (blending) takes the channel's work only when rank-1 work is done.
        const rank = (gi: number): number => Math.min(...(model.groups[gi]?.skills ?? []).filter((s) => s.channel === ch).map((s) => s.rank));
        const bestRank = Math.min(...tierServers.map(rank));
        const servers = tierServers.filter((gi) => rank(gi) === bestRank);
        if (servers.length === 0) continue;
        const need = required(model, c, views[ch] as ErlangChannelView, meanRate ? -1 : iv, rateAt(c, iv), tier, extra);
        const total = servers.reduce((s, g) => s + (given[g] ?? 0), 0);
        for (const g of servers) {
          const share = total > 0 ? (given[g] ?? 0) / total : 1 / servers.length;
          (onPhone[g] as number[])[iv] = ((onPhone[g] as number[])[iv] ?? 0) + need * share;
        }
      }
    });
  }
  const scheduled = onPhone.map((row, g) => row.map((x) => Math.ceil(x / (availability[g] ?? 1) - 1e-9)));
  return { onPhone, scheduled, availability };
}
