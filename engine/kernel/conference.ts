/**
 * Conferences (issue 13 item 4): a share of a channel's Tier-1 calls bring in a second agent from a
 * named group — a supervisor, a specialist, an interpreter — who joins when the call is answered
 * and stays for the drawn duration, at most the talk (a second agent does not stay on a call the
 * customer has left). Whether and how long are drawn when the contact arrives (contactFactory.ts,
 * streams `conference:` and `conferenceDuration:`), so they belong to the contact whatever the
 * staffing.
 *
 * A call that finds no idle agent of the group goes on without one (`conferencesSkipped`): the
 * first agent does not hold the customer waiting for a colleague. The simplest rule that keeps
 * the customer's figures the ACD's (nobody waits twice) and needs no second queue; the README says so.
 * The second agent is the group's longest idle, taken as any answer takes an agent: busy (its
 * occupancy, the group's busy time on this channel), unlisted, back to work — or off duty — when
 * it leaves. Its time is not an answer (the group's `handled` and AHT are its own calls).
 */
import { EventKind, EventPriority } from '../calendar.js';
import { endSession } from './service.js';
import type { KernelState } from './state.js';

/** Call c of channel ch, answered now with talk `talkSec`, asks for its second agent. */
export function joinConference(k: KernelState, c: number, ch: number, talkSec: number, now: number): void {
  const A = k.agents;
  const P = k.contacts;
  const iv = P.interval[c];
  const b = A.longestIdle(k.conferenceGroup[ch]);
  if (b < 0) {
    if (iv >= 0) k.recorder.count('conferencesSkipped', ch, iv);
    return;
  }
  const stay = Math.min(P.conferenceSec[c], talkSec);
  A.busySince[b] = now;
  A.sessionChannel[b] = ch;
  A.sessions[b] = 1;
  A.unlist(b);
  k.totals.conferencesBegun[ch]++;
  if (iv >= 0) {
    k.recorder.count('conferences', ch, iv);
    k.recorder.count('conferenceSumSec', ch, iv, stay);
  }
  k.calendar.schedule(now + stay, EventPriority.Finish, EventKind.ConferenceEnd, b);
}

/** Agent b leaves the conference call: its session closes as any other. */
export function leaveConference(k: KernelState, b: number, now: number): void {
  const ch = k.agents.sessionChannel[b];
  k.totals.conferencesEnded[ch]++;
  endSession(k, b, ch, now);
}
