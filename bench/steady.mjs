// The classic case's replications in a warm process (the JIT warmed on two replications first),
// with overrides: its steady contacts per second, as the reference loop reports its own. One
// JSON line. usage: node bench/steady.mjs REPLICATIONS [override ...]   (bench/ratio.mjs uses it)
import { loadScenarioFile } from '../dist/scenarios/load.js';
import { simulateReplication } from '../dist/engine/simulate.js';

const [reps, ...overrides] = process.argv.slice(2);
const { model } = loadScenarioFile(new URL('../scenarios/classic-80-20.yaml', import.meta.url).pathname, { overrides: [...overrides, 'horizon=24h'] });
for (let r = 0; r < 2; r++) simulateReplication(model, 999, r);
const { model: full } = loadScenarioFile(new URL('../scenarios/classic-80-20.yaml', import.meta.url).pathname, { overrides });
let contacts = 0, events = 0;
const t0 = process.hrtime.bigint();
for (let r = 0; r < Number(reps); r++) {
  const c = simulateReplication(full, full.seed, r);
  contacts += c.contacts;
  events += c.events;
}
const sec = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ contacts, events, sec, contactsPerSec: contacts / sec, eventsPerSec: events / sec }));
