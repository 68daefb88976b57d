/**
 * A channel of an ACD interval report turned into a model (issue 14 goal 4): arrivals,
 * handle time and staffing per interval as reported, and patience fitted — by Erlang A,
 * pooled over the intervals (patienceFit.ts), with the abandonment–waiting relation as a
 * check (waitingRelation.ts) — and a warning wherever the report cannot identify it.
 *
 * - Handle time: the day's AHT is the answered-weighted mean of the intervals' AHT (AHT is
 *   an average over answered contacts, so this is the ACD's own daily figure); intervals
 *   with no AHT take it.
 * - Staffing: `staffed` is an average over the interval and may be fractional; the scenario
 *   needs whole agents, so it is rounded to the nearest (half up) — the count whose capacity
 *   is closest to the one the report describes. The fit itself uses the fractional figure
 *   (Erlang A interpolates between whole counts). An interval without `staffed` takes the
 *   previous interval's (the next one's at the start).
 * Intervals enter the patience fit when they have offered > 0, abandoned, staffed > 0 and an
 * AHT; the others are listed as excluded with the reason.
 */
import { abandonShare, invertAbandonShare, type AbandonObservation } from './abandonShare.js';
import { fitPooledPatience, type PooledPatience } from './patienceFit.js';
import { fitWaitingRelation, type WaitingFit, type WaitingObservation } from './waitingRelation.js';

/** The figures of one report interval the calibration reads (scenarios/intervalReport.ts's `ReportInterval` extends it). */
export interface IntervalFigures {
  /** The interval_start as written (with the date column before it, when the file has one). */
  readonly label: string;
  readonly offered: number;
  readonly answered: number | undefined;
  readonly abandoned: number | undefined;
  readonly ahtSec: number | undefined;
  readonly asaSec: number | undefined;
  /** Mean wait of abandoned contacts (`ata`, "Avg Time to Abandon"), when the export has it. */
  readonly ataSec: number | undefined;
  readonly staffed: number | undefined;
}

export interface IntervalFit {
  readonly label: string;
  readonly offered: number;
  readonly abandoned: number | undefined;
  readonly agents: number | undefined;
  readonly loadErlangs: number | undefined;
  /** `fit`, `below`/`above` (no patience in range explains the share), or why it was left out. */
  readonly status: 'fit' | 'below' | 'above' | 'noRow' | 'noContacts' | 'noAbandoned' | 'noStaffed' | 'noAht';
  /** This interval's own Erlang A patience mean, seconds (when `status` is fit). */
  readonly patienceSec: number | undefined;
}

export interface PatienceEstimate {
  readonly meanSec: number;
  /** 95% interval of the mean; `upper` Infinity when the data cannot bound it. */
  readonly ci: { readonly lower: number; readonly upper: number };
  readonly intervals: number;
}

export interface ChannelCalibration {
  readonly handleMeanSec: number | undefined;
  /** Offered per interval (0 where the report has no row). */
  readonly volumes: readonly number[];
  /** AHT per interval, seconds (the day's AHT where the interval has none). */
  readonly ahtByInterval: readonly number[] | undefined;
  /** Whole agents per interval; `undefined` when the report has no staffed figure at all. */
  readonly staffing: readonly number[] | undefined;
  /** The Erlang A fit, pooled (undefined when not fitted: no abandon column, or no usable interval). */
  readonly patience: (PatienceEstimate & { readonly status: PooledPatience['status']; readonly dispersion: number; readonly observedShare: number; readonly fittedShare: number }) | undefined;
  /** The abandonment–waiting check (undefined without ASA). */
  readonly waitingCheck: (PatienceEstimate & { readonly approximate: boolean }) | undefined;
  readonly intervals: readonly IntervalFit[];
  readonly warnings: readonly string[];
}

/** Fewer usable intervals than this: the pooled fit rests on too little to check the model. */
export const MIN_FIT_INTERVALS = 4;
/** Fewer abandons than this: the mean is known to ±36% at best (1.96/√30), whatever the model. */
export const MIN_ABANDONS = 30;
/** An overall abandon share under this (0.5%) barely depends on patience. */
export const MIN_ABANDON_SHARE = 0.005;
/** Pearson dispersion above this: the counts vary far more than one patience explains. */
export const MAX_DISPERSION = 2;

const MAX_LISTED = 5;

export function calibrateChannel(rows: readonly (IntervalFigures | undefined)[], intervalSec: number, fitPatience: boolean, sessions = 1): ChannelCalibration {
  const warnings: string[] = [];
  const handleMeanSec = dayAht(rows);
  const staffing = carriedStaffing(rows, warnings);
  const intervals: IntervalFit[] = [];
  const used: AbandonObservation[] = [];
  for (const [k, row] of rows.entries()) {
    const fit = intervalFit(row, k, handleMeanSec, intervalSec, fitPatience, sessions);
    intervals.push(fit.fit);
    if (fit.observation !== undefined) used.push(fit.observation);
  }
  const volumes = rows.map((r) => r?.offered ?? 0);
  const ahtByInterval = handleMeanSec === undefined ? undefined : rows.map((r) => (r?.ahtSec !== undefined && r.ahtSec > 0 ? r.ahtSec : handleMeanSec));
  const patience = fitPatience ? pooled(used, intervals, warnings, sessions) : undefined;
  const waitingCheck = fitPatience ? waiting(rows, patience, warnings) : undefined;
  return { handleMeanSec, volumes, ahtByInterval, staffing, patience, waitingCheck, intervals, warnings };
}

