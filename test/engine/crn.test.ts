// Common random numbers (DESIGN §4): one stream per (mechanism, tier) source and one uniform
// per variate, so changing one mechanism never moves another's draws. For each mechanism, a
// fast-check property: over random contact centers, changing it leaves every fresh contact's
// arrival time, tier-1 handle time and tier-1 patience identical — seed for seed, contact for
// contact (the n-th arrival of a channel in one run against the n-th in the other).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Origin } from '../../engine/contacts.js';
import type { ChannelModel, ContactTypeModel, DistSpec, Model } from '../../engine/model.js';
import { simulateReplication } from '../../engine/simulate.js';
import type { ContactTracer } from '../../engine/trace.js';
import { model } from '../support/model.js';
import { propertyRuns } from '../support/runs.js';

interface Drawn {
  readonly type: number;
  readonly arrivalSec: number;
  readonly handle1Sec: number;
  readonly patienceSec: number;
}

/** The fresh contacts of one run, by channel, in arrival order. */
function freshContacts(m: Model, seed: number): Drawn[][] {
  const out: Drawn[][] = m.channels.map(() => []);
  simulateReplication(m, seed, 0, {
    admitted(channel, type, origin, arrivalSec, handle1Sec, patienceSec) {
      if (origin === Origin.Fresh) out[channel]!.push({ type, arrivalSec, handle1Sec, patienceSec });
    },
  });
  return out;
}

const handleArb: fc.Arbitrary<DistSpec> = fc.oneof(
  fc.integer({ min: 60, max: 900 }).map((mean): DistSpec => ({ dist: 'exponential', mean })),
  fc.record({ mean: fc.integer({ min: 60, max: 900 }), cv: fc.double({ min: 0.2, max: 2, noNaN: true }) }).map((p): DistSpec => ({ dist: 'lognormal', ...p })),
  fc.record({ mean: fc.integer({ min: 60, max: 900 }), cv: fc.double({ min: 0.2, max: 2, noNaN: true }) }).map((p): DistSpec => ({ dist: 'gamma', ...p })),
  fc.record({ mean: fc.integer({ min: 60, max: 900 }), k: fc.integer({ min: 1, max: 6 }) }).map((p): DistSpec => ({ dist: 'erlang', ...p })),
);

const typeArb = fc.record({
  handle: handleArb,
  handle2: handleArb,
  handle3: handleArb,
  e2: fc.double({ min: 0, max: 1, noNaN: true }),
  e3: fc.double({ min: 0, max: 1, noNaN: true }),
  fcr: fc.double({ min: 0.5, max: 1, noNaN: true }),
});

const centerArb = fc.record({
  types: fc.array(typeArb, { minLength: 1, maxLength: 3 }),
  patience: fc.oneof(fc.constant(null), handleArb),
  callbackShare: fc.double({ min: 0, max: 1, noNaN: true }),
  retrial: fc.double({ min: 0, max: 1, noNaN: true }),
  deflection: fc.double({ min: 0, max: 0.6, noNaN: true }),
  agents: fc.integer({ min: 2, max: 12 }),
  ticketAtTier3: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});
type Center = typeof centerArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Center): Model {
  const base = model({ agents: c.agents, horizonSec: 2 * 3600, intervalSec: 1800, channels: [{ perHour: 120 }] });
  const types: ContactTypeModel[] = c.types.map((t, i) => ({
    id: `t${i}`, share: 1 / c.types.length, priority: 1 + (i % 4), handleByTier: [t.handle, t.handle2, t.handle3], escalation: [t.e2, t.e3], fcr: t.fcr,
  }));
  const voice: ChannelModel = {
    ...base.channels[0]!,
    types,
    patience: c.patience,
    callback: { afterSec: 30, share: c.callbackShare, targetSec: 3600 },
    retrial: { probability: c.retrial, delay: { dist: 'exponential', mean: 300 } },
    deflection: c.deflection,
    deflectionReturn: { share: 0.3, delay: { dist: 'exponential', mean: 600 } },
  };
  const g = base.groups[0]!;
  return {
    ...base,
    channels: [voice],
    groups: [g, { ...g, id: 'tier2', tier: 2 }, { ...g, id: 'tier3', tier: 3 }],
    tiers: [base.tiers[0], base.tiers[1], { tier: 3, mode: c.ticketAtTier3 ? 'ticket' : 'transfer', targetSec: null }],
  };
}

type Change = (m: Model, pick: number, value: number) => { model: Model; changedType: number | null };

