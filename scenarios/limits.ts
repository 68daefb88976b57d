/**
 * Upper bounds on every size a scenario can ask for. They exist so that a typo (an extra
 * zero, `h` for `m`, a horizon in years) is reported as an input error instead of making the
 * simulator allocate gigabytes or run for days: the kernel sizes typed arrays by agents and
 * intervals, and the compiled model holds one rate per channel per interval. Each bound is
 * far above any real operation (the largest contact centers run a few tens of thousands of
 * seats), so no honest plan is rejected.
 */
import { DAY_SEC } from '../engine/time.js';

export const SCENARIO_LIMITS = {
  /** Agents in one group; a large site is a few thousand seats. */
  maxAgentsPerGroup: 100_000,
  /** Agents over all groups: the kernel keeps a few typed-array slots per agent. */
  maxAgentsTotal: 1_000_000,
  /** The recorded day: up to a (leap) year, a plausible planning horizon. */
  maxHorizonSec: 366 * DAY_SEC,
  /** Warm-up is simulated too, so it is bounded like the horizon. */
  maxWarmupSec: 366 * DAY_SEC,
  /** Reporting intervals (horizon ÷ interval): statistics are kept per interval. */
  maxIntervals: 100_000,
  /** Staffing is planned per 15 or 30 minutes; below a minute the counters are noise. */
  minIntervalSec: 60,
  /** Replications of one scenario; confidence intervals stop narrowing long before this. */
  maxReplications: 100_000,
  /** Arrival rate of one channel; a national emergency line peaks far below this. */
  maxArrivalsPerHour: 1_000_000,
  /** Largest `arrivals.scale` (a what-if multiplier of a channel's volume). */
  maxArrivalScale: 100,
  /** Channels in one scenario (each has per-interval arrays). */
  maxChannels: 100,
  /** Agent groups in one scenario. */
  maxGroups: 1_000,
  /**
   * Observations in an `empirical` distribution. Reading a list costs ~20–40 µs a value in the
   * YAML parser (a million took 20 s and 1.3 GB), so the largest list reads in about a tenth
   * of a second (docs/decisions.md, "Bounds on input and work"); a sample of 10,000 fixes
   * every percentile a planner reads to within a fraction of a percent.
   */
  maxEmpiricalValues: 10_000,
  /** Phases of an `erlang` distribution (a sampler may draw one number per phase). */
  maxErlangPhases: 1_000,
  /**
   * Size of a scenario file. The cap every reader applies is scenarios/inputFile.ts's
   * `INPUT_LIMITS` (16 MB, raised by `--max-input-mb`); this is its default, kept for callers.
   */
  maxFileBytes: 16 * 1024 * 1024,
  /**
   * Values and list items in a scenario document, counted by the YAML lexer before it is
   * parsed: the parser and its syntax tree cost ~20–40 µs and a few hundred bytes each.
   * The largest allowed document parses in about a second; real scenarios hold a few hundred.
   */
  maxDocumentNodes: 50_000,
  /** Characters in one text of the document (a name, a description, a comment). */
  maxTextChars: 100_000,
  /**
   * A duration of a distribution (a handle time, a patience, a delay, any of their
   * parameters): a year. Longer is a unit typo (`10000h`), and times like 1e300 s break the
   * arithmetic of the Erlang baseline.
   */
  maxDistributionSec: 366 * DAY_SEC,
  /**
   * Offered load of one channel in its busiest interval, Erlangs (rate reaching agents × mean
   * handle time). The Erlang solvers staff at most 1,000,000 agents (engine/erlang's
   * `MAX_STAFFED_AGENTS`); 900,000 Erlangs leaves room for any service-level goal (even 100%
   * needs only ~7√A agents above the load A), so every channel's baseline is computable.
   */
  maxOfferedLoadErlangs: 900_000,
  /**
   * Contacts the Erlang A baseline may see waiting: the busiest rate reaching agents × the
   * mean patience, which is the queue with nobody answering (the first step of its staffing
   * search). The series of the Erlang A queue has about that many terms (engine/erlang/
   * queueLength.ts `MAX_QUEUE_TERMS`).
   */
  maxPatientContacts: 1_000_000,
  /** Length of a channel or group id (ids become JSON keys and CSV columns). */
  maxIdLength: 64,
  /** Contact types of one channel (each has its own queues per tier and priority). */
  maxTypesPerChannel: 100,
  /** Skills of one agent group (scanned when routing). */
  maxSkillsPerGroup: 1_000,
  /** Preference ranks: more than a handful of fallbacks is a typo. */
  maxSkillRank: 9,
  /** Shift patterns of one group (each repeats every day). */
  maxShiftsPerGroup: 1_000,
  /** Breaks in one shift. */
  maxBreaksPerShift: 20,
  /**
   * Agent shifts in the compiled model over all groups (agents × days, or on-duty runs of
   * per-interval counts): each is a small object the model carries to every worker.
   */
  maxAgentShifts: 2_000_000,
  /** Sessions one agent holds at once; chat desks run 2–4. */
  maxConcurrency: 20,
  /** Contacts waiting at time 0 on one channel. */
  maxInitialBacklog: 1_000_000,
  /** Trunk lines of one channel or line group, and one channel's queue capacity. */
  maxLines: 1_000_000,
  /** `lineGroups:` entries. */
  maxLineGroups: 100,
  /** `campaigns:` entries, and a predictive dialer's calls per spare agent (real dialers run 1–3). */
  maxCampaigns: 100,
  maxDialRatio: 20,
  /** cv of the day-level forecast error; a forecast off by more than ±300% is no forecast. */
  maxOverdispersion: 3,
  /** A skill's speed factor (issue 12 item 5): a tenth of the channel's pace to ten times it. */
  minSkillSpeed: 0.1,
  maxSkillSpeed: 10,
  /** Cost of an agent-hour, in any currency; guards against a misplaced decimal point. */
  maxCostPerHour: 1_000_000,
  /** `assert:` entries of one scenario. */
  maxAsserts: 1_000,
  /** Length of one `assert:` entry. */
  maxAssertLength: 500,
  /** Points of one sweep (`--vary` grid or `sweep:` block): a typo such as `0..1e9` must not exhaust memory. */
  maxSweepPoints: 10_000,
  /** Components of one mixture distribution. */
  maxMixtureComponents: 20,
  /** Named what-if variants of one scenario (`variants:`), and patches in one variant. */
  maxVariants: 100,
  maxVariantPatches: 100,
} as const;

export type ScenarioLimits = typeof SCENARIO_LIMITS;