function dayAht(rows: readonly (IntervalFigures | undefined)[]): number | undefined {
  let [sum, weight] = [0, 0];
  for (const r of rows) {
    if (r?.ahtSec === undefined || !(r.ahtSec > 0)) continue;
    const w = r.answered ?? r.offered;
    sum += w * r.ahtSec;
    weight += w;
  }
  return weight > 0 ? sum / weight : undefined;
}

function carriedStaffing(rows: readonly (IntervalFigures | undefined)[], warnings: string[]): number[] | undefined {
  const known = rows.map((r) => r?.staffed);
  const first = known.find((s) => s !== undefined);
  if (first === undefined) return undefined;
  const missing: string[] = [];
  let last = first;
  const counts = known.map((s, k) => {
    if (s === undefined) {
      const row = rows[k];
      if (row !== undefined && row.offered > 0) missing.push(row.label);
      return Math.floor(last + 0.5);
    }
    last = s;
    return Math.floor(s + 0.5);
  });
  if (missing.length > 0) warnings.push(`${missing.length} interval${missing.length === 1 ? '' : 's'} with contacts but no staffed figure (${listed(missing)}) take the previous interval's staffing and are left out of the fit`);
  return counts;
}

/**
 * One interval's Erlang A inversion. A chat agent holding `sessions` contacts at once is taken as
 * that many servers, each at the report's AHT (the session time) — the approximation the Erlang
 * baseline makes for concurrency (engine/erlang/approximations.ts).
 */
function intervalFit(row: IntervalFigures | undefined, k: number, dayAhtSec: number | undefined, intervalSec: number, fitPatience: boolean, sessions: number): { fit: IntervalFit; observation?: AbandonObservation } {
  const base = { label: row?.label ?? `#${k}`, offered: row?.offered ?? 0, abandoned: row?.abandoned, agents: row?.staffed, patienceSec: undefined };
  const handleSec = row?.ahtSec !== undefined && row.ahtSec > 0 ? row.ahtSec : dayAhtSec;
  const loadErlangs = row !== undefined && handleSec !== undefined ? (row.offered / intervalSec) * handleSec : undefined;
  const excluded = (status: IntervalFit['status']) => ({ fit: { ...base, loadErlangs, status } });
  if (row === undefined) return excluded('noRow');
  if (row.offered === 0) return excluded('noContacts');
  if (row.abandoned === undefined || !fitPatience) return excluded('noAbandoned');
  if (row.staffed === undefined || !(row.staffed > 0)) return excluded('noStaffed');
  if (handleSec === undefined) return excluded('noAht');
  const observation: AbandonObservation = { offered: row.offered, abandoned: row.abandoned, ratePerSec: row.offered / intervalSec, handleSec, agents: row.staffed * sessions };
  const inverse = invertAbandonShare(observation);
  const patienceSec = inverse.status === 'fit' ? 1 / inverse.thetaPerSec : undefined;
  return { fit: { ...base, loadErlangs, status: inverse.status, patienceSec }, observation };
}

function pooled(used: readonly AbandonObservation[], intervals: readonly IntervalFit[], warnings: string[], sessions: number): ChannelCalibration['patience'] {
  const noAbandonColumn = intervals.every((i) => i.status === 'noRow' || i.status === 'noContacts' || i.status === 'noAbandoned');
  if (noAbandonColumn) {
    warnings.push('patience not fitted: the report gives no abandoned counts (or no interval with contacts); the scenario has no patience (nobody abandons)');
    return undefined;
  }
  if (used.length === 0) {
    warnings.push('patience not fitted: no interval has offered, abandoned, staffed > 0 and AHT together');
    return undefined;
  }
  const fit = fitPooledPatience(used);
  const offered = used.reduce((s, o) => s + o.offered, 0);
  const abandons = used.reduce((s, o) => s + o.abandoned, 0);
  const fittedShare = used.reduce((s, o) => s + o.offered * abandonShare(o, fit.thetaPerSec), 0) / offered;
  const estimate = { meanSec: 1 / fit.thetaPerSec, ci: { lower: 1 / fit.thetaCi.upper, upper: fit.thetaCi.lower > 0 ? 1 / fit.thetaCi.lower : Infinity }, intervals: used.length };
  warnings.push(...identificationWarnings(fit, used, intervals, abandons, abandons / offered, estimate, sessions));
  return { ...estimate, status: fit.status, dispersion: fit.dispersion, observedShare: abandons / offered, fittedShare };
}

