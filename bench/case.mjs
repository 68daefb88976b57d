// One benchmark case in a fresh process (so its peak RSS is its own). Prints one JSON line:
// { case, contacts, events, wallSec, eventsPerSec, contactsPerSec, peakRssMB }.
// usage: node bench/case.mjs NAME   (run `npm run build` first; `npm run bench` does)
import { loadScenarioFile } from '../dist/scenarios/load.js';
import { timeReplications } from './timing.mjs';

const CASES = {
  // (a) the classic case: 300/h, AHT 6 m, 35 agents, 8 h, many replications.
  'a-classic-8h': { file: 'scenarios/classic-80-20.yaml', set: [], replications: 400 },
  // (a) memory against the horizon: the same case over 1 day and over 30 days.
  'a-classic-1d': { file: 'scenarios/classic-80-20.yaml', set: ['horizon=1d'], replications: 4 },
  'a-classic-30d': { file: 'scenarios/classic-80-20.yaml', set: ['horizon=30d'], replications: 4 },
  // (b) a large center: 2,000 agents at load 0.95 (AHT 6 m → 19,000 calls/h).
  'b-2000-agents': { file: 'scenarios/classic-80-20.yaml', set: ['agents[0].count=2000', 'channels[0].arrivals.perHour=19000'], replications: 3 },
  // the classic case with abandonment (exponential patience 3 min), for the M/M/c+M yardstick.
  'a-classic-patience': { file: 'scenarios/classic-80-20.yaml', set: ['channels[0].patience={dist: exponential, mean: 3m}'], replications: 400 },
};

const name = process.argv[2];
const spec = CASES[name];
if (!spec) {
  console.error(`unknown case ${name}; known: ${Object.keys(CASES).join(' ')}`);
  process.exit(2);
}
const { model } = loadScenarioFile(spec.file, { overrides: spec.set });
const { contacts, events, wallSec, cpuSec } = timeReplications(model, spec.replications);
console.log(JSON.stringify({
  case: name,
  replications: spec.replications,
  contacts,
  events,
  wallSec: +wallSec.toFixed(3),
  eventsPerSec: Math.round(events / wallSec),
  contactsPerSec: Math.round(contacts / wallSec),
  cpuSec: +cpuSec.toFixed(3),
  eventsPerCpuSec: Math.round(events / cpuSec),
  peakRssMB: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
}));
