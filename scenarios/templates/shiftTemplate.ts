/**
 * A shift template expanded for one horizon: what the covering integer program
 * (workers/scheduling/cover.ts) chooses counts for. All times are seconds; start times are
 * absolute, from the horizon's time 0, every day the template works already listed. The
 * template file (`./schema.ts`) is how people write these; `./expand.ts` turns one into the other.
 */

/** A break of every shift of a template; `earliestSec`/`latestSec` bound its start, from the shift's start. */
export interface BreakRule {
  readonly lengthSec: number;
  /** An unpaid break is not costed (the shift's paid hours exclude it). */
  readonly paid: boolean;
  readonly earliestSec: number;
  readonly latestSec: number;
}

export interface ShiftTemplate {
  readonly id: string;
  /** Absolute start times from the horizon's time 0 (all days expanded), ascending. */
  readonly startsSec: readonly number[];
  /** From start to end, breaks included. */
  readonly lengthSec: number;
  readonly costPerHour: number;
  /** Agents at each start instance (every break placement together): at least `min`, at most `max`. */
  readonly min?: number;
  readonly max?: number;
  /** Agents on every start of the template together: at least `minTotal`, at most `maxTotal`. */
  readonly minTotal?: number;
  readonly maxTotal?: number;
  /** In the order they are taken: each starts after the previous one ends. */
  readonly breaks: readonly BreakRule[];
}
