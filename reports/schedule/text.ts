/**
 * The schedule as text for a planner (≤ 100 columns; colours only on a terminal): the shifts
 * with counts and breaks, paid hours, FTE and cost beside the Erlang cover's, the day's
 * targets, one row per interval (Erlang requirement, both coverages, SL with its CI, met),
 * the search's rounds, and — when not every target is met — which intervals miss and why.
 */
import { durationText, pct, seconds, withCi } from '../format.js';
import { palette } from '../palette.js';
import { fitTable, type Column } from '../textTable.js';
import type { PlanSummary, ScheduleInterval, ScheduleResult, ScheduleRound, ScheduledShift } from '../../analysis/schedule/result.js';
import { timeLabel } from '../timeline.js';

const pctOf = (c: number): string => `${Math.round(c * 100)}%`;

function planLine(name: string, s: PlanSummary): string {
  const day = s.day.map((d) => `${d.target.split(' ')[0]} ${d.estimate.mean === null ? '–' : d.estimate.mean.toPrecision(3)}`).join(', ');
  return `${name}: ${s.paidHours.toFixed(1)} paid hours, ${s.ftePerWeek.toFixed(1)} FTE/week, cost ${s.cost.toFixed(2)}; ` +
    `intervals meeting every target ${s.intervalsMet} of ${s.intervalsJudged}; day: ${day}`;
}

export function renderScheduleText(r: ScheduleResult, options: { colour?: boolean } = {}): string {
  const p = palette(options.colour ?? false);
  const at = (sec: number): string => timeLabel(r, sec);
  const out: string[] = [];
  out.push(p.bold(`${r.scenario} — shift schedule for ${r.group} (${r.mode === 'dayLevel' ? 'day-level targets' : 'per-interval targets'})`));
  out.push(`templates ${r.templates}; seed ${r.seed}, ${r.replications} replications, targets met with ${pctOf(r.confidence)} confidence (whole CI)`);
  out.push(`targets: ${r.targets.join('; ')}`);
  out.push('');
  out.push(p.bold('Shifts'));
  out.push(fitTable<ScheduledShift>([
    { head: 'template', cell: (s) => s.template, align: 'left' },
    { head: 'start', cell: (s) => at(s.startSec), align: 'left' },
    { head: 'length', cell: (s) => durationText(s.lengthSec) },
    { head: 'agents', cell: (s) => String(s.count) },
    { head: 'breaks', cell: (s) => s.breaks.map((b) => `${at(b.startSec)}+${durationText(b.lengthSec)}${b.paid ? '' : ' unpaid'}`).join(', ') || '–', align: 'left' },
  ], r.shifts, { bold: p.bold }));
  out.push('', p.bold('Totals (judged on fresh replications)'));
  out.push(planLine('schedule', r.schedule));
  out.push(planLine('Erlang cover', r.erlangCover));
  out.push(`program: ${r.mip.status}, gap ${r.mip.gap}, ${r.mip.columns} columns`);
  out.push('', p.bold('Intervals'));
  const channelIds = Object.keys(r.intervals[0]?.channels ?? {});
  out.push(fitTable<ScheduleInterval>([
    { head: 'interval', cell: (iv) => at(iv.startSec), align: 'left' },
    { head: 'Erlang', cell: (iv) => String(iv.erlangRequired) },
    { head: 'Erlang cover', cell: (iv) => String(iv.erlangCoverage) },
    { head: 'schedule', cell: (iv) => String(iv.coverage) },
    ...channelIds.flatMap((id): Column<ScheduleInterval>[] => [
      { head: `${id} SL`, cell: (iv) => { const e = iv.channels[id]?.serviceLevel; return e ? withCi(e, (x) => pct(x)) : '–'; } },
      { head: `${id} ASA`, cell: (iv) => { const e = iv.channels[id]?.asaSec; return e ? withCi(e, (x) => seconds(x)) : '–'; } },
    ]),
    { head: 'met', cell: (iv) => (iv.met ? p.green('yes') : p.red('no')) },
  ], r.intervals, { bold: p.bold }));
  out.push('', p.bold('Rounds'));
  for (const round of r.rounds) {
    out.push(`${round.round}: ${round.paidHours.toFixed(1)} paid hours, cost ${round.cost.toFixed(2)}; ${roundText(r, round)}${round.cutsAdded > 0 ? `; ${round.cutsAdded} cut${round.cutsAdded === 1 ? '' : 's'} added` : ''}`);
  }
  out.push('');
  if (r.met) out.push(p.green(`every target met (${r.state})`));
  else out.push(p.red(unmetText(r)));
  return `${out.join('\n')}\n`;
}

/** What a round found: the misses on the search's replications, or the confirmation's on fresh ones. */
export function roundText(r: ScheduleResult, round: ScheduleRound): string {
  const at = (sec: number): string => timeLabel(r, sec);
  const list = (failing: readonly number[], day: readonly string[]): string => (r.mode === 'dayLevel' ? day.join('; ') : failing.map(at).join(' '));
  const searched = list(round.failing, round.missedDayTargets);
  if (round.confirmation === null) return `missed: ${searched}`;
  const fresh = list(round.confirmation.failing, round.confirmation.missedDayTargets);
  return fresh === '' ? 'every target met, confirmed on fresh replications' : `every target met; on fresh replications missed: ${fresh}`;
}

/** Why the schedule is not proven (exit 1): how the search ended and what misses. */
export function unmetText(r: ScheduleResult): string {
  const why = r.state === 'rounds' ? `--max-rounds reached after ${r.rounds.length - 1} rounds of cuts`
    : r.state === 'infeasible' ? 'the program has no schedule meeting the cuts (the templates cannot cover them)'
      : 'a day target did not improve with one more agent in any interval (no cut can help)';
  const misses = r.mode === 'dayLevel'
    ? r.schedule.day.filter((d) => !d.met).map((d) => `${d.target}: day ${d.estimate.mean?.toPrecision(3) ?? '–'} (${d.verdict})`)
    : r.intervals.filter((iv) => !iv.met).map((iv) => `${timeLabel(r, iv.startSec)} ${iv.missed.map((m) => `${m.target} at ${m.estimate.mean?.toPrecision(3) ?? '–'} (${m.verdict})`).join(', ')}`);
  return `not every target met: ${why}; ${misses.length === 0 ? 'nothing misses on the fresh replications' : misses.join('; ')}`;
}