const editType = (m: Model, pick: number, f: (t: ContactTypeModel) => ContactTypeModel): Model => {
  const ch = m.channels[0]!;
  const i = pick % ch.types.length;
  return { ...m, channels: [{ ...ch, types: ch.types.map((t, k) => (k === i ? f(t) : t)) }] };
};
const editChannel = (m: Model, f: (c: ChannelModel) => ChannelModel): Model => ({ ...m, channels: [f(m.channels[0]!)] });

/** The mechanisms changed one at a time; `changedType` names a type whose own tier-1 handle may change. */
const CHANGES: Record<string, Change> = {
  'the tier-2 escalation probability': (m, pick, v) => ({ model: editType(m, pick, (t) => ({ ...t, escalation: [v, t.escalation[1]] })), changedType: null }),
  'the tier-3 escalation probability': (m, pick, v) => ({ model: editType(m, pick, (t) => ({ ...t, escalation: [t.escalation[0], v] })), changedType: null }),
  'first-contact resolution': (m, pick, v) => ({ model: editType(m, pick, (t) => ({ ...t, fcr: 0.5 + v / 2 })), changedType: null }),
  'the callback share': (m, _pick, v) => ({ model: editChannel(m, (c) => ({ ...c, callback: { afterSec: 30, share: v, targetSec: 3600 } })), changedType: null }),
  'the retrial probability': (m, _pick, v) => ({ model: editChannel(m, (c) => ({ ...c, retrial: { probability: v, delay: { dist: 'exponential', mean: 300 } } })), changedType: null }),
  'the self-service share': (m, _pick, v) => ({ model: editChannel(m, (c) => ({ ...c, deflection: v * 0.6 })), changedType: null }),
  // A blocked contact has drawn everything a contact draws: lines never shift the next contacts' numbers.
  'the trunk lines': (m, _pick, v) => ({ model: { ...m, lineGroups: [{ id: 'trunk', lines: 1 + Math.floor(12 * v), channels: [0] }] }, changedType: null }),
  'the queue capacity': (m, _pick, v) => ({ model: editChannel(m, (c) => ({ ...c, queueCapacity: Math.floor(10 * v) })), changedType: null }),
  // Two tier-1 groups of one rank, so the selection decides who answers; a random pick reads its own stream.
  'the agent selection': (m, _pick, v) => ({
    model: { ...m, groups: [m.groups[0]!, { ...m.groups[0]!, id: 'second' }, ...m.groups.slice(1)], agentSelection: v < 1 / 3 ? 'longestIdle' : v < 2 / 3 ? 'random' : 'groupOrder' },
    changedType: null,
  }),
  'the tier-1 groupRank': (m, _pick, v) => ({
    model: { ...m, agentSelection: 'random', groups: [m.groups[0]!, { ...m.groups[0]!, id: 'second', skills: [{ channel: 0, type: -1, rank: 1, afterSec: 0, groupRank: v < 0.5 ? 1 : 2 }] }, ...m.groups.slice(1)] },
    changedType: null,
  }),
  // Tier 2's own patience (issue 12 item 11) reads the tier-2 patience stream, as the channel's did.
  'the tier-2 patience': (m, _pick, v) => ({
    model: editChannel(m, (c) => ({ ...c, patienceByTier: [{ dist: 'gamma', mean: 60 + 600 * v, cv: 0.3 + v }, c.patience] })),
    changedType: null,
  }),
  // Same-caller retrials (issue 12 item 10) draw every number a fresh retrial draws, then keep the caller's.
  'same-caller retrials': (m, _pick, v) => ({
    model: editChannel(m, (c) => ({ ...c, retrial: { probability: c.retrial?.probability ?? 0, delay: { dist: 'exponential', mean: 300 }, sameCaller: v > 0.5 } })),
    changedType: null,
  }),
  // The maximum wait and the close draw nothing: a contact sent away (a message, a callback, a
  // disconnection) has drawn everything a contact draws, so they never shift the next contacts' numbers.
  'the maximum wait (a message)': (m, _pick, v) => ({ model: editChannel(m, (c) => ({ ...c, maxWait: { afterSec: 10 + 1200 * v, then: 'message' } })), changedType: null }),
  'the maximum wait (a callback)': (m, _pick, v) => ({ model: editChannel(m, (c) => ({ ...c, maxWait: { afterSec: 10 + 1200 * v, then: 'callback' } })), changedType: null }),
  'the close (serve or disconnect)': (m, _pick, v) => ({ model: editChannel(m, (c) => ({ ...c, atClose: v < 0.5 ? 'serve' : 'disconnect' })), changedType: null }),
  // After-contact work (issue 13 item 4) reads its own stream (`acw:`), one number per contact.
  'the after-contact work': (m, _pick, v) => ({
    model: editChannel(m, (c) => ({ ...c, types: c.types.map((t) => ({ ...t, afterContactWork: { dist: 'gamma', mean: 10 + 300 * v, cv: 0.3 + v } })) })),
    changedType: null,
  }),
  // A tier that drops transfers nobody is free for (issue 13 item 4) draws nothing.
  'the transfer disconnection (wait or disconnect)': (m, _pick, v) => ({
    model: { ...m, tiers: [m.tiers[0], { ...m.tiers[1], ifNoAgent: v < 0.5 ? 'wait' : 'disconnect' }, { ...m.tiers[2], ...(m.tiers[2].mode === 'transfer' ? { ifNoAgent: v < 0.5 ? 'disconnect' : 'wait' } : {}) }] },
    changedType: null,
  }),
  // Conferences (issue 13 item 4) read their own two streams, one number each per contact.
  'the conference share and duration': (m, _pick, v) => ({
    model: editChannel(m, (c) => ({ ...c, conference: { probability: v, group: 1, duration: { dist: 'gamma', mean: 30 + 300 * v, cv: 0.3 + v } } })),
    changedType: null,
  }),
  'the tier-2 handle time': (m, pick, v) => ({
    model: editType(m, pick, (t) => ({ ...t, handleByTier: [t.handleByTier[0], { dist: 'gamma', mean: 200 + 1000 * v, cv: 0.3 + v }, t.handleByTier[2]] })),
    changedType: null,
  }),
  'one type\'s tier-1 handle cv': (m, pick, v) => {
    const i = pick % m.channels[0]!.types.length;
    return { model: editType(m, pick, (t) => ({ ...t, handleByTier: [{ dist: 'gamma', mean: 300, cv: 0.2 + 2 * v }, t.handleByTier[1], t.handleByTier[2]] })), changedType: i };
  },
  'one type\'s tier-1 Erlang k': (m, pick, v) => {
    const i = pick % m.channels[0]!.types.length;
    return { model: editType(m, pick, (t) => ({ ...t, handleByTier: [{ dist: 'erlang', mean: 300, k: 1 + Math.floor(v * 8) }, t.handleByTier[1], t.handleByTier[2]] })), changedType: i };
  },
};

