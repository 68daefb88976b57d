// Memory of a sweep's `--resume` against the size of the checkpoint it resumes (issue 18,
// goal 7: resume memory flat in the checkpoint's size). A week in 1-minute intervals (10,080
// intervals: ~0.9 MB of counters a task) is swept over 2 points × 2, 28 and 56 replications,
// each into a finished `--out` file; then each file is resumed — every record
// read, checked and kept for the report — and the resume's peak RSS measured (bench/peakRss.mjs),
// as is the uninterrupted large sweep without `--out`. The resumed JSON must equal the
// uninterrupted sweep's (`identical`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const main = resolve('dist/cli/main.js');
const preload = resolve('bench/peakRss.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ccsim-bench-resume-'));
const scenario = join(dir, 'week.yaml');
writeFileSync(scenario, `name: Week in minutes
seed: 1
replications: 2
horizon: 7d
interval: 1m
channels:
  - id: voice
    kind: voice
    arrivals: { perHour: 10 }
    handle: { dist: exponential, mean: 6m }
agents:
  - id: team-a
    channels: [voice]
    count: 3
`);

/** Runs ccsim; its stdout, peak RSS (MB) and wall time (s). */
function ccsim(args, nodeFlags = []) {
  const rssFile = join(dir, 'rss');
  const started = process.hrtime.bigint();
  const stdout = execFileSync(process.execPath, [...nodeFlags, '--import', preload, main, ...args], {
    encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, CCSIM_PEAK_RSS_FILE: rssFile },
  });
  const wallSec = Number(process.hrtime.bigint() - started) / 1e9;
  return { stdout, peakRssMB: +(Number(readFileSync(rssFile, 'utf8')) / 1024).toFixed(1), wallSec: +wallSec.toFixed(2) };
}

// The same 2 points with 2, 28 and 56 replications: 4, 56 and 112 tasks, the checkpoint
// growing with the tasks while what the sweep compiles (2 models) stays the same.
const sizes = { small: 2, large: 28, larger: 56 };
const out = { case: 'sweep-resume-memory' };
try {
  for (const [name, replications] of Object.entries(sizes)) {
    const file = join(dir, `${name}.jsonl`);
    const common = ['sweep', scenario, '--vary', 'agents[0].count=3..4', '-r', String(replications), '--workers', '1', '--format', 'json'];
    ccsim([...common, '--out', file]);
    const resumed = ccsim([...common, '--out', file, '--resume']);
    // The same resume with V8's old generation capped at 40 MB: what it keeps must fit, and the
    // peak then shows what is kept rather than how lazily V8 collects the lines read.
    const capped = ccsim([...common, '--out', file, '--resume'], ['--max-old-space-size=40']);
    out[name] = {
      tasks: 2 * replications, checkpointMB: +(statSync(file).size / 2 ** 20).toFixed(1),
      resumePeakRssMB: resumed.peakRssMB, resumeWallSec: resumed.wallSec, resumePeakRssMBOldSpace40: capped.peakRssMB,
    };
    if (capped.stdout !== resumed.stdout) throw new Error('the capped resume printed another result');
    if (name === 'large') {
      const afresh = ccsim(common);
      out.large.uninterruptedPeakRssMB = afresh.peakRssMB;
      out.identical = afresh.stdout === resumed.stdout;
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(out));
