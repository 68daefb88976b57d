/**
 * Staffing interval by interval (`ccsim staff`, the default) and for a whole day at one level
 * (`--whole-day`). The method, in three stages:
 *
 * 1. **In time order**, each interval i is solved with intervals 0..i−1 fixed at their
 *    answers (the queue and backlog they leave carry over), on the day cut a little after it:
 *    a look-ahead of the intervals that the channels' target times reach into (at least one,
 *    at most four), staffed provisionally like interval i, so that contacts of interval i
 *    still waiting at its end (calls in queue, callbacks with a 30-minute target) are served
 *    as they would be. A candidate meets the targets when interval i does. The level is found
 *    by `minimalLevel` from the Erlang answer.
 * 2. **The whole day is re-checked**: any interval that misses a target in the full-day run
 *    (the later intervals' real answers replace the provisional look-ahead) gets one agent more,
 *    and the day runs again — at most `maxRounds` times.
 * 3. **One agent fewer** in each interval is tried on the whole day, all at once on the pool;
 *    if some still meet every target, the earliest is taken and the round repeats (at most
 *    `maxRounds` times). The answer then meets the targets in every interval of the full-day
 *    run, and one agent fewer in any interval does not.
 *
 * Several groups: the level searched is the interval's total, shared among the groups in
 * proportion to their Erlang answers (workers/staffing/levelSearch.ts `share`), so groups
 * keep the mix Erlang gives them; the order of groups (tier, then scenario order) only breaks
 * ties of rounding.
 */
import type { Logger } from 'pino';
import type { Model } from '../../engine/model.js';
import { countModel, prefixModel, type CountPlan } from './candidate.js';
import type { ErlangStart } from './erlangStart.js';
import type { Evaluation, Evaluator } from './evaluator.js';
import { dayMet, intervalMet } from './judging.js';
import { minimalLevel, share } from './levelSearch.js';
import { allMet, judgeChecks, type TargetCheck } from './targets.js';
import { dayRows } from './judging.js';

export interface CountSearchResult {
  /** Agents on duty [group][interval]. */
  readonly counts: CountPlan;
  /** The whole-day run of the answer. */
  readonly final: Evaluation;
  /** Per interval: the whole-day run with one agent fewer there (null where the answer is 0). */
  readonly minusOne: readonly (Evaluation | null)[];
  /** Intervals that could not meet the targets even at the search's cap. */
  readonly unreachable: readonly number[];
  /** Whole-day runs in stage 2 that still had failing intervals, and one-fewer changes taken in stage 3. */
  readonly bumpRounds: number;
  readonly trims: number;
  /** Stage 2 ran out of rounds with intervals still failing. */
  readonly stillFailing: readonly number[];
}

export interface CountSearchInput {
  readonly model: Model;
  readonly checks: readonly TargetCheck[];
  readonly start: ErlangStart;
  readonly evaluator: Evaluator;
  readonly maxRounds: number;
  readonly logger: Logger;
}

const capOf = (m0: number): number => Math.max(10, 3 * m0 + 10);

/** Groups in search order: tier, then scenario order (used for ties in `share`). */
function planOf(totals: readonly number[], weights: readonly (readonly number[])[], groups: number): number[][] {
  const out = Array.from({ length: groups }, () => new Array<number>(totals.length).fill(0));
  totals.forEach((m, iv) => share(m, weights.map((w) => w[iv] ?? 0)).forEach((x, g) => { (out[g] as number[])[iv] = x; }));
  return out;
}

/** Intervals after i simulated when solving i: as many as the longest target time spans, 1 to 4. */
function lookAhead(model: Model): number {
  const longest = Math.max(0, ...model.channels.map((c) => Math.max(c.targetSec, c.callback?.targetSec ?? 0)));
  return Math.min(4, Math.max(1, Math.ceil(longest / model.intervalSec)));
}

function weightsOf(start: ErlangStart): number[][] {
  return start.scheduled.map((row) => [...row]);
}

