/**
 * `assert:` entries: `"<path> <op> <number>"`, e.g. `channels.voice.serviceLevel >= 0.8`.
 * The scenario only stores them (validated for form here); `ccsim check` evaluates them
 * against a run's results and exits 1 when one fails.
 */
export const ASSERTION_OPERATORS = ['>=', '<=', '==', '>', '<'] as const;
export type AssertionOperator = (typeof ASSERTION_OPERATORS)[number];

export interface Assertion {
  /** Dotted path into the run's summary, e.g. `channels.voice.serviceLevel`, `tiers.2.volume`. */
  readonly path: string;
  readonly op: AssertionOperator;
  readonly value: number;
}

export const ASSERTION_RULE =
  'must be an assertion "<path> <op> <number>" with op one of >=, <=, ==, >, <, e.g. "channels.voice.serviceLevel >= 0.8"';

// Path segments are ids or tier numbers (`tiers.2.share`); the number is a plain decimal.
const ASSERTION_RE = /^\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*(>=|<=|==|>|<)\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*$/;
export const ASSERTION_PATTERN = ASSERTION_RE.source;

/** The parts of an assertion, or `undefined` when it is not of the form above. */
export function parseAssertion(text: string): Assertion | undefined {
  const m = ASSERTION_RE.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) return undefined;
  return { path: m[1], op: m[2] as AssertionOperator, value: Number(m[3]) };
}
