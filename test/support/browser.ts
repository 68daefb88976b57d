/**
 * Opening a ccsim HTML report in headless Chromium (Debian's `chromium`, installed by .ci/run
 * from .ci/apt-packages) with the launch options this machine needs: no sandbox as root, and
 * no background networking, which the closed network would refuse.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';

export interface OpenedReport {
  readonly browser: Browser;
  readonly page: Page;
  /** Console errors and warnings, and uncaught page errors. */
  readonly errors: string[];
  /** Every request other than the report file itself (a self-contained report makes none). */
  readonly requests: string[];
  /** Each chart figure's id and the number of drawn SVG marks in it. */
  readonly charts: { id: string; marks: number }[];
}

/** Opens the report; the caller closes `browser` (in a finally). */
export async function openReport(htmlPath: string): Promise<OpenedReport> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's "chromium" package (listed in .ci/apt-packages, which .ci/run installs)`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const url = pathToFileURL(htmlPath).href;
  page.on('request', (req) => { if (req.url() !== url) requests.push(req.url()); });
  await page.goto(url, { waitUntil: 'load' });
  const charts = await page.$$eval('figure[data-chart]', (figures) =>
    figures.map((f) => ({ id: f.getAttribute('data-chart') ?? '', marks: f.querySelectorAll('svg g.role-mark > *').length })));
  return { browser, page, errors, requests, charts };
}

/**
 * What every ccsim HTML report must be once open: self-contained (no script, no request
 * beyond the file) and quiet (no console error or warning). Saves a full-page screenshot to
 * `screenshotPath` for a person to look at.
 */
export async function expectSelfContained(report: OpenedReport, screenshotPath: string): Promise<void> {
  expect(await report.page.$$eval('script', (s) => s.length)).toBe(0);
  expect(report.errors).toEqual([]);
  expect(report.requests).toEqual([]);
  await report.page.screenshot({ path: screenshotPath, fullPage: true });
  expect(existsSync(screenshotPath)).toBe(true);
}
