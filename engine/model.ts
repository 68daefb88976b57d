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
  | { readonly dist: 'empirical'; readonly values: readonly number[] }
  | MixtureSpec
  | TruncatedSpec;

/** The families a truncation may cut: those with a continuous distribution function (engine/truncation.ts). */
export type ContinuousSpec = Extract<DistSpec, { readonly dist: 'exponential' | 'uniform' | 'triangular' | 'lognormal' | 'gamma' | 'erlang' }>;

/**
 * `of` conditioned on min ≤ X ≤ max (absent: 0 and unbounded); it knows its exact mean and
 * variance (engine/truncation.ts) and is drawn by inversion with one uniform.
 */
export interface TruncatedSpec {
  readonly dist: 'truncated';
  readonly of: ContinuousSpec;
  readonly min?: number;
  readonly max?: number;
}

/**
 * With probability `zero` the duration is 0 (patience: the caller balks at the queue
 * announcement), otherwise it is drawn from component i with probability weight_i ÷ Σ weights.
 * Components are not mixtures themselves.
 */
export interface MixtureSpec {
  readonly dist: 'mixture';
  readonly zero: number;
  readonly components: readonly { readonly weight: number; readonly of: Exclude<DistSpec, MixtureSpec> }[];
}

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

/** Tiers of support: 1 (front line) to 3 (engineering, legal…). */
export const TIERS = [1, 2, 3] as const;
export type Tier = (typeof TIERS)[number];

/** How a contact reaches the next tier: the customer stays on the line, or it becomes a ticket. */
export type EscalationMode = 'transfer' | 'ticket';

/**
 * A contact type (taxonomy entry) of a channel: billing, technical, outage… A channel without
 * declared types compiles to one type with the channel's own id and handle time.
 */
export interface ContactTypeModel {
  readonly id: string;
  /** Share of the channel's contacts that reach agents (shares of a channel sum to 1). */
  readonly share: number;
  /** 1 (P1, most urgent) to 4; queues are served by priority, then oldest first. */
  readonly priority: number;
  /** Handle time at tier 1, 2, 3 (index 0–2); null where this type never goes. */
  readonly handleByTier: readonly [DistSpec, DistSpec | null, DistSpec | null];
  /** Probability that a contact handled at tier 1 goes to tier 2, and at tier 2 to tier 3. */
  readonly escalation: readonly [number, number];
  /** First-contact resolution: a share 1 − fcr of resolved contacts come back as repeats. */
  readonly fcr: number;
  /**
   * After-contact work (wrap-up, issue 13 item 4): once the Tier-1 session ends and the customer
   * has left, the agent stays busy this long before taking new work (engine/kernel/service.ts).
   * It counts in occupancy and AHT (handle = talk + wrap-up), not in the customer's time.
   * Absent: none (the handle time is the whole of the agent's work on the contact, as before).
   */
  readonly afterContactWork?: DistSpec;
}