describe('common random numbers: changing one mechanism leaves the others\' draws', () => {
  it.each(Object.keys(CHANGES))('%s leaves arrival times, tier-1 handle times and tier-1 patience', (name) => {
    const change = CHANGES[name]!;
    fc.assert(
      fc.property(centerArb, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (c, pick, value) => {
        const before = build(c);
        // The base has the changed mechanism in the same form, so only its parameter differs.
        const { model: base } = change(before, pick, 1 - value);
        const { model: after, changedType } = change(before, pick, value);
        const a = freshContacts(base, c.seed)[0]!;
        const b = freshContacts(after, c.seed)[0]!;
        expect(b.length).toBe(a.length);
        a.forEach((x, n) => {
          const y = b[n]!;
          expect(y.arrivalSec, `arrival of contact ${n}`).toBe(x.arrivalSec);
          expect(y.type, `type of contact ${n}`).toBe(x.type);
          if (Number.isNaN(x.patienceSec) || Number.isNaN(y.patienceSec)) return; // contained by self-service in one run
          expect(y.patienceSec, `patience of contact ${n}`).toBe(x.patienceSec);
          if (x.type !== changedType) expect(y.handle1Sec, `handle time of contact ${n}`).toBe(x.handle1Sec);
        });
        return a.length > 0;
      }),
      propertyRuns(25),
    );
  });

  it('leaves the fresh contacts alone when an initial backlog is added', () => {
    const m = build({ types: [{ handle: { dist: 'exponential', mean: 300 }, handle2: { dist: 'exponential', mean: 300 }, handle3: { dist: 'exponential', mean: 300 }, e2: 0.2, e3: 0.2, fcr: 0.8 }], patience: { dist: 'exponential', mean: 120 }, callbackShare: 0.3, retrial: 0.3, deflection: 0.1, agents: 6, ticketAtTier3: true, seed: 7 });
    const withBacklog = editChannel(m, (c) => ({ ...c, initialBacklog: 25 }));
    expect(freshContacts(withBacklog, 7)).toEqual(freshContacts(m, 7));
  });
});

