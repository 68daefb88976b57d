/**
 * Everything random about a new contact, drawn when it arrives (DESIGN §4): its type, whether
 * self-service contains it, its handle time at each tier it may reach, its patience at each
 * tier, whether it will escalate, be resolved first time, accept a callback, call again after
 * abandoning, the delays of those follow-ups, its Tier-1 agent's after-contact work, and whether a
 * second agent joins its call (a conference) and for how long.
 *
 * Common random numbers need two rules, both kept here:
 * - **one stream per (mechanism, tier) source** and channel (`handle2:chat`, `escalate2:chat`,
 *   `repeat:chat`…), so changing one mechanism (a tier-2 escalation probability, a callback
 *   share) never moves another's numbers;
 * - **one uniform per variate per contact**: a mechanism the channel uses at all (for any of
 *   its types) draws exactly one uniform from its stream for *every* contact of the channel,
 *   whether or not this contact's type needs it, and every distribution is sampled by
 *   inversion (distributions.ts). Contact n of a channel therefore gets the n-th number of each
 *   stream, whatever the parameters: a probability or a cv changed between two scenarios
 *   changes that mechanism's outcome for a contact, never which number it reads.
 *
 * Contacts that are not fresh arrivals draw from factories of their own, with the same
 * streams under a prefix: follow-ups (retrials, repeats, returns from self-service), whose
 * creation times depend on staffing, under `followup:`, and the initial backlog under
 * `backlog:`, so neither shifts the draws of fresh contacts.
 */
import { ContactPool, Flag } from './contacts.js';
import { Sampler } from './distributions.js';
import { arrivalInterval, handleScales, patienceScales } from './intervalMeans.js';
import type { ChannelModel, DistSpec, Model } from './model.js';
import { Stream } from './random.js';

/** What a channel's draws need that depends only on the model (built once per model). */
interface ChannelSamplers {
  readonly channel: ChannelModel;
  /** Per type: samplers of the handle time at tiers 1–3 (null where the type never goes). */
  readonly handleSamplers: readonly (readonly [Sampler, Sampler | null, Sampler | null])[];
  readonly patienceSampler: Sampler | null;
  /** Patience waiting for a tier-2 (tier-3) transfer: the channel's, or the tier's own (`patienceByTier`). */
  readonly patience2Sampler: Sampler | null;
  readonly patience3Sampler: Sampler | null;
  readonly retrialDelay: Sampler | null;
  readonly repeatDelay: Sampler;
  readonly returnDelay: Sampler | null;
  /** Per type: the after-contact work of its Tier-1 agent (null: none). */
  readonly acwSamplers: readonly (Sampler | null)[];
  /** The conference's duration (null: the channel has no conferences). */
  readonly conferenceDuration: Sampler | null;
  /** Per interval of arrival, the factor of Tier-1 handle draws (patience draws); null: 1 all day. */
  readonly handleScale: Float64Array | null;
  readonly patienceScale: Float64Array | null;
  /** Cumulative type shares. */
  readonly cumulativeShare: Float64Array;
  /** Which mechanisms the channel uses at all (for any type): their streams draw for every contact. */
  readonly uses: Uses;
}

interface Uses {
  /** Nothing beyond handle time and patience to draw, and neither varies by interval. */
  readonly plainOnly: boolean;
  readonly tier2: boolean;
  readonly tier3: boolean;
  /** A customer waiting for a tier-2 (tier-3) transfer has a patience of its own. */
  readonly patience2: boolean;
  readonly patience3: boolean;
  readonly repeats: boolean;
  readonly callback: boolean;
  readonly retrial: boolean;
  /** Some type has after-contact work (`acw:` stream). */
  readonly acw: boolean;
  /** Calls may bring in a second agent (`conference:` and `conferenceDuration:` streams). */
  readonly conference: boolean;
}

/** A channel's samplers and this run's streams. */
interface ChannelDraws extends ChannelSamplers {
  readonly types: Stream;
  readonly deflection: Stream;
  readonly deflectionReturn: Stream;
  readonly returnDelayStream: Stream;
  readonly handle: readonly [Stream, Stream, Stream];
  readonly patience: readonly [Stream, Stream, Stream];
  readonly escalate2: Stream;
  readonly escalate3: Stream;
  readonly repeat: Stream;
  readonly repeatDelayStream: Stream;
  readonly callback: Stream;
  readonly retrial: Stream;
  readonly retrialDelayStream: Stream;
  readonly acw: Stream;
  readonly conference: Stream;
  readonly conferenceDurationStream: Stream;
}

const samplerOrNull = (spec: DistSpec | null): Sampler | null => (spec === null ? null : new Sampler(spec));

const samplerCache = new WeakMap<Model, readonly ChannelSamplers[]>();