function identificationWarnings(fit: PooledPatience, used: readonly AbandonObservation[], intervals: readonly IntervalFit[], abandons: number, share: number, e: PatienceEstimate, sessions: number): string[] {
  const w: string[] = [];
  const sec = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} s` : '∞');
  if (fit.status === 'noAbandons') w.push(`patience not identified: ${abandons === 0 ? 'no contact abandoned' : 'the abandons are fewer than any finite patience explains'}; the data say only that the mean is at least ${sec(e.ci.lower)} (95%)`);
  if (fit.status === 'atFastBound') w.push('patience not identified: abandons are as many as if callers left the moment they had to wait (the share reaches Erlang B blocking); is staffed higher than the agents taking calls?');
  if (used.length < MIN_FIT_INTERVALS) w.push(`only ${used.length} interval${used.length === 1 ? '' : 's'} usable for the fit (fewer than ${MIN_FIT_INTERVALS}): the model cannot be checked against the data`);
  if (abandons > 0 && abandons < MIN_ABANDONS) w.push(`only ${abandons} abandon${abandons === 1 ? '' : 's'} (fewer than ${MIN_ABANDONS}): the patience mean is uncertain (95% interval ${sec(e.ci.lower)} to ${sec(e.ci.upper)})`);
  if (abandons > 0 && share < MIN_ABANDON_SHARE) w.push(`the abandon share is ${(100 * share).toFixed(2)}% (under ${100 * MIN_ABANDON_SHARE}%): abandonment this rare barely depends on patience`);
  const outside = intervals.filter((i) => i.status === 'below' || i.status === 'above');
  const above = outside.filter((i) => i.status === 'above');
  if (above.length > 0) w.push(`${above.length} interval${above.length === 1 ? '' : 's'} abandon as much as Erlang B blocking or more (${listed(above.map((i) => i.label))}): no patience explains them; staffed may overstate the agents taking calls`);
  const overloaded = intervals.filter((i) => i.agents !== undefined && i.loadErlangs !== undefined && i.agents > 0 && i.agents * sessions < i.loadErlangs);
  const servers = sessions === 1 ? 'staffed agents' : `sessions (staffed agents × ${sessions})`;
  if (overloaded.length > 0) w.push(`${overloaded.length} interval${overloaded.length === 1 ? '' : 's'} had fewer ${servers} than offered load (${listed(overloaded.map((i) => `${i.label}: ${round2((i.agents ?? 0) * sessions)} < ${round2(i.loadErlangs)}`))}): there abandonment is set mostly by the overload, not by patience`);
  if (fit.dispersion > MAX_DISPERSION) w.push(`the abandon counts vary ${fit.dispersion.toFixed(1)}× more than one exponential patience explains (Pearson dispersion); the interval is widened by √${fit.dispersion.toFixed(1)}, but patience (or the agents really taking calls) likely varies over the day`);
  return w;
}

function waiting(rows: readonly (IntervalFigures | undefined)[], patience: ChannelCalibration['patience'], warnings: string[]): ChannelCalibration['waitingCheck'] {
  const observations: WaitingObservation[] = [];
  for (const r of rows) {
    if (r?.asaSec === undefined || r.answered === undefined || r.abandoned === undefined) continue;
    observations.push({ answered: r.answered, abandoned: r.abandoned, asaSec: r.asaSec, ataSec: r.ataSec });
  }
  const fit: WaitingFit | undefined = observations.length > 0 ? fitWaitingRelation(observations) : undefined;
  if (fit === undefined) return undefined;
  const check = {
    meanSec: fit.thetaPerSec > 0 ? 1 / fit.thetaPerSec : Infinity,
    ci: { lower: 1 / fit.thetaCi.upper, upper: fit.thetaCi.lower > 0 ? 1 / fit.thetaCi.lower : Infinity },
    intervals: fit.intervals,
    approximate: fit.approximate,
  };
  if (patience !== undefined && patience.status === 'fit' && (check.ci.upper < patience.ci.lower || check.ci.lower > patience.ci.upper)) {
    warnings.push(`the abandonment–waiting check (mean ${check.meanSec.toFixed(0)} s, 95% ${check.ci.lower.toFixed(0)}–${Number.isFinite(check.ci.upper) ? check.ci.upper.toFixed(0) : '∞'} s) disagrees with the Erlang A fit (${patience.meanSec.toFixed(0)} s): Erlang A's assumptions (Poisson arrivals, exponential handle times, every staffed agent taking calls) may not hold${check.approximate ? ', or abandoners waited differently from answered contacts (the report has no time to abandon)' : ''}`);
  }
  return check;
}

const round2 = (x: number | undefined): string => (x === undefined ? '?' : String(+x.toFixed(2)));

function listed(labels: readonly string[]): string {
  return labels.slice(0, MAX_LISTED).join(', ') + (labels.length > MAX_LISTED ? ', …' : '');
}
