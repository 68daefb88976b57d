/**
 * The integer search at the heart of `ccsim staff`: the fewest agents m meeting the targets,
 * where "meets" comes from simulation. It starts at the Erlang answer and probes its two
 * neighbours at once (m₀ − 1, m₀, m₀ + 1: with CRN the three see the same customers, so they
 * compare sharply); from there it gallops away from the Erlang answer (steps 1, 2, 4, …) until
 * it holds a meeting level P and a failing level below it, then bisects. It stops at the
 * smallest meeting P whose P − 1 was seen to fail (or P = 0): the answer meets the targets
 * and one agent fewer does not. Probes of one round run together on the pool.
 *
 * Meeting the targets is close to monotone in m (more agents never hurt a customer drawn the
 * same); where simulation noise breaks that, the rule above still returns a level whose
 * predecessor failed.
 */

/** Judges levels (same order); one pool round. */
export type Probe = (levels: readonly number[]) => Promise<boolean[]>;

export interface LevelAnswer {
  readonly level: number;
  /** False when even `cap` did not meet the targets (the answer is then `cap`). */
  readonly reachable: boolean;
  /** Every level judged, and whether it met the targets. */
  readonly judged: ReadonlyMap<number, boolean>;
}

export async function minimalLevel(start: number, cap: number, probe: Probe): Promise<LevelAnswer> {
  const judged = new Map<number, boolean>();
  const run = async (levels: readonly number[]): Promise<void> => {
    const fresh = [...new Set(levels.map((m) => Math.max(0, Math.min(cap, m))))].filter((m) => !judged.has(m));
    if (fresh.length === 0) return;
    const verdicts = await probe(fresh);
    fresh.forEach((m, i) => judged.set(m, verdicts[i] === true));
  };
  const m0 = Math.max(0, Math.min(cap, start));
  await run([m0 - 1, m0, m0 + 1]);
  for (let step = 2; ; step = Math.min(step * 2, cap + 1)) {
    const meeting = [...judged].filter(([, ok]) => ok).map(([m]) => m);
    const P = meeting.length > 0 ? Math.min(...meeting) : undefined;
    const failing = [...judged].filter(([m, ok]) => !ok && (P === undefined || m < P)).map(([m]) => m);
    const F = failing.length > 0 ? Math.max(...failing) : undefined;
    if (P !== undefined && (P === 0 || F === P - 1)) return { level: P, reachable: true, judged };
    if (P === undefined) {
      if ((F ?? 0) >= cap) return { level: cap, reachable: false, judged };
      const f = F ?? 0;
      await run([f + 1, f + step]);
    } else if (F === undefined) {
      await run([P - 1, P - step]);
    } else {
      await run([Math.floor((F + P) / 2)]);
    }
  }
}
