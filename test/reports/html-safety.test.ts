/// <reference lib="dom" />
// User text in the HTML reports is text, never markup (issue 18): a scenario named like a
// script tag, sweep variants named like attribute breakouts, and channel, group and contact
// type ids holding `"`, `'`, `&`, `<`, `>` and `</script>` (as a hand-edited or foreign result
// file can hold them: the scenario format itself only allows plain ids). The run report
// (through `ccsim report`), the sweep report and the staffing report are rendered for such a
// scenario and for a clean one, then
//  - checked as text: every tag of the hostile report is a tag the clean report has, and no
//    tag carries an event-handler attribute;
//  - opened in headless Chromium: no script element the clean report lacks (it has none), no
//    element of a kind the clean report lacks, no `on…` attribute, `document.title` and the
//    heading show the name literally, and the page's text and the charts' ARIA labels show
//    every hostile id literally.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSweepHtml } from '../../reports/sweep/html.js';
import type { SweepResult } from '../../analysis/sweep/result.js';
import { renderStaffingHtml } from '../../reports/staffing/html.js';
import type { StaffingResult } from '../../analysis/staffing/result.js';
import { openReport, type OpenedReport } from '../support/browser.js';
import { ccsim } from '../support/cli.js';
import { scratch } from './support.js';

const NAME = `<script>alert(1)</script> "q" 'a' & </script><img src=x onerror=alert(2)> <!-- x --> </style> ]]>`;
const VARIANTS = ['<script>alert(3)</script>', `"><svg onload=alert(4)>`] as const;

/** Each plain id of the scenario below and the hostile id it becomes in the result files. */
const IDS: Readonly<Record<string, string>> = {
  line1: `<script>alert("c")</script>`,
  desk1: `"><img src=x onerror=alert('g')>`,
  kindA: `</script><b>&amp;</b>`,
  kindB: `x' onmouseover='alert(5)`,
};

function scenario(name: string, variants: readonly string[]): string {
  return `name: ${JSON.stringify(name)}
seed: 4
replications: 2
horizon: 1h
interval: 30m
channels:
  - id: line1
    kind: voice
    arrivals: { perHour: 40 }
    handle: { dist: exponential, mean: 5m }
    patience: { dist: exponential, mean: 3m }
    target: { within: 20s, level: 0.8 }
    types:
      - { id: kindA, share: 0.4, priority: P1 }
      - { id: kindB, share: 0.6, priority: P2 }
agents:
  - id: desk1
    channels: [line1]
    count: 5
assert:
  - channels.line1.serviceLevel >= 0.5
sweep:
  variants:
    - { name: ${JSON.stringify(variants[0])}, set: { "agents[0].count": 4 } }
    - { name: ${JSON.stringify(variants[1])}, set: { "agents[0].count": 6 } }
`;
}

/** The result with every id replaced (keys, values, and inside any text that names it). */
function withIds(v: unknown): unknown {
  const text = (s: string): string => Object.entries(IDS).reduce((t, [plain, hostile]) => t.split(plain).join(hostile), s);
  if (typeof v === 'string') return text(v);
  if (Array.isArray(v)) return v.map(withIds);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [text(k), withIds(x)]));
  return v;
}

interface Reports {
  readonly run: string;
  readonly sweep: string;
  readonly staff: string;
}

function cli(args: readonly string[]): void {
  const r = ccsim(args);
  expect(r.status, r.stderr).toBe(0);
}

/** The three HTML reports of `name` / `variants`, ids made hostile when `hostile`. */
async function render(dir: string, name: string, variants: readonly string[], hostile: boolean): Promise<Reports> {
  const file = join(dir, 'scenario.yaml');
  writeFileSync(file, scenario(name, variants));
  const edit = (path: string): unknown => {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return hostile ? withIds(data) : data;
  };
  // Run: saved as JSON, edited, rendered by `ccsim report` (the path a CI artifact takes).
  cli(['run', file, '--json', '--out', join(dir, 'run.json')]);
  writeFileSync(join(dir, 'run.json'), JSON.stringify(edit(join(dir, 'run.json'))));
  cli(['report', join(dir, 'run.json'), '--format', 'html', '--out', join(dir, 'run.html')]);
  // Sweep and staffing: their HTML is a function of their JSON (reports/sweep/render.ts).
  cli(['sweep', file, '--workers', '1', '--baseline', variants[0] ?? '', '--format', 'json', '--report', join(dir, 'sweep.json')]);
  writeFileSync(join(dir, 'sweep.html'), await renderSweepHtml(edit(join(dir, 'sweep.json')) as SweepResult));
  cli(['staff', file, '--workers', '0', '--whole-day', '--format', 'json', '--report', join(dir, 'staff.json')]);
  writeFileSync(join(dir, 'staff.html'), await renderStaffingHtml(edit(join(dir, 'staff.json')) as StaffingResult));
  return { run: join(dir, 'run.html'), sweep: join(dir, 'sweep.html'), staff: join(dir, 'staff.html') };
}

