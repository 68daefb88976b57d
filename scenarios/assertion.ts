/**
 * `assert:` entries and `--assert` flags: `"<path> <op> <bound>"`, e.g.
 * `channels.voice.serviceLevel >= 0.8`. The bound is a number, a percentage (`80%`, for a
 * share) or a duration (`20s`, `2m`, for a metric in seconds such as `asaSec`) — issue 17.
 * The scenario only stores them (validated for form here); `ccsim check` evaluates them
 * against a run's results and exits 1 when one fails.
 *
 * Which unit fits which metric is `boundProblem`'s rule; the caller says what the metric
 * measures (its name is the report's to interpret: reports/metricFormat.ts).
 */
import { DURATION_UNITS, parseDuration } from './duration.js';

export const ASSERTION_OPERATORS = ['>=', '<=', '==', '>', '<'] as const;
export type AssertionOperator = (typeof ASSERTION_OPERATORS)[number];

/** How the bound was written: a plain number, a percentage, or a duration (in seconds once read). */
export type BoundUnit = 'number' | 'percent' | 'duration';

export interface Assertion {
  /** Dotted path into the run's summary, e.g. `channels.voice.serviceLevel`, `tiers.2.volume`. */
  readonly path: string;
  readonly op: AssertionOperator;
  /** The bound as a plain number: `80%` is 0.8, `20s` is 20 (seconds). */
  readonly value: number;
  readonly unit: BoundUnit;
  /** The bound as written: `80%`, `2m`, `0.8`. */
  readonly written: string;
}

export const ASSERTION_RULE =
  'must be an assertion "<path> <op> <bound>" with op one of >=, <=, ==, >, < and a number, a percentage or a duration, e.g. "channels.voice.serviceLevel >= 0.8" or "channels.voice.asaSec <= 20s"';

// Path segments are ids or tier numbers (`tiers.2.share`); the bound is a plain decimal,
// optionally followed by `%` or a duration unit (`20s`, `1m30s`).
const ASSERTION_RE =
  /^\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*(>=|<=|==|>|<)\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(%|[A-Za-z][A-Za-z0-9.]*)?\s*$/;
export const ASSERTION_PATTERN = ASSERTION_RE.source;

/**
 * The parts of an assertion, or why it cannot be read: not of the form at all (`form`), or a
 * bound with a unit that is neither `%` nor a duration's (`unit`).
 */
export function readAssertion(text: string): { ok: true; assertion: Assertion } | { ok: false; failed: 'form' | 'unit'; reason: string } {
  const m = ASSERTION_RE.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) return { ok: false, failed: 'form', reason: ASSERTION_RULE };
  const [path, op, amount, suffix] = [m[1], m[2] as AssertionOperator, m[3], m[4]];
  const written = `${amount}${suffix ?? ''}`;
  if (suffix === undefined) return { ok: true, assertion: { path, op, value: Number(amount), unit: 'number', written } };
  if (suffix === '%') return { ok: true, assertion: { path, op, value: Number(amount) / 100, unit: 'percent', written } };
  const d = parseDuration(written);
  if (!d.ok) return { ok: false, failed: 'unit', reason: `the bound "${written}" is not a number, a percentage or a duration (units: ${DURATION_UNITS.join(', ')})` };
  return { ok: true, assertion: { path, op, value: d.seconds, unit: 'duration', written } };
}

/** The parts of an assertion, or `undefined` when it is not of the form above. */
export function parseAssertion(text: string): Assertion | undefined {
  const read = readAssertion(text);
  return read.ok ? read.assertion : undefined;
}

/** What a metric measures, as far as its bound's unit is concerned. */
export type MetricMeasure = 'share' | 'seconds' | 'other';

/**
 * Why the bound does not fit the metric, or `undefined`: a share is 0 to 1 (`80` is not
 * 80%: write 0.8 or 80%), a time in seconds takes a number or a duration, not a percentage;
 * only a time takes a duration.
 */
export function boundProblem(a: Assertion, metric: string, measure: MetricMeasure): string | undefined {
  if (measure === 'share') {
    if (a.unit === 'duration') return `${metric} is a share from 0 to 1, not a duration: write a number like 0.8 or a percentage like 80%`;
    if (a.value > 1 && a.unit === 'number') return `${metric} is a share from 0 to 1: write ${+(a.value / 100).toFixed(6)} or ${a.written}%`;
    if (a.value > 1) return `${metric} is a share: at most 100%`;
    return undefined;
  }
  if (measure === 'seconds') {
    return a.unit === 'percent' ? `${metric} is in seconds, not a share: write seconds (20) or a duration (20s, 2m)` : undefined;
  }
  return a.unit === 'duration' ? `${metric} is not a time: write a plain number` : undefined;
}
