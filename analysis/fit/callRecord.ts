/**
 * One call as the fitters see it (issue 14, calibration from call records): what a call-record
 * export or ccsim's own trace says of a call's first queue. The reader is
 * scenarios/callRecords.ts; the fitters (handleFit.ts, patienceFit.ts) trust these values.
 */

/**
 * How a call left the queue: an agent answered it, the caller hung up first, or the system took
 * it out (`sentAway`: a message at the maximum wait, a disconnection at the close — the caller's
 * patience outlasted the wait, a censored observation like an answer, with no handle time).
 */
export type CallOutcome = 'answered' | 'abandoned' | 'sentAway';

export interface CallRecord {
  /** The file's line, for messages. */
  readonly line: number;
  /** Seconds on the file's own clock (from 1970-01-01 for date-times, from midnight for clock times, as written for seconds). */
  readonly arrivalSec: number;
  /** The channel, or `null` when the file has no channel column. */
  readonly channel: string | null;
  /** Time in queue; for an abandoned call, its time to abandon. */
  readonly waitSec: number;
  readonly outcome: CallOutcome;
  /** Talk + hold + wrap of an answered call; `null` for an abandoned one. */
  readonly handleSec: number | null;
}
