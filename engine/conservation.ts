/**
 * The end-of-run conservation check (DESIGN §2): per channel, arrived = deflected + blocked + answered +
 * abandoned + left a message (maximum wait) + disconnected at the close + still waiting at tier 1;
 * per tier 2 and 3, entered = answered + abandoned + disconnected + transfers dropped for want of an agent
 * (`ifNoAgent: disconnect`) + still waiting; per channel, wrap-ups (after-contact work) begun = ended, and
 * conferences joined = left; per outbound campaign (issue 13), dialed = unreached + connected + abandoned +
 * calls still alive. A violation is a bug and fails loudly with the simulated time.
 */
import { SimulationError } from './errors.js';
import type { Model } from './model.js';
import type { ContactQueue } from './queue.js';
import type { RoutingTable } from './routing.js';
import type { RunTotals } from './workspace.js';

/** Checks the run's totals; returns the contacts still waiting per channel (all tiers). */
export function checkConservation(model: Model, routing: RoutingTable, queues: readonly ContactQueue[], t: RunTotals, nowSec: number): Float64Array {
  const R = routing;
  const C = model.channels.length;
  const waitingTier1 = new Float64Array(C);
  const waitingAll = new Float64Array(C);
  const waitingTier = new Float64Array(3);
  for (let q = 0; q < R.queueCount; q++) {
    const live = queues[q].live;
    waitingAll[R.queueChannel[q]] += live;
    if (R.queueTier[q] === 1) waitingTier1[R.queueChannel[q]] += live;
    else waitingTier[R.queueTier[q] - 1] += live;
  }
  const fail = (what: string): never => {
    throw new SimulationError(`conservation violated: ${what}`, nowSec);
  };
  for (let ch = 0; ch < C; ch++) {
    if (t.arrived[ch] !== t.deflected[ch] + t.blocked[ch] + t.answered[ch] + t.gaveUp[ch] + t.messages[ch] + t.disconnected[ch] + waitingTier1[ch]) {
      fail(`channel "${model.channels[ch].id}": arrived ${t.arrived[ch]} ≠ deflected ${t.deflected[ch]} + blocked ${t.blocked[ch]} + answered ` +
        `${t.answered[ch]} + abandoned ${t.gaveUp[ch]} + messages ${t.messages[ch]} + disconnected ${t.disconnected[ch]} + waiting ${waitingTier1[ch]}`);
    }
  }
  for (let ch = 0; ch < C; ch++) {
    // The run ends when the calendar is empty, so every wrap-up begun has ended by then.
    if (t.wrapUpsBegun[ch] !== t.wrapUpsEnded[ch]) {
      fail(`channel "${model.channels[ch].id}": wrap-ups begun ${t.wrapUpsBegun[ch]} ≠ ended ${t.wrapUpsEnded[ch]}`);
    }
    if (t.conferencesBegun[ch] !== t.conferencesEnded[ch]) {
      fail(`channel "${model.channels[ch].id}": conferences begun ${t.conferencesBegun[ch]} ≠ ended ${t.conferencesEnded[ch]}`);
    }
  }
  for (let tier = 1; tier < 3; tier++) {
    const dropped = t.tierTransferDisconnected[tier];
    if (t.tierEntered[tier] !== t.tierAnswered[tier] + t.tierGaveUp[tier] + t.tierDisconnected[tier] + dropped + waitingTier[tier]) {
      fail(`tier ${tier + 1}: entered ${t.tierEntered[tier]} ≠ answered ${t.tierAnswered[tier]} + abandoned ` +
        `${t.tierGaveUp[tier]} + disconnected ${t.tierDisconnected[tier]} + transfers dropped ${dropped} + waiting ${waitingTier[tier]}`);
    }
  }
  return waitingAll;
}

/** What the outbound check needs of a run's campaigns (engine/kernel/campaigns.ts). */
export interface CampaignBooks {
  readonly list: readonly { readonly id: string }[];
  readonly totals: readonly { readonly dialed: number; readonly unreached: number; readonly connected: number; readonly abandoned: number }[];
  /** Calls still alive of campaign cp. */
  aliveOf(cp: number): number;
}

/** Per campaign: dialed = unreached + connected + abandoned + calls still in flight. */
export function checkCampaignConservation(books: CampaignBooks, nowSec: number): void {
  books.list.forEach((c, cp) => {
    const t = books.totals[cp];
    const alive = books.aliveOf(cp);
    if (t !== undefined && t.dialed !== t.unreached + t.connected + t.abandoned + alive) {
      throw new SimulationError(
        `conservation violated: campaign "${c.id}": dialed ${t.dialed} ≠ unreached ${t.unreached} + connected ${t.connected} + abandoned ${t.abandoned} + in flight ${alive}`,
        nowSec,
      );
    }
  });
}
