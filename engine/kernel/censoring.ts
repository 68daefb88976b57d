/**
 * The end of the run: work still open (deferred work, callbacks, tickets) has an unknown
 * outcome where its target deadline lies beyond the horizon. It is counted `pending`
 * (censored) and left out of the service level's population; where the deadline has passed,
 * it is a miss and nothing more is recorded. Deadline: tier 1, arrival + the channel's T;
 * tiers 2–3, escalation + the tier's target.
 */
import { ContactState } from '../contacts.js';
import { StageOutcome } from '../trace.js';
import type { KernelState } from './state.js';

export function censorOpenWork(k: KernelState): void {
  const P = k.contacts;
  const R = k.routing;
  for (let q = 0; q < R.queueCount; q++) {
    const queue = k.queues[q];
    if (queue.live === 0) continue;
    queue.forEach((c, token) => {
      if (P.token[c] !== token || P.state[c] !== ContactState.Waiting) return;
      if (k.tracer !== null) k.tracer.ended(P, c, k.calendar.now, StageOutcome.Open);
      const iv = P.interval[c];
      if (iv < 0) return;
      const ch = P.channel[c];
      const tier = P.tier[c];
      const deadline = tier === 1 ? P.arrivalSec[c] + k.targetSec[ch] : P.enqueueSec[c] + R.queueTargetSec[q];
      if (deadline <= k.horizonSec) return;
      if (tier === 1) k.recorder.pending(ch, iv, P.type[c]);
      else k.recorder.tier.pending[tier - 1]++;
    });
  }
}
