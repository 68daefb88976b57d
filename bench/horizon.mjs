// Memory flat in the horizon (issue 16, goal 3; docs/horizon.md): whole `ccsim run` processes
// over long horizons, each case run 3 times; prints one JSON line with the median wall time and
// peak RSS of each (bench/peakRss.mjs reads the child's own peak). The output goes to /dev/null
// but is rendered in full: the report is part of the cost being measured.
// usage: node bench/horizon.mjs [CASE...]   (run `npm run build` first; `npm run bench` does)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CASES = {
  // The bundled classic day over 12 weeks (4,032 intervals, 2.4 million contacts): per day by default.
  'classic-2016h-r4': ['run', '-r', '4', '--set', 'horizon=2016h', '--set', 'warmup=2h'],
  'classic-2016h-r4-json': ['run', '-r', '4', '--set', 'horizon=2016h', '--set', 'warmup=2h', '--format', 'json'],
  // A year in 30-minute intervals of five channels (bench/year-five-channels.yaml): 17,520 intervals.
  'year-5ch-r1-json': ['run', 'bench/year-five-channels.yaml', '-r', '1', '--format', 'json'],
  'year-5ch-r4-json': ['run', 'bench/year-five-channels.yaml', '-r', '4', '--format', 'json'],
  'year-5ch-r4-text': ['run', 'bench/year-five-channels.yaml', '-r', '4'],
  'year-5ch-r1-interval-file': ['run', 'bench/year-five-channels.yaml', '-r', '1', '--format', 'json', '--interval-file', 'INTERVAL_FILE'],
};

const preload = resolve('bench/peakRss.mjs');
const main = resolve('dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'ccsim-bench-horizon-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function once(args) {
  const rssFile = join(dir, 'rss');
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, ['--import', preload, main, ...args.map((a) => (a === 'INTERVAL_FILE' ? join(dir, 'intervals.csv') : a))], {
    stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CCSIM_PEAK_RSS_FILE: rssFile },
  });
  const wallSec = Number(process.hrtime.bigint() - t0) / 1e9;
  return { wallSec, peakRssMB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(CASES);
const out = { case: 'horizon' };
for (const name of names) {
  const args = CASES[name];
  if (!args) {
    console.error(`unknown case ${name}; known: ${Object.keys(CASES).join(' ')}`);
    process.exit(2);
  }
  const runs = [once(args), once(args), once(args)];
  out[name] = { wallSec: +median(runs.map((r) => r.wallSec)).toFixed(2), peakRssMB: +median(runs.map((r) => r.peakRssMB)).toFixed(1) };
}
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(out));
