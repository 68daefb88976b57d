/**
 * Shares as people write them: a fraction `0.8` or a percentage `"80%"` (issue 17: the
 * assertions of `ccsim check` read `80%`, so the scenario's levels, shares and
 * probabilities do too, and so do the flags taking a share). A bare number is the fraction:
 * `80` is 8000%, never read as a percentage, and the field rules say so.
 */

const PERCENT_RE = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))\s*%\s*$/;
const NUMBER_RE = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?\s*$/i;

/** What editors see for a percentage in the JSON Schema. */
export const PERCENT_PATTERN = PERCENT_RE.source;

/** A share from a number, a numeric text (`"0.8"`, as flags arrive) or a percentage (`"80%"`). */
export function parseShare(value: unknown): { ok: true; share: number } | { ok: false } {
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, share: value } : { ok: false };
  if (typeof value !== 'string') return { ok: false };
  const percent = PERCENT_RE.exec(value);
  if (percent) return { ok: true, share: Number(percent[1]) / 100 };
  return NUMBER_RE.test(value) ? { ok: true, share: Number(value) } : { ok: false };
}

/**
 * A hint for a share written as a percentage without its `%` (`level: 80`): `write 0.8 or
 * "80%"`; `undefined` for any other value (1.5 is more likely a slip than 1.5%).
 */
export function percentHint(value: unknown): string | undefined {
  const parsed = parseShare(value);
  if (!parsed.ok || (typeof value === 'string' && value.includes('%')) || parsed.share < 2 || parsed.share > 100) return undefined;
  return `write ${+(parsed.share / 100).toFixed(6)} or "${parsed.share}%"`;
}
