// Helpers shared by the workers suites.
import { loadScenarioText } from '../../scenarios/load.js';
import { summaryKpis } from '../../analysis/sweep/summaryKpis.js';
import { runReplications } from '../../workers/replications.js';

const total = (a: Float64Array): number => a.reduce((s, x) => s + x, 0);

/**
 * Per-replication summary KPIs (analysis/sweep/summaryKpis.ts) against figures computed here directly from
 * each replication's raw counters, for a one-channel, one-group scenario: service level (the
 * default definition), P(wait), ASA, abandon rate, occupancy. Returns the mismatches.
 */
export function replicationKpisMismatches(text: string): string[] {
  const { model } = loadScenarioText(text, 'x.yaml', { overrides: ['horizon=2h', 'replications=5'] });
  const out: string[] = [];
  for (const r of runReplications(model, model.seed, 5)) {
    const k = summaryKpis(model, r).channels.voice ?? {};
    const c = r.channel;
    const expected: Record<string, number> = {
      offered: total(c.offered),
      serviceLevel: total(c.answeredWithinTarget) / (total(c.offered) - total(c.pending) - total(c.abandonedWithinTarget)),
      pWait: total(c.queued) / total(c.offered),
      asaSec: total(c.waitSumSec) / total(c.handled),
      abandonRate: total(c.abandoned) / total(c.offered),
      occupancy: total(r.busySec) / total(r.group.availableSec),
    };
    for (const [metric, want] of Object.entries(expected)) {
      const got = k[metric];
      if (got === undefined || Math.abs(got - want) > 1e-12 * Math.max(1, Math.abs(want))) out.push(`replication ${r.replication} ${metric}: ${got} ≠ ${want}`);
    }
  }
  return out;
}
