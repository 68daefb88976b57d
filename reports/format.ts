/** Number formats shared by the human-readable reports. */
import { DAY_SEC } from '../engine/time.js';
import type { Estimate } from '../analysis/confidence.js';

export function pct(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(digits)}%`;
}

/**
 * A duration in seconds, minutes or hours by the magnitude of `scale` (default: x itself):
 * a mean and its CI half-width printed with the same scale share a unit (`25.1m ±1.6m`).
 */
export function seconds(x: number | null | undefined, scale?: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const s = Math.abs(scale ?? x);
  if (s >= 36_000) return `${(x / 3600).toFixed(1)}h`;
  if (s >= 600) return `${(x / 60).toFixed(1)}m`;
  return `${x.toFixed(1)}s`;
}

/** A length of time as planners write it, largest units first: `8h30m`, `45m`, `1m30s`, `20s`, `2d4h`. */
export function durationText(sec: number): string {
  if (!Number.isFinite(sec)) return '–';
  if (sec === 0) return '0s';
  let rest = Math.round(sec);
  const parts: string[] = [];
  for (const [unit, size] of [['d', DAY_SEC], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join('');
}

export function count(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits);
}

/** `0.786 ±0.012` style: the mean and the CI half-width, through the given formatter. */
export function withCi(e: Estimate, f: (x: number) => string): string {
  if (e.mean === null) return '–';
  if (e.ci95 === null) return f(e.mean);
  return `${f(e.mean)} ±${f((e.ci95[1] - e.ci95[0]) / 2)}`;
}

/**
 * The clock time of `sec` seconds after midnight of the first day: `08:30` for 8.5 h; later
 * days prefixed with their number, `d2 08:30`. Callers add the scenario's `dayStart`.
 */
export function clock(sec: number): string {
  const day = Math.floor(sec / DAY_SEC);
  const s = sec - day * DAY_SEC;
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  return day > 0 ? `d${day + 1} ${hh}:${mm}` : `${hh}:${mm}`;
}
