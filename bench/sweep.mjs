// Sweep scaling (issue 5, acceptance 5): 20 points × 20 replications with 1 and with 2
// worker threads, through the built library (dist/). `wallSec` runs from the call of
// runSweep to the rendered JSON result — pool start-up, point compilation, the tasks and the
// report — Node's own start-up not. Each run is its own process.
//
// Cases (`node bench/sweep.mjs [case…]`, default all), all 20 points × 20 replications:
// - classic-week: the classic 80/20 center (300 calls/h, 6-minute handle) run 24/7 for a
//   week, agents 30..49 — replications of ~35 ms, long enough that what a second thread
//   saves is not eaten by what each thread costs to start. Acceptance 5 is judged on it.
// - saas-week: the bundled SaaS desk (a working week, chat and email, three tiers), sweeping
//   day-shift Tier 1 generalists (3..7) × day-shift Tier 2 (2..5) — replications of ~10–15 ms,
//   but a richer model, whose JIT warm-up in each thread takes longer (~0.3–0.5 s).
// - classic-day: the classic 8-hour day, agents 30..49 — replications of ~2.5 ms, so 400 of
//   them are about a second of work, and each thread's start-up and warm-up (~0.15–0.3 s)
//   cost about what the second thread saves.
//
// This machine's speed drifts by tens of percent from minute to minute, so 1 and 2 workers
// are run alternately, ROUNDS times each (SWEEP_ROUNDS, default 5); `wallRatio2over1` is the
// median over rounds of each round's ratio, `ratioOfMedians` the ratio of the median times. Equal
// `outputSha256` across all runs shows the result did not depend on the worker count.
// A control runs two single-thread sweeps (--workers 0) as separate processes at once:
// their slowdown against one alone is what the hardware gives two threads whatever the pool does.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPLICATIONS = 20;
const ROUNDS = Number(process.env.SWEEP_ROUNDS ?? 5);
const TARGET = 0.6;

const CASES = {
  'classic-week': { scenario: 'classic-80-20.yaml', vary: ['agents[0].count=30..49'], set: ['horizon=7d'] },
  'saas-week': { scenario: 'saas-support.yaml', vary: ['agents.generalists.shifts[1].count=3..7', 'agents.tier2.shifts[1].count=2..5'] },
  'classic-day': { scenario: 'classic-80-20.yaml', vary: ['agents[0].count=30..49'] },
};

async function runCase(name, workers) {
  const spec = CASES[name];
  const { pino } = await import('pino');
  const { runSweep } = await import('../dist/workers/sweep.js');
  const { sweepResult } = await import('../dist/workers/outcomes.js');
  const { renderSweepReport } = await import('../dist/reports/sweep/render.js');
  const { gridPoints, parseVary } = await import('../dist/workers/sweepSpec.js');
  const { readInputFiles } = await import('../dist/workers/inputFiles.js');
  const file = fileURLToPath(import.meta.resolve(`../scenarios/${spec.scenario}`));
  const text = readFileSync(file, 'utf8');
  const definition = {
    scenario: { label: spec.scenario, text },
    // The files the scenario reads (none for these), as `ccsim sweep` records them.
    inputs: readInputFiles(text, dirname(file), [spec.set ?? []]),
    baseOverrides: spec.set ?? [],
    points: gridPoints(spec.vary.map((v) => parseVary(v))),
    seed: null,
    crn: true,
    replications: { mode: 'fixed', count: REPLICATIONS },
    serviceLevelDefinition: null,
    report: { baseline: null, objective: null, intervals: false },
  };
  const start = performance.now();
  const run = await runSweep({
    definition, shard: { index: 0, count: 1 }, scenarioDir: dirname(file), workers, out: null, resume: false,
    signal: new globalThis.AbortController().signal, logger: pino({ level: 'silent' }),
  });
  const { result, input } = sweepResult(definition, run.planned, run.outcomes);
  const out = (await renderSweepReport(result, input, 'json')).text;
  const wallSec = (performance.now() - start) / 1000;
  return { points: definition.points.length, tasks: definition.points.length * REPLICATIONS, wallSec, outputSha256: createHash('sha256').update(out).digest('hex').slice(0, 16) };
}

const self = fileURLToPath(import.meta.url);
const child = process.argv.indexOf('--child');
if (child >= 0) {
  console.log(JSON.stringify(await runCase(process.argv[child + 1], Number(process.argv[child + 2]))));
} else {
  const once = (name, workers) => JSON.parse(execFileSync(process.execPath, [self, '--child', name, String(workers)], { encoding: 'utf8' }));
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[(s.length - 1) >> 1]; };
  const round3 = (x) => +x.toFixed(3);
  const names = process.argv.slice(2).filter((a) => a in CASES);
  for (const name of names.length > 0 ? names : Object.keys(CASES)) {
    const runs = { 1: [], 2: [] };
    for (let r = 0; r < ROUNDS; r++) for (const w of [1, 2]) runs[w].push(once(name, w));
    const wall = (w) => runs[w].map((x) => round3(x.wallSec));
    const [one, two] = [median(wall(1)), median(wall(2))];
    // Each round's 2-worker run against the 1-worker run just before it: the two ran a few
    // seconds apart, so they share the machine's speed of the moment.
    const ratios = runs[2].map((x, i) => round3(x.wallSec / runs[1][i].wallSec));
    const hashes = new Set([...runs[1], ...runs[2]].map((x) => x.outputSha256));
    console.log(JSON.stringify({
      case: `sweep-${name}-${runs[1][0].points}x${REPLICATIONS}`,
      tasks: runs[1][0].tasks,
      wallSec1Worker: wall(1),
      wallSec2Workers: wall(2),
      median1: one,
      median2: two,
      tasksPerSec2Workers: +(runs[2][0].tasks / two).toFixed(1),
      roundRatios: ratios,
      wallRatio2over1: median(ratios),
      ratioOfMedians: round3(two / one),
      target: TARGET,
      met: median(ratios) <= TARGET,
      identicalOutput: hashes.size === 1,
    }));
  }
  const alone = once('saas-week', 0).wallSec;
  const pair = await Promise.all([0, 1].map(() => promisify(execFile)(process.execPath, [self, '--child', 'saas-week', '0'], { encoding: 'utf8' })));
  const paired = pair.map((r) => JSON.parse(r.stdout).wallSec);
  console.log(JSON.stringify({
    case: 'parallel-capacity-control-saas-week',
    aloneWallSec: round3(alone),
    pairedWallSec: paired.map(round3),
    slowdownWhenPaired: round3((paired[0] + paired[1]) / 2 / alone),
  }));
}