describe('retrials as the same caller', () => {
  it('a same-caller retrial carries the handle time and patience of its first attempt; a fresh one draws its own', () => {
    fc.assert(
      fc.property(centerArb, (c) => {
        const pairsOf = (sameCaller: boolean) => {
          const m = build({ ...c, retrial: 1 });
          const voice = { ...m.channels[0]!, retrial: { probability: 1, delay: { dist: 'exponential', mean: 300 } as DistSpec, sameCaller } };
          const first = new Set<string>();
          const retried: string[] = [];
          simulateReplication({ ...m, channels: [voice] }, c.seed, 0, {
            admitted(_channel, _type, origin, _at, handle1Sec, patienceSec) {
              if (Number.isNaN(handle1Sec)) return; // contained by self-service
              const key = `${handle1Sec}|${patienceSec}`;
              if (origin === Origin.Retrial) retried.push(key);
              else first.add(key);
            },
          });
          return { first, retried };
        };
        const same = pairsOf(true);
        for (const key of same.retried) expect(same.first.has(key), `retrial ${key}`).toBe(true);
        // With continuous draws a fresh retrial's pair is never an earlier contact's.
        const fresh = pairsOf(false);
        if (c.patience !== null && c.patience.dist !== 'constant') for (const key of fresh.retried) expect(fresh.first.has(key), `fresh retrial ${key}`).toBe(false);
        return true;
      }),
      propertyRuns(25),
    );
  });
});

describe('common random numbers: per-interval means scale the draws they govern and nothing else', () => {
  // build's day is four 30-minute intervals: a contact of interval i (by its arrival time) has its
  // tier-1 handle time (patience) multiplied by mean_i ÷ the distribution's mean — exactly, the
  // same uniform scaled — and every other draw is the run's without the means.
  const meanOf = (d: DistSpec): number => ('mean' in d ? d.mean : NaN);
  const intervalOf = (arrivalSec: number): number => Math.max(0, Math.floor(arrivalSec / 1800));
  const meansArb = fc.array(fc.integer({ min: 30, max: 1200 }), { minLength: 4, maxLength: 4 });

  it('ahtByInterval leaves arrival times, types and patience, and multiplies each tier-1 handle time by its interval\'s ratio', () => {
    fc.assert(
      fc.property(centerArb, meansArb, (c, aht) => {
        const before = build(c);
        const after = editChannel(before, (ch) => ({ ...ch, handleMeanByIntervalSec: aht }));
        const ratio = aht.map((a) => a / meanOf(before.channels[0]!.handle));
        const a = freshContacts(before, c.seed)[0]!;
        const b = freshContacts(after, c.seed)[0]!;
        expect(b.length).toBe(a.length);
        a.forEach((x, n) => {
          const y = b[n]!;
          expect(y.arrivalSec, `arrival of contact ${n}`).toBe(x.arrivalSec);
          expect(y.type, `type of contact ${n}`).toBe(x.type);
          if (Number.isNaN(x.patienceSec) || Number.isNaN(y.patienceSec)) return; // contained by self-service
          expect(y.patienceSec, `patience of contact ${n}`).toBe(x.patienceSec);
          expect(y.handle1Sec, `handle time of contact ${n}`).toBe(x.handle1Sec * ratio[intervalOf(x.arrivalSec)]!);
        });
        return a.length > 0;
      }),
      propertyRuns(25),
    );
  });

  it('patienceByInterval leaves arrival times, types and handle times, and multiplies each tier-1 patience by its interval\'s ratio', () => {
    fc.assert(
      fc.property(centerArb.filter((c) => c.patience !== null), meansArb, (c, means) => {
        const before = build(c);
        const after = editChannel(before, (ch) => ({ ...ch, patienceMeanByIntervalSec: means }));
        const ratio = means.map((p) => p / meanOf(before.channels[0]!.patience!));
        const a = freshContacts(before, c.seed)[0]!;
        const b = freshContacts(after, c.seed)[0]!;
        expect(b.length).toBe(a.length);
        a.forEach((x, n) => {
          const y = b[n]!;
          expect(y.arrivalSec, `arrival of contact ${n}`).toBe(x.arrivalSec);
          expect(y.type, `type of contact ${n}`).toBe(x.type);
          if (Number.isNaN(x.patienceSec) || Number.isNaN(y.patienceSec)) return; // contained by self-service
          expect(y.handle1Sec, `handle time of contact ${n}`).toBe(x.handle1Sec);
          expect(y.patienceSec, `patience of contact ${n}`).toBe(x.patienceSec * ratio[intervalOf(x.arrivalSec)]!);
        });
        return a.length > 0;
      }),
      propertyRuns(25),
    );
  });
});

