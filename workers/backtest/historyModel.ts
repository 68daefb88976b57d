/**
 * The scenario replayed on a historical day (issue 14, goal 5): the model of `ccsim backtest`.
 * The back-test asks "given what arrived and who was staffed, does the model reproduce the
 * service?" — so what the ACD measured replaces what the scenario forecasts, and only what the
 * scenario claims to know about customers and agents (handle times, patience, routing,
 * shrinkage, escalation) is left to be judged:
 *
 * - the day: the report's intervals (its length must be the scenario's interval), its horizon
 *   and its day start; the scenario's warm-up is kept, at the first interval's volume;
 * - arrivals: each interval's `offered`, exactly (./conditionedArrivals.ts); `ratePerSec`
 *   = offered ÷ interval only feeds the Erlang baseline. The report's offered already holds
 *   every attempt that reached the queue, so the mechanisms that would add attempts on top —
 *   self-service deflection (and its returns), retrials, repeat contacts — are switched off;
 * - staffing: each interval's `staffed`, rounded to whole agents, on the tier-1 groups serving
 *   the channel (split among several in proportion to their scenario counts, by largest
 *   remainder); a tier-1 group serving two of the report's channels cannot be given a staffed
 *   figure per channel, and is an error. Tier-2/3 groups keep their scenario count all day;
 *   tier-1 groups of channels the report does not cover have nobody (those channels, no
 *   arrivals). Staffed agents are logged in (an ACD counts no one on a break or absent), so
 *   the staffed groups' shrinkage is switched off: applying it again would count it twice;
 * - the service-level threshold T: the report's (`--within`), else the scenario's.
 */
import { NO_SHRINKAGE } from '../../engine/defaults.js';
import { InputError } from '../../engine/errors.js';
import type { ChannelModel, Model } from '../../engine/model.js';
import { didYouMean } from '../../scenarios/suggestion.js';
import { formatDuration } from '../../scenarios/duration.js';
import { countModel, type CountPlan } from '../staffing/candidate.js';
import type { HistoryReport } from './historyReport.js';

export interface HistoryModel {
  readonly model: Model;
  /** Model channel index of each of the report's channels (report order). */
  readonly channels: readonly number[];
  /** Contacts offered per report channel and interval (0 where the report has no row). */
  readonly offered: readonly (readonly number[])[];
  /** What the back-test changed or assumed, for the user (printed with the result). */
  readonly notes: readonly string[];
}

const hint = (h: string | undefined): string => (h === undefined ? '' : ` ${h}`);

/** Channel ids of the report found in the scenario (by index), or every mismatch named. */
function channelIndices(model: Model, report: HistoryReport): number[] {
  const ids = model.channels.map((c) => c.id);
  const problems: string[] = [];
  const out = report.channels.map((id) => {
    const ch = ids.indexOf(id);
    if (ch < 0) problems.push(`${report.file}: channel "${id}" is not in the scenario (its channels: ${ids.join(', ')})${hint(didYouMean(id, ids))}`);
    return ch;
  });
  if (problems.length > 0) throw new InputError(problems);
  return out;
}

/** Whole numbers summing to `total`, in proportion to `weights` (largest remainder; ties to the first). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const shares = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const out = shares.map(Math.floor);
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

/** Staffed agents of every report channel and interval, rounded; errors for rows without them. */
function staffedCounts(report: HistoryReport, notes: string[]): number[][] {
  const problems: string[] = [];
  let fractional = 0;
  const counts = report.channels.map((id) =>
    (report.byChannel.get(id) ?? []).map((row) => {
      if (row === undefined) return 0;
      if (row.staffed === undefined) {
        problems.push(`${report.file}:${row.line} column staffed: the back-test needs the agents staffed in every interval (got a blank)`);
        return 0;
      }
      if (!Number.isInteger(row.staffed)) fractional++;
      return Math.round(row.staffed);
    }),
  );
  if (problems.length > 0) throw new InputError(problems.slice(0, 5).concat(problems.length > 5 ? [`… and ${problems.length - 5} more rows without staffed`] : []));
  if (fractional > 0) notes.push(`staffed is fractional in ${fractional} interval${fractional === 1 ? '' : 's'}: rounded to the nearest agent`);
  return counts;
}

