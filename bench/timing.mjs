// Replications of a model timed in a warm process: the one loop behind bench/case.mjs and
// bench/steady.mjs. The JIT is warmed first on `warm` (a short model, or the model itself with
// another seed), so the figures are the steady speed, as the reference loop reports its own.
import { simulateReplication } from '../dist/engine/simulate.js';

/** Runs `replications` of `model` after warming on `warm`; contacts, events, wall and CPU seconds. */
export function timeReplications(model, replications, warm = [[model, 12345]]) {
  for (const [m, seed] of warm) simulateReplication(m, seed, 0);
  let events = 0, contacts = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < replications; r++) {
    const c = simulateReplication(model, model.seed, r);
    events += c.events;
    contacts += c.contacts;
  }
  const wallSec = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { contacts, events, wallSec, cpuSec: (cpu.user + cpu.system) / 1e6 };
}