describe('common random numbers: a shared day-level factor moves its members\' arrival times and nothing else', () => {
  // Three voice channels; a and b share factor "busy" (issue 12 item 7), c keeps a factor of its
  // own. The factor's cv, and whether a and b share it at all, change only a's and b's arrival
  // times: c's contacts are identical, and the n-th contact of a and of b keeps its type,
  // handle time and patience (the factor is a stream of its own, read once a day).
  const threeChannels = (c: Center): Model => {
    const base = model({
      agents: c.agents, horizonSec: 2 * 3600, intervalSec: 1800,
      channels: [{ id: 'a', perHour: 120, patience: c.patience }, { id: 'b', perHour: 60, patience: c.patience }, { id: 'c', perHour: 90, patience: c.patience }],
    });
    const types: ContactTypeModel[] = c.types.map((t, i) => ({ id: `t${i}`, share: 1 / c.types.length, priority: 1 + (i % 4), handleByTier: [t.handle, null, null], escalation: [0, 0], fcr: t.fcr }));
    return { ...base, channels: base.channels.map((ch) => ({ ...ch, types, overdispersion: 0.3, deflection: c.deflection })) };
  };
  const sharing = (m: Model, cv: number, shared: boolean): Model => ({
    ...m,
    channels: m.channels.map((ch, i) => (i < 2 ? { ...ch, overdispersion: cv, ...(shared ? { overdispersionShared: 'busy' } : {}) } : ch)),
  });
  const sameDraws = (a: readonly Drawn[], b: readonly Drawn[], what: string): void => {
    for (let n = 0; n < Math.min(a.length, b.length); n++) {
      const x = a[n]!, y = b[n]!;
      expect(y.type, `${what}: type of contact ${n}`).toBe(x.type);
      if (Number.isNaN(x.patienceSec) || Number.isNaN(y.patienceSec)) continue; // contained by self-service in one run
      expect(y.handle1Sec, `${what}: handle time of contact ${n}`).toBe(x.handle1Sec);
      expect(y.patienceSec, `${what}: patience of contact ${n}`).toBe(x.patienceSec);
    }
  };

  it.each([
    ['the shared factor\'s cv', (m: Model, v: number) => sharing(m, 0.05 + v, true), (m: Model, v: number) => sharing(m, 1.05 - v, true)],
    ['sharing the factor instead of one each', (m: Model, v: number) => sharing(m, 0.05 + v, true), (m: Model, v: number) => sharing(m, 0.05 + v, false)],
  ])('%s leaves the other channel\'s contacts and every contact\'s own draws', (_name, before, after) => {
    fc.assert(
      fc.property(centerArb, fc.double({ min: 0, max: 1, noNaN: true }), (c, value) => {
        const m = threeChannels(c);
        const a = freshContacts(before(m, value), c.seed);
        const b = freshContacts(after(m, value), c.seed);
        expect(b[2]).toEqual(a[2]);
        sameDraws(a[0]!, b[0]!, 'channel a');
        sameDraws(a[1]!, b[1]!, 'channel b');
        return a[2]!.length > 0;
      }),
      propertyRuns(25),
    );
  });
});

describe('common random numbers: group speeds scale the handle draw of whoever serves, and move no draw', () => {
  // Proficiency (issue 12 item 5): the handle time is drawn at arrival as always; the group that
  // answers divides it by its speed. Over random centers and random speeds of the tier-1, 2 and 3
  // groups: every fresh contact's arrival time, type, tier-1 handle draw and patience are those of
  // the run without speeds, and every session lasts exactly its stage's draw ÷ the answering group's speed.
  const speedsArb = fc.tuple(fc.double({ min: 0.5, max: 2, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true }));
  const withSpeeds = (m: Model, speeds: readonly number[]): Model => ({
    ...m,
    groups: m.groups.map((g, i) => ({ ...g, skills: g.skills.map((s) => ({ ...s, speed: speeds[i]! })) })),
  });

  it('leaves every fresh contact\'s draws and serves each stage in its draw ÷ the group\'s speed', () => {
    fc.assert(
      fc.property(centerArb, speedsArb, (c, speeds) => {
        const before = build(c);
        const after = withSpeeds(before, speeds);
        expect(freshContacts(after, c.seed)).toEqual(freshContacts(before, c.seed));
        let sessions = 0;
        const tracer: ContactTracer = {
          arrived() {}, followUp() {}, calledBack() {}, ended() {},
          answered(P, k, _now, group, handleSec) {
            const tier = P.tier[k];
            const draw = tier === 1 ? P.handle1Sec[k]! : tier === 2 ? P.handle2Sec[k]! : P.handle3Sec[k]!;
            expect(handleSec, `session of a tier-${tier} contact by group ${group}`).toBe(draw / speeds[group]!);
            sessions++;
          },
        };
        simulateReplication(after, c.seed, 0, null, tracer);
        return sessions > 0;
      }),
      propertyRuns(25),
    );
  });
});
