/**
 * The size of the covering program (workers/scheduling/cover.ts), bounded so that no template
 * file or requirement makes HiGHS run away or the matrix exhaust memory. Measured with
 * bench/cover.mjs (docs/schedule.md): a day of 48 intervals with 30 templates is a few
 * thousand columns; a week of 336 intervals some tens of thousands.
 */
import { TEMPLATE_LIMITS } from '../../scenarios/templates/limits.js';

export const COVER_LIMITS = {
  /**
   * Columns (template, start, break placement). Past this the break placements are coarsened
   * to every 2nd, 4th … grid slot of their windows; a program still larger is refused.
   */
  maxColumns: 200_000,
  /** Nonzeros of the matrix (each column has one per interval its shift touches): ~12 bytes each, several copies in HiGHS. */
  maxNonzeros: 8_000_000,
  /** Intervals of the requirement (rows): the scenario's cap on intervals. */
  maxIntervals: 100_000,
  /** Agents required in one interval. */
  maxRequirement: 1_000_000,
  /** Templates, starts and breaks: as a template file may give (scenarios/templates/limits.ts). */
  maxTemplates: TEMPLATE_LIMITS.maxTemplates,
  maxStartInstances: TEMPLATE_LIMITS.maxStartInstances,
  maxBreaks: TEMPLATE_LIMITS.maxBreaks,
  /** @default 30 s — the whole `ccsim schedule` is meant to take under two minutes. */
  defaultTimeLimitSec: 30,
  /** HiGHS's own default `mip_rel_gap`. */
  defaultRelativeGap: 1e-4,
  /** The longest time limit accepted: an hour. */
  maxTimeLimitSec: 3600,
} as const;
