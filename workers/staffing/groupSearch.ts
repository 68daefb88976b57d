/**
 * The per-group counts of one staffing decision (an interval, or the whole day at one level),
 * searched group by group — a coordinate search with common random numbers, not one total
 * split by a ratio (issue 15: a ratio lets one group's noisy target drag every group up).
 *
 * 1. **Raise** until every target holds: the groups that serve a failing target (the groups
 *    holding its channel at their best rank and tier, or the group a group target names —
 *    `raisersOf`) get +1, +2, +4, … (a gallop), all at once, up to each group's cap.
 * 2. **Lower** each group in turn, the dearest per agent first (then scenario order), to the
 *    fewest agents that still meet every target with the others held (`minimalLevel`: the
 *    answer meets them, one fewer was seen to fail).
 * 3. **Exchange** (only when the objective weighs groups differently): one agent of a dearer
 *    group for one of a cheaper group sharing a channel with it, while every target holds; the
 *    largest saving first, until none holds.
 *
 * Every candidate sees the same customers (the search's seed and replications), so neighbouring
 * vectors compare sharply; on two teams that share no channel each team's count is the one it
 * would get alone (its targets do not move with the other team's count).
 */
import type { Model } from '../../engine/model.js';
import { minimalLevel } from './levelSearch.js';
import { allMet, type CheckOutcome, type TargetCheck } from './targets.js';

/** Judges count vectors (one count per group; same order) in one pool round. */
export type GroupProbe = (plans: readonly (readonly number[])[]) => Promise<(readonly CheckOutcome[])[]>;

export interface GroupSearchInput {
  /** Counts per group to start from (the Erlang answer). */
  readonly start: readonly number[];
  /** The most agents tried per group. */
  readonly caps: readonly number[];
  /** Objective per agent of each group (cost per hour, or 1 for agent-hours). */
  readonly weights: readonly number[];
  readonly model: Model;
  readonly probe: GroupProbe;
}

export interface GroupAnswer {
  readonly counts: readonly number[];
  /** False when raising every group that serves the failing targets up to its cap did not meet them. */
  readonly reachable: boolean;
}

/** Best (lowest) rank at which group g serves channel ch; Infinity when it does not. */
function rankOf(model: Model, g: number, ch: number): number {
  const skills = model.groups[g]?.skills ?? [];
  return skills.reduce((best, s) => (s.channel === ch && s.rank < best ? s.rank : best), Infinity);
}

/**
 * The groups to raise for failing targets: for a channel's target, the groups serving the
 * channel at the lowest tier, and among them at the best rank (its primary servers); for a
 * group's target, that group.
 */
export function raisersOf(model: Model, failing: readonly TargetCheck[]): number[] {
  const out = new Set<number>();
  for (const check of failing) {
    if (check.scope === 'groups') { out.add(check.index); continue; }
    const servers = model.groups.flatMap((_, g) => (Number.isFinite(rankOf(model, g, check.index)) ? [g] : []));
    const key = (g: number): number => (model.groups[g]?.tier ?? 1) * 1e6 + rankOf(model, g, check.index);
    const best = Math.min(...servers.map(key));
    for (const g of servers) if (key(g) === best) out.add(g);
  }
  return [...out].sort((a, b) => a - b);
}

/** Two groups can trade agents when they serve a common channel. */
function sharing(model: Model, g: number, h: number): boolean {
  const a = model.groups[g]?.channels ?? [];
  return (model.groups[h]?.channels ?? []).some((ch) => a.includes(ch));
}

const withCount = (c: readonly number[], g: number, m: number): number[] => c.map((x, k) => (k === g ? m : x));

export async function searchGroups(o: GroupSearchInput): Promise<GroupAnswer> {
  const G = o.start.length;
  const seen = new Map<string, readonly CheckOutcome[]>();
  const judge = async (plans: readonly (readonly number[])[]): Promise<(readonly CheckOutcome[])[]> => {
    const fresh = [...new Set(plans.map((p) => p.join(',')))].filter((k) => !seen.has(k));
    if (fresh.length > 0) {
      const judged = await o.probe(fresh.map((k) => k.split(',').map(Number)));
      fresh.forEach((k, i) => seen.set(k, judged[i] ?? []));
    }
    return plans.map((p) => seen.get(p.join(',')) ?? []);
  };
  let c = o.start.map((x, g) => Math.max(0, Math.min(o.caps[g] ?? 0, x)));
  // 1. Raise the groups serving what fails, galloping.
  let [outcomes] = await judge([c]) as [readonly CheckOutcome[]];
  for (let step = 1; !allMet(outcomes); step *= 2) {
    const raise = raisersOf(o.model, outcomes.filter((x) => !x.met).map((x) => x.check)).filter((g) => (c[g] ?? 0) < (o.caps[g] ?? 0));
    if (raise.length === 0) return { counts: c, reachable: false };
    c = c.map((x, g) => (raise.includes(g) ? Math.min(o.caps[g] ?? 0, x + step) : x));
    [outcomes] = await judge([c]) as [readonly CheckOutcome[]];
  }
  // 2. Lower each group, dearest first, to its fewest with the others held.
  const order = Array.from({ length: G }, (_, g) => g).sort((a, b) => (o.weights[b] ?? 0) - (o.weights[a] ?? 0) || a - b);
  for (const g of order) {
    const held = c;
    const answer = await minimalLevel(held[g] ?? 0, o.caps[g] ?? 0, async (levels) => (await judge(levels.map((m) => withCount(held, g, m)))).map(allMet));
    c = withCount(held, g, answer.level);
  }
  // 3. Trade an agent of a dearer group for one of a cheaper group, while the targets hold.
  for (let round = 0; round < 4 * G; round++) {
    const trades: { g: number; h: number; saving: number }[] = [];
    for (let g = 0; g < G; g++) {
      for (let h = 0; h < G; h++) {
        const saving = (o.weights[g] ?? 0) - (o.weights[h] ?? 0);
        if (saving > 0 && (c[g] ?? 0) > 0 && (c[h] ?? 0) < (o.caps[h] ?? 0) && sharing(o.model, g, h)) trades.push({ g, h, saving });
      }
    }
    if (trades.length === 0) break;
    const plans = trades.map(({ g, h }) => c.map((x, k) => (k === g ? x - 1 : k === h ? x + 1 : x)));
    const judged = await judge(plans);
    const best = trades.map((t, i) => ({ ...t, i })).filter((t) => allMet(judged[t.i] ?? [])).sort((a, b) => b.saving - a.saving || a.i - b.i)[0];
    if (best === undefined) break;
    c = plans[best.i] as number[];
  }
  return { counts: c, reachable: true };
}
