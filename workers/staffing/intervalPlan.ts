/**
 * Staffing interval by interval (`ccsim staff`, the default) and for a whole day at one level
 * (`--whole-day`). The method, in three stages:
 *
 * 1. **In time order**, each interval i is solved with intervals 0..i−1 fixed at their
 *    answers (the queue and backlog they leave carry over), on the day cut a little after it:
 *    a look-ahead of the intervals that the channels' target times reach into (at least one,
 *    at most four), staffed provisionally like interval i, so that contacts of interval i
 *    still waiting at its end (calls in queue, callbacks with a 30-minute target) are served
 *    as they would be. A candidate meets the targets when interval i does. The count of each
 *    group is searched from the Erlang answer by ./groupSearch.ts (raise the groups serving
 *    what fails; lower each group, dearest first; trade dear agents for cheap ones).
 * 2. **The whole day is re-checked** and 3. **judged on fresh replications, one fewer
 *    tried everywhere** (./dayCheck.ts).
 *
 * `--whole-day`: one count per group for the whole day, judged on the day's figures, by the
 * same group search from the Erlang answer at the day's mean rate, then the same stages 2–3
 * on its single slot.
 */
import type { Logger } from 'pino';
import type { Model } from '../../engine/model.js';
import { countModel, prefixModel, type CountPlan } from './candidate.js';
import { settle, type DayLayout, type SearchStop, type SlotFailure } from './dayCheck.js';
import type { ErlangStart } from './erlangStart.js';
import type { Evaluation, Evaluator } from './evaluator.js';
import { searchGroups } from './groupSearch.js';
import { dayRows, judgeInterval } from './judging.js';
import type { Judging } from './judgingRule.js';
import { judgeChecks, type CheckOutcome, type TargetCheck } from './targets.js';

export interface CountSearchResult {
  /** Agents on duty [group][interval]. */
  readonly counts: CountPlan;
  /** The answer's whole-day run on fresh replications (what the result reports and judges). */
  readonly final: Evaluation;
  /** [interval][group]: the whole-day run with one agent fewer of the group there, fresh (null at 0). */
  readonly minusOne: readonly (readonly (Evaluation | null)[])[];
  /** [interval][group]: the run that refused each removal (dayCheck.ts `Settled.minusOneDeciding`). */
  readonly minusOneDeciding: readonly (readonly (Evaluation | null)[])[];
  /** Whole-day rounds that raised failing intervals (search and fresh), and one-fewer changes taken. */
  readonly bumpRounds: number;
  readonly trims: number;
  /** What stopped the search before it could prove its answer (slots are intervals). */
  readonly stops: readonly SearchStop[];
}

export interface CountSearchInput {
  readonly model: Model;
  readonly checks: readonly TargetCheck[];
  readonly start: ErlangStart;
  readonly evaluator: Evaluator;
  readonly maxRounds: number;
  readonly logger: Logger;
  readonly judging: Judging;
  /** Objective per agent of each group (cost per hour, or 1). */
  readonly weights: readonly number[];
}

/** The most agents tried per group: three times the Erlang answer of all groups, plus 10. */
const capOf = (start: readonly number[]): number => 3 * start.reduce((s, x) => s + x, 0) + 10;

/** Intervals after i simulated when solving i: as many as the longest target time spans, 1 to 4. */
function lookAhead(model: Model): number {
  const longest = Math.max(0, ...model.channels.map((c) => Math.max(c.targetSec, c.callback?.targetSec ?? 0)));
  return Math.min(4, Math.max(1, Math.ceil(longest / model.intervalSec)));
}

const failures = (slot: number, outcomes: readonly CheckOutcome[]): SlotFailure[] => {
  const checks = outcomes.filter((x) => !x.met).map((x) => x.check);
  return checks.length === 0 ? [] : [{ slot, checks }];
};

