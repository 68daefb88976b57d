// `ccsim schedule` (issue 15, goals 4 and 5): for a 48-interval day (scenarios/bank-day.yaml
// with scenarios/bank-day-shifts.yaml) and a week of it (the day's curve × a weekday factor,
// 336 intervals, written to a temporary file), the paid hours and target attainment of
// (a) the Erlang cover — Erlang C/A requirements set-covered by the same integer program —
// and (b) the schedule `ccsim schedule` proves, per interval and with --day-level. Both plans
// are judged on the same fresh replications (the result's `erlangCover` and `schedule`).
// The week is scheduled per interval only: at day level each round simulates the week once per
// interval (337 weeks of 20 replications a round), hours on this machine.
// Each case runs the built CLI in its own process with 2 workers; `wallSec` is that process's
// wall time. Prints one JSON line per case.
// usage: node bench/schedule.mjs [--replications R] [--only day|week]   (run `npm run build` first)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const replications = arg('replications', '20');
const only = arg('only', null);
const dir = mkdtempSync(join(tmpdir(), 'ccsim-bench-schedule-'));

// The week: Monday to Sunday at 1.10, 1.00, 0.95, 0.95, 1.05, 0.70, 0.55 of the day's volumes.
const dayText = readFileSync('scenarios/bank-day.yaml', 'utf8');
const volumes = JSON.parse(`[${/volumes: \[([^\]]*)\]/.exec(dayText)[1]}]`);
const factors = [1.1, 1.0, 0.95, 0.95, 1.05, 0.7, 0.55];
const weekVolumes = factors.flatMap((f) => volumes.map((v) => Math.round(v * f)));
const weekFile = join(dir, 'bank-week.yaml');
writeFileSync(weekFile, dayText.replace(/volumes: \[[^\]]*\]/, `volumes: [${weekVolumes.join(', ')}]`).replace('horizon: 24h', 'horizon: 7d').replace('name: Bank day 80/20', 'name: Bank week 80/20'));

const CASES = [
  { case: 'schedule-day', scenario: 'scenarios/bank-day.yaml', flags: [] },
  { case: 'schedule-day-level', scenario: 'scenarios/bank-day.yaml', flags: ['--day-level'] },
  { case: 'schedule-week', scenario: weekFile, flags: [] },
].filter((c) => only === null || (only === 'day') === !c.case.includes('week'));

const plan = (p) => ({
  paidHours: +p.paidHours.toFixed(2),
  ftePerWeek: +p.ftePerWeek.toFixed(2),
  cost: +p.cost.toFixed(2),
  intervalsMet: `${p.intervalsMet}/${p.intervalsJudged}`,
  daySL: p.day.filter((d) => d.target.includes('serviceLevel')).map((d) => ({ mean: +d.estimate.mean.toFixed(4), ci: d.estimate.ci95?.map((x) => +x.toFixed(4)) ?? null, met: d.met }))[0] ?? null,
  met: p.met,
});

for (const c of CASES) {
  const args = ['dist/cli/main.js', 'schedule', c.scenario, '--templates', 'scenarios/bank-day-shifts.yaml', '--replications', replications, '--workers', '2', '--format', 'json', ...c.flags];
  const t0 = performance.now();
  let stdout;
  let exit = 0;
  try {
    stdout = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  } catch (err) {
    if (err.status !== 1) throw err;
    stdout = err.stdout;
    exit = 1;
  }
  const wallSec = (performance.now() - t0) / 1000;
  const r = JSON.parse(stdout);
  console.log(JSON.stringify({
    case: c.case, intervals: r.intervals.length, replications: r.replications, confidence: r.confidence, mode: r.mode, exit, state: r.state,
    rounds: r.rounds.length, simulations: r.search.simulations, wallSec: +wallSec.toFixed(1),
    erlangCover: plan(r.erlangCover), schedule: plan(r.schedule),
  }));
}
