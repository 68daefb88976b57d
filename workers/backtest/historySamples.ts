/**
 * The replications of a back-test: the history model (./historyModel.ts) run R times, each
 * with its own conditioned arrival times (./conditionedArrivals.ts, stream
 * `backtest-arrivals:<channel>` of (seed, replication) — engine/random.ts), every other draw the
 * kernel's own. Each replication's per-interval KPIs come from workers/staffing/replicaKpis.ts,
 * the definitions `ccsim run` and `ccsim staff` use. Replications run one after another in this
 * thread: a day of a center is milliseconds each, and each has its own arrival script.
 */
import type { Model } from '../../engine/model.js';
import { Stream } from '../../engine/random.js';
import { simulateReplication } from '../../engine/simulate.js';
import { replicaKpis } from '../staffing/replicaKpis.js';
import type { Column } from '../staffing/targets.js';
import { conditionedArrivalTimes } from './conditionedArrivals.js';
import type { HistoryModel } from './historyModel.js';
import { BACKTEST_METRICS } from '../../analysis/backtest/result.js';

export interface HistorySamples {
  readonly replications: number;
  readonly intervalCount: number;
  /** values[channel][metric][interval][replication] (report channel order; NaN where undefined). */
  readonly values: readonly (readonly (readonly Float64Array[])[])[];
}

/** The model of replication r: the history model with that replication's arrival times. */
export function replicationModel(h: HistoryModel, seed: number, r: number): Model {
  const m = h.model;
  return {
    ...m,
    channels: m.channels.map((c, ch) => {
      const k = h.channels.indexOf(ch);
      if (k < 0) return c;
      return { ...c, arrivalTimesSec: conditionedArrivalTimes(h.offered[k] ?? [], m.intervalSec, m.warmupSec, new Stream(seed, r, `backtest-arrivals:${c.id}`)) };
    }),
  };
}

export function simulateHistory(h: HistoryModel, seed: number, replications: number, onProgress?: (done: number) => void): HistorySamples {
  const I = h.model.intervalCount;
  const columns: Column[] = h.channels.flatMap((index) => BACKTEST_METRICS.map((metric) => ({ scope: 'channels' as const, index, metric })));
  const values = h.channels.map(() => BACKTEST_METRICS.map(() => Array.from({ length: I }, () => new Float64Array(replications))));
  for (let r = 0; r < replications; r++) {
    const model = replicationModel(h, seed, r);
    const kpis = replicaKpis(model, simulateReplication(model, seed, r), columns, 0, I - 1, false);
    kpis.rows.forEach((row, iv) => {
      row.forEach((v, col) => {
        const slot = values[Math.floor(col / BACKTEST_METRICS.length)]?.[col % BACKTEST_METRICS.length]?.[iv];
        if (slot !== undefined) slot[r] = v;
      });
    });
    onProgress?.(r + 1);
  }
  return { replications, intervalCount: I, values };
}
