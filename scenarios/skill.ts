/**
 * A skill as written in `agents[].skills`: `"voice"`, `"voice/billing"`, or
 * `{ channel, type, rank, after }`. Shared by the schema (which parses it) and the
 * cross-field rules (which read the raw data), so both understand the same forms.
 */
import { ID_PATTERN } from './schema/common.js';

export const SKILL_STRING_RULE = 'must be a skill: a channel id ("voice") or channel/type ("voice/billing")';

/** `voice` or `voice/billing`, each part an id. */
const SKILL_RE = new RegExp(`^(${ID_PATTERN.source.slice(1, -1)})(?:/(${ID_PATTERN.source.slice(1, -1)}))?$`);
export const SKILL_STRING_PATTERN = SKILL_RE.source;

/** Channel and optional type of a skill string, or `undefined` when it is malformed. */
export function splitSkillString(text: string): { readonly channel: string; readonly type?: string } | undefined {
  const m = SKILL_RE.exec(text);
  if (!m || m[1] === undefined) return undefined;
  return m[2] === undefined ? { channel: m[1] } : { channel: m[1], type: m[2] };
}

/** Channel and type named by a raw skill entry (string or mapping), when readable. */
export function skillTarget(raw: unknown): { readonly channel: string; readonly type?: string } | undefined {
  if (typeof raw === 'string') return splitSkillString(raw);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const { channel, type } = raw as Record<string, unknown>;
  if (typeof channel !== 'string') return undefined;
  return typeof type === 'string' ? { channel, type } : { channel };
}
