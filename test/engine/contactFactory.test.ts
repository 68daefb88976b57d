// The contact factory reads each mechanism from its own documented stream — keyed
// `<source>:<channel id>` by (seed, replication) (README, "Randomness") — and turns one uniform
// into a choice by the share rules: a type by the inverse of its cumulative shares, deflected
// when u < share, escalated / repeating / accepting a callback / retrying when u is below the
// probability (a repeat when u ≥ fcr). Each expectation is computed here from a fresh
// `Stream` of that key and the rule, never from the factory itself.
import { describe, expect, it } from 'vitest';
import { ContactFactory } from '../../engine/contactFactory.js';
import { ContactPool, Flag } from '../../engine/contacts.js';
import type { ContactTypeModel, Model } from '../../engine/model.js';
import { Stream } from '../../engine/random.js';
import { constant, exp, model, tieredModel, withChannel } from '../support/model.js';

const SEED = 1;
const REPLICATION = 3;
const N = 400;

const uniforms = (key: string, n = N): number[] => {
  const s = new Stream(SEED, REPLICATION, key);
  return Array.from({ length: n }, () => s.next());
};

/** Inversion of the exponential of mean `mean` on stream `key`: x = −mean · ln(1 − u). */
const exponentials = (key: string, mean: number): number[] => uniforms(key).map((u) => 0 - mean * Math.log(1 - u));

/** Fills N fresh contacts of channel 0, type 0, in turn, handing each (pool, slot, index) to `check`. */
function eachFilled(f: ContactFactory, check: (P: ContactPool, c: number, i: number) => void): void {
  const P = new ContactPool(N);
  for (let i = 0; i < N; i++) {
    const c = P.take();
    f.fill(P, c, 0, 0, false, 0);
    check(P, c, i);
  }
}

function typed(m: Model, shares: readonly number[]): Model {
  const base = m.channels[0]?.types[0] as ContactTypeModel;
  return withChannel(m, 0, { types: shares.map((share, i) => ({ ...base, id: `t${i}`, share })) });
}

