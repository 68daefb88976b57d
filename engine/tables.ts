/**
 * Per-channel facts the kernel reads on every contact, as typed arrays built once per model
 * (a model is immutable, and many replications run it).
 */
import type { Model } from './model.js';

export class ModelTables {
  /** Per channel: how many contact types it has. */
  readonly typesPerChannel: Int32Array;
  readonly concurrency: Int32Array;
  readonly concurrencyFactor: Float64Array;
  readonly targetSec: Float64Array;
  readonly hasDeflection: Uint8Array;
  /** Deferred work (email, social): 1. */
  readonly deferred: Uint8Array;
  /** Channels with open hours. */
  readonly withOpenHours: readonly number[];
  /** Per channel: the groups that may take some of its work (an opening wakes them). */
  readonly groupsOfChannel: readonly (readonly number[])[];
  /** Per channel: its trunk line group (engine/kernel/lines.ts), −1 for none. */
  readonly lineGroupOf: Int32Array;
  /** Per line group: its lines. */
  readonly lineCount: Int32Array;
  /** Per channel: its queue capacity (Infinity: unlimited). */
  readonly queueCapacity: Float64Array;
  /** Per channel: 1 when lines or a queue capacity can refuse its arrivals. */
  readonly admissionLimited: Uint8Array;
  /** Per channel: 1 when its retrials are the same caller (engine/kernel/sameCaller.ts). */
  readonly sameCaller: Uint8Array;
  /** Per channel: the maximum wait in its tier-1 live queue (Infinity: none), and 1 when reaching it means a callback. */
  readonly maxWaitSec: Float64Array;
  readonly maxWaitCallback: Uint8Array;
  /** Channels whose live contacts still waiting at the close are disconnected (engine/kernel/closing.ts). */
  readonly disconnectAtClose: readonly number[];

  constructor(model: Model) {
    this.typesPerChannel = Int32Array.from(model.channels, (c) => c.types.length);
    this.concurrency = Int32Array.from(model.channels, (c) => c.concurrency);
    this.concurrencyFactor = Float64Array.from(model.channels, (c) => c.concurrencyFactor);
    this.targetSec = Float64Array.from(model.channels, (c) => c.targetSec);
    this.hasDeflection = Uint8Array.from(model.channels, (c) => (c.deflection > 0 ? 1 : 0));
    this.deferred = Uint8Array.from(model.channels, (c) => (c.deferred ? 1 : 0));
    this.withOpenHours = model.channels.flatMap((c, ch) => (c.openHours === null ? [] : [ch]));
    this.groupsOfChannel = model.channels.map((_, ch) => model.groups.flatMap((g, gi) => (g.skills.some((s) => s.channel === ch) ? [gi] : [])));
    const lineGroups = model.lineGroups ?? [];
    this.lineGroupOf = Int32Array.from(model.channels, (_, ch) => lineGroups.findIndex((g) => g.channels.includes(ch)));
    this.lineCount = Int32Array.from(lineGroups, (g) => g.lines);
    this.queueCapacity = Float64Array.from(model.channels, (c) => c.queueCapacity ?? Infinity);
    this.admissionLimited = Uint8Array.from(model.channels, (_, ch) => (this.lineGroupOf[ch] >= 0 || this.queueCapacity[ch] !== Infinity ? 1 : 0));
    this.sameCaller = Uint8Array.from(model.channels, (c) => (c.retrial?.sameCaller === true ? 1 : 0));
    this.maxWaitSec = Float64Array.from(model.channels, (c) => c.maxWait?.afterSec ?? Infinity);
    this.maxWaitCallback = Uint8Array.from(model.channels, (c) => (c.maxWait?.then === 'callback' ? 1 : 0));
    this.disconnectAtClose = model.channels.flatMap((c, ch) => (c.atClose === 'disconnect' ? [ch] : []));
  }
}

const cache = new WeakMap<Model, ModelTables>();

export function tablesOf(model: Model): ModelTables {
  let t = cache.get(model);
  if (t === undefined) {
    t = new ModelTables(model);
    cache.set(model, t);
  }
  return t;
}
