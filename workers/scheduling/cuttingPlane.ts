/**
 * The simulation-based cutting-plane method of Atlason, Epelman & Henderson (2004, "Call
 * center staffing with simulation and cutting plane methods", Ann. Oper. Res. 127:333–358):
 * an integer program proposes the cheapest shift schedule meeting the constraints it knows,
 * the simulation checks the schedule, and what it finds becomes linear constraints on the
 * per-interval coverage (agents on duty) for the next proposal.
 *
 * - **Per interval** (the default): the program first covers the Erlang requirement (the
 *   "Erlang cover"). Every interval that misses a target at the chosen confidence adds the cut
 *   coverage_i ≥ current_i + 1, which is a raised requirement in that interval; the program
 *   solves again, and so on until every interval meets every target or `maxRounds` rounds of
 *   cuts have been added.
 * - **Day level** (`--day-level`): the targets are judged on the day's figures. Starting from
 *   the Erlang cover's schedule ȳ, each target the day misses gives the cut of Atlason et al.
 *   §3: with h(y) the day's metric, signed so that more is better (h = SL, or h = −abandon
 *   rate), and d_i = h(ȳ + e_i) − h(ȳ) its finite difference per interval under common random
 *   numbers (clipped at 0: one more agent cannot hurt, so a negative difference is noise),
 *     Σ_i d_i · x_i ≥ bound + w − h(ȳ) + Σ_i d_i · ȳ_i,
 *   w the half-width of h's CI at ȳ (so the cut asks for a mean that would pass the judging,
 *   not just the bound). Erlang's per-interval requirements are dropped — the program may go
 *   below Erlang where it pays — and only the offered load's agents are kept as a floor
 *   (./loadFloor.ts: below it h is not concave). With h concave in the coverage (more agents help less and less), the
 *   linearization over-estimates h everywhere, so a cut taken at any point — feasible or not —
 *   removes no schedule that meets the target: round 0 cuts every target at the Erlang cover
 *   even when it meets them, and the program, freed of the per-interval requirement, looks
 *   below it. The loop ends when the program's cheapest schedule under the cuts meets every
 *   day target (nothing cheaper can), or when no schedule cheaper than the best confirmed one
 *   meets the cuts; the cheapest confirmed schedule is the answer.
 *
 * **Confirmation.** When a proposal meets every target on the search's replications, it is
 * judged again on fresh replications (another seed). Whatever misses there becomes a cut in
 * the same way and the loop goes on, so that the answer's figures are not merely those of the
 * sample it was fitted to: a schedule chosen until one sample's CIs clear their bounds is
 * biased toward that sample's luck (selection bias), and every interval judged at 95% over 48
 * intervals leaves plenty of room for it. The loop ends `met` only when the fresh replications
 * confirm every target.
 *
 * The simulation and the program are ports (`ScheduleLoopPorts`), so the loop itself is
 * checked on hand-computable cases (test/schedule/cuttingPlane.test.ts).
 */
import type { ScheduleConfirmation } from '../../analysis/schedule/result.js';
import type { CoverSolution } from './cover.js';
import type { LinearCut } from './coverCuts.js';

/** What the simulation said of one schedule. */
export interface IntervalVerdicts {
  /** Intervals (0-based) where some target is missed at the chosen confidence. */
  readonly failing: readonly number[];
}

/** A day-level target at one schedule: its per-replication values, signed so that more is better. */
export interface DayTargetValues {
  readonly label: string;
  /** The signed bound (bound for ≥, −bound for ≤). */
  readonly bound: number;
  /** h per replication at the schedule (NaN where undefined). */
  readonly values: readonly number[];
  readonly met: boolean;
}

export interface ScheduleLoopPorts {
  /** The cheapest schedule covering `requirement` and meeting `cuts`. */
  solve(requirement: readonly number[], cuts: readonly LinearCut[]): Promise<CoverSolution>;
  /** Per-interval judging of a schedule (per-interval mode) on the search's replications. */
  judgeIntervals(schedule: CoverSolution): Promise<IntervalVerdicts>;
  /** The same on the fresh replications (the confirmation). */
  confirmIntervals(schedule: CoverSolution): Promise<IntervalVerdicts>;
  /** Day-level judging of a schedule on the fresh replications (the confirmation). */
  confirmDay(schedule: CoverSolution): Promise<readonly DayTargetValues[]>;
  /**
   * Day-level judging of a schedule, and of it with one agent more on duty in exactly one
   * interval (`extraAt`, null for none): one list of targets per entry of `extraAt`, same order.
   */
  judgeDay(schedule: CoverSolution, extraAt: readonly (number | null)[]): Promise<(readonly DayTargetValues[])[]>;
  /** The half-width of a CI at the search's confidence. */
  halfWidth(values: readonly number[]): number;
}

