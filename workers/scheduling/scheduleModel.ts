/**
 * A schedule as the model the kernel runs: the scenario's one agent group gets, for each
 * placed shift, `count` agents on duty from its start to its end with its breaks off the
 * phones, at their exact times (the program's coverage is their time-average per interval;
 * the simulation sees the edges and breaks where they fall, and a count dropping at a shift
 * end or a break lets the agent finish the contact in hand, as the kernel does for every shift).
 * A shift starting at time 0 also works the warm-up, so the recorded day starts loaded.
 * Planned shrinkage and absenteeism stay the scenario's and are simulated agent by agent, each
 * agent keyed by its shift (template, start, break starts) and rank, so adding one agent to a
 * shift leaves every other agent's draws unchanged (common random numbers).
 *
 * `extraAt`: one more agent on duty for exactly interval i (the finite differences of the
 * day-level search, workers/scheduling/cuttingPlane.ts).
 */
import type { Model, ShiftModel } from '../../engine/model.js';
import type { PlacedShift } from './cover.js';

/** A placed shift with its template's length. */
export type TimedShift = PlacedShift & { readonly lengthSec: number };

/** Placed shifts with their templates' lengths (a template the map lacks is a fault: length 0 would vanish silently). */
export function timed(shifts: readonly PlacedShift[], lengthOfTemplate: ReadonlyMap<string, number>): TimedShift[] {
  return shifts.map((s) => {
    const lengthSec = lengthOfTemplate.get(s.template);
    if (lengthSec === undefined) throw new Error(`scheduleModel: no template "${s.template}"`);
    return { ...s, lengthSec };
  });
}

export function scheduleModel(model: Model, shifts: readonly TimedShift[], extraAt: number | null = null): Model {
  const agentShifts: (readonly ShiftModel[])[] = [];
  const agentKeys: string[] = [];
  const from = (startSec: number): number => (startSec <= 0 ? -model.warmupSec : startSec);
  for (const s of shifts) {
    const shift: ShiftModel = {
      startSec: from(s.startSec),
      endSec: s.startSec + s.lengthSec,
      breaks: s.breaks.map((b) => ({ startSec: b.startSec, endSec: b.startSec + b.lengthSec })),
    };
    const key = `${s.template}@${s.startSec}/${s.breaks.map((b) => b.startSec).join(',')}`;
    for (let k = 0; k < s.count; k++) {
      agentShifts.push([shift]);
      agentKeys.push(`${key}.${k}`);
    }
  }
  if (extraAt !== null) {
    agentShifts.push([{ startSec: from(extraAt * model.intervalSec), endSec: (extraAt + 1) * model.intervalSec, breaks: [] }]);
    agentKeys.push(`extra@${extraAt}`);
  }
  const group = model.groups[0];
  if (group === undefined) throw new Error('scheduleModel: the model has no agent group');
  return { ...model, groups: [{ ...group, agentShifts, agentKeys, count: agentShifts.length }] };
}
