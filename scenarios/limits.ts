/**
 * Upper bounds on every size a scenario can ask for. They exist so that a typo (an extra
 * zero, `h` for `m`, a horizon in years) is reported as an input error instead of making the
 * simulator allocate gigabytes or run for days: the kernel sizes typed arrays by agents and
 * intervals, and the compiled model holds one rate per channel per interval. Each bound is
 * far above any real operation (the largest contact centers run a few tens of thousands of
 * seats), so no honest plan is rejected.
 */
export const SCENARIO_LIMITS = {
  /** Agents in one group; a large site is a few thousand seats. */
  maxAgentsPerGroup: 100_000,
  /** Agents over all groups: the kernel keeps a few typed-array slots per agent. */
  maxAgentsTotal: 1_000_000,
  /** The recorded day: up to a (leap) year, a plausible planning horizon. */
  maxHorizonSec: 366 * 86_400,
  /** Warm-up is simulated too, so it is bounded like the horizon. */
  maxWarmupSec: 366 * 86_400,
  /** Reporting intervals (horizon ÷ interval): statistics are kept per interval. */
  maxIntervals: 100_000,
  /** Staffing is planned per 15 or 30 minutes; below a minute the counters are noise. */
  minIntervalSec: 60,
  /** Replications of one scenario; confidence intervals stop narrowing long before this. */
  maxReplications: 100_000,
  /** Arrival rate of one channel; a national emergency line peaks far below this. */
  maxArrivalsPerHour: 1_000_000,
  /** Channels in one scenario (each has per-interval arrays). */
  maxChannels: 100,
  /** Agent groups in one scenario. */
  maxGroups: 1_000,
  /** Observations in an `empirical` distribution (kept in memory by the sampler). */
  maxEmpiricalValues: 1_000_000,
  /** Phases of an `erlang` distribution (a sampler may draw one number per phase). */
  maxErlangPhases: 1_000,
  /** Size of a scenario file; a YAML parser holds several copies of the text in memory. */
  maxFileBytes: 64 * 1024 * 1024,
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
  /** cv of the day-level forecast error; a forecast off by more than ±300% is no forecast. */
  maxOverdispersion: 3,
  /** Cost of an agent-hour, in any currency; guards against a misplaced decimal point. */
  maxCostPerHour: 1_000_000,
  /** `assert:` entries of one scenario. */
  maxAsserts: 1_000,
  /** Length of one `assert:` entry. */
  maxAssertLength: 500,
  /** Points of one sweep (`--vary` grid or `sweep:` block): a typo such as `0..1e9` must not exhaust memory. */
  maxSweepPoints: 10_000,
} as const;

export type ScenarioLimits = typeof SCENARIO_LIMITS;