export interface LoopRound {
  readonly round: number;
  readonly solution: CoverSolution;
  /** Intervals that missed (per-interval mode), or [] (day level). */
  readonly failing: readonly number[];
  /** Judged on the fresh replications too (the search's met everything): what missed there. */
  readonly confirmation: ScheduleConfirmation | null;
  /** Day targets missed (day level), by label. */
  readonly missedDayTargets: readonly string[];
  /** Cuts added after this round (per interval: one per failing interval). */
  readonly cutsAdded: number;
}

export interface LoopOutcome {
  /** met: the last proposal meets every target; rounds: `maxRounds` reached first; infeasible: the program has no schedule. */
  readonly state: 'met' | 'rounds' | 'infeasible' | 'stuck';
  /** The Erlang cover (round 0's proposal in per-interval mode, the starting point at day level). */
  readonly erlangCover: CoverSolution;
  /** The last feasible proposal. */
  readonly final: CoverSolution;
  readonly rounds: readonly LoopRound[];
  /** The requirement the last program covered (per-interval mode: Erlang raised by the cuts). */
  readonly requirement: readonly number[];
  readonly cuts: readonly LinearCut[];
}

export interface LoopInput {
  readonly erlangRequirement: readonly number[];
  /** Day level: the per-interval floor the program keeps instead of Erlang's (./loadFloor.ts); zeros by default. */
  readonly dayFloor?: readonly number[];
  readonly maxRounds: number;
  readonly dayLevel: boolean;
}

class Infeasible extends Error {}

async function feasible(ports: ScheduleLoopPorts, requirement: readonly number[], cuts: readonly LinearCut[]): Promise<CoverSolution> {
  const s = await ports.solve(requirement, cuts);
  if (s.status === 'infeasible') throw new Infeasible();
  return s;
}

async function perInterval(ports: ScheduleLoopPorts, o: LoopInput): Promise<LoopOutcome> {
  const requirement = [...o.erlangRequirement];
  const rounds: LoopRound[] = [];
  const erlangCover = await ports.solve(requirement, []);
  if (erlangCover.status === 'infeasible') return { state: 'infeasible', erlangCover, final: erlangCover, rounds, requirement, cuts: [] };
  let final = erlangCover;
  for (let round = 0; ; round++) {
    const searched = (await ports.judgeIntervals(final)).failing;
    const confirmation = searched.length === 0 ? { failing: (await ports.confirmIntervals(final)).failing, missedDayTargets: [] } : null;
    const failing = confirmation?.failing ?? searched;
    const more = failing.length > 0 && round < o.maxRounds;
    rounds.push({ round, solution: final, failing: searched, confirmation, missedDayTargets: [], cutsAdded: more ? failing.length : 0 });
    if (failing.length === 0) return { state: 'met', erlangCover, final, rounds, requirement, cuts: [] };
    if (!more) return { state: 'rounds', erlangCover, final, rounds, requirement, cuts: [] };
    // The cut coverage_i ≥ current_i + 1 of each interval that missed.
    for (const i of failing) requirement[i] = Math.max(requirement[i] ?? 0, (final.coverage[i] ?? 0) + 1);
    try {
      final = await feasible(ports, requirement, []);
    } catch (err) {
      if (!(err instanceof Infeasible)) throw err;
      return { state: 'infeasible', erlangCover, final, rounds, requirement, cuts: [] };
    }
  }
}

/**
 * The cut of one missed day target at `point` from its values there and at point + e_i
 * (module comment); `level` is h(ȳ), by default the mean of the values at the point.
 */
export function dayCut(target: DayTargetValues, plus: readonly (readonly number[])[], point: readonly number[], halfWidth: number, level = mean(target.values)): LinearCut {
  const n = target.values.length;
  const at = level;
  // Paired differences over replications (common random numbers), clipped at 0.
  const coefficients = plus.map((values) => {
    let sum = 0, k = 0;
    for (let r = 0; r < n; r++) {
      const d = (values[r] ?? NaN) - (target.values[r] ?? NaN);
      if (Number.isFinite(d)) { sum += d; k++; }
    }
    return k === 0 ? 0 : Math.max(0, sum / k);
  });
  const w = Number.isFinite(halfWidth) ? halfWidth : 0;
  const bound = target.bound + w - at + coefficients.reduce((s, d, i) => s + d * (point[i] ?? 0), 0);
  return { coefficients, bound, label: target.label };
}

interface LastCut {
  readonly cut: LinearCut;
  readonly level: number;
  readonly point: readonly number[];
}

