/**
 * Warnings: input that is valid but probably not what was meant. They never fail a command
 * (the exit code is unchanged); the CLI prints them on stderr, located like problems
 * (`file:line:col path: …`).
 *
 * A bare number is seconds wherever a duration is read (DESIGN §2), so `mean: 6` on a
 * handle time is a six-second call — almost always meant as 6 minutes (issue 17). Seconds
 * stay the unit; a handle-time mean (or constant value) written as a plain number under a
 * minute is pointed out.
 */
import type { PathSegment, Problem } from './problem.js';
import { isRecord, listOf, type Raw } from './raw.js';

/** Below this many seconds a bare handle-time mean is pointed out. */
const SHORT_HANDLE_SEC = 60;

const BARE_NUMBER = /^\s*\d+(?:\.\d+)?\s*$/;

/** The handle-time distributions of a channel and of its types, with their paths. */
function handleDistributions(channel: Raw, at: readonly PathSegment[]): [readonly PathSegment[], unknown][] {
  const escalations = (owner: Raw, path: readonly PathSegment[]): [readonly PathSegment[], unknown][] =>
    isRecord(owner.escalate)
      ? (['tier2', 'tier3'] as const).flatMap((tier) => {
          const step = (owner.escalate as Raw)[tier];
          return isRecord(step) ? [[[...path, 'escalate', tier, 'handle'], step.handle] as [readonly PathSegment[], unknown]] : [];
        })
      : [];
  const found: [readonly PathSegment[], unknown][] = [[[...at, 'handle'], channel.handle], ...escalations(channel, at)];
  listOf(channel.types).forEach((type, j) => {
    if (!isRecord(type)) return;
    const path = [...at, 'types', j];
    found.push([[...path, 'handle'], type.handle], ...escalations(type, path));
  });
  return found;
}

/** `channels[0].handle.mean: 6 means 6 seconds; write 6m for minutes (or 6s …)`, for each such mean. */
export function scenarioWarnings(data: unknown): Problem[] {
  if (!isRecord(data)) return [];
  const warnings: Problem[] = [];
  listOf(data.channels).forEach((channel, i) => {
    if (!isRecord(channel)) return;
    for (const [path, dist] of handleDistributions(channel, ['channels', i])) {
      if (!isRecord(dist)) continue;
      for (const key of ['mean', 'value'] as const) {
        const value = dist[key];
        const seconds = typeof value === 'number' ? value : typeof value === 'string' && BARE_NUMBER.test(value) ? Number(value) : undefined;
        if (seconds === undefined || !(seconds > 0 && seconds < SHORT_HANDLE_SEC)) continue;
        warnings.push({ path: [...path, key], message: `${seconds} means ${seconds} seconds; write ${seconds}m for minutes (or ${seconds}s to keep seconds)` });
      }
    }
  });
  return warnings;
}
