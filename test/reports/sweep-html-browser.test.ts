// The HTML report of a sweep in a real browser (issue 6, for sweeps): headless Chromium opens a
// 2-parameter grid's report with no console errors and no network request, every chart — each
// metric against the varied parameter with its CI band, and the differences from the baseline —
// has drawn marks, the vega-lite specs beside it match the charts, and a screenshot is saved to
// test-output/sweep-report.png for a person to look at. Same launch options as html-browser.test.ts.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ccsim, ROOT } from '../support/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(ROOT, 'test-output');

describe('sweep HTML report in headless Chromium', () => {
  it('opens without errors or requests, draws every chart, and is screenshotted', async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's "chromium" package (listed in .ci/apt-packages, which .ci/run installs)`);
    }
    mkdirSync(OUT, { recursive: true });
    rmSync(join(OUT, 'sweep-report.vega'), { recursive: true, force: true });
    const html = join(OUT, 'sweep-report.html');
    const r = ccsim(['sweep', 'scenarios/sales-service.yaml', '--vary', 'agents[0].count=9..11', '--vary', 'agents[1].count=36,38', '-r', '3',
      '--workers', '1', '--baseline', 'agents[0].count=10,agents[1].count=38', '--format', 'html', '--report', html]);
    expect(r.status, r.stderr).toBe(0);
    const specs = readdirSync(join(OUT, 'sweep-report.vega')).filter((f) => f.endsWith('.vl.json'));

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      const url = pathToFileURL(html).href;
      page.on('request', (req) => { if (req.url() !== url) requests.push(req.url()); });
      await page.goto(url, { waitUntil: 'load' });

      const charts = await page.$$eval('figure[data-chart]', (figures) =>
        figures.map((f) => ({ id: f.getAttribute('data-chart') ?? '', marks: f.querySelectorAll('svg g.role-mark > *').length })));
      expect(charts.map((c) => `${c.id}.vl.json`).sort()).toEqual([...specs].sort());
      // Both channels: service level against agents[0].count and its difference from the baseline.
      for (const channel of ['service', 'sales']) {
        expect(charts.map((c) => c.id)).toEqual(expect.arrayContaining([`sweep-serviceLevel-${channel}`, `sweep-difference-serviceLevel-${channel}`]));
      }
      for (const c of charts) expect(c.marks, c.id).toBeGreaterThan(0);
      // One legend entry per value of the second parameter.
      const legend = await page.$$eval('#chart-sweep-serviceLevel-service svg g.role-legend-label text', (t) => t.map((x) => x.textContent));
      expect(legend).toEqual(['36', '38']);
      expect(await page.$$eval('script', (s) => s.length)).toBe(0);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);

      await page.screenshot({ path: join(OUT, 'sweep-report.png'), fullPage: true });
      expect(existsSync(join(OUT, 'sweep-report.png'))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
