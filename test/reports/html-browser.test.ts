// The HTML report in a real browser (acceptance 1 of issue 6): headless Chromium opens it with
// no console errors and no network request, every chart has drawn marks, and a screenshot is
// saved to test-output/report.png for a person to look at.
// The HTML is rendered by `ccsim report` from a saved `run --json`, the path a CI job takes.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../analysis/run/result.js';
import { expectSelfContained, openReport } from '../support/browser.js';
import { ccsim, ROOT } from '../support/cli.js';
import { FAST } from './support.js';

const SCENARIO = 'scenarios/retail-omnichannel.yaml';
const OUT = join(ROOT, 'test-output');

describe('HTML report in headless Chromium', () => {
  it('opens without errors or requests, draws every chart, and is screenshotted', async () => {
    mkdirSync(OUT, { recursive: true });
    rmSync(join(OUT, 'report.vega'), { recursive: true, force: true });
    const json = join(OUT, 'report.json');
    const html = join(OUT, 'report.html');
    const run = ccsim(['run', SCENARIO, ...FAST, '--json', '--out', json]);
    expect(run.status, run.stderr).toBe(0);
    const channels = Object.keys((JSON.parse(readFileSync(json, 'utf8')) as RunResult).summary.channels);
    const r = ccsim(['report', json, '--format', 'html', '--out', html]);
    expect(r.status, r.stderr).toBe(0);
    const specs = readdirSync(join(OUT, 'report.vega')).filter((f) => f.endsWith('.vl.json'));

    const report = await openReport(html);
    const { browser, charts } = report;
    try {
      // Two charts per channel (service level, wait percentiles), then occupancy, queue, abandonment.
      expect(charts).toHaveLength(2 * channels.length + 3);
      expect(charts.map((c) => `${c.id}.vl.json`).sort()).toEqual([...specs].sort());
      for (const c of charts) expect(c.marks, c.id).toBeGreaterThan(0);
      await expectSelfContained(report, join(OUT, 'report.png'));
    } finally {
      await browser.close();
    }
  });
});
