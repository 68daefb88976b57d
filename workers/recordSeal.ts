/**
 * The checksum every checkpoint record carries as its last field, `"sum"`: the first 16 hex
 * digits (64 bits) of the SHA-256 of the record's own text without that field — the exact
 * bytes `JSON.stringify` wrote, so it is checked on the line as read, with no parsing and no
 * canonical re-encoding that could drift between versions:
 *
 *   body  `{"type":"task","id":"p3r7",…,"counters":{…}}`
 *   line  `{"type":"task","id":"p3r7",…,"counters":{…},"sum":"9f2c…"}`
 *
 * A record whose counters were edited (valid JSON or not) no longer matches its sum; a line
 * cut short by a crash has no sum at all. The sum proves integrity, not authorship: anyone
 * can recompute it, so a record that passes is then checked against the sweep's plan
 * (workers/shardLedger.ts) — which shard, which task, which hash.
 */
import { createHash } from 'node:crypto';

const PREFIX = ',"sum":"';
const DIGITS = 16;
/** `,"sum":"` + 16 hex digits + `"}`. */
const SUFFIX_LENGTH = PREFIX.length + DIGITS + 2;

const digest = (body: string): string => createHash('sha256').update(body).digest('hex').slice(0, DIGITS);

/** A record's JSON text (an object, no newline) with its checksum as the last field. */
export function sealRecord(body: string): string {
  return `${body.slice(0, -1)}${PREFIX}${digest(body)}"}`;
}

/**
 * - `sealed`: the line ends with a sum that matches the text before it;
 * - `unsealed`: the line has no sum field at its end;
 * - `broken`: it has one, and the text does not match it (altered or damaged).
 */
export type SealState = 'sealed' | 'unsealed' | 'broken';

export function sealState(line: string): SealState {
  if (line.length <= SUFFIX_LENGTH || !line.endsWith('"}')) return 'unsealed';
  const tail = line.slice(-SUFFIX_LENGTH);
  const sum = tail.slice(PREFIX.length, PREFIX.length + DIGITS);
  if (!tail.startsWith(PREFIX) || !/^[0-9a-f]{16}$/.test(sum)) return 'unsealed';
  return digest(`${line.slice(0, -SUFFIX_LENGTH)}}`) === sum ? 'sealed' : 'broken';
}
