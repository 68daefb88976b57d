/**
 * From a validated template file to `ShiftTemplate`s for one horizon: each clock start time
 * becomes one absolute start per day the template works, kept when the whole shift lies
 * inside the horizon. A shift belongs to the day it starts on (a 22:00 Friday shift is a
 * Friday shift even though it ends on Saturday) and must end by the horizon's end: the
 * program never wraps a shift round to the horizon's beginning (docs/schedule.md).
 */
import { formatClock } from '../duration.js';
import type { PathSegment, Problem } from '../problem.js';
import { placementCount } from './breakPlacements.js';
import { TEMPLATE_LIMITS as T } from './limits.js';
import type { TemplateFileSpec, TemplateSpec } from './schema.js';
import { WEEKDAYS } from './schema.js';
import type { ShiftTemplate } from './shiftTemplate.js';
import { DAY_SEC } from '../../engine/time.js';

export interface HorizonContext {
  /** Length of the horizon (the requirement covers it), seconds. */
  readonly horizonSec: number;
  /** The planning interval; break starts lie on its grid. */
  readonly intervalSec: number;
  /** Weekday of the horizon's first day, 0 = Monday … 6 = Sunday. @default 0 */
  readonly dayStartWeekday?: number;
  /** Clock time of the horizon's time 0, seconds from midnight (the scenario's `dayStart`). @default 0 */
  readonly dayStartSec?: number;
  /** Cost per paid hour of a template that names none; unset or 0 counts as 1 (a cost of 0 would make every schedule optimal). */
  readonly groupCostPerHour?: number;
}

/** The clock start times (seconds from midnight) a template lists or ranges over. */
export function clockStarts(starts: TemplateSpec['starts']): number[] {
  if (Array.isArray(starts)) return [...starts].sort((a, b) => a - b);
  const out: number[] = [];
  for (let s = starts.from; s <= starts.to; s += starts.step) out.push(s);
  return out;
}

/**
 * Absolute starts of one template: `clock − dayStart + k·day` for every whole k that puts the
 * shift inside the horizon, on an allowed weekday. The weekday is that of the calendar day the
 * clock time falls on, counted from the horizon's first day.
 */
function absoluteStarts(template: TemplateSpec, context: HorizonContext): number[] {
  const dayStart = context.dayStartSec ?? 0;
  const firstWeekday = context.dayStartWeekday ?? 0;
  const allowed = template.days === undefined ? undefined : new Set(template.days.map((d) => WEEKDAYS.indexOf(d)));
  const out: number[] = [];
  for (const clock of clockStarts(template.starts)) {
    // The first start at or after time 0; a clock time before the day start first comes the next day.
    for (let start = clock - dayStart + (clock < dayStart ? DAY_SEC : 0); start + template.length <= context.horizonSec; start += DAY_SEC) {
      const calendarDay = Math.floor((dayStart + start) / DAY_SEC);
      if (allowed === undefined || allowed.has((firstWeekday + calendarDay) % 7)) out.push(start);
    }
  }
  return out.sort((a, b) => a - b);
}

/** `day 2 07:00`: a start as the planner wrote it. */
function when(startSec: number, context: HorizonContext): string {
  const clock = (context.dayStartSec ?? 0) + startSec;
  return `day ${Math.floor(clock / DAY_SEC) + 1} ${formatClock(clock % DAY_SEC)}`;
}

export type Expansion = { readonly ok: true; readonly templates: ShiftTemplate[] } | { readonly ok: false; readonly problems: Problem[] };

/** Expands every template; problems name the template (or the file) at fault. */
export function expandTemplates(file: TemplateFileSpec, context: HorizonContext): Expansion {
  const cost = context.groupCostPerHour !== undefined && context.groupCostPerHour > 0 ? context.groupCostPerHour : 1;
  const problems: Problem[] = [];
  let instances = 0;
  const templates = file.templates.map((t, i): ShiftTemplate => {
    const path: PathSegment[] = ['templates', i];
    const startsSec = absoluteStarts(t, context);
    instances += startsSec.length;
    // Taken in the order of their windows, whatever order the file lists them in.
    const breaks = t.breaks
      .map((b) => ({ lengthSec: b.length, paid: b.paid, earliestSec: b.window.from, latestSec: b.window.to }))
      .sort((a, b) => a.earliestSec - b.earliestSec || a.latestSec - b.latestSec);
    const stranded = startsSec.find((s) => placementCount(breaks, s, context.intervalSec) === 0);
    if (stranded !== undefined) {
      const message = `leave no way to place every break on the ${context.intervalSec / 60}-minute interval grid, each after the previous one ends, for the shift starting ${when(stranded, context)}: widen the windows`;
      problems.push({ path: [...path, 'breaks'], message });
    }
    return {
      id: t.id,
      startsSec,
      lengthSec: t.length,
      costPerHour: t.costPerHour ?? cost,
      ...(t.min === undefined ? {} : { min: t.min }),
      ...(t.max === undefined ? {} : { max: t.max }),
      ...(t.minTotal === undefined ? {} : { minTotal: t.minTotal }),
      ...(t.maxTotal === undefined ? {} : { maxTotal: t.maxTotal }),
      breaks,
    };
  });
  // A template none of whose shifts fits (an evening template on a one-day horizon) is simply
  // not used; templates none of which fits are a mistake.
  if (instances === 0) {
    problems.push({ path: ['templates'], message: `give no shift that fits the horizon (${context.horizonSec / 3600}h from the day start, each shift ending by its end${file.templates.some((t) => t.days !== undefined) ? ', on the days listed' : ''}): widen the starts or lengthen the horizon` });
  }
  if (instances > T.maxStartInstances) {
    problems.push({ path: ['templates'], message: `give ${instances.toLocaleString('en-US')} shift starts over the horizon; at most ${T.maxStartInstances.toLocaleString('en-US')} are allowed: use fewer start times or a shorter horizon` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, templates };
}
