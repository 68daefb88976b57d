// `npm run bench`: speed and memory of the kernel (and of sweeps on the worker pool),
// each case in its own process; one JSON line per case on stdout. Never part of `npm test`.
// Beside case (a) it runs the hand-tuned reference loop (../shared/bench-reference/mmc.mjs,
// when present) in the same sitting and prints the ratio of events per second.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const node = process.execPath;
const run = (args) => execFileSync(node, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

const results = {};
for (const name of ['a-classic-8h', 'a-classic-patience', 'a-classic-1d', 'a-classic-30d', 'b-2000-agents']) {
  const line = run(['bench/case.mjs', name]);
  results[name] = JSON.parse(line);
  console.log(line);
}

const reference = '../shared/bench-reference/mmc.mjs';
if (existsSync(reference)) {
  const ref = JSON.parse(run([reference, '--c', '35', '--arrivalsPerHour', '300', '--serviceMean', '360', '--customers', '2e6', '--json', '1']));
  const ours = results['a-classic-8h'];
  console.log(JSON.stringify({
    case: 'reference-mmc',
    events: ref.events,
    wallSec: +ref.secs.toFixed(3),
    eventsPerSec: Math.round(ref.eventsPerSec),
    contactsPerSec: Math.round(ref.customersPerSec),
    ccsimOverReference: +(ours.eventsPerSec / ref.eventsPerSec).toFixed(3),
  }));
}

// Issue 16: whole process and warm kernel against the reference on the 2.4-million-contact case
// (bench/ratio.mjs), and a year of a 2,000-seat center, ~200 million contacts (bench/scale.mjs).
process.stdout.write(`${run(['bench/ratio.mjs'])}\n`);
process.stdout.write(`${run(['bench/scale.mjs'])}\n`);
process.stdout.write(`${run(['bench/erlang.mjs'])}\n`);
// Sweeps on the worker pool, 1 against 2 workers (bench/sweep.mjs says which case is which).
process.stdout.write(`${run(['bench/sweep.mjs'])}\n`);
process.stdout.write(`${run(['bench/staff.mjs'])}\n`);
// Resume memory against the checkpoint's size (bench/resume.mjs).
process.stdout.write(`${run(['bench/resume.mjs'])}\n`);
// Whole runs over long horizons: a year of five channels, 12 weeks of the classic day (bench/horizon.mjs).
process.stdout.write(`${run(['bench/horizon.mjs'])}\n`);
// Shift schedules against the Erlang cover on a day (bench/schedule.mjs; its week case,
// ~16 minutes on 2 cores, runs on its own: node bench/schedule.mjs --only week).
process.stdout.write(`${run(['bench/schedule.mjs', '--only', 'day'])}\n`);