async function solveInTimeOrder(o: CountSearchInput, weights: readonly (readonly number[])[]): Promise<{ totals: number[]; unreachable: number[] }> {
  const { model, checks, evaluator } = o;
  const I = model.intervalCount;
  const totals = new Array<number>(I).fill(0);
  const unreachable: number[] = [];
  for (let i = 0; i < I; i++) {
    const m0 = weights.reduce((s, w) => s + (w[i] ?? 0), 0);
    const last = Math.min(I - 1, i + lookAhead(model));
    const cut = prefixModel(model, last);
    const answer = await minimalLevel(m0, capOf(m0), async (levels) => {
      const candidates = levels.map((m) => {
        const t = [...totals.slice(0, i), ...new Array<number>(last - i + 1).fill(m)];
        // The look-ahead keeps interval i's share of groups, scaled by nothing: same heads.
        const plan = planOf(t, weights.map((w) => [...w.slice(0, i + 1), ...new Array<number>(last - i).fill(w[i] ?? 0)]), model.groups.length);
        return { model: countModel(cut, plan), from: i, to: i, day: false };
      });
      const evaluations = await evaluator.evaluate(candidates);
      return evaluations.map((e) => intervalMet(checks, e, i));
    });
    totals[i] = answer.level;
    if (!answer.reachable) unreachable.push(i);
    o.logger.debug({ interval: i, erlang: m0, simulated: answer.level }, 'interval staffed');
  }
  return { totals, unreachable };
}

export async function searchIntervals(o: CountSearchInput): Promise<CountSearchResult> {
  const { model, checks, evaluator } = o;
  const I = model.intervalCount;
  const G = model.groups.length;
  const weights = weightsOf(o.start);
  const { totals, unreachable } = await solveInTimeOrder(o, weights);
  const whole = (t: readonly number[]) => ({ model: countModel(model, planOf(t, weights, G)), from: 0, to: I - 1, day: true });
  // Stage 2: the whole day, bumping intervals that fail in it.
  let [final] = await evaluator.evaluate([whole(totals)]) as [Evaluation];
  let bumpRounds = 0;
  let failing = failingIntervals(checks, final, I);
  while (failing.length > 0 && bumpRounds < o.maxRounds) {
    for (const iv of failing) totals[iv] = (totals[iv] ?? 0) + 1;
    bumpRounds++;
    [final] = await evaluator.evaluate([whole(totals)]) as [Evaluation];
    failing = failingIntervals(checks, final, I);
  }
  // Stage 3: one agent fewer anywhere must fail.
  let trims = 0;
  let minusOne: (Evaluation | null)[] = [];
  for (;;) {
    const tried = totals.flatMap((m, iv) => (m > 0 ? [iv] : []));
    const evaluations = await evaluator.evaluate(tried.map((iv) => whole(totals.map((m, j) => (j === iv ? m - 1 : m)))));
    minusOne = totals.map(() => null);
    tried.forEach((iv, k) => { minusOne[iv] = evaluations[k] ?? null; });
    if (failing.length > 0 || trims >= o.maxRounds) break;
    const k = tried.findIndex((_, n) => dayMet(checks, evaluations[n] as Evaluation, I));
    if (k < 0) break;
    const iv = tried[k] as number;
    totals[iv] = (totals[iv] ?? 0) - 1;
    final = evaluations[k] as Evaluation;
    trims++;
  }
  return { counts: planOf(totals, weights, G), final, minusOne, unreachable, bumpRounds, trims, stillFailing: failing };
}

function failingIntervals(checks: readonly TargetCheck[], e: Evaluation, I: number): number[] {
  const out: number[] = [];
  for (let iv = 0; iv < I; iv++) if (!intervalMet(checks, e, iv)) out.push(iv);
  return out;
}

/**
 * `--whole-day`: one count per group for the whole day (shared as above, by the Erlang answer
 * at the day's mean rate), judged on the day's figures; the same level search.
 */
export async function searchWholeDay(o: CountSearchInput): Promise<CountSearchResult> {
  const { model, checks, evaluator } = o;
  const I = model.intervalCount;
  const G = model.groups.length;
  const weights = o.start.scheduled.map((row) => new Array<number>(I).fill(row[0] ?? 0));
  const m0 = weights.reduce((s, w) => s + (w[0] ?? 0), 0);
  const whole = (m: number) => ({ model: countModel(model, planOf(new Array<number>(I).fill(m), weights, G)), from: 0, to: I - 1, day: true });
  const met = (e: Evaluation): boolean => allMet(judgeChecks(checks, dayRows(e)));
  const answer = await minimalLevel(m0, capOf(m0), async (levels) => (await evaluator.evaluate(levels.map(whole))).map(met));
  const [final, below] = await evaluator.evaluate([whole(answer.level), whole(Math.max(0, answer.level - 1))]) as [Evaluation, Evaluation];
  const minusOne = new Array<Evaluation | null>(I).fill(answer.level > 0 ? below : null);
  return {
    counts: planOf(new Array<number>(I).fill(answer.level), weights, G), final, minusOne,
    unreachable: answer.reachable ? [] : Array.from({ length: I }, (_, i) => i), bumpRounds: 0, trims: 0, stillFailing: [],
  };
}
