/**
 * "Did you mean …?" for misspelt keys, ids and names, by edit distance
 * (fastest-levenshtein). A suggestion is offered only when it is plausibly the same word:
 * otherwise the hint would send the user after an unrelated field.
 */
import { distance } from 'fastest-levenshtein';

/** The closest candidate to `word`, or `undefined` when none is close enough. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  // About one edit per three characters, at least two (a transposition) except in words so
  // short that two edits would turn anything into anything.
  const allowed = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= allowed) return best;
  // An abbreviation (`expo` for `exponential`) is far in edit distance but plainly meant.
  if (word.length >= 3) return [...candidates].find((c) => c.toLowerCase().startsWith(lower));
  return undefined;
}

/** `(did you mean "patience"?)`, or `undefined` when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const match = closestMatch(word, candidates);
  return match === undefined ? undefined : `(did you mean "${match}"?)`;
}
