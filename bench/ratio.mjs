// Issue 16, goal 2: ccsim against the hand-tuned reference loop (../shared/bench-reference/mmc.mjs)
// on the 2.4-million-contact M/M/c case — 4 replications × 2,016 h of 300 calls/h, AHT 6 min,
// 35 agents — in one sitting, alternating the two, five rounds. Two ratios of contacts per
// second (ccsim ÷ reference, medians of the rounds' ratios):
// - whole process: `ccsim run --workers 0` (one thread: start-up, scenario, simulation, report)
//   against `node mmc.mjs` for the same number of customers, each timed from outside; and the
//   same `ccsim run` with its replications on the machine's cores (`--workers`);
// - steady kernel: replications of the same case in a warm process against the reference's own
//   steady figure (its customers per second once warm).
// One JSON line. usage: node bench/ratio.mjs [ROUNDS]   (run `npm run build` first)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const reference = '../shared/bench-reference/mmc.mjs';
if (!existsSync(reference)) {
  console.log(JSON.stringify({ case: 'ratio', skipped: `no ${reference}` }));
  process.exit(0);
}
const rounds = Number(process.argv[2] ?? 5);
const node = process.execPath;
const timed = (args) => {
  const t0 = process.hrtime.bigint();
  const out = execFileSync(node, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  return { sec: Number(process.hrtime.bigint() - t0) / 1e9, out };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const run = ['dist/cli/main.js', 'run', 'scenarios/classic-80-20.yaml', '-r', '4', '--set', 'horizon=2016h', '--set', 'warmup=2h', '--format', 'json'];
const runOneThread = [...run, '--workers', '0'];
const runThreaded = [...run, '--workers', String(availableParallelism())];
const steady = ['bench/steady.mjs', '4', 'horizon=2016h', 'warmup=2h'];
const rows = [];
for (let i = 0; i < rounds; i++) {
  const ours = timed(runOneThread);
  const contacts = JSON.parse(ours.out).summary.overall.offered.mean * 4;
  const threaded = timed(runThreaded);
  const kernel = JSON.parse(timed(steady).out);
  const ref = timed([reference, '--c', '35', '--arrivalsPerHour', '300', '--serviceMean', '360', '--customers', String(Math.round(contacts)), '--json', '1']);
  const refJson = JSON.parse(ref.out);
  rows.push({
    ccsimSec: ours.sec, threadedSec: threaded.sec, referenceSec: ref.sec, contacts,
    wholeProcess: (contacts / ours.sec) / (refJson.customers / ref.sec),
    wholeProcessThreads: (contacts / threaded.sec) / (refJson.customers / ref.sec),
    kernel: kernel.contactsPerSec / refJson.steadyCustomersPerSec,
  });
}
console.log(JSON.stringify({
  case: 'ratio-mmc-2016h-r4',
  rounds,
  contacts: Math.round(rows[0].contacts),
  ccsimProcessSec: +median(rows.map((r) => r.ccsimSec)).toFixed(3),
  ccsimThreadedProcessSec: +median(rows.map((r) => r.threadedSec)).toFixed(3),
  referenceProcessSec: +median(rows.map((r) => r.referenceSec)).toFixed(3),
  wholeProcessRatio: +median(rows.map((r) => r.wholeProcess)).toFixed(3),
  wholeProcessRatios: rows.map((r) => +r.wholeProcess.toFixed(3)),
  wholeProcessRatioThreads: +median(rows.map((r) => r.wholeProcessThreads)).toFixed(3),
  kernelRatio: +median(rows.map((r) => r.kernel)).toFixed(3),
  kernelRatios: rows.map((r) => +r.kernel.toFixed(3)),
}));
