// `npm run coverage-check`: runs the statistical suites over many seeds and prints the
// empirical coverage of each check (issue 11 §4). Every statistical check records its outcome
// (test/support/statistics.ts: one JSON line { label, seed, pass, z } in CCSIM_CHECKS_FILE);
// a check judged family-wise should pass at (nearly) every seed. A check that did not record
// at a seed (its test crashed first) counts as missed there.
//
//   node test/tools/coverage-check.mjs [--seeds 20] [--first 1] [--jobs 2] [--min 0.9]
//                                      [--files a.test.ts,b.test.ts]
//
// Exit 1 when a check's coverage is below --min, or when the suite has more checks than the
// family size its tolerance was computed for.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URL, fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The test files holding statistical checks. */
const STATISTICAL_FILES = [
  'test/engine/kernel-vs-erlang.test.ts',
  'test/engine/lines-vs-theory.test.ts',
  'test/engine/agentSelection-vs-theory.test.ts',
  'test/engine/sharedOverdispersion-vs-theory.test.ts',
  'test/engine/proficiency-vs-theory.test.ts',
  'test/engine/tier-patience-vs-theory.test.ts',
  'test/engine/maxWait-vs-theory.test.ts',
  'test/calibration/recovery.test.ts',
  'test/engine/kernel-mechanisms.test.ts',
  'test/engine/kernel-theory.test.ts',
  'test/engine/kernel-interval-means.test.ts',
  'test/engine/distributions.test.ts',
  'test/engine/kernel-properties.test.ts',
  'test/workers/crnPrecision.test.ts',
  'test/staffing/erlang-agreement.test.ts',
  'test/staffing/minimality.test.ts',
  'test/cli/run-erlang.test.ts',
];