async function solveInTimeOrder(o: CountSearchInput): Promise<{ plan: number[][]; unreachable: number[] }> {
  const { model, checks, evaluator, judging } = o;
  const I = model.intervalCount;
  const plan = model.groups.map(() => new Array<number>(I).fill(0));
  const unreachable: number[] = [];
  for (let i = 0; i < I; i++) {
    const start = model.groups.map((_, g) => o.start.scheduled[g]?.[i] ?? 0);
    const last = Math.min(I - 1, i + lookAhead(model));
    const cut = prefixModel(model, last);
    const cap = capOf(start);
    const answer = await searchGroups({
      start, caps: start.map(() => cap), weights: o.weights, model,
      probe: async (vectors) => {
        // The look-ahead keeps interval i's counts: the same heads on into the cut.
        const candidates = vectors.map((v) => ({
          model: countModel(cut, plan.map((row, g) => [...row.slice(0, i), ...new Array<number>(last - i + 1).fill(v[g] ?? 0)])),
          from: i, to: i, day: false,
        }));
        return (await evaluator.evaluate(candidates)).map((e) => judgeInterval(checks, e, i, judging));
      },
    });
    answer.counts.forEach((x, g) => { (plan[g] as number[])[i] = x; });
    if (!answer.reachable) unreachable.push(i);
    o.logger.debug({ interval: i, erlang: start, simulated: answer.counts }, 'interval staffed');
  }
  return { plan, unreachable };
}

export async function searchIntervals(o: CountSearchInput): Promise<CountSearchResult> {
  const { model, checks, judging } = o;
  const I = model.intervalCount;
  const { plan, unreachable } = await solveInTimeOrder(o);
  const layout: DayLayout = {
    model, slots: I,
    candidate: (p) => ({ model: countModel(model, p), from: 0, to: I - 1, day: true }),
    failing: (e) => Array.from({ length: I }, (_, iv) => failures(iv, judgeInterval(checks, e, iv, judging))).flat(),
  };
  const s = await settle({ layout, plan, evaluator: o.evaluator, maxRounds: o.maxRounds, weights: o.weights });
  const stops: SearchStop[] = unreachable.length > 0 ? [{ stage: 'level', slots: unreachable }, ...s.stops] : [...s.stops];
  return { counts: s.plan, final: s.fresh, minusOne: s.minusOne, minusOneDeciding: s.minusOneDeciding, bumpRounds: s.bumpRounds, trims: s.trims, stops };
}

/** `--whole-day`: one count per group, judged on the day's figures. */
export async function searchWholeDay(o: CountSearchInput): Promise<CountSearchResult> {
  const { model, checks, evaluator, judging } = o;
  const I = model.intervalCount;
  const wholeDay = (v: readonly number[]) => ({ model: countModel(model, v.map((x) => new Array<number>(I).fill(x))), from: 0, to: I - 1, day: true });
  const dayOutcomes = (e: Evaluation): CheckOutcome[] => judgeChecks(checks, dayRows(e), judging);
  const start = model.groups.map((_, g) => o.start.scheduled[g]?.[0] ?? 0);
  const cap = capOf(start);
  const answer = await searchGroups({
    start, caps: start.map(() => cap), weights: o.weights, model,
    probe: async (vectors) => (await evaluator.evaluate(vectors.map(wholeDay))).map(dayOutcomes),
  });
  const layout: DayLayout = {
    model, slots: 1,
    candidate: (p) => wholeDay(p.map((row) => row[0] ?? 0)),
    failing: (e) => failures(0, dayOutcomes(e)),
  };
  const s = await settle({ layout, plan: answer.counts.map((x) => [x]), evaluator, maxRounds: o.maxRounds, weights: o.weights });
  // The one slot stands for every interval.
  const allIntervals = Array.from({ length: I }, (_, i) => i);
  const stops: SearchStop[] = [...(answer.reachable ? [] : [{ stage: 'level' as const, slots: [0] }]), ...s.stops].map((x) => ({ ...x, slots: allIntervals }));
  return {
    counts: s.plan.map((row) => new Array<number>(I).fill(row[0] ?? 0)), final: s.fresh,
    minusOne: allIntervals.map(() => s.minusOne[0] ?? []), minusOneDeciding: allIntervals.map(() => s.minusOneDeciding[0] ?? []), bumpRounds: s.bumpRounds, trims: s.trims, stops,
  };
}
