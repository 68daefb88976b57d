/**
 * The columns of the covering program: one per (template, start, break placement), in a
 * canonical order (templates as given, starts ascending, placements lexicographic), each with
 * its cost and its coverage of every interval it touches. When the placements at every grid
 * slot would exceed the cap, they are taken at every 2nd, 4th … slot (`stepIntervals`) — the
 * explicit formulation's price for its simplicity (docs/schedule.md).
 */
import { InputError } from '../../engine/errors.js';
import { placementCount, placements } from '../../scenarios/templates/breakPlacements.js';
import type { ShiftTemplate } from '../../scenarios/templates/shiftTemplate.js';
import { COVER_LIMITS as C } from './coverLimits.js';

export interface Column {
  readonly template: number;
  readonly startSec: number;
  /** Absolute break starts, in the template's break order. */
  readonly breakStartsSec: readonly number[];
  /** Paid hours × cost per hour. */
  readonly cost: number;
  readonly paidHours: number;
}

export interface ColumnSet {
  readonly columns: readonly Column[];
  /** Every k-th grid slot of a break window is used; 1 = every slot. */
  readonly stepIntervals: number;
  /** Columns at every grid slot, when coarsened (what the cap refused). */
  readonly uncoarsened: number;
  /** Templates with a start at which no placement of the breaks fits (its `min` cannot be met there). */
  readonly stranded: ReadonlySet<number>;
}

/** Hours a shift of the template is paid: its length less its unpaid breaks. */
export function paidHoursOf(template: ShiftTemplate): number {
  const unpaid = template.breaks.reduce((sum, b) => sum + (b.paid ? 0 : b.lengthSec), 0);
  return (template.lengthSec - unpaid) / 3600;
}

/** Columns and an upper bound on nonzeros for break slots every `step` intervals. */
function size(templates: readonly ShiftTemplate[], intervalSec: number, step: number): { columns: number; nonzeros: number } {
  let columns = 0;
  let nonzeros = 0;
  for (const t of templates) {
    const perColumn = Math.ceil(t.lengthSec / intervalSec) + 1;
    for (const s of t.startsSec) {
      const n = placementCount(t.breaks, s, intervalSec, step);
      columns += n;
      nonzeros += n * perColumn;
    }
  }
  return { columns, nonzeros };
}

/** Whether a coarser step could still drop a slot: some window has more than one slot at `step`. */
function canCoarsen(templates: readonly ShiftTemplate[], intervalSec: number, step: number): boolean {
  return templates.some((t) => t.breaks.some((b) => b.latestSec - b.earliestSec >= step * intervalSec));
}

/** The step at which the program fits the caps, or an `InputError` saying how large it stays. */
function fittingStep(templates: readonly ShiftTemplate[], intervalSec: number): { step: number; uncoarsened: number } {
  const fine = size(templates, intervalSec, 1);
  let step = 1;
  let current = fine;
  while (current.columns > C.maxColumns || current.nonzeros > C.maxNonzeros) {
    if (!canCoarsen(templates, intervalSec, step)) {
      const what = current.columns > C.maxColumns ? `${current.columns.toLocaleString('en-US')} columns (at most ${C.maxColumns.toLocaleString('en-US')})` : `${current.nonzeros.toLocaleString('en-US')} nonzeros (at most ${C.maxNonzeros.toLocaleString('en-US')})`;
      throw new InputError(`templates: the covering program would have ${what} even with one break placement a shift: use fewer templates or start times, or a shorter horizon`);
    }
    step *= 2;
    current = size(templates, intervalSec, step);
  }
  return { step, uncoarsened: fine.columns };
}

/** Every column of the program, within the caps. */
export function coverColumns(templates: readonly ShiftTemplate[], intervalSec: number): ColumnSet {
  const { step, uncoarsened } = fittingStep(templates, intervalSec);
  const columns: Column[] = [];
  const stranded = new Set<number>();
  templates.forEach((t, template) => {
    const paidHours = paidHoursOf(t);
    const cost = paidHours * t.costPerHour;
    for (const startSec of t.startsSec) {
      const all = placements(t.breaks, startSec, intervalSec, step);
      if (all.length === 0) stranded.add(template);
      for (const breakStartsSec of all) columns.push({ template, startSec, breakStartsSec, cost, paidHours });
    }
  });
  return { columns, stepIntervals: step, uncoarsened, stranded };
}

/**
 * Agents a shift puts on the phones in each interval it touches: the share of the interval it
 * is on duty and not on a break (1 for a whole interval; ½ for a 15-minute break in a
 * 30-minute interval). Calls `add(interval, share)` for each nonzero share, intervals ascending.
 */
export function eachCoverage(t: ShiftTemplate, startSec: number, breakStartsSec: readonly number[], intervalSec: number, add: (interval: number, share: number) => void): void {
  const endSec = startSec + t.lengthSec;
  const first = Math.floor(startSec / intervalSec);
  const last = Math.ceil(endSec / intervalSec) - 1;
  for (let i = first; i <= last; i++) {
    const lo = i * intervalSec;
    const hi = lo + intervalSec;
    let onSec = overlap(startSec, endSec, lo, hi);
    breakStartsSec.forEach((b, k) => {
      onSec -= overlap(b, b + (t.breaks[k]?.lengthSec ?? 0), lo, hi);
    });
    if (onSec > 0) add(i, onSec / intervalSec);
  }
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}
