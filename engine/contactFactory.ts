/**
 * Everything random about a new contact, drawn when it arrives (DESIGN §4): its type, whether
 * self-service contains it, its handle time at each tier it may reach, its patience, whether it
 * will escalate, be resolved first time, accept a callback, call again after abandoning, and
 * the delays of those follow-ups. Each kind of draw has its own stream per channel, and a
 * draw is made only when the channel's configuration can use it — so the sequence depends on
 * the scenario's channels, never on staffing or routing (common random numbers).
 *
 * Follow-up contacts (retrials, repeats, returns from self-service) are created at times that
 * do depend on staffing; they draw from a second factory with their own streams, so they
 * never shift the draws of fresh contacts.
 */
import { ContactPool, Flag } from './contacts.js';
import { Sampler } from './distributions.js';
import type { ChannelModel, Model } from './model.js';
import { Stream } from './random.js';

/** What a channel's draws need that depends only on the model (built once per model). */
interface ChannelSamplers {
  readonly channel: ChannelModel;
  /** Per type: samplers of the handle time at tiers 1–3 (null where the type never goes). */
  readonly handleSamplers: readonly (readonly [Sampler, Sampler | null, Sampler | null])[];
  readonly patienceSampler: Sampler | null;
  readonly transferPatience: boolean;
  readonly retrialDelay: Sampler | null;
  readonly repeatDelay: Sampler;
  readonly returnDelay: Sampler | null;
  /** Cumulative type shares. */
  readonly cumulativeShare: Float64Array;
  /** Per type: nothing beyond handle time and patience to draw (no escalation, repeats, callback, retrial). */
  readonly plain: Uint8Array;
}

/** A channel's samplers and this run's streams. */
interface ChannelDraws extends ChannelSamplers {
  readonly types: Stream;
  readonly deflection: Stream;
  readonly handle: readonly [Stream, Stream, Stream];
  readonly patience: Stream;
  readonly choices: Stream;
  readonly delays: Stream;
}

const samplerCache = new WeakMap<Model, readonly ChannelSamplers[]>();

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
        transferPatience: model.tiers[1].mode === 'transfer' || model.tiers[2].mode === 'transfer',
        retrialDelay: c.retrial ? new Sampler(c.retrial.delay) : null,
        repeatDelay: new Sampler(c.repeatDelay),
        returnDelay: c.deflectionReturn ? new Sampler(c.deflectionReturn.delay) : null,
        cumulativeShare: Float64Array.from(c.types, (t) => (acc += t.share)),
        plain: Uint8Array.from(c.types, (t) =>
          t.escalation[0] === 0 && t.fcr >= 1 && c.callback === null && c.retrial === null && c.deflection === 0 ? 1 : 0,
        ),
      };
    });
    samplerCache.set(model, cached);
  }
  return cached;
}

export class ContactFactory {
  private readonly channels: ChannelDraws[];

  constructor(model: Model, seed: number, replication: number, prefix = '') {
    this.channels = samplersOf(model).map((sc) => {
      const stream = (source: string): Stream => new Stream(seed, replication, `${prefix}${source}:${sc.channel.id}`);
      // Spelled out (not spread) so every channel's object has one fixed shape.
      return {
        channel: sc.channel,
        handleSamplers: sc.handleSamplers,
        patienceSampler: sc.patienceSampler,
        transferPatience: sc.transferPatience,
        retrialDelay: sc.retrialDelay,
        repeatDelay: sc.repeatDelay,
        returnDelay: sc.returnDelay,
        cumulativeShare: sc.cumulativeShare,
        plain: sc.plain,
        types: stream('type'),
        deflection: stream('deflection'),
        handle: [stream('handle'), stream('handle2'), stream('handle3')],
        patience: stream('patience'),
        choices: stream('choices'),
        delays: stream('delays'),
      };
    });
  }

  /** The type index of a new contact on channel ch. */
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
    const comesBack = d.deflection.next() < r.share;
    const delay = d.returnDelay.draw(d.delays);
    return comesBack ? delay : -1;
  }

  /** Fills contact c's handle times, patience and choices; c's channel and type are set. */
  fill(P: ContactPool, c: number, ch: number, type: number, bypassedDeflection: boolean): void {
    const d = this.channels[ch];
    if (d.plain[type] === 1) {
      P.handle1Sec[c] = d.handleSamplers[type][0].draw(d.handle[0]);
      P.patienceSec[c] = d.patienceSampler === null ? Infinity : d.patienceSampler.draw(d.patience);
      P.flags[c] = 0;
      return;
    }
    const ch0 = d.channel;
    const t = ch0.types[type];
    const s = d.handleSamplers[type];
    const factor = ch0.deflection > 0 && !bypassedDeflection ? ch0.residualHandleFactor : 1;
    P.handle1Sec[c] = s[0].draw(d.handle[0]) * factor;
    let flags = 0;
    if (t.escalation[0] > 0 && s[1] !== null) {
      P.handle2Sec[c] = s[1].draw(d.handle[1]);
      if (d.choices.next() < t.escalation[0]) flags |= Flag.EscalatesToTier2;
      if (t.escalation[1] > 0 && s[2] !== null) {
        P.handle3Sec[c] = s[2].draw(d.handle[2]);
        if (d.choices.next() < t.escalation[1]) flags |= Flag.EscalatesToTier3;
      }
    }
    const patience = d.patienceSampler;
    P.patienceSec[c] = patience === null ? Infinity : patience.draw(d.patience);
    P.transferPatienceSec[c] = patience !== null && flags !== 0 && d.transferPatience ? patience.draw(d.patience) : Infinity;
    if (t.fcr < 1) {
      if (d.choices.next() >= t.fcr) flags |= Flag.Repeats;
      P.repeatDelaySec[c] = d.repeatDelay.draw(d.delays);
    }
    if (ch0.callback !== null && d.choices.next() < ch0.callback.share) flags |= Flag.AcceptsCallback;
    if (ch0.retrial !== null && d.retrialDelay !== null) {
      if (d.choices.next() < ch0.retrial.probability) flags |= Flag.Retries;
      P.retrialDelaySec[c] = d.retrialDelay.draw(d.delays);
    }
    P.flags[c] = flags;
  }
}
