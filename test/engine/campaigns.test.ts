// A replication's outbound campaigns (engine/kernel/campaigns.ts) and the kernel helpers around
// them, by their contracts: each campaign's four random streams keyed `outbound:<what>:<id>`
// (DESIGN §4, docs/decisions.md issue 13); the calls alive per campaign, a term of the
// conservation check; the interval whose settings apply at a period (dialer.ts); a talk ending
// on a call that is not talking is a kernel bug and fails loudly (outbound.ts).
import { describe, expect, it } from 'vitest';
import { SimulationError } from '../../engine/errors.js';
import { Campaigns } from '../../engine/kernel/campaigns.js';
import { clampInterval } from '../../engine/kernel/dialer.js';
import { finishOutbound } from '../../engine/kernel/outbound.js';
import { KernelState } from '../../engine/kernel/state.js';
import type { CampaignModel, Model } from '../../engine/model.js';
import { CallState } from '../../engine/outboundCalls.js';
import { streamKey } from '../../engine/random.js';
import { constant, model } from '../support/model.js';

const dialer = (id: string): CampaignModel => ({
  id, groups: [0], mode: 'progressive', ratio: 1, reserve: 0, maxQueue: Infinity, listPerDay: Infinity, dialsPerHour: null,
  reach: [1, 1, 1], handle: constant(40), patience: constant(5), ringTime: constant(10), previewSec: 0,
});

/** Three 100-second intervals, one agent, campaigns `sales` and `collections`. */
const center: Model = { ...model({ horizonSec: 300, intervalSec: 100, agents: 1 }), campaigns: [dialer('sales'), dialer('collections')] };

describe('a replication’s campaigns', () => {
  it('draw from four streams each, keyed `outbound:<what>:<campaign id>` under the run’s seed and replication', () => {
    const O = new Campaigns(center, 7, 3);
    const keys = (['reach', 'ring', 'handle', 'patience'] as const).map((what) => O[what].map((s) => s.key));
    expect(keys).toEqual(['reach', 'ring', 'handle', 'patience'].map((what) => ['sales', 'collections'].map((id) => streamKey(7, 3, `outbound:${what}:${id}`))));
  });

  it('count as alive a campaign’s calls ringing, waiting or talking, not those ended', () => {
    const O = new Campaigns(center, 1, 0);
    const C = O.calls;
    const call = (cp: number, state: number): number => {
      const c = C.take();
      C.campaign[c] = cp;
      C.state[c] = state;
      return c;
    };
    expect([O.aliveOf(0), O.aliveOf(1)]).toEqual([0, 0]);
    call(0, CallState.Ringing);
    call(1, CallState.Waiting);
    call(0, CallState.Talking);
    C.release(call(0, CallState.Talking));
    C.release(call(1, CallState.Ringing));
    expect([O.aliveOf(0), O.aliveOf(1)]).toEqual([2, 1]);
  });
});

describe('the interval whose settings apply at a period', () => {
  it('is the period itself within the day, the first in the warm-up, the last after the day', () => {
    const k = new KernelState(center, 1, 0, null);
    expect([-2, -1, 0, 1, 2, 3, 4].map((p) => clampInterval(k, p))).toEqual([0, 0, 0, 1, 2, 2, 2]);
  });
});

describe('the end of an outbound talk', () => {
  it('fails loudly, naming the call, when the call is not talking', () => {
    const k = new KernelState(center, 1, 0, null);
    const c = k.outbound!.calls.take();
    expect(() => finishOutbound(k, c, 42)).toThrow(SimulationError);
    expect(() => finishOutbound(k, c, 42)).toThrow(`outbound call ${c} finished while not talking (at simulated time 42.000 s)`);
  });
});
