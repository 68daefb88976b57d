// Staffing search speed (issue 7, acceptance 4): a 1-day, 48-interval single-group voice
// scenario (the classic 80/20 case with a daily volume profile) staffed per interval with 2
// worker threads, through the built library (dist/). `wallSec` runs from the call of
// runStaffing to the rendered JSON result, pool start-up included. Prints one JSON line.
// usage: node bench/staff.mjs [--workers N] [--replications R]   (run `npm run build` first)
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { runStaffing } from '../dist/workers/staffing/staff.js';
import { searchScenarioInfo } from '../dist/cli/commands/staff.js';
import { staffDefinition } from '../dist/cli/commands/staffFlags.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const workers = arg('workers', 2);
const replications = arg('replications', 20);
// Calls per half hour over 24 h: a night trough, a morning peak, an afternoon shoulder.
const volumes = Array.from({ length: 48 }, (_, i) => Math.round(40 + 130 * Math.exp(-(((i - 22) / 9) ** 2)) + 40 * Math.exp(-(((i - 34) / 4) ** 2))));
const file = fileURLToPath(import.meta.resolve('../scenarios/classic-80-20.yaml'));
const overrides = ['horizon=24h', `channels[0].arrivals={volumes: [${volumes.join(', ')}]}`];
// Built the way `ccsim staff` builds it (its flag checks and defaults), so the bench cannot
// drift from the command when the definition grows (it did twice when it was written by hand).
const args = { file, set: overrides, replications, 'max-rounds': 8, 'whole-day': false, shifts: false, resume: false, 'log-level': 'silent' };
const definition = staffDefinition(args, searchScenarioInfo(args));
const start = performance.now();
const result = await runStaffing({
  definition, workers, out: null, resume: false, signal: new globalThis.AbortController().signal, logger: pino({ level: 'silent' }),
});
const json = `${JSON.stringify(result, null, 2)}\n`;
const wallSec = (performance.now() - start) / 1000;
console.log(JSON.stringify({
  case: 'staff-48-intervals',
  intervals: result.intervals.length,
  workers,
  replications,
  wallSec: +wallSec.toFixed(3),
  candidates: result.search.candidates,
  simulations: result.search.tasks,
  erlangAgentHours: result.totals.erlang.agentHours,
  simulatedAgentHours: result.totals.simulated.agentHours,
  agreement: result.totals.agreement,
  outputSha256: createHash('sha256').update(json).digest('hex').slice(0, 16),
}));