/** How tier 2 and tier 3 receive escalated work (index 0 = tier 1, which has no inflow). */
export interface TierModel {
  readonly tier: Tier;
  readonly mode: EscalationMode;
  /** Resolution-time (ticket) or answer-time (transfer) target at this tier, seconds; null: the channel's. */
  readonly targetSec: number | null;
  /**
   * A transfer to this tier that finds no free agent (issue 13 item 4): `wait` in the tier's queue
   * (absent: the behaviour before the field), or `disconnect` — a blind transfer dropped at once,
   * counted `transferDisconnected` (engine/kernel/transferDrop.ts). Transfer mode only.
   */
  readonly ifNoAgent?: 'wait' | 'disconnect';
}

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
  /**
   * Patience waiting for a Tier-2 and a Tier-3 transfer (index 0: tier 2, 1: tier 3), each a
   * distribution of its own or null (never abandons there). Absent: both tiers draw the
   * channel's `patience` afresh (from their own streams), as before this field existed.
   */
  readonly patienceByTier?: readonly [DistSpec | null, DistSpec | null];
  /** Service-level threshold T, seconds (answered within T). */
  readonly targetSec: number;
  /** Service-level goal, e.g. 0.8 for 80/20. */
  readonly targetLevel: number;
  /** Contact types; at least one. Their shares sum to 1. */
  readonly types: readonly ContactTypeModel[];
  /** Share contained by self-service (IVR, bot, knowledge base) before reaching agents. */
  readonly deflection: number;
  /** Handle times of the contacts that get through deflection are multiplied by this (1: unchanged). */
  readonly residualHandleFactor: number;
  /** A share of deflected contacts comes back after a delay as a new contact (skipping deflection). */
  readonly deflectionReturn: { readonly share: number; readonly delay: DistSpec } | null;
  /** Sessions an agent holds at once on this channel (chat, messaging); 1 otherwise. */
  readonly concurrency: number;
  /**
   * Handle time of a session started while the agent holds n sessions (this one included) is
   * multiplied by 1 + (factor − 1)·(n − 1): factor 1 means no slowdown.
   */
  readonly concurrencyFactor: number;
  /**
   * Deferred work (email, social): nobody abandons, and the service level counts contacts
   * *resolved* (finished) within the target instead of answered within it.
   */
  readonly deferred: boolean;
  /** Hours of the day (seconds from midnight, start < end) when this channel's queue is worked; null: always. */
  readonly openHours: { readonly startSec: number; readonly endSec: number } | null;
  /** Abandoners call again with this probability after the delay (counted as retrials). */
  readonly retrial: {
    readonly probability: number;
    readonly delay: DistSpec;
    /**
     * The retrial is the same caller (engine/kernel/sameCaller.ts): it keeps its handle times,
     * patience and choices, and its wait is also counted from the first attempt. Absent or
     * false: a fresh contact per attempt.
     */
    readonly sameCaller?: boolean;
  } | null;
  /**
   * Virtual hold: a caller still waiting after `afterSec` accepts a callback with probability
   * `share`; the call leaves the live queue and becomes deferred work with its own target.
   */
  readonly callback: { readonly afterSec: number; readonly share: number; readonly targetSec: number } | null;
  /** Delay before a repeat contact (not resolved first time) comes back. */
  readonly repeatDelay: DistSpec;
  /** Day-level forecast error: each day's rates are multiplied by a Gamma(mean 1, cv) draw; 0 = none. */
  readonly overdispersion: number;
  /**
   * The name of a day-level factor shared with other channels (issue 12 item 7): every channel
   * naming it multiplies its rates by the same Gamma(mean 1, `overdispersion`) draw each day,
   * taken from the factor's own stream (keyed by the name, not by a channel). Absent: the
   * channel's own factor.
   */
  readonly overdispersionShared?: string;
  /** Contacts already waiting when the simulation starts. */
  readonly initialBacklog: number;
  /**
   * Mean Tier-1 handle time of the contacts arriving in each interval (length = intervalCount),
   * seconds; null: the `handle` distribution's own mean in every interval. Each Tier-1 handle
   * draw (every type's) is multiplied by this ÷ the mean of `handle` (engine/intervalMeans.ts).
   */
  readonly handleMeanByIntervalSec: readonly number[] | null;
  /** Mean Tier-1 patience of the contacts arriving in each interval, likewise; null: `patience`'s own mean. */
  readonly patienceMeanByIntervalSec: readonly number[] | null;
  /**
   * Queue capacity: at most this many of the channel's live contacts wait at once (all tiers);
   * an arrival that finds no free agent and a full queue is blocked. Absent: unlimited.
   */
  readonly queueCapacity?: number;
  /**
   * A maximum time in the tier-1 live queue (issue 12 item 3; engine/kernel/maxWait.ts): a
   * contact still waiting `afterSec` after it arrived leaves the queue — `message` (it leaves
   * a message: counted apart, never answered) or `callback` (it becomes the channel's callback
   * work). Absent: no maximum.
   */
  readonly maxWait?: MaxWaitModel;
  /**
   * What happens to the channel's live contacts still waiting at the horizon (the close;
   * engine/kernel/closing.ts): `serve` (agents on duty stay until the queue drains) or
   * `disconnect` (they are cut off, counted `disconnected`). Absent: `serve`.
   */
  readonly atClose?: 'serve' | 'disconnect';
  /**
   * Conferences (issue 13 item 4; engine/kernel/conference.ts): a share `probability` of the
   * channel's Tier-1 calls bring in a second agent, from group `group` (an index into
   * `Model.groups`), when the call is answered, for `duration` (at most the talk). A call that
   * finds no idle agent of that group goes on without one (counted `conferencesSkipped`).
   * Absent: none.
   */
  readonly conference?: ConferenceModel;
}

