// Conservation over random whole-model scenarios (issue 4, acceptance 2). The kernel checks
// arrived = deflected + answered + abandoned + waiting per channel, and entered = answered +
// abandoned + waiting per tier, at the end of every run and throws on a violation; these
// properties drive it through random combinations of every mechanism and check the recorded
// counters balance too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactTypeModel, GroupModel, Model, ShiftModel } from '../../engine/model.js';
import { simulateReplication } from '../../engine/simulate.js';
import { exp, model, sum } from '../support/model.js';
import { propertyRuns } from '../support/runs.js';

const HORIZON = 4 * 3600;

const typeArb = fc.record({
  priority: fc.integer({ min: 1, max: 4 }),
  handle: fc.integer({ min: 60, max: 600 }),
  e2: fc.constantFrom(0, 0.2, 0.5),
  e3: fc.constantFrom(0, 0.3),
  fcr: fc.constantFrom(1, 0.8),
});

const channelArb = fc.record({
  kind: fc.constantFrom('voice' as const, 'chat' as const, 'email' as const),
  perHour: fc.integer({ min: 10, max: 250 }),
  types: fc.array(typeArb, { minLength: 1, maxLength: 3 }),
  patience: fc.option(fc.integer({ min: 30, max: 600 }), { nil: null }),
  deflection: fc.constantFrom(0, 0.3),
  concurrency: fc.constantFrom(1, 2, 3),
  retrial: fc.boolean(),
  callback: fc.boolean(),
  openHours: fc.boolean(),
  backlog: fc.constantFrom(0, 5),
});

const groupArb = fc.record({
  tier: fc.constantFrom(1, 2, 3),
  count: fc.integer({ min: 1, max: 12 }),
  mask: fc.integer({ min: 1, max: 7 }),
  rank: fc.constantFrom(1, 2),
  after: fc.constantFrom(0, 0, 30),
  shifts: fc.constantFrom('all', 'split', 'breaks'),
  absenteeism: fc.constantFrom(0, 0.2),
  planned: fc.constantFrom(0, 0.1),
});

function shiftsOf(kind: string): ShiftModel[] {
  if (kind === 'split') return [{ startSec: 0, endSec: 2 * 3600, breaks: [] }, { startSec: 2.5 * 3600, endSec: HORIZON + 3600, breaks: [] }];
  if (kind === 'breaks') return [{ startSec: 0, endSec: HORIZON, breaks: [{ startSec: 3600, endSec: 4500 }] }];
  return [{ startSec: 0, endSec: HORIZON, breaks: [] }];
}

const centerArb: fc.Arbitrary<Model> = fc
  .record({ channels: fc.array(channelArb, { minLength: 1, maxLength: 3 }), groups: fc.array(groupArb, { minLength: 1, maxLength: 4 }), ticket: fc.boolean() })
  .map(({ channels, groups, ticket }) => {
    const base = model({ horizonSec: HORIZON, channels: channels.map((c, i) => ({ id: `c${i}`, perHour: c.perHour })) });
    const C = channels.length;
    const chModels = base.channels.map((bc, i) => {
      const c = channels[i]!;
      const chat = c.kind === 'chat';
      const deferred = c.kind === 'email';
      const types: ContactTypeModel[] = c.types.map((t, ti) => ({
        id: `t${ti}`, share: 1 / c.types.length, priority: t.priority,
        handleByTier: [exp(t.handle), exp(2 * t.handle), exp(4 * t.handle)], escalation: [t.e2, t.e3], fcr: t.fcr,
      }));
      return {
        ...bc, kind: c.kind, types, deferred, concurrency: chat ? c.concurrency : 1,
        patience: deferred || c.patience === null ? null : exp(c.patience),
        deflection: c.deflection, deflectionReturn: c.deflection > 0 ? { share: 0.2, delay: exp(600) } : null,
        retrial: c.retrial && !deferred ? { probability: 0.5, delay: exp(300) } : null,
        callback: c.callback && c.kind === 'voice' ? { afterSec: 60, share: 0.5, targetSec: 3600 } : null,
        openHours: c.openHours && deferred ? { startSec: 3600, endSec: 3 * 3600 } : null,
        repeatDelay: exp(1800), initialBacklog: c.backlog,
      };
    });
    const gModels: GroupModel[] = groups.map((g, gi) => {
      const chs = Array.from({ length: C }, (_, ch) => ch).filter((ch) => g.mask & (1 << ch));
      const list = chs.length > 0 ? chs : [gi % C];
      return {
        id: `g${gi}`, tier: g.tier as 1 | 2 | 3, channels: list, count: g.count,
        skills: list.map((channel) => ({ channel, type: -1, rank: g.rank, afterSec: g.after })),
        agentShifts: Array.from({ length: g.count }, () => shiftsOf(g.shifts)),
        agentKeys: Array.from({ length: g.count }, (_, k) => String(k)),
        shrinkage: { planned: g.planned, periodSec: 900, absenteeism: g.absenteeism }, costPerHour: 20,
      };
    });
    // Every channel has a tier-1 group that serves it immediately.
    gModels.push({ ...gModels[0]!, id: 'front', tier: 1, channels: base.channels.map((_, i) => i), count: 3,
      skills: base.channels.map((_, channel) => ({ channel, type: -1, rank: 1, afterSec: 0 })),
      agentShifts: Array.from({ length: 3 }, () => shiftsOf('all')), agentKeys: ['0', '1', '2'] });
    return { ...base, channels: chModels, groups: gModels, tiers: [base.tiers[0], base.tiers[1], { ...base.tiers[2], mode: ticket ? 'ticket' : 'transfer' }] } as Model;
  });

describe('conservation over random contact centers', () => {
  it('balances every channel and tier: entered = handled + abandoned + still waiting', () => {
    fc.assert(
      fc.property(centerArb, fc.integer({ min: 0, max: 1000 }), (m, seed) => {
        const r = simulateReplication(m, seed, 0); // throws SimulationError on a violation
        const entered = sum(r.tier.entered);
        expect(entered).toBe(sum(r.tier.handled) + sum(r.tier.abandoned) + sum(r.waitingAtEnd));
        for (let ch = 0; ch < r.channelCount; ch++) {
          const slice = (a: Float64Array) => sum(a.subarray(ch * r.intervalCount, (ch + 1) * r.intervalCount));
          const open = slice(r.channel.offered) - slice(r.channel.handled) - slice(r.channel.abandoned);
          expect(open).toBeGreaterThanOrEqual(0);
          expect(open).toBeLessThanOrEqual(r.waitingAtEnd[ch]!);
        }
        for (let k = 0; k < r.group.availableSec.length; k++) expect(r.group.availableSec[k]).toBeGreaterThanOrEqual(0);
      }),
      propertyRuns(60),
    );
  });
});
