// Helpers shared by the workers suites.
import { loadScenarioText } from '../../scenarios/load.js';
import { estimate } from '../../reports/confidence.js';
import { summaryKpis } from '../../reports/replicationKpis.js';
import { buildRunResult } from '../../reports/result.js';
import { runReplications } from '../../workers/replications.js';

/** Whether reports/replicationKpis.ts gives, replication by replication, what `ccsim run` summarises. */
export function replicationKpisMatchRun(text: string): boolean {
  const { model } = loadScenarioText(text, 'x.yaml', { overrides: ['horizon=2h', 'replications=5'] });
  const counters = runReplications(model, model.seed, 5);
  const run = buildRunResult(model, model.seed, counters);
  const mine = counters.map((c) => summaryKpis(model, c));
  const overall = run.summary.overall as unknown as Record<string, unknown>;
  return Object.keys(mine[0]?.overall ?? {}).every((metric) =>
    JSON.stringify(estimate(mine.map((k) => (k.overall as Record<string, number>)[metric] ?? NaN))) === JSON.stringify(overall[metric]));
}
