// The age of a channel's deferred backlog (engine/backlog.ts): the nearest-rank 90th
// percentile (the ⌈0.9·n⌉-th smallest age) of the contacts really waiting in the channel's
// deferred queues — tickets and callbacks of a live channel included, live queues, other
// channels, stale entries and contacts no longer waiting left out — with ages written by hand.
import { describe, expect, it } from 'vitest';
import { BacklogAges } from '../../engine/backlog.js';
import { ContactPool, ContactState } from '../../engine/contacts.js';
import { ContactQueue } from '../../engine/queue.js';
import { routingOf } from '../../engine/routing.js';
import { model, withChannel } from '../support/model.js';

// voice (channel 0): queues 0 tier 1 and 1 tier 2 (live), 2 tier 3 (ticket: deferred) and 3
// callbacks (deferred); email (channel 1): queues 4–7, all deferred.
const m = withChannel(model({ horizonSec: 3600, channels: [{ id: 'voice' }, { id: 'email' }] }), 1, { kind: 'email', deferred: true });
const routing = routingOf(m);
const VOICE = 0;
const EMAIL = 1;

/** An empty center: a contact pool and the model's eight queues. */
function center(): { contacts: ContactPool; queues: ContactQueue[]; wait: (q: number, arrivalSec: number) => number } {
  const contacts = new ContactPool(16);
  const queues = Array.from({ length: routing.queueCount }, () => new ContactQueue());
  let nextToken = 1;
  /** A contact that arrived at arrivalSec waits in queue q, as the kernel enqueues it. */
  const wait = (q: number, arrivalSec: number): number => {
    const c = contacts.take();
    contacts.arrivalSec[c] = arrivalSec;
    contacts.token[c] = nextToken++;
    contacts.state[c] = ContactState.Waiting;
    queues[q].push(c, contacts.token[c]);
    return c;
  };
  return { contacts, queues, wait };
}

describe('BacklogAges.p90', () => {
  it('lays the queues out as the tests assume (deferred: voice tickets and callbacks, all of email)', () => {
    expect(Array.from(routing.queueChannel)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(Array.from(routing.queueDeferred)).toEqual([0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('is NaN when no deferred contact waits, even with callers waiting in the live queues', () => {
    const { contacts, queues, wait } = center();
    wait(0, 10);
    wait(1, 20);
    expect(new BacklogAges().p90(routing, queues, contacts, VOICE, 100)).toBeNaN();
    expect(new BacklogAges().p90(routing, queues, contacts, EMAIL, 100)).toBeNaN();
  });

  it('is the age now − arrival of a single waiting contact: arrived 100, now 460 → 360', () => {
    const { contacts, queues, wait } = center();
    wait(4, 100);
    expect(new BacklogAges().p90(routing, queues, contacts, EMAIL, 460)).toBe(360);
  });

  it('takes the ⌈0.9·n⌉-th smallest age: ages 1…10 → 9, ages 1…11 → 10, ages 1…20 → 18', () => {
    for (const [n, want] of [[10, 9], [11, 10], [20, 18]] as const) {
      const { contacts, queues, wait } = center();
      for (let age = 1; age <= n; age++) wait(4, 1000 - age);
      expect([n, new BacklogAges().p90(routing, queues, contacts, EMAIL, 1000)]).toEqual([n, want]);
    }
  });

  it('sorts the ages by value, whatever the queue order: ages 100, 9, 10 → 100 (⌈2.7⌉ = 3rd smallest)', () => {
    const { contacts, queues, wait } = center();
    wait(4, 0);
    wait(4, 91);
    wait(5, 90);
    expect(new BacklogAges().p90(routing, queues, contacts, EMAIL, 100)).toBe(100);
  });

  it('counts a live channel’s tickets and callbacks, not its live queues nor another channel', () => {
    const { contacts, queues, wait } = center();
    wait(0, -900); // voice tier 1, age 1000: live, left out
    wait(1, -1900); // voice tier 2, age 2000: live, left out
    wait(2, 90); // voice ticket, age 10
    wait(2, 80); // voice ticket, age 20
    wait(3, 70); // voice callback, age 30
    wait(6, -4900); // email, age 5000: another channel
    const ages = new BacklogAges();
    expect(ages.p90(routing, queues, contacts, VOICE, 100)).toBe(30);
    expect(ages.p90(routing, queues, contacts, EMAIL, 100)).toBe(5000);
  });

  it('skips an entry whose contact has left the queue (new token) and one no longer waiting', () => {
    const { contacts, queues, wait } = center();
    wait(4, 50); // age 50: still waiting
    const moved = wait(4, 30); // age 70: took another queue, with a new token
    const served = wait(4, 10); // age 90: being answered
    contacts.token[moved] = 99;
    contacts.state[served] = ContactState.InService;
    expect(new BacklogAges().p90(routing, queues, contacts, EMAIL, 100)).toBe(50);
  });

  it('trusts the live count: a queue whose contacts have all left is not read', () => {
    const { contacts, queues, wait } = center();
    wait(4, 0);
    queues[4].live = 0;
    expect(new BacklogAges().p90(routing, queues, contacts, EMAIL, 100)).toBeNaN();
  });

  it('grows past its first 64 ages without losing any: 130 contacts aged 200, 199 … 71 → 187', () => {
    // The oldest come first in the queue: were the first ages lost in a growth, p90 would fall.
    const { contacts, queues, wait } = center();
    for (let i = 0; i < 130; i++) wait(4, i);
    const ages = new BacklogAges();
    expect(ages.p90(routing, queues, contacts, EMAIL, 200)).toBe(71 + 116);
  });

  it('reads only the present call’s ages, not a longer earlier call’s', () => {
    const { contacts, queues, wait } = center();
    for (let i = 0; i < 70; i++) wait(4, i); // ages 1000 … 931
    const ages = new BacklogAges();
    expect(ages.p90(routing, queues, contacts, EMAIL, 1000)).toBe(931 + 62);
    const later = center();
    later.wait(5, 995);
    later.wait(5, 996);
    expect(ages.p90(routing, later.queues, later.contacts, EMAIL, 1000)).toBe(5);
  });
});
