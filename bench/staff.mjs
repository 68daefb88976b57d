// Staffing search speed (issue 7, acceptance 4): a 1-day, 48-interval single-group voice
// scenario (the classic 80/20 case with a daily volume profile) staffed per interval with 2
// worker threads, through the built library (dist/). `wallSec` runs from the call of
// runStaffing to the rendered JSON result, pool start-up included. Prints one JSON line.
// usage: node bench/staff.mjs [--workers N] [--replications R]   (run `npm run build` first)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { runStaffing } from '../dist/workers/staffing/staff.js';
import { digestsOf, readInputFiles } from '../dist/workers/inputFiles.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const workers = arg('workers', 2);
const replications = arg('replications', 20);
// Calls per half hour over 24 h: a night trough, a morning peak, an afternoon shoulder.
const volumes = Array.from({ length: 48 }, (_, i) => Math.round(40 + 130 * Math.exp(-(((i - 22) / 9) ** 2)) + 40 * Math.exp(-(((i - 34) / 4) ** 2))));
const file = fileURLToPath(import.meta.resolve('../scenarios/classic-80-20.yaml'));
const text = readFileSync(file, 'utf8');
const overrides = ['horizon=24h', `channels[0].arrivals={volumes: [${volumes.join(', ')}]}`];
const definition = {
  scenario: { label: file, text },
  // The files the scenario reads (none here), as `ccsim staff` records them.
  inputs: digestsOf(readInputFiles(text, dirname(file), [overrides])),
  overrides,
  seed: 1,
  replications,
  mode: 'intervals',
  targets: { maxAsaSec: null, maxAbandon: null, maxOccupancy: null, maxBacklogAgeSec: null },
  assertions: [],
  serviceLevelDefinition: null,
  maxRounds: 8,
  // `ccsim staff`'s defaults: agent-hours (no group has a cost here), the whole 95% CI.
  objective: 'hours',
  judging: { on: 'ci', confidence: 0.95 },
};
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
