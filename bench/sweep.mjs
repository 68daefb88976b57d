// Sweep scaling (issue 5, acceptance 5): 20 points × 20 replications of the classic 80/20
// case (agents 30..49) with 1 and then 2 worker threads, each case in its own process
// through the built library (dist/): `wallSec` runs from the call of runSweep to the
// rendered JSON result, pool start-up included, Node's own start-up not. One JSON line per
// case, then the ratio (target ≤ 0.6). Run after `npm run build`.
//
// Timings on a shared machine are noisy: anything else running on the same cores slows
// either case. Equal `outputSha256` shows the result did not depend on the worker count.
// A control case runs two single-thread sweeps (--workers 0) as separate processes at once:
// their slowdown against one alone is what the hardware allows two threads, whatever the
// pool does (on SMT siblings or a shared host it is well above 1).
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const POINTS = 20;
const REPLICATIONS = 20;
// SWEEP_HORIZON=7d runs the same sweep over a week instead of the scenario's 8-hour day, so
// each task does enough work for thread start-up to stop dominating.
const HORIZON = process.env.SWEEP_HORIZON ?? '';

async function runCase(workers) {
  const { pino } = await import('pino');
  const { runSweep } = await import('../dist/workers/sweep.js');
  const { sweepResult } = await import('../dist/workers/outcomes.js');
  const { renderSweepReport } = await import('../dist/reports/sweepRender.js');
  const { gridPoints, parseVary } = await import('../dist/workers/sweepSpec.js');
  const definition = {
    scenario: { label: 'classic-80-20.yaml', text: readFileSync(fileURLToPath(import.meta.resolve('../scenarios/classic-80-20.yaml')), 'utf8') },
    baseOverrides: HORIZON ? [`horizon=${HORIZON}`] : [],
    points: gridPoints([parseVary(`agents[0].count=30..${30 + POINTS - 1}`)]),
    seed: null,
    crn: true,
    replications: { mode: 'fixed', count: REPLICATIONS },
    serviceLevelDefinition: null,
    report: { baseline: null, objective: null, intervals: false },
  };
  const start = performance.now();
  const run = await runSweep({
    definition, shard: { index: 0, count: 1 }, workers, out: null, resume: false,
    signal: new globalThis.AbortController().signal, logger: pino({ level: 'silent' }),
  });
  const { result, input } = sweepResult(definition, run.planned, run.outcomes);
  const out = (await renderSweepReport(result, input, 'json')).text;
  const wallSec = (performance.now() - start) / 1000;
  const tasks = POINTS * REPLICATIONS;
  return {
    case: `sweep-classic-${POINTS}x${REPLICATIONS}${HORIZON ? `-${HORIZON}` : ''}`,
    workers,
    tasks,
    wallSec: +wallSec.toFixed(3),
    tasksPerSec: +(tasks / wallSec).toFixed(1),
    outputSha256: createHash('sha256').update(out).digest('hex').slice(0, 16),
  };
}

const child = process.argv.indexOf('--case');
if (child >= 0) {
  console.log(JSON.stringify(await runCase(Number(process.argv[child + 1]))));
} else {
  const results = [1, 2].map((workers) => {
    const line = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--case', String(workers)], { encoding: 'utf8' }).trim();
    console.log(line);
    return JSON.parse(line);
  });
  const [one, two] = results;
  const self = fileURLToPath(import.meta.url);
  const alone = JSON.parse(execFileSync(process.execPath, [self, '--case', '0'], { encoding: 'utf8' }));
  const pair = await Promise.all([0, 1].map(() => promisify(execFile)(process.execPath, [self, '--case', '0'], { encoding: 'utf8' })));
  const paired = pair.map((r) => JSON.parse(r.stdout).wallSec);
  console.log(JSON.stringify({
    case: `parallel-capacity-control${HORIZON ? `-${HORIZON}` : ''}`,
    aloneWallSec: alone.wallSec,
    pairedWallSec: paired,
    slowdownWhenPaired: +((paired[0] + paired[1]) / 2 / alone.wallSec).toFixed(3),
  }));
  console.log(JSON.stringify({
    case: `sweep-scaling${HORIZON ? `-${HORIZON}` : ''}`,
    wallRatio2over1: +(two.wallSec / one.wallSec).toFixed(3),
    target: 0.6,
    identicalOutput: one.outputSha256 === two.outputSha256,
  }));
}
