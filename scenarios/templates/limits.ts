/**
 * Upper bounds on a shift-template file and on what it expands to, so that no file (a typo in
 * a step, a start list pasted twice) makes the loader or the covering program run away. Each
 * is far above a real roster: contact centers plan with a few dozen templates, starts every
 * 15 or 30 minutes and two or three breaks a shift. The program's own size cap (columns
 * after break placements) is workers/scheduling/coverLimits.ts's.
 */
export const TEMPLATE_LIMITS = {
  /** Templates in one file. */
  maxTemplates: 200,
  /** Start times of one template in one day: every 5 minutes around the clock. */
  maxStartsPerDay: 288,
  /** Breaks of one shift (the scenario's shifts allow 20; a real shift has 1–3). */
  maxBreaks: 5,
  /** Start instances over all templates and days of the horizon (each is at least one column). */
  maxStartInstances: 100_000,
  /** Agents at one start or over a template: the scenario's cap on a group. */
  maxAgents: 100_000,
  /** Cost of an agent-hour, as in a scenario (guards against a misplaced decimal point). */
  maxCostPerHour: 1_000_000,
} as const;
