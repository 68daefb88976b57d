/**
 * What the Erlang baseline of every run must be able to compute (issue 18): `run` prints, for
 * each live channel and interval, Erlang C or A figures and the agents Erlang requires
 * (analysis/baseline.ts). A load beyond the solvers' reach, or a patience so long that the
 * Erlang A queue has no computable size, used to be refused only after the simulation, with
 * no line to fix; here it is a problem at the field that makes it, before anything runs.
 *
 * The rules read the compiled model, because the load is what the baseline sees: in the
 * busiest interval, the rate reaching agents (after self-service) × that interval's mean Tier-1
 * handle time over the channel's contact types (× the residual factor), as `erlangView`
 * (engine/erlang/channelView.ts) computes it. Deferred channels (email, social) get a workload baseline
 * with no queueing formula, so no rule applies to them.
 */
import { distMean } from '../../engine/distributions.js';
import { channelErlangView, type ErlangChannelView } from '../../engine/erlang/channelView.js';
import type { ChannelModel, Model } from '../../engine/model.js';
import { SCENARIO_LIMITS as L } from '../limits.js';
import { formatDuration } from '../duration.js';
import type { PathSegment, Problem } from '../problem.js';
import { isRecord, listOf } from '../raw.js';

/** The interval of the largest x, for the intervals' values of x. */
function argmax(values: readonly number[]): number {
  let best = 0;
  values.forEach((x, i) => { if (x > (values[best] ?? -Infinity)) best = i; });
  return best;
}

/**
 * The busiest interval's offered load (contacts per second reaching agents × its mean Tier-1
 * handle time) and the most contacts Erlang A would see waiting (rate × mean patience there).
 */
function erlangInputs(channel: ChannelModel, view: ErlangChannelView): { load: Peak; waiting: Peak | null } {
  const rates = channel.ratePerSec.map((r) => r * view.rateFactor);
  const atLoad = argmax(rates.map((r, i) => r * (view.handleSecByInterval[i] ?? 0)));
  const load = { interval: atLoad, ratePerSec: rates[atLoad] ?? 0, meanSec: view.handleSecByInterval[atLoad] ?? view.dayHandleSec };
  const patience = view.patienceSecByInterval;
  if (patience === null) return { load, waiting: null };
  const atWait = argmax(rates.map((r, i) => r * (patience[i] ?? 0)));
  return { load, waiting: { interval: atWait, ratePerSec: rates[atWait] ?? 0, meanSec: patience[atWait] ?? 0 } };
}

interface Peak {
  readonly interval: number;
  readonly ratePerSec: number;
  readonly meanSec: number;
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

/** The interval's item of a per-interval list, or the forecast file it was read from. */
function meanPath(raw: unknown, i: number, key: 'ahtByInterval' | 'patienceByInterval', interval: number): PathSegment[] {
  const channel = listOf(isRecord(raw) ? raw.channels : undefined)[i];
  return isRecord(channel) && Array.isArray(channel[key]) ? ['channels', i, key, interval] : ['channels', i, 'arrivals', 'forecast'];
}

const count = (x: number): string => Math.round(x).toLocaleString('en-US');
const perHour = (ratePerSec: number): string => `${+(ratePerSec * 3600).toPrecision(4)} contacts an hour`;

/** Problems with the Erlang baseline of each live channel, at the field that causes them. */
export function baselineProblems(model: Model, raw: unknown): Problem[] {
  const problems: Problem[] = [];
  model.channels.forEach((channel, i) => {
    if (channel.deferred) return;
    if (channel.handleMeanByIntervalSec !== null && distMean(channel.handle) <= 0) {
      problems.push({ path: handlePath(raw, i), message: 'must have a positive mean to be scaled to ahtByInterval (its mean is 0)' });
      return;
    }
    if (channel.patienceMeanByIntervalSec !== null && channel.patience !== null && distMean(channel.patience) <= 0) {
      problems.push({ path: patiencePath(raw, i), message: 'must have a positive mean to be scaled to patienceByInterval (its mean is 0)' });
      return;
    }
    const inputs = erlangInputs(channel, channelErlangView(model, i));
    const { ratePerSec: peakRatePerSec, meanSec: handleSec } = inputs.load;
    const load = peakRatePerSec * handleSec;
    if (load > L.maxOfferedLoadErlangs) {
      problems.push({
        path: channel.handleMeanByIntervalSec === null ? handlePath(raw, i) : meanPath(raw, i, 'ahtByInterval', inputs.load.interval),
        message: `makes an offered load of ${count(load)} Erlangs in the busiest interval (${perHour(peakRatePerSec)} reaching agents × a mean handle time of ${formatDuration(handleSec)}); the Erlang baseline staffs at most ${count(L.maxOfferedLoadErlangs)} Erlangs: is the handle time or the arrival rate in the wrong unit?`,
      });
    }
    if (inputs.waiting === null) return;
    const { ratePerSec: waitRatePerSec, meanSec: patienceSec } = inputs.waiting;
    const waiting = waitRatePerSec * patienceSec;
    if (waiting > L.maxPatientContacts) {
      const longest = L.maxPatientContacts / waitRatePerSec;
      problems.push({
        path: channel.patienceMeanByIntervalSec === null ? patiencePath(raw, i) : meanPath(raw, i, 'patienceByInterval', inputs.waiting.interval),
        message: `a mean patience of ${formatDuration(patienceSec)} with ${perHour(waitRatePerSec)} reaching agents would keep ${count(waiting)} contacts waiting in the Erlang A baseline with nobody answering; it computes at most ${count(L.maxPatientContacts)} (a mean patience up to ${formatDuration(longest)} here): shorten it, or leave patience out for customers who never hang up`,
      });
    }
  });
  return problems;
}
