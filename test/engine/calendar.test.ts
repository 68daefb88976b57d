import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar, EventKind, EventPriority } from '../../engine/calendar.js';

function drain(cal: Calendar): { t: number; kind: number; entity: number }[] {
  const out = [];
  while (cal.pop()) out.push({ t: cal.now, kind: cal.kind, entity: cal.entity });
  return out;
}

describe('Calendar', () => {
  it('pops events in time order', () => {
    const cal = new Calendar(2);
    [5, 1, 4, 2, 3].forEach((t, i) => cal.schedule(t, EventPriority.Arrival, EventKind.Arrival, i));
    expect(drain(cal).map((e) => e.t)).toEqual([1, 2, 3, 4, 5]);
  });

  it('handles a release before a new contact is routed at the same instant', () => {
    const cal = new Calendar();
    cal.schedule(10, EventPriority.Arrival, EventKind.Arrival, 0);
    cal.schedule(10, EventPriority.Finish, EventKind.Finish, 7);
    expect(drain(cal).map((e) => e.kind)).toEqual([EventKind.Finish, EventKind.Arrival]);
  });

  it('answers a customer whose agent frees at the instant their patience runs out (finish before abandon)', () => {
    const cal = new Calendar();
    cal.schedule(10, EventPriority.Abandon, EventKind.Abandon, 3);
    cal.schedule(10, EventPriority.Finish, EventKind.Finish, 1);
    expect(drain(cal).map((e) => e.kind)).toEqual([EventKind.Finish, EventKind.Abandon]);
  });

  it('lets abandonments at an instant happen before arrivals at that instant', () => {
    const cal = new Calendar();
    cal.schedule(10, EventPriority.Arrival, EventKind.Arrival, 0);
    cal.schedule(10, EventPriority.Abandon, EventKind.Abandon, 3);
    expect(drain(cal).map((e) => e.kind)).toEqual([EventKind.Abandon, EventKind.Arrival]);
  });

  it('closes an interval before anything else at its boundary instant', () => {
    const cal = new Calendar();
    cal.schedule(10, EventPriority.Staffing, EventKind.Staffing, 0);
    cal.schedule(10, EventPriority.Boundary, EventKind.Boundary, 1);
    expect(drain(cal).map((e) => e.kind)).toEqual([EventKind.Boundary, EventKind.Staffing]);
  });

  it('opens a channel after the staffing changes and before the releases of that instant', () => {
    const cal = new Calendar();
    cal.schedule(10, EventPriority.Finish, EventKind.Finish, 0);
    cal.schedule(10, EventPriority.Opening, EventKind.Opening, 0);
    cal.schedule(10, EventPriority.Staffing, EventKind.Staffing, 0);
    expect(drain(cal).map((e) => e.kind)).toEqual([EventKind.Staffing, EventKind.Opening, EventKind.Finish]);
  });

  it('runs customer timers at one instant in the order overflow, callback offer, abandonment', () => {
    const cal = new Calendar();
    cal.schedule(10, EventPriority.Abandon, EventKind.Abandon, 0);
    cal.schedule(10, EventPriority.CallbackOffer, EventKind.Callback, 0);
    cal.schedule(10, EventPriority.Overflow, EventKind.Overflow, 0);
    expect(drain(cal).map((e) => e.kind)).toEqual([EventKind.Overflow, EventKind.Callback, EventKind.Abandon]);
  });

  it('runs the maximum wait after the callback offer and before patience runs out at the same instant', () => {
    const cal = new Calendar();
    cal.schedule(10, EventPriority.Arrival, EventKind.Arrival, 0);
    cal.schedule(10, EventPriority.Abandon, EventKind.Abandon, 0);
    cal.schedule(10, EventPriority.MaxWait, EventKind.MaxWait, 0);
    cal.schedule(10, EventPriority.CallbackOffer, EventKind.Callback, 0);
    cal.schedule(10, EventPriority.Finish, EventKind.Finish, 0);
    expect(drain(cal).map((e) => e.kind)).toEqual([EventKind.Finish, EventKind.Callback, EventKind.MaxWait, EventKind.Abandon, EventKind.Arrival]);
  });

  it('answers an outbound dial after the instant’s inbound arrivals, and lets an answered party hang up only after releases and the dial results', () => {
    const cal = new Calendar();
    cal.schedule(10, EventPriority.OutboundAbandon, EventKind.OutboundAbandon, 0);
    cal.schedule(10, EventPriority.DialResult, EventKind.DialResult, 0);
    cal.schedule(10, EventPriority.Arrival, EventKind.Arrival, 0);
    cal.schedule(10, EventPriority.Finish, EventKind.OutboundFinish, 0);
    cal.schedule(10, EventPriority.Abandon, EventKind.Abandon, 0);
    expect(drain(cal).map((e) => e.kind)).toEqual([EventKind.OutboundFinish, EventKind.Abandon, EventKind.Arrival, EventKind.DialResult, EventKind.OutboundAbandon]);
  });

  it('applies staffing changes before anything else at the same instant', () => {
    const cal = new Calendar();
    cal.schedule(10, EventPriority.Arrival, EventKind.Arrival, 0);
    cal.schedule(10, EventPriority.Finish, EventKind.Finish, 0);
    cal.schedule(10, EventPriority.Staffing, EventKind.Staffing, 0);
    expect(drain(cal).map((e) => e.kind)).toEqual([EventKind.Staffing, EventKind.Finish, EventKind.Arrival]);
  });

  it('keeps events of one time and priority in the order they were scheduled', () => {
    const cal = new Calendar(1);
    for (let i = 0; i < 50; i++) cal.schedule(3, EventPriority.Arrival, EventKind.Arrival, i);
    expect(drain(cal).map((e) => e.entity)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('returns the sequence number an owner uses to recognise its event (lazy cancellation)', () => {
    const cal = new Calendar();
    const a = cal.schedule(5, EventPriority.Abandon, EventKind.Abandon, 1);
    const b = cal.schedule(6, EventPriority.Abandon, EventKind.Abandon, 1);
    expect(b).not.toBe(a);
    cal.pop();
    expect(cal.eventSeq).toBe(a);
    cal.pop();
    expect(cal.eventSeq).toBe(b);
  });

  it('reports size and next time correctly while a popped root awaits refill', () => {
    const cal = new Calendar();
    cal.schedule(1, 0, 0, 0);
    cal.schedule(2, 0, 0, 1);
    cal.pop();
    expect(cal.size).toBe(1);
    expect(cal.peekTime()).toBe(2);
    cal.schedule(1.5, 0, 0, 2);
    expect(drain(cal).map((e) => e.t)).toEqual([1.5, 2]);
  });

  it('is a total order on (time, priority, sequence) for any interleaving of schedules and pops', () => {
    const op = fc.oneof(
      fc.record({ op: fc.constant('push' as const), t: fc.integer({ min: 0, max: 20 }), p: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ op: fc.constant('pop' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const cal = new Calendar(2);
        const model: { t: number; p: number; s: number }[] = [];
        let clock = 0;
        for (const o of ops) {
          if (o.op === 'push') {
            const t = clock + o.t;
            const s = cal.schedule(t, o.p, 0, 0);
            model.push({ t, p: o.p, s });
          } else if (model.length > 0) {
            model.sort((x, y) => x.t - y.t || x.p - y.p || x.s - y.s);
            const want = model.shift()!;
            expect(cal.pop()).toBe(true);
            expect([cal.now, cal.eventSeq]).toEqual([want.t, want.s]);
            clock = cal.now;
          }
        }
        expect(cal.size).toBe(model.length);
      }),
    );
  });

  it('is empty when nothing is scheduled: pop returns false and the next time is Infinity', () => {
    const cal = new Calendar();
    expect(cal.size).toBe(0);
    expect(cal.peekTime()).toBe(Infinity);
    expect(cal.pop()).toBe(false);
    cal.schedule(4, EventPriority.Arrival, EventKind.Arrival, 0);
    expect(cal.pop()).toBe(true);
    expect(cal.pop()).toBe(false);
    expect(cal.size).toBe(0);
    expect(cal.peekTime()).toBe(Infinity);
  });

  it('starts over on reset: empty, clock at 0, sequence numbers from 0 again', () => {
    const cal = new Calendar(2);
    for (const t of [3, 1, 2]) cal.schedule(t, EventPriority.Arrival, EventKind.Arrival, 0);
    cal.pop();
    cal.reset();
    expect([cal.size, cal.now, cal.peekTime()]).toEqual([0, 0, Infinity]);
    expect(cal.pop()).toBe(false);
    expect(cal.schedule(9, EventPriority.Finish, EventKind.Finish, 5)).toBe(0);
    expect(drain(cal)).toEqual([{ t: 9, kind: EventKind.Finish, entity: 5 }]);
  });

  it('returns each event’s kind and entity with its time, across growth from capacity 1', () => {
    const cal = new Calendar(1);
    cal.schedule(3, EventPriority.Abandon, EventKind.Abandon, 30);
    cal.schedule(1, EventPriority.Arrival, EventKind.Arrival, 10);
    cal.schedule(2, EventPriority.Staffing, EventKind.Staffing, 20);
    cal.schedule(1, EventPriority.Boundary, EventKind.Boundary, 11);
    expect(drain(cal)).toEqual([
      { t: 1, kind: EventKind.Boundary, entity: 11 },
      { t: 1, kind: EventKind.Arrival, entity: 10 },
      { t: 2, kind: EventKind.Staffing, entity: 20 },
      { t: 3, kind: EventKind.Abandon, entity: 30 },
    ]);
  });

  it('orders the priorities of one instant boundary, staffing, opening, finish, abandon, arrival', () => {
    const cal = new Calendar();
    const order = ['Arrival', 'Abandon', 'Finish', 'Opening', 'Staffing', 'Boundary'] as const;
    order.forEach((name, i) => cal.schedule(10, EventPriority[name], EventKind[name], i));
    expect(drain(cal).map((e) => e.entity)).toEqual([5, 4, 3, 2, 1, 0]);
  });
});

