/**
 * The age of a channel's deferred backlog (email, social, callbacks, tickets), sampled as an
 * interval closes: its 90th percentile feeds `backlogAgeP90Sec`. Boundary events only, never
 * per contact, so a sort of the waiting ages is affordable.
 */
import { ContactState, type ContactPool } from './contacts.js';
import type { ContactQueue } from './queue.js';
import type { RoutingTable } from './routing.js';

export class BacklogAges {
  private scratch = new Float64Array(64);

  /** 90th percentile of the age of channel ch's waiting deferred contacts at `now`; NaN if none. */
  p90(routing: RoutingTable, queues: readonly ContactQueue[], contacts: ContactPool, ch: number, now: number): number {
    const R = routing;
    let n = 0;
    for (let q = 0; q < R.queueCount; q++) {
      if (R.queueChannel[q] !== ch || R.queueDeferred[q] === 0 || queues[q].live === 0) continue;
      queues[q].forEach((c, token) => {
        if (contacts.token[c] !== token || contacts.state[c] !== ContactState.Waiting) return;
        if (n === this.scratch.length) {
          const grown = new Float64Array(n * 2);
          grown.set(this.scratch);
          this.scratch = grown;
        }
        this.scratch[n++] = now - contacts.arrivalSec[c];
      });
    }
    if (n === 0) return NaN;
    const ages = this.scratch.subarray(0, n).sort();
    return ages[Math.max(0, Math.ceil(0.9 * n) - 1)];
  }
}
