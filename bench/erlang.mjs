// The Erlang staffing answer of issue 3 (300/h, AHT 6 m, 80/20, 30% shrinkage): its own solve
// time through the library, and the whole `ccsim erlang staff` process (Node start-up and
// module loading included), median of repeated runs. One JSON line.
import { execFileSync } from 'node:child_process';
import { fte, staffErlangC } from '../dist/engine/erlang/index.js';

const input = { ratePerSec: 300 / 3600, handleSec: 360, targets: { serviceLevel: 0.8, targetSec: 20 } };
const solves = [];
for (let i = 0; i < 200; i++) {
  const t0 = process.hrtime.bigint();
  const agents = staffErlangC(input).agents;
  fte(agents, 0.3);
  solves.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const processes = [];
let answer = null;
for (let i = 0; i < 7; i++) {
  const t0 = process.hrtime.bigint();
  answer = JSON.parse(execFileSync(process.execPath, ['dist/cli/main.js', 'erlang', 'staff', '--rate', '300/h', '--aht', '6m', '--target', '20s', '--sl', '0.8', '--shrinkage', '0.3', '--json'], { encoding: 'utf8' }));
  processes.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({
  case: 'erlang-staff-300h',
  agents: answer.agents,
  fte: +answer.fte.toFixed(2),
  solveMsMedian: +median(solves).toFixed(3),
  processMsMedian: Math.round(median(processes)),
}));
