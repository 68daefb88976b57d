// The HTML report in a real browser (acceptance 1 of issue 6): headless Chromium opens it with
// no console errors and no network request, every chart has drawn marks, and a screenshot is
// saved to test-output/report.png for a person to look at.
// The HTML is rendered by `ccsim report` from a saved `run --json`, the path a CI job takes.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../reports/result.js';
import { ccsim, ROOT } from '../support/cli.js';
import { FAST } from './support.js';

const SCENARIO = 'scenarios/retail-omnichannel.yaml';
const CHROMIUM = '/usr/bin/chromium';
const OUT = join(ROOT, 'test-output');

describe('HTML report in headless Chromium', () => {
  it('opens without errors or requests, draws every chart, and is screenshotted', async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's "chromium" package (listed in .ci/apt-packages, which .ci/run installs)`);
    }
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
      // Two charts per channel (service level, wait percentiles), then occupancy, queue, abandonment.
      expect(charts).toHaveLength(2 * channels.length + 3);
      expect(charts.map((c) => `${c.id}.vl.json`).sort()).toEqual([...specs].sort());
      for (const c of charts) expect(c.marks, c.id).toBeGreaterThan(0);
      expect(await page.$$eval('script', (s) => s.length)).toBe(0);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);

      await page.screenshot({ path: join(OUT, 'report.png'), fullPage: true });
      expect(existsSync(join(OUT, 'report.png'))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
