/**
 * A weekly arrival pattern (`arrivals.pattern`, issue 14) compiled to one volume per interval,
 * as a forecast CSV is, so the engine sees only per-interval rates. The planner's
 * multiplicative decomposition — a total × a day-of-week factor × an intraday curve — is the
 * usual shape of call-center arrival forecasts, daily totals spread by an intraday profile (see
 * the forecasting discussion in Gans, Koole & Mandelbaum, "Telephone call centers: tutorial,
 * review, and research prospects", Manufacturing & Service Operations Management 5(2), 2003):
 *
 *   volume(d, k) = W × days[weekday(d)] ÷ Σ days × curve_d[k] ÷ Σ curve_d
 *
 * with W = `weekly` (or 7 × `daily`), day d of the horizon starting at `dayStart` d days after
 * time 0, k its interval, and curve_d the weekday's own curve (`curves`) or `curve`. Without
 * `days` each day gets W ÷ 7. Intervals past a curve's end get 0 (a center closed at night).
 * A horizon shorter than a week gets only its days' shares; a longer one repeats the week.
 */
import { DAY_SEC } from '../engine/time.js';
import { weekdayOf } from './dateTime.js';
import { formatDuration } from './duration.js';
import { SCENARIO_LIMITS as L } from './limits.js';
import type { PathSegment, Problem } from './problem.js';
import { isRecord, listOf, type Raw } from './raw.js';
import type { PatternSpec } from './schema/pattern.js';

export interface PatternTiming {
  readonly intervalCount: number;
  readonly intervalSec: number;
  /** Day number (scenarios/dateTime.ts) of the first day; needed only with `days` or `curves`. */
  readonly startDay: number | undefined;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** One volume per interval of the horizon (before `arrivals.scale`). */
export function patternVolumes(p: PatternSpec, t: PatternTiming): number[] {
  const perDay = Math.round(DAY_SEC / t.intervalSec);
  const weekly = p.weekly ?? 7 * (p.daily ?? 0);
  const daysSum = p.days === undefined ? 0 : sum(Object.values(p.days));
  return Array.from({ length: t.intervalCount }, (_, i) => {
    const d = Math.floor(i / perDay);
    const k = i - d * perDay;
    const weekday = t.startDay === undefined ? undefined : weekdayOf(t.startDay + d);
    const dayShare = p.days === undefined || weekday === undefined ? 1 / 7 : p.days[weekday] / daysSum;
    const curve = (weekday === undefined ? undefined : p.curves?.[weekday]) ?? p.curve;
    const w = curve[k];
    return w === undefined ? 0 : (weekly * dayShare * w) / sum(curve);
  });
}

/**
 * The rules that tie each channel's pattern to the rest of the scenario: a day must be a whole
 * number of intervals, a curve must fit in a day, and weekday weights need `startDate` to know
 * which day is which. Run on the raw data, with the consistency rules.
 */
export function patternProblems(data: Raw, intervalSec: number | undefined): Problem[] {
  // A startDate that is given but wrong is reported by its own rule, not as missing here.
  const startGiven = data.startDate !== undefined;
  return listOf(data.channels).flatMap((channel, i) => {
    if (!isRecord(channel) || !isRecord(channel.arrivals) || !isRecord(channel.arrivals.pattern)) return [];
    return channelPatternProblems(channel.arrivals.pattern, ['channels', i, 'arrivals', 'pattern'], intervalSec, startGiven);
  });
}

function channelPatternProblems(p: Raw, path: readonly PathSegment[], intervalSec: number | undefined, startGiven: boolean): Problem[] {
  const problems: Problem[] = [];
  for (const key of ['days', 'curves'] as const) {
    if (p[key] !== undefined && !startGiven) {
      const message = `needs startDate, the calendar date of the first day, to know each day's weekday: add e.g. startDate: 2026-03-02 (a Monday) at the top of the scenario`;
      problems.push({ path: [...path, key], message, atKey: true });
    }
  }
  if (intervalSec === undefined) return problems;
  if (DAY_SEC % intervalSec !== 0) {
    const message = `needs an interval that divides a day (15m, 30m, 1h…), since its curve repeats every day (interval ${formatDuration(intervalSec)})`;
    return [...problems, { path, message, atKey: true }];
  }
  const perDay = DAY_SEC / intervalSec;
  const tooLong = (curve: unknown, at: readonly PathSegment[]): void => {
    const n = listOf(curve).length;
    if (n > perDay) problems.push({ path: at, message: `must list at most ${perDay} weights: a day has ${perDay} intervals of ${formatDuration(intervalSec)} from dayStart (got ${n})` });
  };
  tooLong(p.curve, [...path, 'curve']);
  if (isRecord(p.curves)) for (const [day, curve] of Object.entries(p.curves)) tooLong(curve, [...path, 'curves', day]);
  return problems;
}

/** The first interval whose rate is over the limit every arrival form has, as a problem on the pattern. */
export function patternRateProblem(volumes: readonly number[], intervalSec: number, path: readonly PathSegment[]): Problem | undefined {
  const perHourFactor = 3600 / intervalSec;
  const i = volumes.findIndex((v) => v * perHourFactor > L.maxArrivalsPerHour);
  if (i < 0) return undefined;
  const message = `makes ${+(volumes[i] ?? 0).toPrecision(6)} contacts in interval ${i}; at most ${L.maxArrivalsPerHour.toLocaleString('en-US')} contacts per hour (${L.maxArrivalsPerHour / perHourFactor} per interval) are allowed`;
  return { path, message, atKey: true };
}
