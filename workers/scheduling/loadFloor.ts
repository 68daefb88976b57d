/**
 * The floor of the day-level search: in each interval, at least the offered load's agents,
 * ⌈Σ_channels λ_i (1 − deflection) · E[tier-1 handle] ÷ concurrency ÷ availability⌉ —
 * fewer agents on the phones than the load in erlangs cannot keep up (the queue grows through
 * the interval). The day's service level is concave in an interval's agents only above about
 * that level (below it, one more agent barely dents a growing queue, so the response is
 * convex), and the cutting-plane cuts are valid outer approximations only where it is concave
 * (Atlason, Epelman & Henderson 2004, §3 and §5, who restrict the staffing to such a region).
 * The floor keeps the search there; it is far below Erlang's requirement (which adds the
 * agents that make waits short), so the schedule may still go well below Erlang where it pays.
 */
import { erlangViews } from '../../engine/erlang/channelView.js';
import type { Model } from '../../engine/model.js';

export function loadFloor(model: Model, availability: number): number[] {
  // The interval's own mean handle time (engine/erlang/channelView.ts: one Erlang view of a channel).
  const views = erlangViews(model);
  return Array.from({ length: model.intervalCount }, (_, i) => {
    const erlangs = model.channels.reduce((sum, c, ch) => {
      const view = views[ch];
      if (view === undefined) return sum;
      return sum + ((c.ratePerSec[i] ?? 0) * view.rateFactor * (view.handleSecByInterval[i] ?? 0)) / view.serverFactor;
    }, 0);
    return Math.ceil(erlangs / (availability > 0 ? availability : 1) - 1e-9);
  });
}
