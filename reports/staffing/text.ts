/**
 * The staffing result as text for a planner (≤ 100 columns; colours only on a terminal):
 * what was asked, one row per interval (Erlang vs simulated agents, FTE, each channel's
 * service level with its CI half-width, agreement), the shifts when staffed by shift,
 * totals against the Erlang plan, and the notes on why the two differ.
 */
import { clock, durationText, pct, seconds, withCi } from '../format.js';
import { palette } from '../palette.js';
import { fitTable, MAX_WIDTH, type Column } from '../textTable.js';
import { headline, unmetText } from './outcome.js';
import type { IntervalStaffing, StaffingResult } from '../../analysis/staffing/result.js';
import { timeLabel } from '../timeline.js';

/** `with 95% confidence (whole CI)`, or `on the mean over replications`. */
export function judgingText(r: StaffingResult): string {
  return r.judging.on === 'mean' ? 'on the mean over replications' : `with ${(r.judging.confidence ?? 0) * 100}% confidence (whole CI)`;
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) { lines.push(line); line = indent + word; }
    else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

const n1 = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export function renderStaffingText(r: StaffingResult, options: { colour?: boolean } = {}): string {
  const p = palette(options.colour ?? false);
  const out: string[] = [];
  const mode = r.mode === 'shifts' ? 'per shift' : r.mode === 'wholeDay' ? 'one level for the whole day' : 'per interval';
  out.push(p.bold(`${r.scenario} — staffing ${mode}`));
  const head = headline(r);
  out.push(r.status === 'met' ? p.green(head) : p.red(p.bold(head)));
  for (const u of r.unmet) out.push(`  ${wrap(`unmet ${unmetText(r, u)}`, MAX_WIDTH - 2, '    ')}`);
  for (const s of r.stops) out.push(`  ${wrap(`stopped early (${s.stage}): ${s.reason}: ${s.startSecs.map((t) => timeLabel(r, t)).join(', ')}`, MAX_WIDTH - 2, '    ')}`);
  out.push(wrap(`seed ${r.seed}, ${r.replications} replications searched (${r.replicationsJudged.search.join('–')}), judged on ${r.replications} fresh (${r.replicationsJudged.fresh.join('–')}); targets met ${judgingText(r)}; minimising ${r.objective === 'cost' ? 'cost' : 'agent-hours'}; SL: ${r.serviceLevelDefinition}`, MAX_WIDTH, '  '));
  out.push(wrap(`targets: ${r.targets.join('; ')}`, MAX_WIDTH, '  '));
  out.push('');
  const channelIds = Object.keys(r.intervals[0]?.channels ?? {});
  const columns: Column<IntervalStaffing>[] = [
    { head: 'interval', cell: (iv) => timeLabel(r, iv.startSec), align: 'left' },
    { head: 'Erlang', cell: (iv) => String(iv.erlangAgents) },
    { head: 'simulated', cell: (iv) => n1(iv.simulatedAgents) },
    { head: 'FTE', cell: (iv) => Object.values(iv.groups).reduce((s, g) => s + g.fte, 0).toFixed(1) },
    ...channelIds.flatMap((id): Column<IntervalStaffing>[] => [
      { head: `${id} SL`, cell: (iv) => { const e = iv.channels[id]?.serviceLevel; return e ? withCi(e, (x) => pct(x)) : '–'; } },
      { head: `${id} ASA`, cell: (iv) => { const e = iv.channels[id]?.asaSec; return e ? withCi(e, (x) => seconds(x)) : '–'; } },
    ]),
    { head: 'met', cell: (iv) => (iv.met ? p.green('yes') : p.red('no')) },
    { head: 'vs Erlang', cell: (iv) => iv.agreement, align: 'left' },
  ];
  out.push(fitTable(columns, r.intervals, { bold: p.bold }));
  if (r.shifts !== null) {
    out.push('', p.bold('Shifts'));
    out.push(fitTable([
      { head: 'group', cell: (s) => s.group, align: 'left' },
      { head: 'start', cell: (s) => clock(s.startSec), align: 'left' },
      { head: 'length', cell: (s) => durationText(s.lengthSec) },
      { head: 'scenario', cell: (s) => String(s.scenarioCount) },
      { head: 'needed', cell: (s) => String(s.count) },
    ], r.shifts, { bold: p.bold }));
  }
  const t = r.totals;
  out.push('', p.bold('Totals'));
  out.push(`agent-hours: simulated ${t.simulated.agentHours.toFixed(1)}, Erlang ${t.erlang.agentHours.toFixed(1)} (difference ${t.difference.agentHours >= 0 ? '+' : ''}${t.difference.agentHours.toFixed(1)})`);
  out.push(`cost: simulated ${t.simulated.cost.toFixed(2)}, Erlang ${t.erlang.cost.toFixed(2)} (difference ${t.difference.cost >= 0 ? '+' : ''}${t.difference.cost.toFixed(2)})`);
  out.push(`intervals meeting every target: ${t.intervalsMet} of ${r.intervals.length}; vs Erlang: ${t.agreement.equal} equal, ${t.agreement.withinCi} within CI, ${t.agreement.differs} differ`);
  for (const d of r.dayAssertions) out.push(`whole-day assertion ${d.target}: ${d.verdict}`);
  out.push('', p.bold('Why simulation and Erlang differ'));
  for (const note of r.notes) out.push(wrap(`- [${note.feature}] ${note.text}`, MAX_WIDTH, '  '));
  return `${out.join('\n')}\n`;
}
