/**
 * Zod fields for the quantities a scenario is made of: durations (seconds or `"6m"`), whole
 * counts, shares (`0.8` or `"80%"`). Each field carries its own sentence-style message, because the
 * loader prints it verbatim after the field path (`channels[0].handle.mean: must be a
 * positive duration (got "-3m")`).
 */
import { z } from 'zod';
import { parseDate } from './dateTime.js';
import { DURATION_UNITS, formatClock, formatDuration, parseDuration, parseTimeOfDay } from './duration.js';
import { parseShare, PERCENT_PATTERN, percentHint } from './share.js';

const DURATION_HINT = 'seconds or a string like "20s", "6m", "1.5h"';

/** Case-insensitive unit alternatives for JSON Schema, which has no regex flags. */
const UNIT_PATTERN = DURATION_UNITS.map((u) => [...u].map((c) => `[${c}${c.toUpperCase()}]`).join('')).join('|');

/** What editors see in the JSON Schema; the loader itself checks with `parseDuration`. */
export const DURATION_PATTERN = `^\\s*(\\+?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*(${UNIT_PATTERN})?|((\\d+\\.?\\d*|\\.\\d+)(${UNIT_PATTERN})){2,})\\s*$`;

export interface DurationRule {
  /** Smallest allowed value, seconds. */
  readonly min: number;
  /** Whether `min` itself is excluded (a positive duration). */
  readonly exclusive?: boolean;
  /** Largest allowed value, seconds. */
  readonly max?: number;
}

function durationProblem(seconds: number, rule: DurationRule): string | undefined {
  if (rule.exclusive && seconds <= rule.min) {
    return rule.min === 0 ? 'must be a positive duration' : `must be longer than ${formatDuration(rule.min)}`;
  }
  if (seconds < rule.min) {
    return rule.min === 0 ? 'must be a duration of 0 or more' : `must be at least ${formatDuration(rule.min)}`;
  }
  if (rule.max !== undefined && seconds > rule.max) return `must be at most ${formatDuration(rule.max)}`;
  return undefined;
}

/**
 * A duration written as seconds or with a unit; parses to seconds. Wrong values are
 * reported with the rule broken (sign, bound or unit), never just "invalid".
 */
export function duration(rule: DurationRule, description: string) {
  const written = z
    .union([z.number(), z.string().meta({ pattern: DURATION_PATTERN })], { error: `must be a duration: ${DURATION_HINT}` })
    .meta({ description: `${description} (${DURATION_HINT})` });
  return written.transform((value, ctx): number => {
    const parsed = parseDuration(value);
    const problem = parsed.ok ? durationProblem(parsed.seconds, rule) : `must be a duration: ${parsed.reason}`;
    if (problem !== undefined || !parsed.ok) {
      ctx.issues.push({ code: 'custom', message: problem ?? 'must be a duration', input: value });
      return z.NEVER;
    }
    return parsed.seconds;
  });
}

/** A whole number in [min, max]; `unit` names what is counted, for the message. */
export function wholeNumber(min: number, max: number, unit: string, description: string) {
  const range = `must be a whole number of ${unit} from ${min} to ${max.toLocaleString('en-US')}`;
  return z
    .number({ error: range })
    .int({ error: range })
    .min(min, { error: range })
    .max(max, { error: range })
    .meta({ description });
}

/** A finite number in [min, max] (a rate, a volume, a coefficient of variation). */
export function boundedNumber(min: number, max: number, message: string, description: string) {
  return z
    .number({ error: message })
    .min(min, { error: message })
    .max(max, { error: message })
    .meta({ description });
}

/** A number strictly above 0 (cv). */
export function positiveNumber(description: string) {
  const message = 'must be a number greater than 0';
  return z.number({ error: message }).gt(0, { error: message }).meta({ description });
}

/** What editors see for a time of day: a clock time or a duration pattern. */
const CLOCK_PATTERN = '^\\s*\\d{1,2}:\\d{2}(:\\d{2})?\\s*$';

/**
 * A time of day: `"08:30"` or a duration from midnight (`8.5h`, `30600`); parses to seconds
 * from midnight, within [0, max] (`max` exclusive when `exclusiveMax`).
 */
export function timeOfDay(max: number, exclusiveMax: boolean, description: string) {
  const hint = 'a clock time like "08:30" or a duration from midnight like "8.5h"';
  const written = z
    .union([z.number(), z.string().meta({ anyOf: [{ pattern: CLOCK_PATTERN }, { pattern: DURATION_PATTERN }] })], {
      error: `must be ${hint}`,
    })
    .meta({ description: `${description} (${hint})` });
  return written.transform((value, ctx): number => {
    const parsed = parseTimeOfDay(value);
    let problem: string | undefined;
    if (!parsed.ok) problem = parsed.reason;
    else if (parsed.seconds < 0) problem = 'must be a time of day from 00:00';
    else if (exclusiveMax ? parsed.seconds >= max : parsed.seconds > max) {
      problem = `must be a time of day ${exclusiveMax ? 'before' : 'at most'} ${formatClock(max)}`;
    }
    if (problem !== undefined || !parsed.ok) {
      ctx.issues.push({ code: 'custom', message: problem ?? 'must be a time of day', input: value });
      return z.NEVER;
    }
    return parsed.seconds;
  });
}

/**
 * A share in [0, 1] (a probability, a fraction of contacts), written `0.8` or `"80%"`
 * (share.ts). `below1` excludes 1 (a deflection of 100% would leave nothing to simulate),
 * `above0` excludes 0. A percentage written without `%` (`80`) is told how to write it.
 */
export function share(description: string, bounds: { readonly above0?: boolean; readonly below1?: boolean } = {}) {
  const low = bounds.above0 ? 'greater than 0' : '0 or more';
  const high = bounds.below1 ? 'less than 1' : 'at most 1';
  const message = `must be a share ${low} and ${high}`;
  const written = z
    .union([z.number(), z.string().meta({ pattern: PERCENT_PATTERN })], { error: message })
    .meta({ description: `${description} (0.8 or "80%")` });
  return written.transform((value, ctx): number => {
    const parsed = parseShare(value);
    const x = parsed.ok ? parsed.share : NaN;
    const inRange = (bounds.above0 ? x > 0 : x >= 0) && (bounds.below1 ? x < 1 : x <= 1);
    if (inRange) return x;
    const hint = percentHint(value);
    ctx.issues.push({ code: 'custom', message: hint === undefined ? message : `${message}: ${hint}`, input: value });
    return z.NEVER;
  });
}

/**
 * A calendar date, `2026-03-02` (ISO 8601, as planners' files write it; scenarios/dateTime.ts
 * reads it). It stays text in the parsed scenario: YAML 1.2 keeps it a string, and a label
 * or a weekday is computed from it where needed, never from a time zone.
 */
export function calendarDate(description: string) {
  const message = 'must be a calendar date like "2026-03-02" (year-month-day) that exists';
  return z
    .string({ error: message })
    .meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${description} (a date like "2026-03-02")` })
    .refine((text) => parseDate(text) !== undefined, { error: message });
}