/** A channel's conference: how often, with whom, how long. */
export interface ConferenceModel {
  readonly probability: number;
  readonly group: number;
  readonly duration: DistSpec;
}

/** A channel's maximum wait and what a contact that reaches it does. */
export interface MaxWaitModel {
  readonly afterSec: number;
  readonly then: 'message' | 'callback';
}

/**
 * Trunk lines (issue 12 item 1): `lines` held by the listed channels' live contacts from
 * arrival until they leave (waiting, talking, transferred); an arrival that finds them all
 * held is blocked (a busy signal). A channel's own `lines: N` is a group of its own.
 */
export interface LineGroupModel {
  readonly id: string;
  readonly lines: number;
  /** Indices into `Model.channels`. */
  readonly channels: readonly number[];
}

/** What an agent group can take: a channel, optionally one contact type, with a preference rank. */
export interface SkillModel {
  readonly channel: number;
  /** Index into the channel's types; −1 for every type of the channel. */
  readonly type: number;
  /** 1 = primary; a freed agent serves rank 1 work first (blending: voice rank 1, email rank 2). */
  readonly rank: number;
  /** Overflow: the group is eligible for a waiting contact only after it has waited this long. */
  readonly afterSec: number;
  /**
   * The contact's side of the preference (issue 12 item 6): a new contact of this skill tries
   * groups of lower `groupRank` first. Absent: `rank`, so one rank sets both orders (as before).
   */
  readonly groupRank?: number;
  /**
   * Proficiency (issue 12 item 5): the group's agents handle this work `speed` times as fast —
   * each handle time they serve, at the group's tier, is the contact's draw ÷ speed
   * (engine/proficiency.ts). Absent: 1.
   */
  readonly speed?: number;
}

/** One on-duty period of one agent, seconds from 0 (shift start to shift end). */
export interface ShiftModel {
  readonly startSec: number;
  readonly endSec: number;
  /** Breaks inside the shift: [start, end) in seconds from 0 (scheduled, not available). */
  readonly breaks: readonly { readonly startSec: number; readonly endSec: number }[];
}

export interface ShrinkageModel {
  /** Share of scheduled time spent in planned activities (meetings, training, coaching). */
  readonly planned: number;
  /** Length of one planned-shrinkage period, seconds. */
  readonly periodSec: number;
  /** Probability that an agent misses a whole day (unplanned). */
  readonly absenteeism: number;
}

export interface GroupModel {
  readonly id: string;
  /** Indices into `Model.channels` this group's agents can serve (derived from `skills`). */
  readonly channels: readonly number[];
  /** Nominal agents: the most on duty at once (for a constant staffing, the count). */
  readonly count: number;
  readonly tier: Tier;
  readonly skills: readonly SkillModel[];
  /**
   * Each agent's shifts, one list per agent (agents = list length). A constant `count` compiles
   * to `count` agents on duty from the start of the warm-up to the end of the day; per-interval
   * counts to agent k on duty in the intervals whose count is ≥ k.
   */
  readonly agentShifts: readonly (readonly ShiftModel[])[];
  /**
   * Each agent's stable name in the group, same length as `agentShifts`: `<shift>.<k>` (the
   * k-th agent of the group's shift list entry) or `<k>`. It keys the agent's own shrinkage
   * stream (engine/staffingPlan.ts), so adding an agent to one shift leaves every other
   * agent's breaks and absences unchanged (common random numbers).
   */
  readonly agentKeys: readonly string[];
  readonly shrinkage: ShrinkageModel;
  /** Cost of one agent-hour (scheduled time, plus overtime), in the scenario's currency. */
  readonly costPerHour: number;
  /**
   * When the staffed count drops (issue 12 item 8; engine/kernel/standIns.ts): `byIdentity` (absent)
   * — the agent whose shift ends leaves, finishing its contact first (overtime); `idleFirst` — the
   * group is a count: an idle colleague leaves in its stead, and a busy agent leaves only when no
   * one is idle, as it frees up (queueing models, the Java ContactCenters library).
   */
  readonly whenCountDrops?: WhenCountDrops;
}

