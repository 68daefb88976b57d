/**
 * The human-readable report of a run: what a planner reads first. Tables are drawn with
 * cli-table3 and kept within 100 columns; simulated figures carry their 95% CI half-width
 * and stand beside the Erlang prediction for the same load and staffing.
 */
import Table from 'cli-table3';
import type { ErlangBaselineFigures } from './baseline.js';
import { clock, count, pct, seconds, withCi } from './format.js';
import type { ChannelResult, RunResult } from './result.js';

const STYLE = { head: [] as string[], border: [] as string[], compact: true };

function table(head: string[]): Table.Table {
  return new Table({ head, style: STYLE, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
}

function erlangName(e: ErlangBaselineFigures): string {
  return e.model === 'erlangA' ? 'Erlang A' : 'Erlang C';
}

function diff(sim: number | null, erl: number, f: (x: number) => string): string {
  if (sim === null || !Number.isFinite(erl)) return '–';
  const d = sim - erl;
  return `${d >= 0 ? '+' : '−'}${f(Math.abs(d))}`;
}

function channelTable(r: RunResult): string {
  const t = table(['channel', 'offered', 'aband.', 'service level', 'ASA', 'AHT', 'p90 wait', 'occupancy']);
  for (const [id, c] of Object.entries(r.summary.channels)) {
    t.push([id, withCi(c.offered, (x) => count(x, 0)), withCi(c.abandonRate, (x) => pct(x)), withCi(c.serviceLevel, (x) => pct(x)),
      withCi(c.asaSec, seconds), seconds(c.ahtSec.mean), seconds(c.waitP90Sec.mean), withCi(c.occupancy, (x) => pct(x))]);
  }
  return t.toString();
}

function comparisonTable(id: string, c: ChannelResult): string {
  const e = c.erlang;
  const t = table([`${id} (${c.target.level * 100}/${c.target.withinSec}s)`, 'simulated (95% CI)', erlangName(e), 'sim − Erlang']);
  t.push(['service level', withCi(c.serviceLevel, (x) => pct(x)), pct(e.serviceLevel), diff(c.serviceLevel.mean, e.serviceLevel, (x) => pct(x))]);
  t.push(['P(wait > 0)', withCi(c.pWait, (x) => pct(x)), pct(e.pWait), diff(c.pWait.mean, e.pWait, (x) => pct(x))]);
  t.push(['ASA', withCi(c.asaSec, seconds), seconds(e.asaSec), diff(c.asaSec.mean, e.asaSec, seconds)]);
  t.push(['occupancy', withCi(c.occupancy, (x) => pct(x)), pct(e.occupancy), diff(c.occupancy.mean, e.occupancy, (x) => pct(x))]);
  if (e.pAbandon !== undefined) {
    t.push(['abandon rate', withCi(c.abandonRate, (x) => pct(x)), pct(e.pAbandon), diff(c.abandonRate.mean, e.pAbandon, (x) => pct(x))]);
  }
  t.push(['agents (have / Erlang needs)', count(e.agents, 1), String(e.agentsRequired), '']);
  return t.toString();
}

function groupTable(r: RunResult): string {
  const t = table(['group', 'handled', 'AHT', 'occupancy', 'utilization', 'available h']);
  for (const [id, g] of Object.entries(r.summary.groups)) {
    t.push([id, count(g.handled.mean, 0), seconds(g.ahtSec.mean), withCi(g.occupancy, (x) => pct(x)),
      withCi(g.utilization, (x) => pct(x)), count(g.availableHours.mean, 1)]);
  }
  return t.toString();
}

function intervalTable(r: RunResult, id: string): string {
  const t = table(['start', 'offered', 'SL sim', 'SL Erl', 'ASA sim', 'ASA Erl', 'aband.', 'occ sim', 'occ Erl', 'agents', 'Erl need']);
  for (const iv of r.intervals) {
    const c = iv.channels[id];
    if (!c) continue;
    const e = c.erlang;
    t.push([clock(iv.startSec), count(c.offered.mean, 1), pct(c.serviceLevel.mean), pct(e.serviceLevel), seconds(c.asaSec.mean),
      seconds(e.asaSec), pct(c.abandonRate.mean), pct(c.occupancy.mean), pct(e.occupancy), count(e.agents, 1), String(e.agentsRequired)]);
  }
  return t.toString();
}

export function renderText(r: RunResult): string {
  const out: string[] = [];
  const days = r.horizonSec / 3600;
  out.push(`${r.scenario} — ${r.replications} replications, seed ${r.seed}, ${count(days, 1)} h recorded ` +
    `(${r.intervals.length} × ${r.intervalSec / 60} min intervals), warm-up ${r.warmupSec / 60} min`);
  out.push(`Service level definition: ${r.serviceLevelDefinition}; ± is the 95% CI half-width over replications.`);
  out.push('', 'Channels', channelTable(r));
  for (const [id, c] of Object.entries(r.summary.channels)) out.push('', comparisonTable(id, c));
  out.push('', 'Agent groups', groupTable(r));
  for (const id of Object.keys(r.summary.channels)) out.push('', `Intervals — ${id} (means over replications)`, intervalTable(r, id));
  return `${out.join('\n')}\n`;
}
