/**
 * The shift-template file (docs/schedule.md): which shifts a schedule may use — allowed start
 * times, lengths, days, counts, costs and break rules with windows. Validated with zod like a
 * scenario; each field carries its sentence-style rule, printed after the field's place in the
 * file (`templates.yaml:4:13 templates[0].length: must be a positive duration (got "-8h")`).
 */
import { z } from 'zod';
import { formatDuration } from '../duration.js';
import { boundedNumber, duration, timeOfDay, wholeNumber } from '../quantity.js';
import { id } from '../schema/common.js';
import { TEMPLATE_LIMITS as T } from './limits.js';
import { DAY_SEC } from '../../engine/time.js';

/** Weekdays as planners write them, Monday first; index 0–6 is the weekday number `dayStartWeekday` uses. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const agents = (description: string) => wholeNumber(0, T.maxAgents, 'agents', description).optional();

const startRange = z
  .strictObject({
    from: timeOfDay(DAY_SEC, true, 'first start time'),
    to: timeOfDay(DAY_SEC, true, 'last start time (included when the steps reach it)'),
    step: duration({ min: 60, max: DAY_SEC }, 'time between start times, at least 1m'),
  })
  .superRefine((range, ctx) => {
    if (range.to < range.from) {
      ctx.addIssue({ code: 'custom', message: 'must not be before from (a range stays within one day; list overnight starts explicitly)', input: range.to, path: ['to'] });
    } else if (Math.floor((range.to - range.from) / range.step) + 1 > T.maxStartsPerDay) {
      const count = Math.floor((range.to - range.from) / range.step) + 1;
      ctx.addIssue({ code: 'custom', message: `must give at most ${T.maxStartsPerDay} start times a day (from, to and step give ${count})`, input: range.step, path: ['step'] });
    }
  })
  .meta({ description: 'start times from `from` to `to` every `step`' });

const startList = z
  .array(timeOfDay(DAY_SEC, true, 'a start time'))
  .min(1, { error: 'must list at least one start time' })
  .max(T.maxStartsPerDay, { error: `must list at most ${T.maxStartsPerDay} start times` })
  .superRefine((starts, ctx) => {
    starts.forEach((s, i) => {
      if (starts.indexOf(s) < i) ctx.addIssue({ code: 'custom', message: 'must not repeat an earlier start time', input: s, path: [i] });
    });
  });

const breakSchema = z
  .strictObject({
    length: duration({ min: 0, exclusive: true, max: DAY_SEC }, 'length of the break'),
    paid: z.boolean({ error: 'must be true (a paid break: costed, not on the phones) or false (unpaid: not costed)' }),
    window: z
      .strictObject({
        from: duration({ min: 0, max: DAY_SEC }, 'earliest start of the break, from the start of the shift'),
        to: duration({ min: 0, max: DAY_SEC }, 'latest start of the break, from the start of the shift'),
      })
      .superRefine((w, ctx) => {
        if (w.to < w.from) ctx.addIssue({ code: 'custom', message: 'must not be before window.from', input: w.to, path: ['to'] });
      }),
  })
  .meta({ description: 'a break: off the phones for `length`, starting within `window` of the shift start' });

export const templateSchema = z
  .strictObject({
    id: id('the template id, used in the schedule'),
    starts: z.union([startList, startRange], { error: 'must be a list of start times or { from, to, step }' }),
    length: duration({ min: 0, exclusive: true, max: DAY_SEC }, 'from start to end, breaks included; at most 24h'),
    days: z
      .array(z.enum(WEEKDAYS, { error: `must be a weekday: ${WEEKDAYS.join(', ')}` }))
      .min(1, { error: 'must list at least one weekday' })
      .max(WEEKDAYS.length, { error: 'must list each weekday at most once' })
      .optional()
      .meta({ description: 'the weekdays a shift may start on; default every day of the horizon' }),
    min: agents('agents at least at each start (every break placement together)'),
    max: agents('agents at most at each start'),
    minTotal: agents('agents at least over all starts of the template'),
    maxTotal: agents('agents at most over all starts of the template'),
    costPerHour: boundedNumber(
      Number.MIN_VALUE,
      T.maxCostPerHour,
      `must be a cost greater than 0 per paid agent-hour (at most ${T.maxCostPerHour.toLocaleString('en-US')})`,
      'cost of one paid agent-hour; default the group’s costPerHour, else 1',
    ).optional(),
    breaks: z
      .array(breakSchema)
      .max(T.maxBreaks, { error: `must list at most ${T.maxBreaks} breaks` })
      .default([])
      .meta({ description: 'breaks, taken in the order of their windows; each starts after the previous one ends' }),
  })
  .superRefine((t, ctx) => {
    if (t.min !== undefined && t.max !== undefined && t.min > t.max) ctx.addIssue({ code: 'custom', message: `must be at least min (${t.min})`, input: t.max, path: ['max'] });
    if (t.minTotal !== undefined && t.maxTotal !== undefined && t.minTotal > t.maxTotal) {
      ctx.addIssue({ code: 'custom', message: `must be at least minTotal (${t.minTotal})`, input: t.maxTotal, path: ['maxTotal'] });
    }
    if (t.days !== undefined && new Set(t.days).size < t.days.length) ctx.addIssue({ code: 'custom', message: 'must not repeat a weekday', input: t.days, path: ['days'] });
    t.breaks.forEach((b, i) => {
      if (b.window.to + b.length > t.length) {
        const message = `must let the break end by the shift's end (window.to + length is ${formatDuration(b.window.to + b.length)}, the shift ${formatDuration(t.length)})`;
        ctx.addIssue({ code: 'custom', message, input: b.window.to, path: ['breaks', i, 'window', 'to'] });
      }
    });
  });

export const templateFileSchema = z.strictObject({
  group: id('the scenario agent group these shifts staff; optional when the scenario has one group').optional(),
  templates: z
    .array(templateSchema, { error: 'must be a list of templates, each { id, starts, length, … }' })
    .min(1, { error: 'must list at least one template' })
    .max(T.maxTemplates, { error: `must list at most ${T.maxTemplates} templates` })
    .superRefine((templates, ctx) => {
      templates.forEach((t, i) => {
        if (templates.findIndex((u) => u.id === t.id) < i) ctx.addIssue({ code: 'custom', message: 'must be unique among the templates', input: t.id, path: [i, 'id'] });
      });
    }),
});

export type TemplateSpec = z.output<typeof templateSchema>;
export type TemplateFileSpec = z.output<typeof templateFileSchema>;
