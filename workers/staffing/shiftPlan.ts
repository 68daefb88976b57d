/**
 * `--shifts`: the fewest agents per scenario shift (start, length and breaks as written) such
 * that every interval of the whole day meets the targets — the question a scheduler answers.
 *
 * Method (greedy descent from a scaled-up plan):
 * 1. Start from the scenario's counts; while the day misses a target, scale every count by
 *    1.25 (rounded up, at least +1) — at most `maxRounds` times.
 * 2. Each round tries one agent fewer on every shift still in play, all at once on the pool.
 *    Of those that keep every target, the one saving the most agent-hours (× cost per hour)
 *    is taken (ties: the earlier shift); a shift whose decrement misses a target leaves play
 *    (with fewer agents elsewhere it would miss it again). Stops when no shift is in play.
 * 3. The answer runs on fresh replications (indices R..2R−1, never seen by the search) and is
 *    judged there (./dayCheck.ts says why): an interval that misses a target gets one more
 *    agent on each shift covering it, of the groups serving what fails (at most `maxRounds`
 *    rounds); each shift with one agent fewer is run there too (the minimality evidence).
 * Breaks are simulated (agents on break are on duty but unavailable); shrinkage is kept.
 * "Saving" is agent-hours × the group's weight (`--objective`: its cost per hour, or 1).
 */
import type { Model } from '../../engine/model.js';
import type { Scenario } from '../../scenarios/schema.js';
import { occurrencesOf } from '../../scenarios/compile/schedule.js';
import { shiftModel, timingOf } from './candidate.js';
import type { Evaluation, Evaluator } from './evaluator.js';
import type { SearchStop } from './dayCheck.js';
import { raisersOf } from './groupSearch.js';
import { dayMet, failingIntervals, judgeInterval } from './judging.js';
import type { Judging } from './judgingRule.js';
import type { TargetCheck } from './targets.js';

export interface ShiftRef {
  readonly group: number;
  readonly shift: number;
}

export interface ShiftSearchResult {
  /** Counts [group][shift]. */
  readonly counts: readonly (readonly number[])[];
  /** The answer's whole day on fresh replications. */
  readonly final: Evaluation;
  /** Per shift (in `refs` order): the day with one agent fewer on it, fresh, or null (count 0). */
  readonly minusOne: readonly (Evaluation | null)[];
  readonly refs: readonly ShiftRef[];
  readonly scaleRounds: number;
  /** The scaling ran out of rounds with intervals failing (slots are intervals). */
  readonly stops: readonly SearchStop[];
}

export interface ShiftSearchInput {
  readonly model: Model;
  readonly scenario: Scenario;
  readonly checks: readonly TargetCheck[];
  readonly evaluator: Evaluator;
  readonly maxRounds: number;
  readonly judging: Judging;
  /** Objective per agent-hour of each group. */
  readonly weights: readonly number[];
}

export async function searchShifts(o: ShiftSearchInput): Promise<ShiftSearchResult> {
  const { model, scenario, checks, evaluator, judging } = o;
  const I = model.intervalCount;
  const refs: ShiftRef[] = scenario.agents.flatMap((g, gi) => (g.shifts ?? []).map((_, s) => ({ group: gi, shift: s })));
  let counts = scenario.agents.map((g) => (g.shifts ?? []).map((s) => s.count));
  const day = (c: readonly (readonly number[])[]) => ({ model: shiftModel(model, scenario, c), from: 0, to: I - 1, day: true });
  const minus = (c: readonly (readonly number[])[], r: ShiftRef) => c.map((row, g) => row.map((x, s) => (g === r.group && s === r.shift ? x - 1 : x)));
  let [final] = await evaluator.evaluate([day(counts)]) as [Evaluation];
  let scaleRounds = 0;
  while (!dayMet(checks, final, I, judging) && scaleRounds < o.maxRounds) {
    counts = counts.map((row) => row.map((x) => Math.max(x + 1, Math.ceil(x * 1.25))));
    scaleRounds++;
    [final] = await evaluator.evaluate([day(counts)]) as [Evaluation];
  }
  const failing = failingIntervals(checks, final, I, judging);
  const met = failing.length === 0;
  const hoursOf = (r: ShiftRef): number => {
    const spec = scenario.agents[r.group]?.shifts?.[r.shift];
    return ((spec?.length ?? 0) / 3600) * (o.weights[r.group] ?? 1);
  };
  let inPlay = met ? refs.filter((r) => (counts[r.group]?.[r.shift] ?? 0) > 0) : [];
  while (inPlay.length > 0) {
    const evaluations = await evaluator.evaluate(inPlay.map((r) => day(minus(counts, r))));
    const passing = inPlay.map((r, k) => ({ r, k, ok: dayMet(checks, evaluations[k] as Evaluation, I, judging) })).filter((x) => x.ok);
    if (passing.length === 0) break;
    const best = passing.reduce((a, b) => (hoursOf(b.r) > hoursOf(a.r) ? b : a));
    counts = minus(counts, best.r);
    const kept = new Set(passing.map((x) => x.r));
    inPlay = inPlay.filter((r) => kept.has(r) && (counts[r.group]?.[r.shift] ?? 0) > 0);
  }
  // 3. Judged on fresh replications; an interval missing a target there gets one more agent on
  // each shift covering it of the groups serving what fails (at most maxRounds rounds).
  let [fresh] = await evaluator.evaluate([day(counts)], 'fresh') as [Evaluation];
  const timing = timingOf(model, scenario.dayStart);
  const covers = (r: ShiftRef, iv: number): boolean => {
    const spec = scenario.agents[r.group]?.shifts?.[r.shift];
    return spec !== undefined && occurrencesOf(spec, timing).some((x) => x.startSec < (iv + 1) * model.intervalSec && x.endSec > iv * model.intervalSec);
  };
  let freshFailing = failingIntervals(checks, fresh, I, judging);
  let freshRounds = 0;
  while (freshFailing.length > 0 && freshRounds < o.maxRounds) {
    const raise = new Set<ShiftRef>();
    for (const iv of freshFailing) {
      const groups = raisersOf(model, judgeInterval(checks, fresh, iv, judging).filter((x) => !x.met).map((x) => x.check));
      for (const r of refs) if (groups.includes(r.group) && covers(r, iv)) raise.add(r);
    }
    if (raise.size === 0) break;
    counts = counts.map((row, g) => row.map((x, sh) => (refs.some((r) => raise.has(r) && r.group === g && r.shift === sh) ? x + 1 : x)));
    freshRounds++;
    [fresh] = await evaluator.evaluate([day(counts)], 'fresh') as [Evaluation];
    freshFailing = failingIntervals(checks, fresh, I, judging);
  }
  const stops: SearchStop[] = [
    ...(met ? [] : [{ stage: 'recheck' as const, slots: failing }]),
    ...(freshFailing.length > 0 ? [{ stage: 'freshRecheck' as const, slots: freshFailing }] : []),
  ];
  const minusOne = await evaluator.evaluate(refs.filter((r) => (counts[r.group]?.[r.shift] ?? 0) > 0).map((r) => day(minus(counts, r))), 'fresh');
  let k = 0;
  const byRef = refs.map((r) => ((counts[r.group]?.[r.shift] ?? 0) > 0 ? (minusOne[k++] ?? null) : null));
  return { counts, final: fresh, minusOne: byRef, refs, scaleRounds: scaleRounds + freshRounds, stops };
}