export const WHEN_COUNT_DROPS = ['byIdentity', 'idleFirst'] as const;
export type WhenCountDrops = (typeof WHEN_COUNT_DROPS)[number];

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
  /**
   * The clock time at time 0, seconds after midnight (the scenario's `dayStart`): for labels
   * only — open hours and shifts are already compiled relative to time 0. Absent: midnight.
   */
  readonly dayStartSec?: number;
  /**
   * The calendar date of time 0 (the scenario's `startDate`, `2026-03-02`): for labels only —
   * weekly patterns and dated forecasts are already compiled to per-interval rates. Absent:
   * labels show clock times, as before dates existed.
   */
  readonly startDate?: string;
  /**
   * The span of arrivals, seconds from time 0, whose waits share one wait histogram (absent:
   * one interval). Each interval's wait percentiles are then its period's. A run that reports
   * per day sets a day: a histogram costs ~6 kB, and one per channel and half-hour of a year
   * of five channels would be 525 MB (docs/horizon.md).
   */
  readonly waitPercentileSec?: number;
  readonly serviceLevelDefinition: ServiceLevelDefinition;
  readonly channels: readonly ChannelModel[];
  readonly groups: readonly GroupModel[];
  /** Tiers 1–3, index 0–2. */
  readonly tiers: readonly [TierModel, TierModel, TierModel];
  /** Trunk line groups; absent or empty: no channel is limited by lines. */
  readonly lineGroups?: readonly LineGroupModel[];
  /** Which eligible idle agent a new contact goes to (engine/kernel/router.ts); absent: `longestIdle`. */
  readonly agentSelection?: AgentSelectionName;
  /** Outbound campaigns dialed by blended groups (engine/kernel/dialer.ts); absent or empty: inbound only, as before. */
  readonly campaigns?: readonly CampaignModel[];
}

/**
 * How a campaign's dialer places calls (issue 13 item 2): `preview` — an agent is reserved for
 * a record, reads it for `previewSec`, then the call is dialed; `progressive` — one call per
 * idle agent, the agent held for it from the dial; `predictive` — ⌈ratio × (idle − reserve)⌉
 * calls in flight, no agent held: an answered party who finds none waits its patience, then is
 * dropped (an abandoned, "nuisance", call).
 */
export const DIALER_MODES = ['preview', 'progressive', 'predictive'] as const;
export type DialerMode = (typeof DIALER_MODES)[number];

/** An outbound campaign (issue 13 items 1–3): who dials it, how, how much, and what a call is like. */
export interface CampaignModel {
  readonly id: string;
  /** The agent groups that dial it and talk to its parties (indices into `groups`). */
  readonly groups: readonly number[];
  readonly mode: DialerMode;
  /** Predictive: calls in flight per spare idle agent (1 for the other modes). */
  readonly ratio: number;
  /** Idle agents of its groups kept for inbound: dialing only while more than this many are idle. */
  readonly reserve: number;
  /** Dial only while the live inbound queues of its groups' channels hold at most this many (Infinity: no limit). */
  readonly maxQueue: number;
  /** Records dialed at most per day (day = 24 h from time 0; Infinity: no list limit). */
  readonly listPerDay: number;
  /** Dials started at most per hour, per interval (null: no rate limit). */
  readonly dialsPerHour: readonly number[] | null;
  /** Probability a dial reaches the right party, per interval of the dial. */
  readonly reach: readonly number[];
  /** Talk (and wrap) time of a connected call. */
  readonly handle: DistSpec;
  /** How long an answered party waits for an agent before hanging up (predictive only has waits). */
  readonly patience: DistSpec;
  /** Time from the dial to the answer or to giving up on no answer. */
  readonly ringTime: DistSpec;
  /** Preview: time the reserved agent reads the record before the dial (0 for the other modes). */
  readonly previewSec: number;
}

/**
 * Agent selection among the idle agents of the groups a contact may go to now (issue 12 item 6):
 * the agent idle longest; one drawn uniformly at random; or the first group in the queue's
 * order that has one (its longest-idle agent).
 */
export const AGENT_SELECTIONS = ['longestIdle', 'random', 'groupOrder'] as const;
export type AgentSelectionName = (typeof AGENT_SELECTIONS)[number];
