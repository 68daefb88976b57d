/**
 * Durations and rates as people write them. A duration is a number of seconds or a string
 * with a unit: `20s`, `6m`, `1.5h`, `2d` (also `ms`, `w`). A rate is `count/duration`:
 * `300/h`, `100/30m`, `2400/d`.
 */
import { DAY_SEC } from '../engine/time.js';

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  sec: 1,
  m: 60,
  min: 60,
  h: 3600,
  hr: 3600,
  d: DAY_SEC,
  w: 7 * DAY_SEC,
};

export const DURATION_UNITS = Object.keys(UNIT_SECONDS);

const DURATION_RE = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([a-z]*)\s*$/i;

/** `8h30m`, `1m30s`, `2d12h`: whole or decimal amounts, each with a unit, largest first as people write them. */
const COMPOUND_RE = /^\s*(?:(?:\d+\.?\d*|\.\d+)[a-z]+){2,}\s*$/i;
const COMPOUND_PART_RE = /(\d+\.?\d*|\.\d+)([a-z]+)/gi;

/** Parses a duration to seconds, or returns an explanation of what is wrong. */
export function parseDuration(value: unknown): { ok: true; seconds: number } | { ok: false; reason: string } {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, seconds: value } : { ok: false, reason: 'must be a finite number of seconds' };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'must be seconds or a string like "20s", "6m", "1.5h"' };
  if (COMPOUND_RE.test(value)) return parseCompound(value);
  const m = DURATION_RE.exec(value);
  if (!m) return { ok: false, reason: 'must be seconds or a string like "20s", "6m", "1.5h"' };
  const unit = (m[2] ?? '').toLowerCase() || 's';
  const factor = UNIT_SECONDS[unit];
  if (factor === undefined) {
    return { ok: false, reason: `unknown unit "${m[2]}" (use one of ${DURATION_UNITS.join(', ')})` };
  }
  return { ok: true, seconds: Number(m[1]) * factor };
}

function parseCompound(value: string): { ok: true; seconds: number } | { ok: false; reason: string } {
  let seconds = 0;
  for (const [, amount, unit] of value.matchAll(COMPOUND_PART_RE)) {
    const factor = UNIT_SECONDS[(unit ?? '').toLowerCase()];
    if (factor === undefined) return { ok: false, reason: `unknown unit "${unit}" (use one of ${DURATION_UNITS.join(', ')})` };
    seconds += Number(amount) * factor;
  }
  return { ok: true, seconds };
}

const CLOCK_RE = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/;

/** Whether a string is written as a clock time (`08:30`, `8:30:15`) rather than a duration. */
export function isClockTime(value: string): boolean {
  return CLOCK_RE.test(value);
}

/**
 * Parses a time of day: a clock time `HH:MM[:SS]` (00:00 to 24:00) or a duration from
 * midnight (`8h`, `30600`), to seconds from midnight.
 */
export function parseTimeOfDay(value: unknown): { ok: true; seconds: number } | { ok: false; reason: string } {
  if (typeof value === 'string') {
    const m = CLOCK_RE.exec(value);
    if (m) {
      const [hours, minutes, seconds] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
      if (minutes > 59 || seconds > 59) return { ok: false, reason: `"${value}" is not a clock time (minutes and seconds go to 59)` };
      return { ok: true, seconds: hours * 3600 + minutes * 60 + seconds };
    }
  }
  const d = parseDuration(value);
  if (d.ok || typeof value !== 'string') return d;
  return { ok: false, reason: 'must be a clock time like "08:30" or a duration from midnight like "8.5h"' };
}

/**
 * Parses `count/duration` (a bare number is per hour) to a rate per second; `periodSec` is
 * the duration it was given over (3600 for a bare number).
 */
export function parseRate(value: string): { ok: true; perSec: number; periodSec: number } | { ok: false; reason: string } {
  const slash = value.indexOf('/');
  if (slash < 0) {
    const n = Number(value);
    return Number.isFinite(n) ? { ok: true, perSec: n / 3600, periodSec: 3600 } : { ok: false, reason: 'must be like "300/h", "100/30m" or "2400/d"' };
  }
  const count = Number(value.slice(0, slash));
  if (!Number.isFinite(count)) return { ok: false, reason: `count "${value.slice(0, slash)}" is not a number` };
  let per = value.slice(slash + 1).trim();
  if (/^[a-z]+$/i.test(per)) per = `1${per}`;
  const d = parseDuration(per);
  if (!d.ok) return { ok: false, reason: `period "${value.slice(slash + 1)}" ${d.reason}` };
  if (d.seconds <= 0) return { ok: false, reason: 'period must be positive' };
  return { ok: true, perSec: count / d.seconds, periodSec: d.seconds };
}

/** Formats seconds from midnight as a clock time: `08:30`, `26:00` past midnight. */
export function formatClock(seconds: number): string {
  const whole = Math.round(seconds);
  const hh = String(Math.floor(whole / 3600)).padStart(2, '0');
  const mm = String(Math.floor((whole % 3600) / 60)).padStart(2, '0');
  const ss = whole % 60;
  return ss === 0 ? `${hh}:${mm}` : `${hh}:${mm}:${String(ss).padStart(2, '0')}`;
}

/**
 * Formats seconds for a file that will be read back (a written scenario): the largest unit that
 * divides them exactly — `2d`, `34h`, `30m`, `90s`, `0.5s` — never a rounded `1.417d`.
 */
export function exactDuration(seconds: number): string {
  for (const [unit, size] of [['d', DAY_SEC], ['h', 3600], ['m', 60]] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** Formats seconds compactly for reports: `20s`, `6m`, `1.5h`. */
export function formatDuration(seconds: number): string {
  if (seconds >= DAY_SEC && seconds % 3600 === 0) return `${+(seconds / DAY_SEC).toFixed(3)}d`;
  if (seconds >= 3600) return `${+(seconds / 3600).toFixed(3)}h`;
  if (seconds >= 60) return `${+(seconds / 60).toFixed(3)}m`;
  return `${+seconds.toFixed(3)}s`;
}

/**
 * A target time as a planner writes it, in the largest unit that holds it to a tenth: `20s`,
 * `2m`, `1h`, `24h`, `1.5h` (`100s`, not a rounded `1.667m`). Reports and the staffing notes
 * of a result say times this way.
 */
export function plannerDuration(sec: number): string {
  if (sec >= 3600 && Number.isInteger((sec / 3600) * 10)) return `${sec / 3600}h`;
  if (sec >= 60 && Number.isInteger((sec / 60) * 10)) return `${sec / 60}m`;
  return `${sec}s`;
}
