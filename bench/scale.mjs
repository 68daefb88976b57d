// Issue 16, goal 4: a year of a 2,000-seat center (bench/year-2000-seats.yaml: ~200 million
// contacts in 30-minute intervals, with abandonment) as one whole `ccsim run` process on one
// core, and the 2,000-agent case's contacts per second against the 35-agent case's (both warm,
// in-process, bench/steady.mjs). One JSON line; the run is long (minutes), so it runs once.
// usage: node bench/scale.mjs [--short]   (--short: a 30-day horizon, to try it quickly)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const short = process.argv.includes('--short');
const dir = mkdtempSync(join(tmpdir(), 'ccsim-bench-scale-'));
const rssFile = join(dir, 'rss');
const args = ['--import', resolve('bench/peakRss.mjs'), resolve('dist/cli/main.js'), 'run', 'bench/year-2000-seats.yaml', '--format', 'json', ...(short ? ['--set', 'horizon=30d'] : [])];
const t0 = process.hrtime.bigint();
const out = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, CCSIM_PEAK_RSS_FILE: rssFile } }));
const wallSec = Number(process.hrtime.bigint() - t0) / 1e9;
const peakRssMB = Number(readFileSync(rssFile, 'utf8')) / 1024;
rmSync(dir, { recursive: true, force: true });
const contacts = out.summary.overall.offered.mean;

const steady = (overrides) => JSON.parse(execFileSync(process.execPath, ['bench/steady.mjs', '1', ...overrides], { encoding: 'utf8' })).contactsPerSec;
const small = steady(['horizon=2000h']);
const large = steady(['horizon=32h', 'agents[0].count=2000', 'channels[0].arrivals.perHour=19000']);
console.log(JSON.stringify({
  case: short ? 'scale-2000-seats-30d' : 'scale-2000-seats-year',
  contacts: Math.round(contacts),
  wallSec: +wallSec.toFixed(1),
  contactsPerSec: Math.round(contacts / wallSec),
  peakRssMB: +peakRssMB.toFixed(1),
  agents35ContactsPerSec: Math.round(small),
  agents2000ContactsPerSec: Math.round(large),
  agents2000OverAgents35: +(large / small).toFixed(3),
}));
