/**
 * A row of a simulated ACD interval report (`ccsim run --acd-report`, issue 14 goal 6): one
 * channel in one interval, summed the way an ACD sums its queue by workers/acdReport.ts and
 * written in the canonical columns by reports/run/acdReport.ts.
 */
export interface AcdRow {
  readonly channel: string;
  readonly interval: number;
  /** Seconds from the start of the recorded day. */
  readonly startSec: number;
  readonly offered: number;
  readonly answered: number;
  readonly abandoned: number;
  /** NaN when nobody was answered. */
  readonly ahtSec: number;
  readonly asaSec: number;
  readonly answeredWithin: number;
  readonly staffed: number;
  /** Mean wait of the abandoned; NaN when nobody abandoned. */
  readonly ataSec: number;
}
