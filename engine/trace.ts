/**
 * What the kernel tells a per-contact trace (issue 14: `ccsim run --trace`): each moment of a
 * contact's path — arrival, a follow-up's link to the contact it comes from, an answer, a
 * callback accepted, and how each stage (tier) ended. The kernel only calls these hooks, when a
 * tracer is given; what a row holds and how it is written is the tracer's (workers/).
 *
 * A stage ends once: resolved (service finished; a repeat may follow), escalated (it goes on at
 * the next tier, a new stage of the same contact), abandoned, deflected (self-service), blocked (no line, or a full queue),
 * message (left at the maximum wait), disconnected (cut off at the close) or open (still waiting when the run ends). Hooks are called synchronously, in event order, with the
 * contact's slot in the pool; a slot is reused only after its contact has ended. A tracer must
 * not throw, and it never draws random numbers, so a traced run is the same run.
 */
import type { ContactPool } from './contacts.js';

export const StageOutcome = {
  Resolved: 0,
  Escalated: 1,
  Abandoned: 2,
  Deflected: 3,
  Open: 4,
  /** No line free or the queue full on arrival (a busy signal): the contact never entered. */
  Blocked: 5,
  /** Reached the channel's maximum wait and left a message (engine/kernel/maxWait.ts). */
  Message: 6,
  /** Still waiting in a live queue at the close of a channel that disconnects (engine/kernel/closing.ts). */
  Disconnected: 7,
} as const;

export type StageOutcomeCode = (typeof StageOutcome)[keyof typeof StageOutcome];

export interface ContactTracer {
  /** Contact in slot c has arrived (its channel, type, origin, interval and draws are set). */
  arrived(P: ContactPool, c: number, now: number): void;
  /** The contact in slot `child` will come back (retrial, repeat, return from self-service) from the one in `parent`. */
  followUp(P: ContactPool, parent: number, child: number): void;
  /** Contact c is answered by an agent of group `group`; its session lasts `handleSec`. */
  answered(P: ContactPool, c: number, now: number, group: number, handleSec: number): void;
  /** Contact c accepted a callback and moved to the callback queue. */
  calledBack(P: ContactPool, c: number, now: number): void;
  /** Contact c's current stage ended so. */
  ended(P: ContactPool, c: number, now: number, outcome: StageOutcomeCode): void;
}
