/**
 * A validated channel → the engine's `ChannelModel`: arrivals as a rate per interval, the
 * kind's physics, and the contact types with their handle time per tier. The channel's
 * `priority`, `fcr` and `escalate` are its types' defaults; without `types` it is one type
 * named after the channel. Handle times are passed as written: the kernel applies
 * `residualHandleFactor` (deflection) and the session slowdown itself.
 */
import type { ChannelModel, ContactTypeModel, DistSpec } from '../../engine/model.js';
import { DEFERRED_KINDS } from '../schema/defaults.js';
import type { ChannelSpec, EscalateSpec } from '../schema.js';
import { overdispersionCv, overdispersionShared } from '../schema/overdispersion.js';
import { DAY_SEC } from '../../engine/time.js';

const SECONDS_PER_HOUR = 3600;
/**
 * `perHour` is one rate for every interval; `volumes[i]` (also read from a forecast) is spread
 * over interval i; either is multiplied by the what-if `scale`.
 */
export function arrivalRatesPerSec(arrivals: ChannelSpec['arrivals'], intervalCount: number, intervalSec: number): number[] {
  const { scale } = arrivals;
  if (arrivals.volumes !== undefined) return arrivals.volumes.map((volume) => (volume * scale) / intervalSec);
  const perSec = ((arrivals.perHour ?? 0) * scale) / SECONDS_PER_HOUR;
  return new Array<number>(intervalCount).fill(perSec);
}

/** `groupIds`: the agent groups in order, to resolve a conference's group to its index. */
export function compileChannel(channel: ChannelSpec, intervalCount: number, intervalSec: number, dayStartSec: number, groupIds: readonly string[] = []): ChannelModel {
  const deferred = DEFERRED_KINDS.includes(channel.kind);
  const { deflection } = channel;
  return {
    id: channel.id,
    kind: channel.kind,
    ratePerSec: arrivalRatesPerSec(channel.arrivals, intervalCount, intervalSec),
    handle: channel.handle,
    patience: deferred ? null : (channel.patience ?? null),
    targetSec: channel.target.within,
    targetLevel: channel.target.level,
    types: compileTypes(channel),
    deflection: deflection.share,
    residualHandleFactor: deflection.residualHandle,
    deflectionReturn: deflection.returns,
    concurrency: channel.concurrency,
    concurrencyFactor: channel.sessionHandleFactor,
    deferred,
    openHours: channel.openHours === undefined ? null : openWindow(channel.openHours, dayStartSec),
    retrial: channel.retrial ?? null,
    callback: channel.callback === undefined ? null : { afterSec: channel.callback.after, share: channel.callback.share, targetSec: channel.callback.target },
    repeatDelay: channel.repeatDelay,
    overdispersion: overdispersionCv(channel.overdispersion),
    initialBacklog: channel.initialBacklog,
    handleMeanByIntervalSec: channel.ahtByInterval ?? null,
    patienceMeanByIntervalSec: deferred ? null : (channel.patienceByInterval ?? null),
    ...(channel.queueCapacity === undefined ? {} : { queueCapacity: channel.queueCapacity }),
    ...sharedFactorOf(channel),
    ...(channel.patienceByTier === undefined || deferred ? {} : { patienceByTier: tierPatience(channel) }),
    ...(channel.maxWait === undefined ? {} : { maxWait: { afterSec: channel.maxWait.after, then: channel.maxWait.then } }),
    ...(channel.atClose === undefined ? {} : { atClose: channel.atClose }),
    ...(channel.conference === undefined ? {} : { conference: { ...channel.conference, group: groupIds.indexOf(channel.conference.group) } }),
  };
}

/** The shared day-level factor a channel names (issue 12 item 7); absent for its own factor, so plain models are unchanged. */
function sharedFactorOf(channel: ChannelSpec): Pick<ChannelModel, 'overdispersionShared'> {
  const shared = overdispersionShared(channel.overdispersion);
  return shared === undefined ? {} : { overdispersionShared: shared };
}

/** A tier left out of `patienceByTier` keeps the channel's patience; null stays null (never abandons there). */
function tierPatience(channel: ChannelSpec): [DistSpec | null, DistSpec | null] {
  const own = channel.patienceByTier ?? {};
  const at = (v: DistSpec | null | undefined): DistSpec | null => (v === undefined ? (channel.patience ?? null) : v);
  return [at(own[2]), at(own[3])];
}

export function compileTypes(channel: ChannelSpec): ContactTypeModel[] {
  if (channel.types === undefined) {
    return [{ id: channel.id, share: 1, priority: channel.priority, ...escalation(channel.handle, channel.escalate), fcr: channel.fcr, ...wrapUp(channel.afterContactWork) }];
  }
  return channel.types.map((type) => ({
    id: type.id,
    share: type.share,
    priority: type.priority ?? channel.priority,
    ...escalation(type.handle ?? channel.handle, type.escalate ?? channel.escalate),
    fcr: type.fcr ?? channel.fcr,
    ...wrapUp(type.afterContactWork ?? channel.afterContactWork),
  }));
}

/** A type's after-contact work; absent without one, so a model without wrap-up is as before the field existed. */
function wrapUp(spec: DistSpec | undefined): Pick<ContactTypeModel, 'afterContactWork'> {
  return spec === undefined ? {} : { afterContactWork: spec };
}

/**
 * Escalation probabilities and the handle time at each tier. A tier the type never reaches
 * has no handle time (null); an omitted one is the previous tier's.
 */
function escalation(tier1: DistSpec, escalate: EscalateSpec | undefined): Pick<ContactTypeModel, 'handleByTier' | 'escalation'> {
  const toTier2 = escalate?.tier2?.probability ?? 0;
  const toTier3 = escalate?.tier3?.probability ?? 0;
  const tier2 = toTier2 > 0 ? (escalate?.tier2?.handle ?? tier1) : null;
  const tier3 = tier2 !== null && toTier3 > 0 ? (escalate?.tier3?.handle ?? tier2) : null;
  return { handleByTier: [tier1, tier2, tier3], escalation: [toTier2, toTier3] };
}

/**
 * Clock hours → the model's window in seconds from time 0's time of day. Validation refuses
 * windows that contain `dayStart` strictly inside, so the window never wraps past midnight.
 */
function openWindow(hours: { readonly start: number; readonly end: number }, dayStartSec: number): { startSec: number; endSec: number } {
  const shift = hours.start >= dayStartSec ? -dayStartSec : DAY_SEC - dayStartSec;
  return { startSec: hours.start + shift, endSec: hours.end + shift };
}
