/**
 * Reading raw scenario data (as parsed from YAML/JSON, before the schema): the cross-field
 * rules run on it so they are reported in the same pass as the field rules, and they must
 * skip quietly whatever is not yet the shape they expect (a field rule reports that).
 */
import { parseDuration } from './duration.js';
import { parseShare } from './share.js';

export type Raw = Readonly<Record<string, unknown>>;

export const isRecord = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
export const listOf = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
export const idOf = (v: unknown): string | undefined => (isRecord(v) && typeof v.id === 'string' ? v.id : undefined);
/** The ids of a list, unique, in order (duplicates are reported elsewhere). */
export const idsOf = (v: unknown): string[] => [...new Set(listOf(v).map(idOf).filter((id): id is string => id !== undefined))];
export const numberOf = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A share (`0.3` or `"30%"`) when `v` is a readable one, else `undefined`. */
export function shareOf(v: unknown): number | undefined {
  const parsed = parseShare(v);
  return parsed.ok ? parsed.share : undefined;
}

/** A duration in seconds when `v` is a valid one, else `undefined`. */
export function secondsOf(v: unknown): number | undefined {
  const parsed = parseDuration(v);
  return parsed.ok ? parsed.seconds : undefined;
}

/** A channel's kind when it is a known one, as written. */
export const kindOf = (channel: unknown): string | undefined =>
  isRecord(channel) && typeof channel.kind === 'string' ? channel.kind : undefined;

/** Whether a value is given (present and not null). */
export const given = (v: unknown): boolean => v !== undefined && v !== null;
