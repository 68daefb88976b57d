/**
 * Whether a staffing answer can be used, in words, for every format: the headline (met, or
 * how many targets are unmet and why the search stopped), and one line per unmet target
 * (interval, channel or group, metric, achieved vs target) and per stop — what `ccsim staff`
 * prints on stderr before exiting 1.
 */
import { pct, seconds } from '../format.js';
import { plain } from '../metricFormat.js';
import type { StaffingResult, UnmetTarget } from '../../analysis/staffing/result.js';
import { timeLabel } from '../timeline.js';

const SHARES = new Set(['serviceLevel', 'abandonRate', 'occupancy', 'slotOccupancy', 'attainment']);

/** A value of `metric` as a planner reads it: a share in %, a time in seconds. */
export function metricValue(metric: string, x: number): string {
  if (SHARES.has(metric)) return pct(x);
  if (metric.endsWith('Sec')) return seconds(x);
  return plain(x);
}

/** How the answer's fresh replications are named in messages. */
function freshLabel(r: StaffingResult): string {
  return `fresh replications ${r.replicationsJudged.fresh[0]}–${r.replicationsJudged.fresh[1]}`;
}

/** `01:00 channels voice serviceLevel: achieved 76.2% [73.1%, 79.3%] vs target >= 80.0% (fail)`. */
export function unmetText(r: StaffingResult, u: UnmetTarget): string {
  const when = u.startSec === null ? 'whole day' : timeLabel(r, u.startSec);
  const achieved = u.mean === null ? 'no value' : metricValue(u.metric, u.mean);
  const ci = u.ci === null ? '' : ` [${metricValue(u.metric, u.ci[0])}, ${metricValue(u.metric, u.ci[1])}]`;
  return `${when} ${u.scope} ${u.id} ${u.metric}: achieved ${achieved}${ci} vs target ${u.op} ${metricValue(u.metric, u.bound)} (${u.verdict})`;
}

/** One line saying whether the answer can be used. */
export function headline(r: StaffingResult): string {
  const stops = r.stops.length === 0 ? '' : `; the search stopped early (${r.stops.map((s) => s.stage).join(', ')})`;
  if (r.status === 'met') return `MET: every target met ${r.mode === 'wholeDay' ? 'on the whole day' : 'in every interval'} on ${freshLabel(r)}`;
  const starts = new Set(r.unmet.map((u) => u.startSec));
  const intervals = [...starts].filter((x) => x !== null).length;
  const where = [...(intervals > 0 ? [`${intervals} interval${intervals === 1 ? '' : 's'}`] : []), ...(starts.has(null) ? ['the whole day'] : [])].join(' and ');
  const unmet = r.unmet.length === 0 ? 'every target met' : `${r.unmet.length} target${r.unmet.length === 1 ? '' : 's'} unmet in ${where}`;
  return `${r.status === 'unmet' ? 'UNMET' : 'STOPPED EARLY'}: ${unmet} on ${freshLabel(r)}${stops}`;
}

/** The lines of stderr: the headline, then each unmet target, then each stop; none when met. */
export function outcomeLines(r: StaffingResult): string[] {
  if (r.status === 'met') return [];
  return [
    `ccsim staff: ${headline(r)}`,
    ...r.unmet.map((u) => `ccsim staff: unmet ${unmetText(r, u)}`),
    ...r.stops.map((s) => `ccsim staff: stopped early (${s.stage}): ${s.reason}: ${s.startSecs.map((t) => timeLabel(r, t)).join(', ')}`),
  ];
}