/**
 * How far the target's last cut over-promised at `point`: its linear prediction of h there
 * less the simulated h (0 when it did not over-promise). The next cut asks for that much more
 * than the bound: the linearization's error where the program went, expected again one step
 * on. Without it the cuts crawl toward the target in slivers (Kelley's method tails, and the
 * differences clipped at 0 lean optimistic), each sliver a round of I + 1 simulated days.
 */
export function overshoot(last: LastCut | undefined, point: readonly number[], level: number): number {
  if (last === undefined) return 0;
  const predicted = last.level + last.cut.coefficients.reduce((s, d, i) => s + d * ((point[i] ?? 0) - (last.point[i] ?? 0)), 0);
  return Number.isFinite(predicted - level) ? Math.max(0, predicted - level) : 0;
}

function mean(values: readonly number[]): number {
  const xs = values.filter((v) => Number.isFinite(v));
  return xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length;
}

async function dayLevel(ports: ScheduleLoopPorts, o: LoopInput): Promise<LoopOutcome> {
  const I = o.erlangRequirement.length;
  const floor = o.dayFloor ?? new Array<number>(I).fill(0);
  const rounds: LoopRound[] = [];
  const cuts: LinearCut[] = [];
  const erlangCover = await ports.solve(o.erlangRequirement, []);
  const end = (state: LoopOutcome['state'], final: CoverSolution): LoopOutcome => ({ state, erlangCover, final, rounds, requirement: floor, cuts });
  if (erlangCover.status === 'infeasible') return end('infeasible', erlangCover);
  /** The cheapest proposal confirmed so far (met on both the search's and the fresh replications). */
  let best: CoverSolution | null = null;
  /** Each target's last cut, with h and the coverage where it was taken. */
  const previous = new Map<string, LastCut>();
  let point = erlangCover;
  for (let round = 0; ; round++) {
    const [targets] = await ports.judgeDay(point, [null]) as [readonly DayTargetValues[]];
    const searched = targets.filter((t) => !t.met);
    const fresh = searched.length === 0 ? await ports.confirmDay(point) : null;
    const missed = fresh === null ? searched : fresh.filter((t) => !t.met);
    if (missed.length === 0 && (best === null || point.cost < best.cost)) best = point;
    // Round 0 cuts every target at the Erlang cover, met or not: the program then looks for a
    // cheaper schedule below it. Later rounds cut what the proposal missed.
    const toCut = round === 0 ? (fresh ?? targets) : missed;
    const more = toCut.length > 0 && round < o.maxRounds;
    const record = (cutsAdded: number): void => {
      rounds.push({
        round, solution: point, failing: [], missedDayTargets: searched.map((t) => t.label),
        confirmation: fresh === null ? null : { failing: [], missedDayTargets: missed.map((t) => t.label) }, cutsAdded,
      });
    };
    if ((missed.length === 0 && round > 0) || !more) record(0);
    // The program's cheapest schedule under the cuts meets every target: nothing cheaper can.
    if (missed.length === 0 && round > 0) return end('met', point);
    if (!more) return best === null ? end('rounds', point) : end('met', best);
    const plus = await ports.judgeDay(point, point.coverage.map((_, i) => i));
    // The differences come from the search's replications (paired with the point's there); a
    // target judged on the fresh ones takes its level and half-width from them.
    const added = toCut.flatMap((t) => {
      const here = targets.find((x) => x.label === t.label) as DayTargetValues;
      const level = mean(t.values);
      const cut = dayCut(here, plus.map((p) => p.find((x) => x.label === t.label)?.values ?? []), point.coverage, ports.halfWidth(t.values) + overshoot(previous.get(t.label), point.coverage, level), level);
      if (cut.coefficients.every((d) => d === 0) && t.met) return [];
      previous.set(t.label, { cut, level, point: point.coverage });
      return [cut];
    });
    // A missed target no agent helps (every difference 0): no cut can lead to it.
    if (added.some((c) => c.coefficients.every((d) => d === 0))) {
      record(0);
      return best === null ? end('stuck', point) : end('met', best);
    }
    cuts.push(...added);
    record(added.length);
    let next: CoverSolution;
    try {
      next = await feasible(ports, floor, cuts);
    } catch (err) {
      if (!(err instanceof Infeasible)) throw err;
      return best === null ? end('infeasible', point) : end('met', best);
    }
    // Every schedule meeting the cuts costs at least this: the confirmed one is the cheapest.
    if (best !== null && next.cost >= best.cost) return end('met', best);
    point = next;
  }
}

export function runCuttingPlane(ports: ScheduleLoopPorts, o: LoopInput): Promise<LoopOutcome> {
  return o.dayLevel ? dayLevel(ports, o) : perInterval(ports, o);
}
