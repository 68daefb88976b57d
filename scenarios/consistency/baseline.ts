/**
 * What the Erlang baseline of every run must be able to compute (issue 18): `run` prints, for
 * each live channel and interval, Erlang C or A figures and the agents Erlang requires
 * (reports/baseline.ts). A load beyond the solvers' reach, or a patience so long that the
 * Erlang A queue has no computable size, used to be refused only after the simulation, with
 * no line to fix; here it is a problem at the field that makes it, before anything runs.
 *
 * The rules read the compiled model, because the load is what the baseline sees: the rate
 * reaching agents (after self-service) in the busiest interval × the mean Tier-1 handle time
 * over the channel's contact types (× the residual factor), as `erlangView` in
 * reports/baseline.ts computes it. Deferred channels (email, social) get a workload baseline
 * with no queueing formula, so no rule applies to them.
 */
import { Sampler } from '../../engine/distributions.js';
import type { ChannelModel, DistSpec, Model } from '../../engine/model.js';
import { SCENARIO_LIMITS as L } from '../limits.js';
import { formatDuration } from '../duration.js';
import type { PathSegment, Problem } from '../problem.js';
import { isRecord, listOf } from '../raw.js';

const meanOf = (spec: DistSpec): number => new Sampler(spec).mean;

/** Contacts per second reaching agents in the busiest interval, and the mean Tier-1 handle time. */
function erlangInputs(channel: ChannelModel): { peakRatePerSec: number; handleSec: number } {
  const typeMean = channel.types.reduce((sum, t) => sum + t.share * meanOf(t.handleByTier[0]), 0);
  const residual = channel.deflection > 0 ? channel.residualHandleFactor : 1;
  const peak = channel.ratePerSec.reduce((m, r) => Math.max(m, r), 0);
  return { peakRatePerSec: peak * (1 - channel.deflection), handleSec: typeMean * residual };
}

/** Where a channel's handle time is written: its own `handle`, else its types'. */
function handlePath(raw: unknown, i: number): PathSegment[] {
  const channel = listOf(isRecord(raw) ? raw.channels : undefined)[i];
  if (isRecord(channel) && channel.handle === undefined && Array.isArray(channel.types)) return ['channels', i, 'types'];
  return isRecord(channel) && isRecord(channel.handle) && channel.handle.mean !== undefined ? ['channels', i, 'handle', 'mean'] : ['channels', i, 'handle'];
}

function patiencePath(raw: unknown, i: number): PathSegment[] {
  const channel = listOf(isRecord(raw) ? raw.channels : undefined)[i];
  return isRecord(channel) && isRecord(channel.patience) && channel.patience.mean !== undefined ? ['channels', i, 'patience', 'mean'] : ['channels', i, 'patience'];
}

const count = (x: number): string => Math.round(x).toLocaleString('en-US');
const perHour = (ratePerSec: number): string => `${+(ratePerSec * 3600).toPrecision(4)} contacts an hour`;

/** Problems with the Erlang baseline of each live channel, at the field that causes them. */
export function baselineProblems(model: Model, raw: unknown): Problem[] {
  const problems: Problem[] = [];
  model.channels.forEach((channel, i) => {
    if (channel.deferred) return;
    const { peakRatePerSec, handleSec } = erlangInputs(channel);
    const load = peakRatePerSec * handleSec;
    if (load > L.maxOfferedLoadErlangs) {
      problems.push({
        path: handlePath(raw, i),
        message: `makes an offered load of ${count(load)} Erlangs in the busiest interval (${perHour(peakRatePerSec)} reaching agents × a mean handle time of ${formatDuration(handleSec)}); the Erlang baseline staffs at most ${count(L.maxOfferedLoadErlangs)} Erlangs: is the handle time or the arrival rate in the wrong unit?`,
      });
    }
    if (channel.patience === null) return;
    const patienceSec = meanOf(channel.patience);
    const waiting = peakRatePerSec * patienceSec;
    if (waiting > L.maxPatientContacts) {
      const longest = L.maxPatientContacts / peakRatePerSec;
      problems.push({
        path: patiencePath(raw, i),
        message: `a mean patience of ${formatDuration(patienceSec)} with ${perHour(peakRatePerSec)} reaching agents would keep ${count(waiting)} contacts waiting in the Erlang A baseline with nobody answering; it computes at most ${count(L.maxPatientContacts)} (a mean patience up to ${formatDuration(longest)} here): shorten it, or leave patience out for customers who never hang up`,
      });
    }
  });
  return problems;
}