/** Agents per group and interval: the report's staffed on tier-1 groups, the scenario's count on the others. */
function staffingPlan(model: Model, report: HistoryReport, channels: readonly number[], staffed: readonly (readonly number[])[], notes: string[]): CountPlan {
  const I = report.intervalCount;
  const servesReport = (g: Model['groups'][number]) => channels.filter((ch) => g.channels.includes(ch));
  const problems: string[] = [];
  model.groups.forEach((g) => {
    const served = servesReport(g);
    if (g.tier === 1 && served.length > 1) {
      const names = served.map((ch) => model.channels[ch]?.id ?? '').join(' and ');
      problems.push(`agents "${g.id}": serves ${names}, which the report staffs separately; a back-test needs each tier-1 group on one of the report's channels`);
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  const plan: number[][] = model.groups.map((g) => (g.tier === 1 ? new Array<number>(I).fill(0) : new Array<number>(I).fill(g.count)));
  channels.forEach((ch, r) => {
    const groups = model.groups.map((g, gi) => [g, gi] as const).filter(([g]) => g.tier === 1 && g.channels.includes(ch));
    const id = model.channels[ch]?.id ?? '';
    if (groups.length === 0) {
      problems.push(`channel "${id}": no tier-1 agent group of the scenario serves it, so its staffed agents have nowhere to go`);
      return;
    }
    if (groups.length > 1) notes.push(`${id}: staffed split among ${groups.map(([g]) => g.id).join(', ')} in proportion to their scenario counts`);
    for (let iv = 0; iv < I; iv++) {
      const split = apportion(staffed[r]?.[iv] ?? 0, groups.map(([g]) => g.count));
      groups.forEach(([, gi], k) => { (plan[gi] as number[])[iv] = split[k] ?? 0; });
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  return plan;
}

/**
 * The scenario's per-interval means are the report's day only if they have one value per report
 * interval (as calibrate writes them); any other length has no interval-to-interval meaning here.
 */
function perIntervalMismatch(c: ChannelModel, intervals: number, file: string): string[] {
  const lists = [['ahtByInterval', c.handleMeanByIntervalSec], ['patienceByInterval', c.patienceMeanByIntervalSec]] as const;
  return lists.flatMap(([field, list]) =>
    list !== null && list.length !== intervals
      ? [`channel "${c.id}": ${field} has ${list.length} values but ${file} has ${intervals} intervals; a back-test replays the report's day, so give one value per report interval (calibrate writes them) or remove ${field}`]
      : [],
  );
}

/** A report channel's model: the day's volumes, no attempts beyond the report's, T from the report. */
function historyChannel(c: ChannelModel, offered: readonly number[], intervalSec: number, withinSec: number | undefined): ChannelModel {
  return {
    ...c,
    ratePerSec: offered.map((n) => n / intervalSec),
    deflection: 0,
    deflectionReturn: null,
    retrial: null,
    overdispersion: 0,
    initialBacklog: 0,
    types: c.types.map((t) => ({ ...t, fcr: 1 })),
    targetSec: withinSec ?? c.targetSec,
  };
}

/** The scenario's model on the report's day (see the file's comment); an InputError names each mismatch. */
export function historyModel(scenario: Model, report: HistoryReport): HistoryModel {
  if (report.intervalSec !== scenario.intervalSec) {
    throw new InputError(
      `${report.file}: its intervals are ${formatDuration(report.intervalSec)} long but the scenario's are ${formatDuration(scenario.intervalSec)}: ` +
        `give the scenario interval: ${formatDuration(report.intervalSec)} (its volumes, staffing and AHT per interval then mean the report's intervals)`,
    );
  }
  const channels = channelIndices(scenario, report);
  const notes: string[] = [];
  const I = report.intervalCount;
  const unaligned = channels.flatMap((ch) => perIntervalMismatch(scenario.channels[ch]!, I, report.file));
  if (unaligned.length > 0) throw new InputError(unaligned);
  const offered = report.channels.map((id) => (report.byChannel.get(id) ?? []).map((row) => row?.offered ?? 0));
  const staffed = staffedCounts(report, notes);
  const plan = staffingPlan(scenario, report, channels, staffed, notes);
  const horizonSec = I * report.intervalSec;
  const day: Model = {
    ...scenario,
    horizonSec,
    intervalCount: I,
    dayStartSec: report.dayStartSec,
    channels: scenario.channels.map((c, ch) => {
      const r = channels.indexOf(ch);
      if (r >= 0) return historyChannel(c, offered[r] ?? [], report.intervalSec, report.slWithinSec);
      return { ...c, ratePerSec: new Array<number>(I).fill(0), arrivalTimesSec: [], initialBacklog: 0 };
    }),
  };
  const others = scenario.channels.filter((_, ch) => !channels.includes(ch)).map((c) => c.id);
  if (others.length > 0) notes.push(`channels not in the report get no contacts: ${others.join(', ')}`);
  notes.push('handle times are the scenario\'s, with its ahtByInterval when it has one (the report\'s AHT is not read); the report\'s offered is replayed exactly, without deflection, retrials or repeats on top');
  const counted = countModel(day, plan);
  const staffedGroups = new Set(counted.groups.flatMap((g, gi) => (g.tier === 1 && channels.some((ch) => g.channels.includes(ch)) ? [gi] : [])));
  if (counted.groups.some((g, gi) => staffedGroups.has(gi) && (g.shrinkage.planned > 0 || g.shrinkage.absenteeism > 0))) {
    notes.push('the scenario\'s shrinkage is not applied to the staffed agents: an ACD\'s staffed counts agents logged in, net of breaks and absence');
  }
  return { model: { ...counted, groups: counted.groups.map((g, gi) => (staffedGroups.has(gi) ? { ...g, shrinkage: NO_SHRINKAGE } : g)) }, channels, offered, notes };
}