function usesOf(model: Model, c: ChannelModel): Uses {
  const tier2 = c.types.some((t) => t.escalation[0] > 0 && t.handleByTier[1] !== null);
  const tier3 = tier2 && c.types.some((t) => t.escalation[0] > 0 && t.escalation[1] > 0 && t.handleByTier[2] !== null);
  const patient = c.patience !== null && !c.deferred;
  const patience2 = !c.deferred && tierPatienceOf(c, 2) !== null && tier2 && model.tiers[1].mode === 'transfer';
  const patience3 = !c.deferred && tierPatienceOf(c, 3) !== null && tier3 && model.tiers[2].mode === 'transfer';
  const repeats = c.types.some((t) => t.fcr < 1);
  const callback = c.callback !== null;
  const retrial = c.retrial !== null;
  const byInterval = c.handleMeanByIntervalSec !== null || (patient && c.patienceMeanByIntervalSec !== null);
  const acw = c.types.some((t) => t.afterContactWork !== undefined);
  const conference = c.conference !== undefined;
  const plainOnly = !tier2 && !repeats && !callback && !retrial && c.deflection === 0 && !byInterval && !acw && !conference;
  return { plainOnly, tier2, tier3, patience2, patience3, repeats, callback, retrial, acw, conference };
}

/** The patience a customer has waiting for a transfer to `tier` (null: never abandons there). */
function tierPatienceOf(c: ChannelModel, tier: 2 | 3): DistSpec | null {
  return c.patienceByTier === undefined ? c.patience : c.patienceByTier[tier - 2];
}

function samplersOf(model: Model): readonly ChannelSamplers[] {
  let cached = samplerCache.get(model);
  if (cached === undefined) {
    cached = model.channels.map((c) => {
      let acc = 0;
      return {
        channel: c,
        handleSamplers: c.types.map((t) => [
          new Sampler(t.handleByTier[0]),
          t.handleByTier[1] ? new Sampler(t.handleByTier[1]) : null,
          t.handleByTier[2] ? new Sampler(t.handleByTier[2]) : null,
        ] as const),
        patienceSampler: c.patience && !c.deferred ? new Sampler(c.patience) : null,
        patience2Sampler: samplerOrNull(c.deferred ? null : tierPatienceOf(c, 2)),
        patience3Sampler: samplerOrNull(c.deferred ? null : tierPatienceOf(c, 3)),
        retrialDelay: c.retrial ? new Sampler(c.retrial.delay) : null,
        repeatDelay: new Sampler(c.repeatDelay),
        returnDelay: c.deflectionReturn ? new Sampler(c.deflectionReturn.delay) : null,
        acwSamplers: c.types.map((t) => samplerOrNull(t.afterContactWork ?? null)),
        conferenceDuration: samplerOrNull(c.conference?.duration ?? null),
        handleScale: handleScales(c),
        patienceScale: patienceScales(c),
        cumulativeShare: Float64Array.from(c.types, (t) => (acc += t.share)),
        uses: usesOf(model, c),
      };
    });
    samplerCache.set(model, cached);
  }
  return cached;
}

/** The streams' names: one per (mechanism, tier), keyed per channel (and per factory prefix). */
export const CONTACT_SOURCES = [
  'type', 'deflection', 'deflectionReturn', 'returnDelay', 'handle', 'handle2', 'handle3', 'patience', 'patience2',
  'patience3', 'escalate2', 'escalate3', 'repeat', 'repeatDelay', 'callback', 'retrial', 'retrialDelay', 'acw',
  'conference', 'conferenceDuration',
] as const;

export class ContactFactory {
  private readonly channels: ChannelDraws[];

  /** `prefix` names the factory's population: '' fresh contacts, 'followup:', 'backlog:'. */
  constructor(model: Model, seed: number, replication: number, prefix = '') {
    this.channels = samplersOf(model).map((sc) => {
      const stream = (source: (typeof CONTACT_SOURCES)[number]): Stream => new Stream(seed, replication, `${prefix}${source}:${sc.channel.id}`);
      // Spelled out (not spread) so every channel's object has one fixed shape.
      return {
        channel: sc.channel,
        handleSamplers: sc.handleSamplers,
        patienceSampler: sc.patienceSampler,
        patience2Sampler: sc.patience2Sampler,
        patience3Sampler: sc.patience3Sampler,
        retrialDelay: sc.retrialDelay,
        repeatDelay: sc.repeatDelay,
        returnDelay: sc.returnDelay,
        acwSamplers: sc.acwSamplers,
        conferenceDuration: sc.conferenceDuration,
        handleScale: sc.handleScale,
        patienceScale: sc.patienceScale,
        cumulativeShare: sc.cumulativeShare,
        uses: sc.uses,
        types: stream('type'),
        deflection: stream('deflection'),
        deflectionReturn: stream('deflectionReturn'),
        returnDelayStream: stream('returnDelay'),
        handle: [stream('handle'), stream('handle2'), stream('handle3')],
        patience: [stream('patience'), stream('patience2'), stream('patience3')],
        escalate2: stream('escalate2'),
        escalate3: stream('escalate3'),
        repeat: stream('repeat'),
        repeatDelayStream: stream('repeatDelay'),
        callback: stream('callback'),
        retrial: stream('retrial'),
        retrialDelayStream: stream('retrialDelay'),
        acw: stream('acw'),
        conference: stream('conference'),
        conferenceDurationStream: stream('conferenceDuration'),
      };
    });
  }

