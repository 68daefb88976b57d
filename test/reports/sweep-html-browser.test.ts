// The HTML report of a sweep in a real browser (issue 6, for sweeps): headless Chromium opens a
// 2-parameter grid's report with no console errors and no network request, every chart — each
// metric against the varied parameter with its CI band, and the differences from the baseline —
// has drawn marks, the vega-lite specs beside it match the charts, and a screenshot is saved to
// test-output/sweep-report.png for a person to look at. Same launch options as html-browser.test.ts.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectSelfContained, openReport } from '../support/browser.js';
import { ccsim, ROOT } from '../support/cli.js';

const OUT = join(ROOT, 'test-output');

describe('sweep HTML report in headless Chromium', () => {
  it('opens without errors or requests, draws every chart, and is screenshotted', async () => {
    mkdirSync(OUT, { recursive: true });
    rmSync(join(OUT, 'sweep-report.vega'), { recursive: true, force: true });
    const html = join(OUT, 'sweep-report.html');
    const r = ccsim(['sweep', 'scenarios/sales-service.yaml', '--vary', 'agents[0].count=9..11', '--vary', 'agents[1].count=36,38', '-r', '3',
      '--workers', '1', '--baseline', 'agents[0].count=10,agents[1].count=38', '--format', 'html', '--report', html]);
    expect(r.status, r.stderr).toBe(0);
    const specs = readdirSync(join(OUT, 'sweep-report.vega')).filter((f) => f.endsWith('.vl.json'));

    const report = await openReport(html);
    const { browser, page, charts } = report;
    try {
      expect(charts.map((c) => `${c.id}.vl.json`).sort()).toEqual([...specs].sort());
      // Both channels: service level against agents[0].count and its difference from the baseline.
      for (const channel of ['service', 'sales']) {
        expect(charts.map((c) => c.id)).toEqual(expect.arrayContaining([`sweep-serviceLevel-${channel}`, `sweep-difference-serviceLevel-${channel}`]));
      }
      for (const c of charts) expect(c.marks, c.id).toBeGreaterThan(0);
      // One legend entry per value of the second parameter.
      const legend = await page.$$eval('#chart-sweep-serviceLevel-service svg g.role-legend-label text', (t) => t.map((x) => x.textContent));
      expect(legend).toEqual(['36', '38']);
      await expectSelfContained(report, join(OUT, 'sweep-report.png'));
    } finally {
      await browser.close();
    }
  });
});
