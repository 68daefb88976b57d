// The classic case's replications in a warm process (the JIT warmed on two replications of a
// day first), with overrides: its steady contacts per second, as the reference loop reports its
// own. One JSON line. usage: node bench/steady.mjs REPLICATIONS [override ...]   (bench/ratio.mjs uses it)
import { loadScenarioFile } from '../dist/scenarios/load.js';
import { timeReplications } from './timing.mjs';

const [reps, ...overrides] = process.argv.slice(2);
const file = new URL('../scenarios/classic-80-20.yaml', import.meta.url).pathname;
const { model: day } = loadScenarioFile(file, { overrides: [...overrides, 'horizon=24h'] });
const { model } = loadScenarioFile(file, { overrides });
const { contacts, events, wallSec: sec } = timeReplications(model, Number(reps), [[day, 999], [day, 1000]]);
console.log(JSON.stringify({ contacts, events, sec, contactsPerSec: contacts / sec, eventsPerSec: events / sec }));
