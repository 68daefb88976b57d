// `npm run fuzz`: a long mutation-fuzz campaign of the CLI (issue 18). Seed scenarios — the
// bundled ones and test/fixtures/fuzz/ — are mutated structurally and textually
// (test/support/fuzz/) and run through `ccsim validate|run|check|sweep|staff|erlang table`
// with a heap cap and a timeout; every mutant must end with exit 0, 1 or 2, without a stack
// trace. Prints the counts per outcome per 1,000 mutants and saves every failing mutant (its
// file and a JSON record holding the replay command) in --out.
//
//   node test/tools/fuzz.mjs [--count 1000] [--seed 1] [--first 0] [--jobs 2] [--timeout 20]
//                            [--heap 512] [--out test-output/fuzz/seed-S] [--cli dist/cli/main.js]
//   node test/tools/fuzz.mjs --seed S --index I     # one mutant again: prints it and its outcome
//
// Builds dist/ first (as `npm test` does) unless --cli names a build. Exit 1 when a mutant
// fails, 2 on a usage error. The mutant generator is TypeScript, loaded through tsx.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const USAGE = 'usage: node test/tools/fuzz.mjs [--count N] [--seed S] [--first K] [--jobs J] [--timeout SEC] [--heap MB] [--out DIR] [--cli FILE] | --seed S --index I';

function usage(message) {
  process.stderr.write(`fuzz: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const o = { count: 1000, seed: Number(process.env.CCSIM_FUZZ_SEED ?? 1), first: 0, jobs: 2, timeout: 20, heap: 512, out: null, cli: null, index: null };
  const numeric = new Set(['count', 'seed', 'first', 'jobs', 'timeout', 'heap', 'index']);
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') { process.stdout.write(`${USAGE}\n`); process.exit(0); }
    const key = flag?.startsWith('--') ? flag.slice(2) : '';
    if (!(key in o)) usage(`unknown argument ${flag}`);
    const value = argv[++i];
    if (value === undefined) usage(`${flag} needs a value`);
    if (numeric.has(key)) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || (key !== 'seed' && key !== 'first' && key !== 'index' && n === 0)) usage(`${flag} must be a ${key === 'seed' || key === 'first' || key === 'index' ? 'non-negative' : 'positive'} integer (got ${value})`);
      o[key] = n;
    } else {
      o[key] = value;
    }
  }
  return o;
}

function build() {
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) process.stderr.write(`[build] tsc reported problems:\n${r.stdout}${r.stderr}\n`);
}

const o = parseArgs(process.argv.slice(2));
const campaign = await tsImport('../support/fuzz/campaign.ts', import.meta.url);
const mutants = await tsImport('../support/fuzz/mutant.ts', import.meta.url);
const cli = o.cli === null ? join(ROOT, 'dist', 'cli', 'main.js') : resolve(o.cli);
if (o.cli === null) build();
const out = o.out === null ? join(ROOT, 'test-output', 'fuzz', `seed-${o.seed}`) : resolve(o.out);
const limits = { timeoutMs: o.timeout * 1000, heapMb: o.heap };

if (o.index !== null) {
  // One mutant: write it out and run it, whatever its outcome.
  const m = mutants.makeMutant(mutants.fuzzCorpus(ROOT), o.seed, o.index);
  mkdirSync(out, { recursive: true });
  const file = join(out, `${String(o.index).padStart(6, '0')}-${m.command.name}.${m.ext}`);
  writeFileSync(file, m.text);
  const [result] = await campaign.runCampaign({ root: ROOT, cli, seed: o.seed, first: o.index, count: 1, jobs: 1, failuresDir: out, ...limits });
  process.stdout.write(`mutant ${o.index} of seed ${o.seed}: ${m.base}: ${m.mutations.join('; ')}\nfile: ${file}\n` +
    `command: ${m.command.name} ${JSON.stringify(m.command)}\noutcome: ${result.execution.outcome} (status ${result.execution.status}, signal ${result.execution.signal}, ${result.execution.ms} ms)\n` +
    `${result.replay ? `replay: ${result.replay}\n` : ''}stderr:\n${result.execution.stderr.slice(0, 2000)}\n`);
  process.exit(result.failureClass === null ? 0 : 1);
}

const started = Date.now();
let done = 0;
let failing = 0;
process.stderr.write(`fuzz: ${o.count} mutants from #${o.first} of seed ${o.seed}, ${o.jobs} at a time, ${o.timeout} s and ${o.heap} MB each; failures to ${out}\n`);
const results = await campaign.runCampaign({
  root: ROOT, cli, seed: o.seed, first: o.first, count: o.count, jobs: o.jobs, failuresDir: out, ...limits,
  onResult: (r) => {
    done++;
    if (r.failureClass !== null) {
      failing++;
      process.stderr.write(`  #${r.mutant.index} ${r.failureClass}\n`);
    }
    if (done % 50 === 0) process.stderr.write(`  ${done}/${o.count} (${failing} failing, ${Math.round((Date.now() - started) / 1000)} s)\n`);
  },
});
process.stdout.write(`${campaign.summary(results)}\n\nseed ${o.seed}, mutants ${o.first}..${o.first + o.count - 1}, ${Math.round((Date.now() - started) / 1000)} s; ` +
  `failing mutants saved in ${out}\n`);
process.exit(failing === 0 ? 0 : 1);
