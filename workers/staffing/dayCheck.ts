/**
 * Settling a count plan on the whole day (stages 2 and 3 of ./intervalPlan.ts), for the
 * per-interval and the whole-day modes alike. A plan is a count per group and *slot*: an
 * interval, or the one level of `--whole-day`.
 *
 * 2. **Re-check on the search's replications**: the plan runs on the whole day; in every slot
 *    that misses a target, the groups serving what fails (./groupSearch.ts `raisersOf`) get
 *    one agent more, and the day runs again — at most `maxRounds` rounds.
 * 3. **Judge on fresh replications** (indices R..2R−1, never seen by the search): the answer
 *    runs on them and every slot is judged there — a slot that misses gets one more agent
 *    the same way (at most `maxRounds` rounds; raising only ever adds agents) —, then **one
 *    fewer**: each group's count in each slot, one lower, runs on the fresh replications. A
 *    slot is trimmed only when the day with one fewer there meets every target on the fresh
 *    replications *and* on the search's; the dearest such agent goes first, then the round
 *    repeats (at most `maxRounds` trims). Judging the answer on the replications it was
 *    selected on would be biased in its favour (selection bias, the "winner's curse"): the
 *    smallest count that passes is, more often than not, one whose replications were lucky.
 *
 * What stopped the search early (a cap, rounds that ran out) is returned as `stops`.
 */
import type { Model } from '../../engine/model.js';
import type { CountPlan } from './candidate.js';
import type { Candidate, Evaluation, Evaluator, ReplicationSet } from './evaluator.js';
import { raisersOf } from './groupSearch.js';
import type { TargetCheck } from './targets.js';

/** A failing slot and the targets it misses. */
export interface SlotFailure {
  readonly slot: number;
  readonly checks: readonly TargetCheck[];
}

/** Why a search stopped before it could prove its answer. */
export interface SearchStop {
  /**
   * `level`: raising every group serving a target to its cap did not meet it; `recheck`: the
   * whole-day re-check ran out of rounds; `freshRecheck`: so did the re-check on fresh
   * replications; `oneFewer`: the trims ran out of rounds with one fewer still meeting every target.
   */
  readonly stage: 'level' | 'recheck' | 'freshRecheck' | 'oneFewer';
  /** The slots concerned. */
  readonly slots: readonly number[];
}

export interface DayLayout {
  readonly model: Model;
  /** Number of slots (intervals, or 1 for the whole day). */
  readonly slots: number;
  /** The whole-day candidate of a plan [group][slot]. */
  candidate(plan: CountPlan): Candidate;
  /** The slots of a whole-day evaluation that miss a target. */
  failing(e: Evaluation): SlotFailure[];
}

export interface SettleInput {
  readonly layout: DayLayout;
  readonly plan: CountPlan;
  readonly evaluator: Evaluator;
  readonly maxRounds: number;
  /** Objective per agent of each group. */
  readonly weights: readonly number[];
}

export interface Settled {
  readonly plan: CountPlan;
  /** The answer's whole-day run on fresh replications. */
  readonly fresh: Evaluation;
  /** [slot][group]: the day with one fewer agent of the group in the slot, on fresh replications (null at 0). */
  readonly minusOne: readonly (readonly (Evaluation | null)[])[];
  /**
   * [slot][group]: the run that refused the removal — `minusOne`, or, where one fewer held on
   * the fresh replications but not on the search's, the search's run (what the agreement with
   * Erlang is judged on: why the answer kept that agent).
   */
  readonly minusOneDeciding: readonly (readonly (Evaluation | null)[])[];
  readonly bumpRounds: number;
  readonly trims: number;
  readonly stops: readonly SearchStop[];
}

function bumped(model: Model, plan: CountPlan, failures: readonly SlotFailure[]): number[][] {
  const out = plan.map((row) => [...row]);
  for (const f of failures) for (const g of raisersOf(model, f.checks)) (out[g] as number[])[f.slot] = (out[g]?.[f.slot] ?? 0) + 1;
  return out;
}

const minus = (plan: CountPlan, g: number, slot: number): number[][] => plan.map((row, k) => row.map((x, s) => (k === g && s === slot ? x - 1 : x)));

/** Re-runs the plan, bumping failing slots, until none fails on `set` or the rounds run out. */
async function recheck(o: SettleInput, plan: CountPlan, set: ReplicationSet): Promise<{ plan: CountPlan; run: Evaluation; rounds: number; failing: SlotFailure[] }> {
  let [run] = await o.evaluator.evaluate([o.layout.candidate(plan)], set) as [Evaluation];
  let failing = o.layout.failing(run);
  let rounds = 0;
  while (failing.length > 0 && rounds < o.maxRounds) {
    plan = bumped(o.layout.model, plan, failing);
    rounds++;
    [run] = await o.evaluator.evaluate([o.layout.candidate(plan)], set) as [Evaluation];
    failing = o.layout.failing(run);
  }
  return { plan, run, rounds, failing };
}

export async function settle(o: SettleInput): Promise<Settled> {
  const { layout, evaluator } = o;
  const stops: SearchStop[] = [];
  const searched = await recheck(o, o.plan, 'search');
  if (searched.failing.length > 0) stops.push({ stage: 'recheck', slots: searched.failing.map((f) => f.slot) });
  const checked = await recheck(o, searched.plan, 'fresh');
  if (checked.failing.length > 0) stops.push({ stage: 'freshRecheck', slots: checked.failing.map((f) => f.slot) });
  let plan = checked.plan;
  let fresh = checked.run;
  let trims = 0;
  let minusOne: (Evaluation | null)[][] = [];
  let deciding: (Evaluation | null)[][] = [];
  for (;;) {
    const tried = plan.flatMap((row, g) => row.flatMap((x, slot) => (x > 0 ? [{ g, slot }] : [])));
    const runs = await evaluator.evaluate(tried.map(({ g, slot }) => layout.candidate(minus(plan, g, slot))), 'fresh');
    minusOne = Array.from({ length: layout.slots }, () => plan.map(() => null));
    tried.forEach(({ g, slot }, k) => { (minusOne[slot] as (Evaluation | null)[])[g] = runs[k] ?? null; });
    deciding = minusOne.map((row) => [...row]);
    if (checked.failing.length > 0) break;
    const passing = tried.map((t, k) => ({ ...t, k })).filter(({ k }) => layout.failing(runs[k] as Evaluation).length === 0)
      .sort((a, b) => (o.weights[b.g] ?? 0) - (o.weights[a.g] ?? 0) || a.slot - b.slot || a.g - b.g);
    if (passing.length === 0) break;
    // Confirmed on the search's replications too, all in one pool round; the first that holds is taken.
    const onSearch = await evaluator.evaluate(passing.map((p) => layout.candidate(minus(plan, p.g, p.slot))), 'search');
    const confirmed = passing.filter((_, n) => layout.failing(onSearch[n] as Evaluation).length === 0);
    passing.forEach((q, n) => { (deciding[q.slot] as (Evaluation | null)[])[q.g] = onSearch[n] ?? null; });
    const p = confirmed[0];
    if (p === undefined) break;
    if (trims >= o.maxRounds) { stops.push({ stage: 'oneFewer', slots: [...new Set(confirmed.map((c) => c.slot))].sort((a, b) => a - b) }); break; }
    plan = minus(plan, p.g, p.slot);
    fresh = runs[p.k] as Evaluation;
    trims++;
  }
  return { plan, fresh, minusOne, minusOneDeciding: deciding, bumpRounds: searched.rounds + checked.rounds, trims, stops };
}