function usage(message) {
  process.stderr.write(`coverage-check: ${message}\nusage: node test/tools/coverage-check.mjs [--seeds N] [--first K] [--jobs J] [--min 0.9] [--files a,b]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const o = { seeds: 20, first: 1, jobs: 2, min: 0.9, files: STATISTICAL_FILES };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) usage(`${flag} needs a value`);
    i++;
    switch (flag) {
      case '--seeds': case '--first': case '--jobs': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < (flag === '--first' ? 0 : 1)) usage(`${flag} must be a whole number${flag === '--first' ? ' >= 0' : ' >= 1'} (got "${value}")`);
        o[flag.slice(2)] = n;
        break;
      }
      case '--min': {
        const x = Number(value);
        if (!(x >= 0 && x <= 1)) usage(`--min must be a share in [0, 1] (got "${value}")`);
        o.min = x;
        break;
      }
      case '--files':
        o.files = value.split(',').map((f) => f.trim()).filter(Boolean);
        for (const f of o.files) if (!existsSync(join(ROOT, f))) usage(`--files: no such file "${f}"`);
        break;
      default:
        usage(`unknown option ${flag}`);
    }
  }
  return o;
}

/** FAMILY_SIZE of test/support/statistics.ts: the number of checks the tolerance allows for. */
function familySize() {
  const text = readFileSync(join(ROOT, 'test/support/statistics.ts'), 'utf8');
  const m = /export const FAMILY_SIZE = (\d+)/.exec(text);
  return m ? Number(m[1]) : Infinity;
}

/** Runs the files at one seed; resolves with vitest's exit code and where its output went. */
function runSeed(seed, files, dir) {
  const checks = join(dir, `seed-${seed}.jsonl`);
  const log = join(dir, `seed-${seed}.log`);
  writeFileSync(checks, '');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/tools/vitest.statistical.config.ts', '--maxWorkers', '1', '--reporter', 'dot', ...files], {
      cwd: ROOT,
      env: { ...process.env, CCSIM_TEST_SEED: String(seed), CCSIM_CHECKS_FILE: checks, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('close', (code) => {
      writeFileSync(log, out);
      resolve({ seed, code, checks, log });
    });
  });
}

function readChecks(file) {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const seeds = Array.from({ length: o.seeds }, (_, i) => o.first + i);
  // The CLI suites run dist/: build it once here (the statistical config skips the per-run build).
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) process.stderr.write(`coverage-check: tsc reported problems (the build still emits):\n${build.stdout}${build.stderr}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'ccsim-coverage-'));
  process.stdout.write(`${o.files.length} files × ${seeds.length} seeds (${seeds[0]}..${seeds.at(-1)}), ${o.jobs} at a time; logs in ${dir}\n`);
  const started = Date.now();
  const runs = [];
  const queue = [...seeds];
  const worker = async () => {
    for (let seed = queue.shift(); seed !== undefined; seed = queue.shift()) {
      const t0 = Date.now();
      const r = await runSeed(seed, o.files, dir);
      runs.push(r);
      process.stdout.write(`seed ${seed}: vitest exit ${r.code}, ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.jobs, seeds.length) }, worker));

  // label → { pass, seen, worst |z|, seeds missed }
  const byLabel = new Map();
  const order = [];
  for (const r of runs.sort((a, b) => a.seed - b.seed)) {
    for (const c of readChecks(r.checks)) {
      let s = byLabel.get(c.label);
      if (!s) {
        s = { pass: 0, seeds: new Set(), worst: NaN, zs: [], missed: [] };
        byLabel.set(c.label, s);
        order.push(c.label);
      }
      if (s.seeds.has(r.seed)) {
        process.stderr.write(`coverage-check: label recorded twice at seed ${r.seed}: "${c.label}" (labels must be unique)\n`);
        process.exitCode = 1;
      }
      s.seeds.add(r.seed);
      if (c.pass) s.pass++;
      else s.missed.push(r.seed);
      if (typeof c.z === 'number' && Number.isFinite(c.z)) {
        s.zs.push(c.z);
        if (!(Math.abs(c.z) <= s.worst)) s.worst = Math.abs(c.z);
      }
    }
  }
  const n = runs.length;
  let min = 1;
  const width = Math.max(...order.map((l) => l.length), 5);
  // Mean z over seeds: near 0 (within ~2/√seeds) for an unbiased estimate; a bias shows here first.
  process.stdout.write(`\n${'check'.padEnd(width)}  passed  coverage  worst |z|  mean z  missed at seeds\n`);
  for (const label of order) {
    const s = byLabel.get(label);
    const unrecorded = runs.filter((r) => !s.seeds.has(r.seed)).map((r) => r.seed);
    const coverage = s.pass / n;
    min = Math.min(min, coverage);
    const worst = Number.isNaN(s.worst) ? '—' : s.worst.toFixed(2);
    const meanZ = s.zs.length === 0 ? '—' : (s.zs.reduce((a, b) => a + b, 0) / s.zs.length).toFixed(2);
    const missed = [...s.missed, ...unrecorded.map((x) => `${x} (not recorded)`)].join(', ');
    process.stdout.write(`${label.padEnd(width)}  ${`${s.pass}/${n}`.padStart(6)}  ${pct(coverage).padStart(8)}  ${worst.padStart(9)}  ${meanZ.padStart(6)}  ${missed}\n`);
  }
  const otherFailures = runs.filter((r) => r.code !== 0 && readChecks(r.checks).every((c) => c.pass));
  for (const r of otherFailures) process.stdout.write(`seed ${r.seed}: vitest failed with every check passing — a non-statistical failure, see ${r.log}\n`);
  const family = familySize();
  process.stdout.write(`\n${order.length} checks, min coverage ${pct(order.length ? min : 0)} over ${n} seeds (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  if (order.length > family) {
    process.stdout.write(`coverage-check: ${order.length} checks exceed FAMILY_SIZE = ${family} in test/support/statistics.ts: raise it, or the tolerance is too narrow for the family\n`);
    process.exitCode = 1;
  }
  if (order.length === 0 || min < o.min) process.exitCode = 1;
}

await main();