  /** The type index of a new contact on channel ch (one uniform when the channel has several types). */
  drawType(ch: number): number {
    const d = this.channels[ch];
    const n = d.cumulativeShare.length;
    if (n === 1) return 0;
    const u = d.types.next() * d.cumulativeShare[n - 1];
    let t = 0;
    while (t < n - 1 && u >= d.cumulativeShare[t]) t++;
    return t;
  }

  /** Whether self-service contains this contact. */
  drawDeflected(ch: number): boolean {
    const d = this.channels[ch];
    return d.channel.deflection > 0 && d.deflection.next() < d.channel.deflection;
  }

  /** Whether a contained contact comes back later, and after how long (seconds; −1: never). */
  drawReturnDelay(ch: number): number {
    const d = this.channels[ch];
    const r = d.channel.deflectionReturn;
    if (r === null || d.returnDelay === null) return -1;
    const comesBack = d.deflectionReturn.next() < r.share;
    const delay = d.returnDelay.draw(d.returnDelayStream);
    return comesBack ? delay : -1;
  }

  /**
   * Fills contact c's handle times, patience and choices; c's channel and type are set. `iv` is
   * the recorder's interval of its arrival (−1 in the warm-up): it picks the per-interval means.
   */
  fill(P: ContactPool, c: number, ch: number, type: number, bypassedDeflection: boolean, iv: number): void {
    const d = this.channels[ch];
    const s = d.handleSamplers[type];
    const patience = d.patienceSampler;
    if (d.uses.plainOnly) {
      P.handle1Sec[c] = s[0].draw(d.handle[0]);
      P.patienceSec[c] = patience === null ? Infinity : patience.draw(d.patience[0]);
      P.flags[c] = 0;
      return;
    }
    const u = d.uses;
    const ch0 = d.channel;
    const t = ch0.types[type];
    const factor = ch0.deflection > 0 && !bypassedDeflection ? ch0.residualHandleFactor : 1;
    // The interval's mean scales the draw; the stream reads the same uniform whatever the mean.
    const handleScale = d.handleScale === null ? 1 : d.handleScale[arrivalInterval(iv)];
    P.handle1Sec[c] = s[0].draw(d.handle[0]) * factor * handleScale;
    const patienceScale = d.patienceScale === null ? 1 : d.patienceScale[arrivalInterval(iv)];
    P.patienceSec[c] = patience === null ? Infinity : patience.draw(d.patience[0]) * patienceScale;
    let flags = 0;
    if (u.tier2) {
      // One uniform per stream per contact, used or not, so contact n always reads number n.
      const handle2 = d.handle[1].next();
      const escalates = d.escalate2.next() < t.escalation[0];
      if (s[1] !== null) {
        P.handle2Sec[c] = s[1].quantile(handle2);
        if (escalates) flags |= Flag.EscalatesToTier2;
      }
      const patience2 = d.patience2Sampler;
      P.patience2Sec[c] = u.patience2 && patience2 !== null ? patience2.draw(d.patience[1]) : Infinity;
    }
    if (u.tier3) {
      const handle3 = d.handle[2].next();
      const escalates = d.escalate3.next() < t.escalation[1];
      if (s[2] !== null) {
        P.handle3Sec[c] = s[2].quantile(handle3);
        if (escalates) flags |= Flag.EscalatesToTier3;
      }
      const patience3 = d.patience3Sampler;
      P.patience3Sec[c] = u.patience3 && patience3 !== null ? patience3.draw(d.patience[2]) : Infinity;
    }
    if (u.repeats) {
      if (d.repeat.next() >= t.fcr) flags |= Flag.Repeats;
      P.repeatDelaySec[c] = d.repeatDelay.draw(d.repeatDelayStream);
    }
    if (u.callback && d.callback.next() < (ch0.callback?.share ?? 0)) flags |= Flag.AcceptsCallback;
    if (u.retrial && d.retrialDelay !== null) {
      if (d.retrial.next() < (ch0.retrial?.probability ?? 0)) flags |= Flag.Retries;
      P.retrialDelaySec[c] = d.retrialDelay.draw(d.retrialDelayStream);
    }
    if (u.acw) {
      // Drawn at arrival, like the handle time: contact n of the channel reads number n of the
      // `acw:` stream whatever the staffing, so the wrap-up belongs to the contact (CRN).
      const u1 = d.acw.next();
      const acw = d.acwSamplers[type];
      P.acwSec[c] = acw === null ? 0 : acw.quantile(u1);
      if (P.acwSec[c] > 0) flags |= Flag.WrapsUp;
    }
    if (u.conference && d.conferenceDuration !== null) {
      // Whether and how long: two streams, one uniform each, drawn for every contact of the channel.
      if (d.conference.next() < (ch0.conference?.probability ?? 0)) flags |= Flag.Conferences;
      P.conferenceSec[c] = d.conferenceDuration.draw(d.conferenceDurationStream);
    }
    P.flags[c] = flags;
  }
}
