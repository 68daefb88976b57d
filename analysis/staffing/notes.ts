/**
 * Why the simulated requirement differs from Erlang's, said from the model's own features:
 * each mechanism Erlang C/A leaves out (or idealises) becomes a note naming it, the way it
 * moves the answer and why. The last note compares the two plans' agent-hours.
 */
import type { DistSpec, Model } from '../../engine/model.js';
import { distMean } from '../../engine/distributions.js';
import { plannerDuration } from '../../scenarios/duration.js';
import type { PlanTotals, StaffingNote } from './result.js';

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

function cvOf(d: DistSpec): number {
  switch (d.dist) {
    case 'exponential': return 1;
    case 'constant': return 0;
    case 'lognormal':
    case 'gamma': return d.cv;
    case 'erlang': return 1 / Math.sqrt(d.k);
    default: return NaN;
  }
}

export interface NotesInput {
  readonly model: Model;
  /** The scenario's shifts have breaks (share of shift time). */
  readonly breakShare: number;
  readonly perInterval: boolean;
  readonly erlang: PlanTotals;
  readonly simulated: PlanTotals;
  /** The confidence of the CI rule, or null when targets are judged on the mean. */
  readonly confidence: number | null;
}

export function staffingNotes(n: NotesInput): StaffingNote[] {
  const { model } = n;
  const notes: StaffingNote[] = [];
  const add = (feature: string, effect: StaffingNote['effect'], text: string): void => { notes.push({ feature, effect, text }); };
  for (const c of model.channels) {
    if (c.patience !== null && !c.deferred) {
      const exp = c.patience.dist === 'exponential';
      add('abandonment', 'fewer', `${c.id}: callers abandon after a patience of mean ${plannerDuration(distMean(c.patience))}; those who hang up leave the queue, so the offered load that reaches agents is lower than the forecast and fewer agents hold the target than Erlang C says (Erlang A counts this${exp ? '' : ', but assumes exponential patience'}).`);
    }
    if (c.retrial !== null) {
      add('retrials', 'more', `${c.id}: ${pct(c.retrial.probability)} of abandoners call again after about ${plannerDuration(distMean(c.retrial.delay))}; retrials add offered load Erlang does not see, so the simulation needs more agents.`);
    }
    if (c.callback !== null) {
      add('callbacks', 'either', `${c.id}: ${pct(c.callback.share)} of callers still waiting after ${plannerDuration(c.callback.afterSec)} take a callback; the live queue shortens but the calls come back as work with a ${plannerDuration(c.callback.targetSec)} target, which Erlang does not model.`);
    }
    const cv = cvOf(c.handle);
    if (c.handle.dist !== 'exponential') {
      add('handleTime', Number.isFinite(cv) && cv < 1 ? 'fewer' : 'either', `${c.id}: handle time is ${c.handle.dist}${Number.isFinite(cv) ? ` (cv ${Math.round(cv * 100) / 100})` : ''}; Erlang assumes exponential (cv 1): less variable handle times shorten queues, more variable ones lengthen them.`);
    }
    if (c.overdispersion > 0) {
      const shared = c.overdispersionShared === undefined ? '' : `, by a factor ("${c.overdispersionShared}") shared with other channels whose busy days are the same days`;
      add('forecastError', 'more', `${c.id}: the day's volume varies around the forecast (cv ${pct(c.overdispersion)}${shared}); Erlang plans for the forecast exactly, the simulation must hold the target on busier days too.`);
    }
    if (c.types.some((t) => t.fcr < 1)) add('repeats', 'more', `${c.id}: contacts not resolved first time come back as repeats (more load when they fall inside the day).`);
    if (c.types.some((t) => t.escalation[0] > 0)) add('escalation', 'either', `${c.id}: part of the contacts escalate to higher tiers; Erlang sizes each tier on its own load, the simulation sees the transfers and their waits.`);
    if (c.concurrency > 1) add('concurrency', 'either', `${c.id}: agents hold up to ${c.concurrency} sessions at once; Erlang treats sessions as independent servers.`);
    if (c.deflection > 0) add('deflection', 'fewer', `${c.id}: ${pct(c.deflection)} of contacts are deflected by self-service before reaching agents.`);
    if (c.deferred) add('deferredWork', 'either', `${c.id}: deferred work (no abandonment) carries a backlog from interval to interval; Erlang treats each interval alone.`);
  }
  const shrunk = model.groups.filter((g) => g.shrinkage.planned > 0 || g.shrinkage.absenteeism > 0);
  for (const g of shrunk) {
    add('shrinkage', 'more', `${g.id}: planned shrinkage ${pct(g.shrinkage.planned)} and absenteeism ${pct(g.shrinkage.absenteeism)} take agents off the phones at random; Erlang divides by the average availability, the simulation also meets the target in the intervals that lose more than the average.`);
  }
  if (n.breakShare > 0) {
    add('breaks', 'more', n.perInterval
      ? `the scenario's shifts spend ${pct(n.breakShare)} of their time on breaks; per-interval staffing counts agents on the phones, so FTE adds the breaks back (÷ (1 − ${pct(n.breakShare)})) — run with --shifts to staff the shifts with their breaks.`
      : `breaks take ${pct(n.breakShare)} of shift time at fixed times; the simulation staffs around them, Erlang only sees an average.`);
  }
  if (model.groups.some((g) => g.channels.length > 1) || model.channels.some((_, ch) => model.groups.filter((g) => g.tier === 1 && g.channels.includes(ch)).length > 1)) {
    add('skills', 'either', 'groups share channels (skill-based routing); Erlang splits a shared group by load, the simulation routes contact by contact.');
  }
  add('coupling', 'either', 'a queue or backlog left at the end of an interval is served in the next: the simulation staffs intervals in time order on the whole day; Erlang assumes each interval starts empty and in steady state.');
  if (n.confidence !== null) {
    const level = `${Math.round(n.confidence * 100)}%`;
    add('confidence', 'more', `the simulation requires the whole ${level} confidence interval of each target metric to meet it (the strict rule of ccsim check); Erlang meets the target on its mean, so where the simulated CI at Erlang's count straddles a target one more agent is asked (--on mean judges the mean instead).`);
  }
  const diff = n.simulated.agentHours - n.erlang.agentHours;
  const rel = n.erlang.agentHours > 0 ? ` (${diff >= 0 ? '+' : ''}${pct(diff / n.erlang.agentHours)})` : '';
  add('total', diff > 0 ? 'more' : diff < 0 ? 'fewer' : 'either', `in all, the simulated plan needs ${Math.round(n.simulated.agentHours * 10) / 10} agent-hours against Erlang's ${Math.round(n.erlang.agentHours * 10) / 10}${rel}.`);
  return notes;
}
