/**
 * What a run's result holds per interval (issue 16, goal 3: memory flat in the horizon). A
 * result with every interval grows with the horizon — a year in half-hours of five channels
 * is 87,600 channel rows, each with ~40 estimates and its Erlang figures — so beyond a week
 * `ccsim run` reports per day unless asked otherwise (`--intervals`, docs/horizon.md):
 *
 * - `all`: every interval (the result's `intervals`), as always;
 * - `day`: each day of the horizon from time 0 (the result's `days`): counts and times
 *   summed over the day's intervals, ratios of those sums, wait percentiles of the day's
 *   waits (the kernel then keeps one wait histogram a channel a day, not an interval);
 * - `weekday`: a weekday profile (the result's `weekdays`, issue 16 goal 3): one row per
 *   weekday × interval of the day, its counts and times summed over the horizon's days of
 *   that weekday — what a planner compares week on week. Needs `startDate` (the weekday of
 *   day 0) and an interval that divides a day. Wait percentiles are not given per row: the
 *   kernel keeps one wait histogram for the horizon, so memory stays flat;
 * - `none`: the summary alone.
 */
import type { Model } from '../../engine/model.js';
import { DAY_SEC } from '../../engine/time.js';
import { parseDate, weekdayIndex } from '../../scenarios/dateTime.js';

export const INTERVAL_DETAILS = ['all', 'day', 'weekday', 'none'] as const;
export type IntervalDetail = (typeof INTERVAL_DETAILS)[number];

/** Horizons up to a week (a week in 1-minute intervals, 10,080 of them) keep every interval by default. */
export const ALL_INTERVALS_UP_TO_SEC = 7 * DAY_SEC;

export function defaultIntervalDetail(model: Pick<Model, 'horizonSec'>): IntervalDetail {
  return model.horizonSec <= ALL_INTERVALS_UP_TO_SEC ? 'all' : 'day';
}

/** A span of whole intervals [fromInterval, toInterval) the result has a row for. */
export interface Period {
  readonly fromInterval: number;
  readonly toInterval: number;
  /** Seconds from time 0 to the period's first interval, and its length. */
  readonly startSec: number;
  readonly spanSec: number;
  /**
   * The intervals of a period that is not one span (a weekday profile's row: the same interval
   * of the day on each of the weekday's days); absent: [fromInterval, toInterval).
   */
  readonly members?: readonly number[];
  /** A weekday profile's row: the weekday, 0 = Monday … 6 = Sunday. */
  readonly weekday?: number;
}

/** The result's rows: one per interval (`all`), per day from time 0 (`day`), none (`none`). */
export function periodsOf(model: Pick<Model, 'intervalCount' | 'intervalSec' | 'startDate'>, detail: IntervalDetail): Period[] {
  const I = model.intervalCount;
  const Δ = model.intervalSec;
  if (detail === 'none') return [];
  if (detail === 'weekday') return weekdayPeriods(model);
  const out: Period[] = [];
  // An interval belongs to the day its start lies in (as engine/waitHistograms.ts groups waits).
  const periodOf = detail === 'all' ? (iv: number): number => iv : (iv: number): number => Math.floor((iv * Δ) / DAY_SEC);
  let from = 0;
  for (let iv = 1; iv <= I; iv++) {
    if (iv === I || periodOf(iv) !== periodOf(from)) {
      out.push({ fromInterval: from, toInterval: iv, startSec: from * Δ, spanSec: (iv - from) * Δ });
      from = iv;
    }
  }
  return out;
}

/**
 * Why a model cannot be reported by weekday, or `undefined` when it can: the weekday of day 0
 * comes from `startDate`, and a row is an interval of the day, so the interval divides a day.
 */
export function weekdayProblem(model: Pick<Model, 'intervalSec' | 'startDate'>): string | undefined {
  if (model.startDate === undefined) return '--intervals weekday: needs the scenario\'s startDate (the weekday of the first day): add e.g. startDate: 2026-03-02 to the scenario';
  if (DAY_SEC % model.intervalSec !== 0) return `--intervals weekday: needs an interval that divides a day (got ${model.intervalSec} s)`;
  return undefined;
}

/** Rows Monday first, then by interval of the day; a weekday the horizon lacks has no rows. */
function weekdayPeriods(model: Pick<Model, 'intervalCount' | 'intervalSec' | 'startDate'>): Period[] {
  const Δ = model.intervalSec;
  const perDay = Math.round(DAY_SEC / Δ);
  const startDay = model.startDate === undefined ? undefined : parseDate(model.startDate);
  if (startDay === undefined) return [];
  const members = new Map<number, number[]>();
  for (let iv = 0; iv < model.intervalCount; iv++) {
    const key = weekdayIndex(startDay + Math.floor(iv / perDay)) * perDay + (iv % perDay);
    const list = members.get(key);
    if (list === undefined) members.set(key, [iv]);
    else list.push(iv);
  }
  return [...members].sort(([a], [b]) => a - b).map(([key, ivs]) => ({
    fromInterval: ivs[0] ?? 0,
    toInterval: (ivs[ivs.length - 1] ?? 0) + 1,
    startSec: (key % perDay) * Δ,
    spanSec: ivs.length * Δ,
    members: ivs,
    weekday: Math.floor(key / perDay),
  }));
}

/**
 * The model as the kernel should record it for `detail`: the wait histograms cover a day
 * (`day`) or the whole horizon (`none`) instead of an interval, so their memory does not grow
 * with the intervals. `all` leaves the model as it is.
 */
export function modelForDetail(model: Model, detail: IntervalDetail): Model {
  if (detail === 'all') return model;
  // A weekday row's intervals are scattered over the horizon: one histogram for all of it.
  return { ...model, waitPercentileSec: detail === 'day' ? DAY_SEC : model.horizonSec };
}

/** What the result says about the detail it left out, and how to get it (the result's `notes`). */
export function detailNotes(model: Pick<Model, 'intervalCount' | 'horizonSec'>, detail: IntervalDetail): string[] {
  if (detail === 'all') return [];
  const held = detail === 'day'
    ? 'per-day estimates (`days`: each day from the start of the horizon)'
    : detail === 'weekday' ? 'a weekday profile (`weekdays`: each interval of the day summed over the days of its weekday; no wait percentiles per row)' : 'the summary only';
  return [
    `Per-interval results are not held for this run's ${model.intervalCount.toLocaleString('en-US')} intervals: the result has ${held}. ` +
      'For every interval, add --interval-file F.csv (or F.jsonl): rows streamed to the file, one replication at a time, memory flat; ' +
      'or --intervals all: estimates over replications in the result, memory growing with the intervals.',
  ];
}
