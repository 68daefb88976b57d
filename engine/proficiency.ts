/**
 * Proficiency (issue 12 item 5): how fast each agent group handles each queue's work. A skill's
 * `speed` s divides the handle time of every contact the group serves under it: the contact's
 * draw (one uniform, made at arrival as always) is the same whoever serves it, only its scale
 * changes with the server, so common random numbers hold (DESIGN §4) and a specialist at 1.25
 * finishes in 0.8 of the time a generalist at 1 would take on the same contact.
 *
 * Which skill decides: the type-specific skill of the group over its channel-wide one (a
 * group `skills: [{ channel: voice, speed: 0.8 }, { channel: voice, type: billing, speed: 1.25 }]`
 * is slow on voice but fast on billing); among skills alike, the first listed.
 *
 * Built once per model; null when no skill has a speed other than 1, so the kernel's plain
 * path never reads it.
 */
import type { Model } from './model.js';
import { routingOf } from './routing.js';

export class Proficiency {
  /** The handle-time divisor of group g on queue q, at `g * queueCount + q`; 1 where no skill says otherwise. */
  readonly speed: Float64Array;
  readonly queueCount: number;
  /** Per channel: 1 when some group serves part of its work at a speed other than 1. */
  readonly channelVaries: Uint8Array;

  constructor(model: Model) {
    const routing = routingOf(model);
    const Q = routing.queueCount;
    this.queueCount = Q;
    this.speed = new Float64Array(model.groups.length * Q).fill(1);
    this.channelVaries = new Uint8Array(model.channels.length);
    model.groups.forEach((group, g) => {
      for (let q = 0; q < Q; q++) {
        const speed = speedOn(model, g, routing.queueChannel[q], routing.queueType[q]);
        this.speed[g * Q + q] = speed;
        if (speed !== 1) this.channelVaries[routing.queueChannel[q]] = 1;
      }
    });
  }
}

/** Group g's speed on contacts of (channel, type): its type-specific skill's, else its channel-wide skill's, else 1. */
export function speedOn(model: Model, g: number, channel: number, type: number): number {
  const skills = model.groups[g].skills;
  const own = skills.find((s) => s.channel === channel && s.type === type) ?? skills.find((s) => s.channel === channel && s.type < 0);
  return own?.speed ?? 1;
}

/** Whether any skill of the model has a speed other than 1. */
export function hasProficiency(model: Model): boolean {
  return model.groups.some((g) => g.skills.some((s) => s.speed !== undefined && s.speed !== 1));
}

const cache = new WeakMap<Model, Proficiency | null>();

/** The model's proficiency table, or null when every speed is 1. */
export function proficiencyOf(model: Model): Proficiency | null {
  let p = cache.get(model);
  if (p === undefined) {
    p = hasProficiency(model) ? new Proficiency(model) : null;
    cache.set(model, p);
  }
  return p;
}

/**
 * The speed Erlang should assume for Tier-1 contacts of each type of channel ch: the mean of the
 * eligible Tier-1 groups' speeds weighted by their agents (`count`), or null when no group has
 * a speed (the baseline is then exactly as before). A pool of n_g agents of speed s_g serves at
 * most Σ n_g s_g ÷ h contacts a second; the equal pool of Σ n_g agents at this mean speed has the
 * same capacity, and with one group (or equal speeds) it is the exact M/M/c with mean h ÷ s.
 * Which agents serve which share under load is the router's, and the approximation ignores it.
 */
export function tier1TypeSpeeds(model: Model, ch: number): number[] | null {
  if (!hasProficiency(model)) return null;
  return model.channels[ch].types.map((_, type) => {
    let agents = 0, capacity = 0;
    model.groups.forEach((group, g) => {
      if (group.tier !== 1 || !group.skills.some((s) => s.channel === ch && (s.type < 0 || s.type === type))) return;
      agents += group.count;
      capacity += group.count * speedOn(model, g, ch, type);
    });
    return agents > 0 ? capacity / agents : 1;
  });
}
