/**
 * Which channel metrics a scenario's result holds. Every metric of `CHANNEL_METRICS` is computed,
 * but the ways out of a queue that issue 12 added (the maximum wait, the close: `EXIT_METRICS`)
 * the parts of AHT (talk, after-contact work: `WRAP_UP_METRICS`, issue 13) and the transfers
 * dropped for want of an agent (`transferDisconnected`, channel and tier) and conferences
 * (`CONFERENCE_METRICS`) are written only
 * when some channel uses them — a result of a scenario without them is the same, byte for byte,
 * as before they existed, and a scenario with them shows them in every format (the renderers
 * print whatever metrics a result holds).
 */
import type { Model } from '../engine/model.js';
import { CHANNEL_METRICS, CONFERENCE_METRICS, TIER_METRICS, TRANSFER_DROP_METRIC, WRAP_UP_METRICS, type ChannelMetric, type ExitMetric, type TierMetric } from './kpi.js';

const MAX_WAIT_METRICS: ReadonlySet<ExitMetric> = new Set(['maxWaitExits', 'maxWaitRate', 'messages']);

const cache = new WeakMap<Model, readonly ChannelMetric[]>();

/** The channel metrics of `model`'s results, in `CHANNEL_METRICS` order. */
export function channelMetricsOf(model: Model): readonly ChannelMetric[] {
  let metrics = cache.get(model);
  if (metrics === undefined) {
    const maxWait = model.channels.some((c) => c.maxWait !== undefined);
    const disconnects = model.channels.some((c) => c.atClose === 'disconnect');
    const wrapUp = model.channels.some((c) => c.types.some((t) => t.afterContactWork !== undefined));
    const conferences = model.channels.some((c) => c.conference !== undefined);
    metrics = CHANNEL_METRICS.filter((m) => {
      if (MAX_WAIT_METRICS.has(m as ExitMetric)) return maxWait;
      if (m === 'disconnected') return disconnects;
      if ((WRAP_UP_METRICS as readonly string[]).includes(m)) return wrapUp;
      if (m === TRANSFER_DROP_METRIC) return dropsTransfers(model);
      if ((CONFERENCE_METRICS as readonly string[]).includes(m)) return conferences;
      return true;
    });
    cache.set(model, metrics);
  }
  return metrics;
}

/** Whether some tier drops a transfer nobody is free for. */
function dropsTransfers(model: Model): boolean {
  return model.tiers.some((t) => t.ifNoAgent === 'disconnect');
}

const tierCache = new WeakMap<Model, readonly TierMetric[]>();

/** The tier metrics of `model`'s results, in `TIER_METRICS` order. */
export function tierMetricsOf(model: Model): readonly TierMetric[] {
  let metrics = tierCache.get(model);
  if (metrics === undefined) {
    const drops = dropsTransfers(model);
    metrics = TIER_METRICS.filter((m) => m !== TRANSFER_DROP_METRIC || drops);
    tierCache.set(model, metrics);
  }
  return metrics;
}