/** Tag names of the markup (what an HTML tokenizer would open or close), and tags with `on…=` attributes. */
function markup(html: string): { tags: Set<string>; handlers: string[] } {
  const tags = new Set([...html.matchAll(/<\/?([A-Za-z][\w:-]*)/g)].map((m) => (m[1] ?? '').toLowerCase()));
  // An attribute's quoted value is text (`onerror=` inside an escaped ARIA label is harmless):
  // only attribute names outside quotes can be handlers.
  const handlers = [...html.matchAll(/<[A-Za-z][^>]*>/g)]
    .map((m) => m[0])
    .filter((t) => /[\s/]on[a-z]+\s*=/i.test(t.replace(/"[^"]*"|'[^']*'/g, '""')));
  return { tags, handlers };
}

interface Dom {
  readonly title: string;
  readonly heading: string;
  readonly text: string;
  readonly scripts: number;
  readonly tags: string[];
  readonly handlers: string[];
  readonly ariaLabels: string[];
}

async function dom(page: Page, file: string): Promise<Dom> {
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      title: document.title,
      heading: document.querySelector('h1')?.textContent ?? '',
      text: document.querySelector('main')?.textContent ?? '',
      scripts: document.querySelectorAll('script').length,
      tags: [...new Set(all.map((e) => e.tagName.toLowerCase()))],
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${e.tagName} ${a.name}`)),
      ariaLabels: all.map((e) => e.getAttribute('aria-label') ?? '').filter((l) => l !== ''),
    };
  });
}

describe('HTML reports escape user text', () => {
  let clean: Reports;
  let hostile: Reports;
  let browser: OpenedReport | undefined;

  beforeAll(async () => {
    clean = await render(scratch(), 'Clean center', ['lean', 'rich'], false);
    hostile = await render(scratch(), NAME, VARIANTS, true);
  }, 180_000);

  afterAll(async () => {
    await browser?.browser.close();
  });

  const kinds = [
    ['run', (r: Reports) => r.run, `ccsim — ${NAME}`, NAME],
    ['sweep', (r: Reports) => r.sweep, `ccsim — sweep — ${NAME}`, `${NAME} — sweep`],
    ['staff', (r: Reports) => r.staff, `ccsim — staff — ${NAME}`, `${NAME} — staffing`],
  ] as const;

  for (const [kind, pick, title, heading] of kinds) {
    it(`the ${kind} report has only the clean report's tags and no event-handler attribute, read as text`, () => {
      const ok = markup(readFileSync(pick(clean), 'utf8'));
      const bad = markup(readFileSync(pick(hostile), 'utf8'));
      expect([...bad.tags].filter((t) => !ok.tags.has(t))).toEqual([]);
      expect(bad.handlers).toEqual([]);
      expect(ok.tags.has('script')).toBe(false);
    });

    it(`the ${kind} report, opened in Chromium, shows the name and ids literally and adds no element`, async () => {
      browser ??= await openReport(pick(clean));
      const ok = await dom(browser.page, pick(clean));
      const bad = await dom(browser.page, pick(hostile));
      expect(bad.scripts).toBe(ok.scripts);
      expect(ok.scripts).toBe(0);
      expect(bad.tags.filter((t) => !ok.tags.includes(t))).toEqual([]);
      expect(bad.handlers).toEqual([]);
      expect(bad.title).toBe(title);
      expect(bad.heading).toBe(heading);
      // The run report names every id; the sweep and staffing reports name the channel only
      // (their tables are per point and per interval, not per group or type).
      const ids = kind === 'run' ? Object.values(IDS) : [IDS.line1];
      for (const id of [NAME, ...ids]) expect(bad.text, id).toContain(id);
      if (kind === 'sweep') for (const v of VARIANTS) expect(bad.text, v).toContain(v);
      // The charts' SVG carries ids in attributes (ARIA labels): escaped, they read back whole.
      // (The staffing chart's labels hold only clock times and plan names.)
      if (kind === 'run') expect(bad.ariaLabels.some((l) => l.includes(IDS.desk1))).toBe(true);
      if (kind === 'sweep') expect(bad.ariaLabels.some((l) => VARIANTS.every((v) => l.includes(v)))).toBe(true);
      expect(browser.errors).toEqual([]);
      // Only the reports themselves were loaded (page.goto), nothing they asked for.
      const opened = new Set([clean, hostile].flatMap((r) => [r.run, r.sweep, r.staff]).map((f) => pathToFileURL(f).href));
      expect(browser.requests.filter((u) => !opened.has(u))).toEqual([]);
    }, 60_000);
  }
});
