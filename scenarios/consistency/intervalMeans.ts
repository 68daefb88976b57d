/**
 * Per-interval means of a channel (issue 12 item 4): `ahtByInterval` and `patienceByInterval`
 * list one duration per interval of the horizon, the count rule of `arrivals.volumes`; a mean
 * patience per interval scales the `patience` distribution, so it needs one (and a deferred
 * channel, whose customers do not abandon, has none).
 */
import type { PathSegment, Problem } from '../problem.js';
import { given, isRecord, kindOf, listOf, type Raw } from '../raw.js';
import { DEFERRED_KINDS } from '../schema/defaults.js';

const FIELDS = [
  { key: 'ahtByInterval', noun: 'mean handle time' },
  { key: 'patienceByInterval', noun: 'mean patience' },
] as const;

export function intervalMeanProblems(data: Raw, intervalCount: number | undefined): Problem[] {
  return listOf(data.channels).flatMap((channel, i) => {
    if (!isRecord(channel)) return [];
    const at = (...rest: PathSegment[]): PathSegment[] => ['channels', i, ...rest];
    const problems: Problem[] = [];
    for (const { key, noun } of FIELDS) {
      const list = channel[key];
      if (Array.isArray(list) && intervalCount !== undefined && list.length !== intervalCount) {
        problems.push({ path: at(key), message: `must list one ${noun} per interval: ${intervalCount} intervals, ${list.length} listed` });
      }
    }
    if (given(channel.patienceByInterval)) {
      const kind = kindOf(channel);
      if (kind !== undefined && (DEFERRED_KINDS as readonly string[]).includes(kind)) {
        problems.push({ path: at('patienceByInterval'), message: `must be left out: ${kind} is deferred work, its customers do not abandon`, atKey: true });
      } else if (!given(channel.patience)) {
        const message = 'needs patience: it scales the patience distribution interval by interval (add patience, or remove patienceByInterval)';
        problems.push({ path: at('patienceByInterval'), message, atKey: true });
      }
    }
    return problems;
  });
}
