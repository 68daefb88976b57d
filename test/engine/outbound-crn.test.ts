// Outbound campaigns (issue 13) and common random numbers (DESIGN §4): a campaign's draws come
// from streams of its own (reach, ring, talk, patience), so adding a campaign or changing any of
// its settings leaves every fresh inbound contact's arrival time, handle time and patience as
// they were — seed for seed, contact for contact. And conservation extended to outbound: over
// random blended centers, every dial ends exactly once (unreached, connected or abandoned).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Origin } from '../../engine/contacts.js';
import { DIALER_MODES, type CampaignModel, type DistSpec, type Model } from '../../engine/model.js';
import { simulateReplication } from '../../engine/simulate.js';
import { model } from '../support/model.js';
import { propertyRuns } from '../support/runs.js';

interface Drawn {
  readonly arrivalSec: number;
  readonly handle1Sec: number;
  readonly patienceSec: number;
}

/** The fresh inbound contacts of one run, in arrival order. */
function freshContacts(m: Model, seed: number): Drawn[] {
  const out: Drawn[] = [];
  simulateReplication(m, seed, 0, {
    admitted(_channel, _type, origin, arrivalSec, handle1Sec, patienceSec) {
      if (origin === Origin.Fresh) out.push({ arrivalSec, handle1Sec, patienceSec });
    },
  });
  return out;
}

const durationArb: fc.Arbitrary<DistSpec> = fc.oneof(
  fc.integer({ min: 1, max: 600 }).map((mean): DistSpec => ({ dist: 'exponential', mean })),
  fc.integer({ min: 1, max: 600 }).map((mean): DistSpec => ({ dist: 'constant', mean })),
  fc.record({ mean: fc.integer({ min: 1, max: 600 }), cv: fc.double({ min: 0.2, max: 2, noNaN: true }) }).map((p): DistSpec => ({ dist: 'gamma', ...p })),
);

const campaignArb: fc.Arbitrary<CampaignModel> = fc.record({
  mode: fc.constantFrom(...DIALER_MODES),
  ratio: fc.double({ min: 1, max: 3, noNaN: true }),
  reserve: fc.integer({ min: 0, max: 4 }),
  maxQueue: fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 5 })),
  listPerDay: fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 200 })),
  dialsPerHour: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 300 }).map((r) => [r, r, r, r])),
  reach: fc.double({ min: 0, max: 1, noNaN: true }).map((p) => [p, p, p, p]),
  handle: durationArb,
  patience: durationArb,
  ringTime: durationArb,
  previewSec: fc.integer({ min: 0, max: 60 }),
}).map((c) => ({ id: 'campaign', groups: [1], ...c, ratio: c.mode === 'predictive' ? c.ratio : 1, previewSec: c.mode === 'preview' ? c.previewSec : 0 }));

const centerArb = fc.record({
  perHour: fc.integer({ min: 20, max: 200 }),
  patience: fc.oneof(fc.constant(null), durationArb),
  retrial: fc.double({ min: 0, max: 1, noNaN: true }),
  inbound: fc.integer({ min: 1, max: 8 }),
  blended: fc.integer({ min: 1, max: 8 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});
type Center = typeof centerArb extends fc.Arbitrary<infer T> ? T : never;

/** A voice line served by an inbound group and a blended group (group 1: the campaigns'), 2 h in 30-minute intervals. */
function build(c: Center, campaigns: readonly CampaignModel[] | undefined): Model {
  const base = model({
    horizonSec: 2 * 3600, intervalSec: 1800, warmupSec: 600,
    channels: [{ perHour: c.perHour, patience: c.patience, handle: { dist: 'exponential', mean: 240 } }],
    groups: [{ id: 'inbound', channels: [0], count: c.inbound }, { id: 'blended', channels: [0], count: c.blended }],
  });
  const voice = { ...base.channels[0]!, retrial: { probability: c.retrial, delay: { dist: 'exponential', mean: 300 } as DistSpec } };
  return { ...base, channels: [voice], ...(campaigns === undefined ? {} : { campaigns }) };
}

describe('common random numbers with outbound campaigns', () => {
  it('adding a campaign, or changing every one of its settings, leaves the inbound contacts’ draws', () => {
    fc.assert(
      fc.property(centerArb, campaignArb, campaignArb, (c, one, other) => {
        const none = freshContacts(build(c, undefined), c.seed);
        expect(freshContacts(build(c, [one]), c.seed)).toEqual(none);
        expect(freshContacts(build(c, [other, { ...one, id: 'second' }]), c.seed)).toEqual(none);
        return none.length > 0;
      }),
      propertyRuns(30),
    );
  });
});

describe('conservation extended to outbound', () => {
  it('ends every dial once: dialed = unreached + connected + abandoned, in the interval of the dial', () => {
    fc.assert(
      fc.property(centerArb, fc.array(campaignArb, { minLength: 1, maxLength: 2 }), (c, list) => {
        const campaigns = list.map((x, i) => ({ ...x, id: `c${i}` }));
        // The kernel checks the run's totals (warm-up included) and throws on a violation; here the recorded day's counters.
        const r = simulateReplication({ ...build(c, campaigns), warmupSec: 0 }, c.seed, 0);
        const k = r.campaign!;
        const I = r.intervalCount;
        for (let cp = 0; cp < campaigns.length; cp++) {
          for (let iv = 0; iv < I; iv++) {
            const at = cp * I + iv;
            expect(k.reached[at]).toBeLessThanOrEqual(k.dialed[at]!);
            expect(k.connected[at]! + k.abandoned[at]!).toBe(k.reached[at]);
            expect(k.agentSec[at]).toBeLessThanOrEqual(c.blended * 1800 + 1e-6);
          }
          if (campaigns[cp]!.mode !== 'predictive') expect(k.abandoned.subarray(cp * I, cp * I + I).every((v) => v === 0)).toBe(true);
        }
        return true;
      }),
      propertyRuns(40),
    );
  });
});
