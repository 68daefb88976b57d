/** Contact types of a channel: unique ids, and shares that split the channel's contacts exactly. */
import type { Problem } from '../problem.js';
import { idOf, isRecord, listOf, type Raw, shareOf } from '../raw.js';

/** Shares are written as decimals (0.05, 0.15…) or percentages; their float sum is off by far less than this. */
const SHARE_SUM_TOLERANCE = 1e-6;

export function contactTypeProblems(data: Raw): Problem[] {
  return listOf(data.channels).flatMap((channel, i) => {
    if (!isRecord(channel) || !Array.isArray(channel.types)) return [];
    const types = channel.types;
    const problems: Problem[] = [];
    const first = new Map<string, number>();
    types.forEach((type, j) => {
      const id = idOf(type);
      if (id === undefined) return;
      const seen = first.get(id);
      if (seen === undefined) first.set(id, j);
      else problems.push({ path: ['channels', i, 'types', j, 'id'], message: `duplicate contact type id (also types[${seen}].id)`, got: { value: id } });
    });
    const shares = types.map((t) => (isRecord(t) ? shareOf(t.share) : undefined));
    // A missing or malformed share is the schema's to report; a sum over the rest would mislead.
    if (types.length === 0 || !shares.every((s): s is number => s !== undefined)) return problems;
    const sum = shares.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
      const message = 'must have shares that sum to 1 (each type is a share of the channel’s contacts)';
      problems.push({ path: ['channels', i, 'types'], message, got: { value: Number(sum.toFixed(9)) }, atKey: true });
    }
    return problems;
  });
}

/** Ids of a raw channel's contact types; a channel without types has one, named after it. */
export function typeIdsOf(channel: unknown): string[] {
  if (!isRecord(channel)) return [];
  if (!Array.isArray(channel.types)) return typeof channel.id === 'string' ? [channel.id] : [];
  return listOf(channel.types).map(idOf).filter((id): id is string => id !== undefined);
}
