/**
 * The compiled model: what the kernel runs. Plain data only (numbers, arrays, strings), so
 * it crosses to a worker thread by structured clone, and every name is already resolved to
 * an integer index. It is produced by `scenarios/compile.ts` from a validated scenario; the
 * engine trusts it and never validates it again (STYLE habit 4).
 *
 * Units: every time is in seconds, every rate per second.
 */

/** A distribution of a non-negative duration (seconds). See `distributions.ts`. */
export type DistSpec =
  | { readonly dist: 'exponential'; readonly mean: number }
  | { readonly dist: 'constant'; readonly mean: number }
  | { readonly dist: 'uniform'; readonly min: number; readonly max: number }
  | { readonly dist: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly dist: 'lognormal'; readonly mean: number; readonly cv: number }
  | { readonly dist: 'gamma'; readonly mean: number; readonly cv: number }
  | { readonly dist: 'erlang'; readonly mean: number; readonly k: number }
  | { readonly dist: 'empirical'; readonly values: readonly number[] };

export type DistName = DistSpec['dist'];

export const CHANNEL_KINDS = ['voice', 'chat', 'email', 'social', 'messaging'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * The three service-level definitions of DESIGN §3; the chosen name is echoed in results.
 * - `excludeShortAbandons`: answered within T ÷ (offered − abandoned within T)
 * - `offered`: answered within T ÷ offered
 * - `answered`: answered within T ÷ answered
 */
export const SERVICE_LEVEL_DEFINITIONS = ['excludeShortAbandons', 'offered', 'answered'] as const;
export type ServiceLevelDefinition = (typeof SERVICE_LEVEL_DEFINITIONS)[number];

export interface ChannelModel {
  readonly id: string;
  readonly kind: ChannelKind;
  /** Poisson arrival rate (per second) for each reporting interval; length = intervalCount. */
  readonly ratePerSec: readonly number[];
  /**
   * Scripted arrivals: when present, contacts arrive exactly at these times (seconds from the
   * start of the recorded day, ascending) instead of by the Poisson process — to replay an
   * arrival log, or to build hand-computable cases. `ratePerSec` then only feeds the baseline.
   */
  readonly arrivalTimesSec?: readonly number[];
  /** Handle time (talk + hold + wrap) of one contact. */
  readonly handle: DistSpec;
  /** Time a waiting customer is willing to wait; `null` = infinite patience (never abandons). */
  readonly patience: DistSpec | null;
  /** Service-level threshold T, seconds (answered within T). */
  readonly targetSec: number;
  /** Service-level goal, e.g. 0.8 for 80/20. */
  readonly targetLevel: number;
}

export interface GroupModel {
  readonly id: string;
  /** Indices into `Model.channels` this group's agents can serve. */
  readonly channels: readonly number[];
  /** Agents logged in (constant over the horizon in this version). */
  readonly count: number;
}

export interface Model {
  readonly name: string;
  /** Default base seed (overridable per run). */
  readonly seed: number;
  /** Default replication count (overridable per run). */
  readonly replications: number;
  /** Length of the recorded day, seconds; a whole number of intervals. */
  readonly horizonSec: number;
  /**
   * Warm-up simulated *before* time 0 at the first interval's rates and staffing, so the
   * recorded day starts from a loaded system; nothing in it is recorded.
   */
  readonly warmupSec: number;
  /** Reporting interval length, seconds (15 or 30 minutes in practice). */
  readonly intervalSec: number;
  /** horizonSec ÷ intervalSec. */
  readonly intervalCount: number;
  readonly serviceLevelDefinition: ServiceLevelDefinition;
  readonly channels: readonly ChannelModel[];
  readonly groups: readonly GroupModel[];
}
