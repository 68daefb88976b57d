/**
 * The outbound campaigns' state in one replication (issue 13): per campaign its random streams
 * and samplers, its list and rate budgets, its answered parties waiting for an agent, its
 * counters; per group the campaigns it works. Built only when the model has campaigns
 * (`KernelState.outbound` is null otherwise, and nothing of this runs).
 *
 * Random streams (DESIGN §4): each campaign has four of its own — `outbound:reach:<id>`,
 * `outbound:ring:<id>` (one uniform each per dial, drawn at the dial), `outbound:handle:<id>`,
 * `outbound:patience:<id>` (one each per reached party, drawn when it answers, whether or not
 * it will wait). No inbound stream is read by outbound work, so changing a campaign's settings
 * never moves an inbound draw (test/engine/outbound-crn.test.ts).
 */
import { Sampler } from '../distributions.js';
import type { CampaignModel, Model } from '../model.js';
import { CallState, OutboundCalls } from '../outboundCalls.js';
import { ContactQueue } from '../queue.js';
import { Stream } from '../random.js';

/** Counters kept per campaign × interval (index `cp * intervalCount + iv`), in the interval of the dial (agent time: where it was spent). */
export const CAMPAIGN_COUNTERS = ['dialed', 'reached', 'connected', 'abandoned', 'agentSec'] as const;
export type CampaignCounter = (typeof CAMPAIGN_COUNTERS)[number];

/** Run totals of a campaign, warm-up included, for the conservation check. */
export interface CampaignTotals {
  dialed: number;
  unreached: number;
  connected: number;
  abandoned: number;
}

export class Campaigns {
  readonly list: readonly CampaignModel[];
  readonly calls = new OutboundCalls();
  readonly reach: Stream[];
  readonly ring: Stream[];
  readonly handle: Stream[];
  readonly patience: Stream[];
  readonly ringTime: Sampler[];
  readonly talk: Sampler[];
  readonly wait: Sampler[];
  /** Answered parties waiting for an agent, per campaign (lazy removal: an entry whose call is no longer waiting is stale). */
  readonly waiting: ContactQueue[];
  /** Unheld calls ringing (predictive), per campaign. */
  readonly ringing: Int32Array;
  /** Per group: the campaigns it works, in the scenario's order. */
  readonly ofGroup: readonly (readonly number[])[];
  /** Per campaign: the channels its groups serve (the inbound queues `maxQueue` watches). */
  readonly channelsOf: readonly (readonly number[])[];
  /** The day and dial-rate period budgets: which day / interval they count, and what they have used. */
  readonly day: Float64Array;
  readonly dialedInDay: Float64Array;
  readonly period: Float64Array;
  readonly dialedInPeriod: Float64Array;
  readonly counters: Record<CampaignCounter, Float64Array>;
  readonly totals: CampaignTotals[];
  nextToken = 1;

  constructor(model: Model, seed: number, replication: number) {
    const list = model.campaigns ?? [];
    this.list = list;
    const stream = (what: string) => list.map((c) => new Stream(seed, replication, `outbound:${what}:${c.id}`));
    this.reach = stream('reach');
    this.ring = stream('ring');
    this.handle = stream('handle');
    this.patience = stream('patience');
    this.ringTime = list.map((c) => new Sampler(c.ringTime));
    this.talk = list.map((c) => new Sampler(c.handle));
    this.wait = list.map((c) => new Sampler(c.patience));
    this.waiting = list.map(() => new ContactQueue(16));
    this.ringing = new Int32Array(list.length);
    this.ofGroup = model.groups.map((_, g) => list.flatMap((c, cp) => (c.groups.includes(g) ? [cp] : [])));
    this.channelsOf = list.map((c) => [...new Set(c.groups.flatMap((g) => model.groups[g]?.channels ?? []))].sort((a, b) => a - b));
    this.day = new Float64Array(list.length).fill(NaN);
    this.dialedInDay = new Float64Array(list.length);
    this.period = new Float64Array(list.length).fill(NaN);
    this.dialedInPeriod = new Float64Array(list.length);
    const size = list.length * model.intervalCount;
    this.counters = Object.fromEntries(CAMPAIGN_COUNTERS.map((n) => [n, new Float64Array(size)])) as Record<CampaignCounter, Float64Array>;
    this.totals = list.map(() => ({ dialed: 0, unreached: 0, connected: 0, abandoned: 0 }));
  }

  /** Calls of campaign cp not yet ended (ringing, waiting or talking): a conservation term. */
  aliveOf(cp: number): number {
    const C = this.calls;
    let n = 0;
    for (let c = 0; c < C.state.length; c++) if (C.state[c] !== CallState.Free && C.campaign[c] === cp) n++;
    return n;
  }

  /** Adds 1 to a counter of campaign cp in interval iv (nothing outside the recorded day). */
  count(name: Exclude<CampaignCounter, 'agentSec'>, cp: number, iv: number, intervals: number): void {
    if (iv >= 0) this.counters[name][cp * intervals + iv] += 1;
  }

  /** Agent time on campaign cp over [from, to), clipped to the recorded day, split by interval. */
  agentTime(cp: number, from: number, to: number, intervalSec: number, intervals: number): void {
    const target = this.counters.agentSec;
    let a = from < 0 ? 0 : from;
    const b = Math.min(to, intervals * intervalSec);
    while (a < b) {
      const iv = Math.floor(a / intervalSec);
      const end = Math.min(b, (iv + 1) * intervalSec);
      target[cp * intervals + iv] += end - a;
      a = end;
    }
  }
}