describe('ContactFactory reads each mechanism from its own keyed stream', () => {
  it('a type by the inverse of the cumulative shares 0.2, 0.5, 1 of stream type:voice', () => {
    const f = new ContactFactory(typed(model(), [0.2, 0.3, 0.5]), SEED, REPLICATION);
    const expected = uniforms('type:voice').map((u) => (u < 0.2 ? 0 : u < 0.5 ? 1 : 2));
    expect(Array.from({ length: N }, () => f.drawType(0))).toEqual(expected);
    expect(new Set(expected).size).toBe(3);
  });

  it('one type draws nothing: always type 0', () => {
    const f = new ContactFactory(model(), SEED, REPLICATION);
    expect(Array.from({ length: 5 }, () => f.drawType(0))).toEqual([0, 0, 0, 0, 0]);
  });

  it('deflected when the uniform of stream deflection:voice is below the share 0.3', () => {
    const m = withChannel(model(), 0, { deflection: 0.3 });
    const f = new ContactFactory(m, SEED, REPLICATION);
    const expected = uniforms('deflection:voice').map((u) => u < 0.3);
    expect(Array.from({ length: N }, () => f.drawDeflected(0))).toEqual(expected);
  });

  it('no deflection: never deflected', () => {
    const f = new ContactFactory(model(), SEED, REPLICATION);
    expect(Array.from({ length: 5 }, () => f.drawDeflected(0))).toEqual([false, false, false, false, false]);
  });

  it('a contained contact comes back when deflectionReturn:voice is below 0.4, after the return delay', () => {
    const m = withChannel(model(), 0, { deflection: 0.3, deflectionReturn: { share: 0.4, delay: constant(600) } });
    const f = new ContactFactory(m, SEED, REPLICATION);
    const expected = uniforms('deflectionReturn:voice').map((u) => (u < 0.4 ? 600 : -1));
    expect(Array.from({ length: N }, () => f.drawReturnDelay(0))).toEqual(expected);
  });

  it('tier-2 and tier-3 escalation flags from streams escalate2:voice and escalate3:voice', () => {
    const m = tieredModel([0.35, 0.45]);
    const f = new ContactFactory(m, SEED, REPLICATION);
    const e2 = uniforms('escalate2:voice');
    const e3 = uniforms('escalate3:voice');
    eachFilled(f, (P, c, i) => {
      expect((P.flags[c] & Flag.EscalatesToTier2) !== 0, `contact ${i}`).toBe((e2[i] as number) < 0.35);
      expect((P.flags[c] & Flag.EscalatesToTier3) !== 0, `contact ${i}`).toBe((e3[i] as number) < 0.45);
    });
  });

  it('a repeat when the uniform of stream repeat:voice is at or above fcr 0.7', () => {
    const base = model();
    const t = base.channels[0]?.types[0] as ContactTypeModel;
    const m = withChannel(base, 0, { types: [{ ...t, fcr: 0.7 }] });
    const f = new ContactFactory(m, SEED, REPLICATION);
    const u = uniforms('repeat:voice');
    eachFilled(f, (P, c, i) => {
      expect((P.flags[c] & Flag.Repeats) !== 0, `contact ${i}`).toBe((u[i] as number) >= 0.7);
    });
  });

  it('callback acceptance from callback:voice below share 0.6; retrial from retrial:voice below 0.25', () => {
    const m = withChannel(model(), 0, {
      callback: { afterSec: 60, share: 0.6, targetSec: 3600 },
      retrial: { probability: 0.25, delay: constant(120) },
    });
    const f = new ContactFactory(m, SEED, REPLICATION);
    const cb = uniforms('callback:voice');
    const rt = uniforms('retrial:voice');
    eachFilled(f, (P, c, i) => {
      expect((P.flags[c] & Flag.AcceptsCallback) !== 0, `contact ${i}`).toBe((cb[i] as number) < 0.6);
      expect((P.flags[c] & Flag.Retries) !== 0, `contact ${i}`).toBe((rt[i] as number) < 0.25);
    });
  });

  it('handle times at tiers 1–3 and patience at tiers 1–3 by inversion of their own streams (handle:voice … patience3:voice)', () => {
    // tieredModel: handle exp(300), exp(600), exp(1800); patience exp(240) on the channel; both
    // tiers receive transfers, so a caller waiting for tier 2 or 3 has a patience drawn afresh.
    const tiered = tieredModel([0.5, 0.5]);
    const [t1, t2, t3] = tiered.tiers;
    const m: Model = { ...withChannel(tiered, 0, { patience: exp(240) }), tiers: [t1, { ...t2, mode: 'transfer' }, { ...t3, mode: 'transfer' }] };
    const f = new ContactFactory(m, SEED, REPLICATION);
    const expected = {
      handle1Sec: exponentials('handle:voice', 300), handle2Sec: exponentials('handle2:voice', 600), handle3Sec: exponentials('handle3:voice', 1800),
      patienceSec: exponentials('patience:voice', 240), patience2Sec: exponentials('patience2:voice', 240), patience3Sec: exponentials('patience3:voice', 240),
    };
    eachFilled(f, (P, c, i) => {
      for (const [field, values] of Object.entries(expected) as [keyof typeof expected, number[]][]) {
        expect(P[field][c], `${field} of contact ${i}`).toBeCloseTo(values[i] as number, 9);
      }
    });
  });

  it('after-contact work by inversion of its own stream (acw:voice), one number per contact, a type without it reading its number too', () => {
    // Two types: the first with an exponential wrap-up of mean 45 s, the second without one.
    // Contact i reads number i of acw:voice whichever type it is; only a positive wrap-up sets WrapsUp.
    const base = model();
    const t = base.channels[0]?.types[0] as ContactTypeModel;
    const m = withChannel(base, 0, { types: [{ ...t, id: 'a', share: 0.5, afterContactWork: exp(45) }, { ...t, id: 'b', share: 0.5 }] });
    const f = new ContactFactory(m, SEED, REPLICATION);
    const acw = exponentials('acw:voice', 45);
    const P = new ContactPool(N);
    for (let i = 0; i < N; i++) {
      const c = P.take();
      const type = i % 2;
      f.fill(P, c, 0, type, false, 0);
      if (type === 0) {
        expect(P.acwSec[c], `wrap-up ${i}`).toBeCloseTo(acw[i] as number, 9);
        expect(P.flags[c]! & Flag.WrapsUp).toBe(Flag.WrapsUp);
      } else {
        expect(P.acwSec[c]).toBe(0);
        expect(P.flags[c]! & Flag.WrapsUp).toBe(0);
      }
    }
  });

  it('return, repeat and retrial delays by inversion of their own streams (returnDelay:voice, repeatDelay:voice, retrialDelay:voice)', () => {
    // Exponential delays of means 900, 3600 and 120 s; the share rules as above (return below
    // 0.4, a repeat at or above fcr 0.7, a retrial below 0.25), each delay drawn whatever the choice.
    const base = model();
    const t = base.channels[0]?.types[0] as ContactTypeModel;
    const m = withChannel(base, 0, {
      deflection: 0.3,
      deflectionReturn: { share: 0.4, delay: exp(900) },
      types: [{ ...t, fcr: 0.7 }],
      repeatDelay: exp(3600),
      retrial: { probability: 0.25, delay: exp(120) },
    });
    const f = new ContactFactory(m, SEED, REPLICATION);
    const back = uniforms('deflectionReturn:voice');
    const returnDelay = exponentials('returnDelay:voice', 900);
    const repeatDelay = exponentials('repeatDelay:voice', 3600);
    const retrialDelay = exponentials('retrialDelay:voice', 120);
    for (let i = 0; i < N; i++) {
      const r = f.drawReturnDelay(0);
      if ((back[i] as number) < 0.4) expect(r, `return delay ${i}`).toBeCloseTo(returnDelay[i] as number, 9);
      else expect(r).toBe(-1);
    }
    // The return delays read streams of their own, so the fills' draws follow them unmoved.
    eachFilled(f, (P, c, i) => {
      expect(P.repeatDelaySec[c], `repeat delay ${i}`).toBeCloseTo(repeatDelay[i] as number, 9);
      expect(P.retrialDelaySec[c], `retrial delay ${i}`).toBeCloseTo(retrialDelay[i] as number, 9);
    });
  });
});
