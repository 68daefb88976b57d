/**
 * The variables of the covering program, in the implicit break formulation (Aykin 1996): per
 * (template, start) one count of shifts, and per break of that start one count per grid slot
 * where the break may start. Columns grow with the sum of the slots, not their product as one
 * column per whole break placement would (docs/schedule.md). Order is canonical: templates as
 * given, starts ascending, breaks in window order, slots ascending. When the columns at every
 * grid slot would exceed the cap, breaks start only at every 2nd, 4th … slot of their windows
 * (`stepIntervals`).
 */
import { InputError } from '../../engine/errors.js';
import { breakSlots } from '../../scenarios/templates/breakPlacements.js';
import type { ShiftTemplate } from '../../scenarios/templates/shiftTemplate.js';
import { COVER_LIMITS as C } from './coverLimits.js';

/** One (template, start): its shift-count column and, per break, the slots its break-count columns stand for. */
export interface StartColumns {
  readonly template: number;
  readonly startSec: number;
  /** Per break of the template, the absolute grid slots where it may start, ascending. */
  readonly slotsSec: readonly (readonly number[])[];
}

export interface ColumnSet {
  readonly starts: readonly StartColumns[];
  /** Columns of the program: one per start plus one per break slot. */
  readonly columns: number;
  /** Breaks start at every this many grid slots of their windows; 1 = every slot. */
  readonly stepIntervals: number;
  /** Columns at every grid slot, when coarsened (what the cap refused). */
  readonly uncoarsened: number;
}

/** Hours a shift of the template is paid: its length less its unpaid breaks. */
export function paidHoursOf(template: ShiftTemplate): number {
  const unpaid = template.breaks.reduce((sum, b) => sum + (b.paid ? 0 : b.lengthSec), 0);
  return (template.lengthSec - unpaid) / 3600;
}

/** Columns and an upper bound on nonzeros for break slots every `step` intervals (counted, not built). */
function size(templates: readonly ShiftTemplate[], intervalSec: number, step: number): { columns: number; nonzeros: number } {
  let columns = 0;
  let nonzeros = 0;
  for (const t of templates) {
    for (const s of t.startsSec) {
      columns += 1;
      nonzeros += Math.ceil(t.lengthSec / intervalSec) + 3;
      const slots = t.breaks.map((b) => breakSlots(b, s, intervalSec, step).length);
      t.breaks.forEach((b, k) => {
        const n = slots[k] as number;
        columns += n;
        // Coverage of the break's intervals and its equality row; at most one precedence row per
        // slot of the next break (as the earlier break) and per slot of its own (as the later one).
        nonzeros += n * (Math.ceil(b.lengthSec / intervalSec) + 2 + (slots[k + 1] ?? 0) + (k > 0 ? n : 0));
      });
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
      const what =
        current.columns > C.maxColumns
          ? `${current.columns.toLocaleString('en-US')} columns (at most ${C.maxColumns.toLocaleString('en-US')})`
          : `${current.nonzeros.toLocaleString('en-US')} nonzeros (at most ${C.maxNonzeros.toLocaleString('en-US')})`;
      throw new InputError(`templates: the covering program would have ${what} even with one slot a break: use fewer templates or start times, or a shorter horizon`);
    }
    step *= 2;
    current = size(templates, intervalSec, step);
  }
  return { step, uncoarsened: fine.columns };
}

/** Every column of the program, within the caps. */
export function coverColumns(templates: readonly ShiftTemplate[], intervalSec: number): ColumnSet {
  const { step, uncoarsened } = fittingStep(templates, intervalSec);
  const starts: StartColumns[] = [];
  let columns = 0;
  templates.forEach((t, template) => {
    for (const startSec of t.startsSec) {
      const slotsSec = t.breaks.map((b) => breakSlots(b, startSec, intervalSec, step));
      columns += 1 + slotsSec.reduce((sum, s) => sum + s.length, 0);
      starts.push({ template, startSec, slotsSec });
    }
  });
  return { starts, columns, stepIntervals: step, uncoarsened };
}

/**
 * Agents a span of time puts on (or, for a break, takes off) the phones in each interval it
 * touches: the share of the interval it covers (1 for a whole interval; ½ for a 15-minute
 * break in a 30-minute interval). Calls `add(interval, share)` for each, intervals ascending.
 */
export function eachShare(fromSec: number, toSec: number, intervalSec: number, add: (interval: number, share: number) => void): void {
  const first = Math.floor(fromSec / intervalSec);
  const last = Math.ceil(toSec / intervalSec) - 1;
  for (let i = first; i <= last; i++) {
    const covered = Math.min(toSec, (i + 1) * intervalSec) - Math.max(fromSec, i * intervalSec);
    if (covered > 0) add(i, covered / intervalSec);
  }
}
