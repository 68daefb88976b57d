// Covering-program speed (issue 15, goal 3): the shift-template integer program solved by
// HiGHS for a 48-interval day with 30 templates, and for a 336-interval week with the same
// templates on every day, through the built library (dist/). The requirement is a day profile
// (a night trough, a morning peak, an afternoon shoulder), scaled by weekday in the week.
// Prints one JSON line per case: columns, status, gap, cost, wall seconds (template expansion,
// column building and solve). usage: node bench/cover.mjs [--time-limit S]   (run `npm run build` first)
import { expandTemplateFile, readTemplateText, solveCover } from '../dist/workers/scheduling/cover.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const timeLimitSec = arg('time-limit', 60);
const relativeGap = arg('gap', 1e-4);
const only = process.argv.includes('--week') ? 'week' : process.argv.includes('--day') ? 'day' : undefined;

// 30 templates: 6 lengths × 5 start windows, starts every 30 minutes; shifts of 6 h and more
// have a paid 15-minute break, those of 8 h and more an unpaid 30-minute lunch too.
const lengths = [
  { len: '4h', breaks: [] },
  { len: '6h', breaks: ['{ length: 15m, paid: true, window: { from: 2h, to: 3h } }'] },
  { len: '8h', breaks: ['{ length: 15m, paid: true, window: { from: 1h30m, to: 2h30m } }', '{ length: 30m, paid: false, window: { from: 3h30m, to: 5h } }'] },
  { len: '8h30m', breaks: ['{ length: 15m, paid: true, window: { from: 1h30m, to: 2h30m } }', '{ length: 30m, paid: false, window: { from: 3h30m, to: 5h } }'] },
  { len: '9h', breaks: ['{ length: 15m, paid: true, window: { from: 1h30m, to: 2h30m } }', '{ length: 30m, paid: false, window: { from: 4h, to: 5h30m } }'] },
  { len: '10h', breaks: ['{ length: 15m, paid: true, window: { from: 2h, to: 3h } }', '{ length: 30m, paid: false, window: { from: 4h, to: 6h } }', '{ length: 15m, paid: true, window: { from: 7h, to: 8h } }'] },
];
const windows = [['00:00', '05:30'], ['06:00', '08:30'], ['09:00', '11:30'], ['12:00', '14:30'], ['15:00', '23:30']];
const lines = ['templates:'];
lengths.forEach(({ len, breaks }, i) => {
  windows.forEach(([from, to], k) => {
    lines.push(`  - id: t${i}w${k}`, `    starts: { from: "${from}", to: "${to}", step: 30m }`, `    length: ${len}`, `    costPerHour: ${20 + i}`);
    if (breaks.length > 0) lines.push('    breaks:', ...breaks.map((b) => `      - ${b}`));
  });
});
const text = lines.join('\n');

const profile = Array.from({ length: 48 }, (_, i) => Math.round(4 + 38 * Math.exp(-(((i - 22) / 7) ** 2)) + 16 * Math.exp(-(((i - 34) / 4) ** 2))));
const weekday = [1, 0.95, 0.95, 0.9, 1.05, 0.6, 0.45];

async function run(label, days) {
  const started = performance.now();
  const templates = expandTemplateFile(readTemplateText(text, 'bench.yaml'), { horizonSec: days * 86_400, intervalSec: 1800 });
  const requirement = Array.from({ length: 48 * days }, (_, i) => Math.round(profile[i % 48] * weekday[Math.floor(i / 48) % 7]));
  const solution = await solveCover({ intervalSec: 1800, requirement, templates }, { timeLimitSec, relativeGap });
  const wallSec = (performance.now() - started) / 1000;
  const over = solution.coverage.reduce((s, c, i) => s + c - requirement[i], 0);
  console.log(JSON.stringify({
    case: label, intervals: requirement.length, templates: templates.length, columns: solution.columns, breakStepIntervals: solution.breakStepIntervals,
    status: solution.status, gap: solution.gap, cost: solution.cost, paidHours: solution.paidHours, overCoverAgentIntervals: Number(over.toFixed(2)),
    shifts: solution.shifts.length, wallSec: Number(wallSec.toFixed(2)), cpuSec: Number((process.cpuUsage().user / 1e6).toFixed(2)), timeLimitSec, relativeGap,
  }));
}

if (only !== 'week') await run('day', 1);
if (only !== 'day') await run('week', 7);
