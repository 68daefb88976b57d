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
 * Breaks are simulated (agents on break are on duty but unavailable); shrinkage is kept.
 */
import type { Model } from '../../engine/model.js';
import type { Scenario } from '../../scenarios/schema.js';
import { shiftModel } from './candidate.js';
import type { Evaluation, Evaluator } from './evaluator.js';
import { dayMet } from './judging.js';
import type { TargetCheck } from './targets.js';

export interface ShiftRef {
  readonly group: number;
  readonly shift: number;
}

export interface ShiftSearchResult {
  /** Counts [group][shift]. */
  readonly counts: readonly (readonly number[])[];
  readonly final: Evaluation;
  /** Per shift (in `refs` order): the day with one agent fewer on it, or null (count 0). */
  readonly minusOne: readonly (Evaluation | null)[];
  readonly refs: readonly ShiftRef[];
  readonly met: boolean;
  readonly scaleRounds: number;
}

export interface ShiftSearchInput {
  readonly model: Model;
  readonly scenario: Scenario;
  readonly checks: readonly TargetCheck[];
  readonly evaluator: Evaluator;
  readonly maxRounds: number;
}

export async function searchShifts(o: ShiftSearchInput): Promise<ShiftSearchResult> {
  const { model, scenario, checks, evaluator } = o;
  const I = model.intervalCount;
  const refs: ShiftRef[] = scenario.agents.flatMap((g, gi) => (g.shifts ?? []).map((_, s) => ({ group: gi, shift: s })));
  let counts = scenario.agents.map((g) => (g.shifts ?? []).map((s) => s.count));
  const day = (c: readonly (readonly number[])[]) => ({ model: shiftModel(model, scenario, c), from: 0, to: I - 1, day: true });
  const minus = (c: readonly (readonly number[])[], r: ShiftRef) => c.map((row, g) => row.map((x, s) => (g === r.group && s === r.shift ? x - 1 : x)));
  let [final] = await evaluator.evaluate([day(counts)]) as [Evaluation];
  let scaleRounds = 0;
  while (!dayMet(checks, final, I) && scaleRounds < o.maxRounds) {
    counts = counts.map((row) => row.map((x) => Math.max(x + 1, Math.ceil(x * 1.25))));
    scaleRounds++;
    [final] = await evaluator.evaluate([day(counts)]) as [Evaluation];
  }
  const met = dayMet(checks, final, I);
  const hoursOf = (r: ShiftRef): number => {
    const spec = scenario.agents[r.group]?.shifts?.[r.shift];
    const cost = model.groups[r.group]?.costPerHour ?? 0;
    return ((spec?.length ?? 0) / 3600) * (cost > 0 ? cost : 1);
  };
  let inPlay = met ? refs.filter((r) => (counts[r.group]?.[r.shift] ?? 0) > 0) : [];
  while (inPlay.length > 0) {
    const evaluations = await evaluator.evaluate(inPlay.map((r) => day(minus(counts, r))));
    const passing = inPlay.map((r, k) => ({ r, k, ok: dayMet(checks, evaluations[k] as Evaluation, I) })).filter((x) => x.ok);
    if (passing.length === 0) break;
    const best = passing.reduce((a, b) => (hoursOf(b.r) > hoursOf(a.r) ? b : a));
    counts = minus(counts, best.r);
    final = evaluations[best.k] as Evaluation;
    const kept = new Set(passing.map((x) => x.r));
    inPlay = inPlay.filter((r) => kept.has(r) && (counts[r.group]?.[r.shift] ?? 0) > 0);
  }
  const minusOne = await evaluator.evaluate(refs.filter((r) => (counts[r.group]?.[r.shift] ?? 0) > 0).map((r) => day(minus(counts, r))));
  let k = 0;
  const byRef = refs.map((r) => ((counts[r.group]?.[r.shift] ?? 0) > 0 ? (minusOne[k++] ?? null) : null));
  return { counts, final, minusOne: byRef, refs, met, scaleRounds };
}
