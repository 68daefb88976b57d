// The figures of outbound campaigns (issue 13) in a run result and in every format, worked out by
// hand on a scripted day; written only for scenarios with campaigns; and a sweep's campaign table.
import { describe, expect, it } from 'vitest';
import type { CampaignModel, Model } from '../../engine/model.js';
import { simulateReplication } from '../../engine/simulate.js';
import { CAMPAIGN_METRICS } from '../../analysis/campaignKpis.js';
import { renderReport } from '../../reports/run/render.js';
import { checkObjective, parseMetricRef } from '../../analysis/objective.js';
import { buildRunResult } from '../../analysis/run/result.js';
import type { SweepResult } from '../../analysis/sweep/result.js';
import { ccsim } from '../support/cli.js';
import { constant, model } from '../support/model.js';

// One agent, no inbound call, a predictive campaign dialing 2 per idle agent: every 50 s two dials
// answered 10 s later, one talked 40 s, the other dropped after its 5 s patience
// (test/engine/outbound-scripted.test.ts). Per 100-second interval: 4 dialed, 4 reached,
// 2 connected, 2 abandoned, 80 s of agent time.
const collections: CampaignModel = {
  id: 'collections', groups: [0], mode: 'predictive', ratio: 2, reserve: 0, maxQueue: Infinity, listPerDay: Infinity, dialsPerHour: null,
  reach: [1, 1, 1], handle: constant(40), patience: constant(5), ringTime: constant(10), previewSec: 0,
};
const day: Model = { ...model({ agents: 1, horizonSec: 300, intervalSec: 100, channels: [{ arrivalTimesSec: [] }] }), campaigns: [collections] };

const resultOf = (m: Model, replications = 2) =>
  buildRunResult({ ...m, replications }, m.seed, Array.from({ length: replications }, (_, r) => simulateReplication(m, m.seed, r)));

describe('campaign figures', () => {
  const result = resultOf(day);

  it('counts dials, reaches, connections and drops; the nuisance rate over reached; contacts per hour; agent time', () => {
    const c = result.summary.campaigns?.collections;
    const means = Object.fromEntries(CAMPAIGN_METRICS.map((m) => [m, c?.[m].mean]));
    expect(means).toEqual({
      dialed: 12, reached: 12, connected: 6, abandoned: 6, unreached: 0, reachRate: 1, abandonRate: 0.5,
      // 6 connected over 300 s; 240 s of the agent's 300 available.
      connectedPerHour: 72, agentHours: 240 / 3600, agentShare: 0.8,
    });
    expect(result.intervals.map((iv) => [iv.campaigns?.collections?.connected.mean, iv.campaigns?.collections?.connectedPerHour.mean])).toEqual([[2, 72], [2, 72], [2, 72]]);
  });

  it('shows them in every format: JSON keys, CSV rows, text, Markdown and HTML', async () => {
    const json = JSON.parse((await renderReport(result, 'json')).text) as typeof result;
    for (const metric of CAMPAIGN_METRICS) expect(json.summary.campaigns?.collections?.[metric], metric).toBeDefined();
    const csv = (await renderReport(result, 'csv')).text.split('\n');
    expect(csv.filter((l) => /,campaigns,collections,,,abandoned,estimate,6,/.test(l))).toHaveLength(1);
    expect(csv.filter((l) => /,campaigns,collections,.+,0,connected,estimate,2,/.test(l))).toHaveLength(1);
    for (const format of ['text', 'md', 'html'] as const) {
      const text = (await renderReport(result, format)).text;
      for (const label of ['collections', 'dialed', 'connected/h', 'agent share']) expect(text, `${format}: ${label}`).toContain(label);
    }
  });

  it('writes no campaign scope for a scenario without campaigns', () => {
    const plain = resultOf({ ...day, campaigns: [] });
    expect('campaigns' in plain.summary).toBe(false);
    expect(plain.intervals.every((iv) => !('campaigns' in iv))).toBe(true);
  });

  it('a sweep prints each campaign’s table beside the channels’, in text and Markdown', () => {
    const args = ['sweep', 'scenarios/blended-collections.yaml', '--vary', 'campaigns[0].dialer.reserve=0,8', '-r', '2', '--workers', '1'];
    const json = ccsim(args);
    expect(json.status, json.stderr).toBe(0);
    const points = (JSON.parse(json.stdout) as SweepResult).points;
    // A reserve of all 8 collectors: no dial at all.
    expect(points.map((p) => p.summary.campaigns?.collections?.dialed.mean)).toEqual([expect.any(Number), 0]);
    expect(points[0]!.summary.campaigns?.collections?.dialed.mean).toBeGreaterThan(0);
    for (const format of ['text', 'md']) {
      const r = ccsim([...args, '--format', format]);
      expect(r.stdout).toContain('Campaign — collections');
      expect(r.stdout).toContain('connected/h');
    }
  });

  it('a sweep objective reads campaign figures: campaigns.<id>.<metric>, checked against the scenario', () => {
    expect(parseMetricRef('campaigns.collections.connectedPerHour', '--maximize')).toEqual({ scope: 'campaigns', id: 'collections', metric: 'connectedPerHour' });
    expect(() => parseMetricRef('campaigns.collections.asaSec', '--maximize')).toThrow(/names no campaign metric \(expected one of dialed, reached/);
    expect(() => checkObjective({ sense: 'maximize', quantity: 'campaigns.debts.connected', subjectTo: [] }, day)).toThrow('--maximize: the scenario has no campaign "debts" (it has collections)');
    expect(() => checkObjective({ sense: 'minimize', quantity: 'agents', subjectTo: ['campaigns.x.abandonRate<=0.03'] }, { ...day, campaigns: [] }))
      .toThrow('--subject-to: the scenario has no campaign "x" (it has none)');
    const r = ccsim(['sweep', 'scenarios/blended-collections.yaml', '--vary', 'campaigns[0].dialer.reserve=2,8', '-r', '3', '--workers', '1',
      '--maximize', 'campaigns.collections.connectedPerHour', '--subject-to', 'channels.service.serviceLevel>=0.5']);
    expect(r.status, r.stderr).toBe(0);
    const objective = (JSON.parse(r.stdout) as SweepResult).objective;
    // A reserve of all 8 collectors connects nobody: the reserve of 2 is best.
    expect(objective?.points.map((p) => p.value)).toEqual([expect.any(Number), 0]);
    expect(objective?.best?.name).toBe('campaigns[0].dialer.reserve=2');
  });
});
