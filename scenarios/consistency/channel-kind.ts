/**
 * The physics of each channel kind (DESIGN §2, issue 4 item 1), as rules on fields that
 * only make sense for some kinds: a field given where the kernel would ignore it is a
 * mistake in the plan, so it is reported rather than dropped.
 */
import { formatClock, parseTimeOfDay } from '../duration.js';
import type { PathSegment, Problem } from '../problem.js';
import { given, isRecord, kindOf, listOf, numberOf, type Raw } from '../raw.js';
import { CONCURRENT_KINDS, DEFERRED_KINDS } from '../schema/defaults.js';
import { DAY_SEC } from '../../engine/time.js';

const has = (kinds: readonly string[], kind: string) => kinds.includes(kind);

export function channelKindProblems(data: Raw): Problem[] {
  const dayStart = timeOfDayOf(data.dayStart ?? 0);
  return listOf(data.channels).flatMap((channel, i) => {
    const kind = kindOf(channel);
    if (!isRecord(channel) || kind === undefined) return [];
    const at = (...rest: PathSegment[]): PathSegment[] => ['channels', i, ...rest];
    const problems: Problem[] = [];
    const deferred = has(DEFERRED_KINDS, kind);
    if (deferred && given(channel.patience)) {
      const message = `must be left out: ${kind} is deferred work, its customers do not abandon (remove patience)`;
      problems.push({ path: at('patience'), message, atKey: true });
    }
    const concurrency = numberOf(channel.concurrency);
    if (!has(CONCURRENT_KINDS, kind) && concurrency !== undefined && concurrency > 1) {
      const message = `must be 1 on ${kind}: only chat and messaging agents hold several sessions at once`;
      problems.push({ path: at('concurrency'), message, got: { value: concurrency } });
    }
    const factor = numberOf(channel.sessionHandleFactor);
    if (factor !== undefined && factor !== 1 && (concurrency ?? 1) === 1) {
      const message = 'applies only with concurrency above 1 (set concurrency, or leave sessionHandleFactor out)';
      problems.push({ path: at('sessionHandleFactor'), message, got: { value: factor } });
    }
    if (given(channel.openHours) && !deferred) {
      const message = `applies to deferred channels only (email, social); for ${kind}, give zero volumes outside opening hours`;
      problems.push({ path: at('openHours'), message, atKey: true });
    } else if (isRecord(channel.openHours) && dayStart !== undefined) {
      problems.push(...openHoursAcrossDayStart(channel.openHours, dayStart, at('openHours')));
    }
    if (given(channel.callback) && kind !== 'voice') {
      problems.push({ path: at('callback'), message: `applies to voice channels only (this one is ${kind})`, atKey: true });
    }
    const refused = given(channel.lines) || given(channel.queueCapacity) || inLineGroup(data, channel.id);
    if (given(channel.retrial) && !given(channel.patience) && !deferred && !refused) {
      const message = 'has no effect without patience or lines: nobody abandons or is blocked, so nobody retries (add patience, lines or queueCapacity, or remove retrial)';
      problems.push({ path: at('retrial'), message, atKey: true });
    } else if (given(channel.retrial) && deferred) {
      problems.push({ path: at('retrial'), message: `applies to channels whose customers abandon (not ${kind})`, atKey: true });
    }
    return problems;
  });
}

/** Whether a line group lists channel `id` (its callers may be blocked, and retry). */
function inLineGroup(data: Raw, id: unknown): boolean {
  return listOf(data.lineGroups).some((g) => isRecord(g) && listOf(g.channels).includes(id));
}

function timeOfDayOf(v: unknown): number | undefined {
  const parsed = parseTimeOfDay(v);
  return parsed.ok && parsed.seconds >= 0 && parsed.seconds < DAY_SEC ? parsed.seconds : undefined;
}

/**
 * The compiled model keeps one open window per day, in seconds from time 0's time of day,
 * that must not wrap past it (engine/model.ts `openHours`: start < end). A window that
 * contains `dayStart` strictly inside would wrap, so it is refused with the way out.
 */
function openHoursAcrossDayStart(hours: Raw, dayStart: number, path: PathSegment[]): Problem[] {
  const start = timeOfDayOf(hours.start);
  const endParsed = parseTimeOfDay(hours.end);
  const end = endParsed.ok ? endParsed.seconds : undefined;
  if (start === undefined || end === undefined || start >= end || dayStart === 0) return [];
  if (start < dayStart && dayStart < end) {
    const message = `must not span dayStart ${formatClock(dayStart)}: the simulated day starts inside the open hours ${formatClock(start)}–${formatClock(end)} (start the day at ${formatClock(start)} or earlier)`;
    return [{ path, message }];
  }
  return [];
}
