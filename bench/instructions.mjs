// The classic case's replications under a counting tool, for instruction counts where wall
// time is too noisy (a loaded machine, a change of a few per cent):
//   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//     node --single-threaded --predictable bench/instructions.mjs DIST N [override ...]
// DIST is a build's dist/ directory (compare two builds), N the replications (take N and 0 and
// subtract, so start-up cancels). `--predictable` makes V8 compile on the main thread in a
// fixed order: two runs of one build then differ by about 0.1%.
const [dist, reps, ...overrides] = process.argv.slice(2);
const { loadScenarioFile } = await import(`${dist}/scenarios/load.js`);
const { simulateReplication } = await import(`${dist}/engine/simulate.js`);
const { model } = loadScenarioFile(new URL('../scenarios/classic-80-20.yaml', import.meta.url).pathname, { overrides });
let events = 0;
for (let r = 0; r < Number(reps); r++) events += simulateReplication(model, model.seed, r).events;
console.log(events);
