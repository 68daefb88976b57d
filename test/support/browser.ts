/**
 * Opening a ccsim HTML report in a real headless Chromium that comes from the npm registry:
 * the devDependency @sparticuz/chromium ships a Brotli-compressed chrome-headless-shell build
 * (bin/chromium.br) with the few shared libraries it links (NSS, NSPR, expat: bin/al2023.tar.br)
 * and a font (bin/fonts.tar.br). `npm ci` is the whole install — no apt-get, no browser download
 * (docs/decisions.md, "Test dependencies on a fresh machine").
 *
 * The first test to need it unpacks the three into node_modules/.cache/ccsim-chromium-VERSION/
 * (~200 MB, 2–3 s; `npm ci` deletes it with node_modules), atomically, so test files running
 * in parallel never see half a browser. Chromium is launched with its own libraries and fonts,
 * so it needs nothing from the system beyond glibc, libgcc and tar, and with the options this
 * machine needs: no sandbox as root, and no background networking, which the closed network
 * would refuse.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from './cli.js';

const PACKAGE = '@sparticuz/chromium';

interface Unpacked {
  /** The chrome-headless-shell executable. */
  readonly executable: string;
  /** Environment that points Chromium at the unpacked libraries and fonts. */
  readonly env: Record<string, string>;
}

/** The package's root folder and version, found the way Node resolves it. */
function chromiumPackage(): { dir: string; version: string } {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    throw new Error(`${PACKAGE} is not installed: run \`npm ci\` (it is a devDependency of ccsim)`);
  }
  // entry is <dir>/build/cjs/index.cjs; walk up to the package.json that names the package.
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === PACKAGE && pkg.version) return { dir, version: pkg.version };
  }
  throw new Error(`${PACKAGE}: no package.json above ${entry}`);
}

/** Brotli-decompresses `source` into the file `target`. */
async function unbrotli(source: string, target: string): Promise<void> {
  await pipeline(createReadStream(source), createBrotliDecompress(), createWriteStream(target, { mode: 0o755 }));
}

/**
 * Extracts the Brotli-compressed tarball `source` into `dir` with the system's tar, from a
 * decompressed copy on disk: tar may stop reading at the end-of-archive blocks, which would
 * cut a pipe into its stdin short.
 */
async function untarBrotli(source: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const tarball = `${dir}.tar`;
  await unbrotli(source, tarball);
  const r = spawnSync('tar', ['-xf', tarball, '-C', dir], { encoding: 'utf8' });
  rmSync(tarball, { force: true });
  if (r.error) throw new Error(`tar -xf ${source}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`tar -xf ${source} exited ${r.status}: ${r.stderr}`);
}

let unpacked: Promise<Unpacked> | undefined;

/** Unpacks the package's Chromium, libraries and fonts once per version (reused by later runs). */
function unpackChromium(): Promise<Unpacked> {
  unpacked ??= (async () => {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      throw new Error(`${PACKAGE} ships a Linux x86_64 Chromium; this is ${process.platform} ${process.arch}`);
    }
    const { dir, version } = chromiumPackage();
    const bin = join(dir, 'bin');
    const cache = join(ROOT, 'node_modules', '.cache', `ccsim-chromium-${version}`);
    const result: Unpacked = {
      executable: join(cache, 'chromium'),
      env: { LD_LIBRARY_PATH: join(cache, 'lib', 'lib'), FONTCONFIG_FILE: join(cache, 'fonts.conf') },
    };
    if (existsSync(result.executable)) return result;

    // Unpack beside the final folder, then rename it into place: a rename is atomic, and the
    // loser of a race between two test files just drops its copy.
    const staging = `${cache}.${process.pid}-${Date.now()}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    try {
      await Promise.all([
        unbrotli(join(bin, 'chromium.br'), join(staging, 'chromium')),
        untarBrotli(join(bin, 'al2023.tar.br'), join(staging, 'lib')),
        untarBrotli(join(bin, 'fonts.tar.br'), join(staging, 'fonts')),
      ]);
      // The package's fonts.conf names serverless paths; this one names the unpacked font
      // first, then the system's fonts if there are any (for glyphs Open Sans lacks).
      writeFileSync(join(staging, 'fonts.conf'), [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        `  <dir>${join(cache, 'fonts', 'fonts')}</dir>`,
        '  <dir>/usr/share/fonts</dir>',
        `  <cachedir>${join(cache, 'fontconfig-cache')}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'));
      try {
        renameSync(staging, cache);
      } catch (e) {
        if (!existsSync(result.executable)) throw e;
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    return result;
  })();
  return unpacked;
}

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
  const { executable, env } = await unpackChromium();
  const inherited = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  const browser = await chromium.launch({
    executablePath: executable,
    env: { ...inherited, ...env },
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
