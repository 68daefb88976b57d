/**
 * The staffing plan of one replication: for every agent, the time-ordered list of changes to
 * its availability — shift start and end, breaks, planned-shrinkage periods and whole days of
 * absence — built before the first event from the group's shifts and its shrinkage model.
 *
 * Random placement uses one stream per agent (`shrinkage:<group>:<agent key>`, the key naming
 * the agent's shift and place in it — GroupModel.agentKeys), so adding an agent to one shift
 * leaves every other agent's breaks and absences unchanged (common random numbers).
 *
 * - Absenteeism: for each day a shift touches, the agent misses that part with probability
 *   `absenteeism` (scheduled, not available).
 * - Planned shrinkage: a shift of length L gets n = round(planned · L / period) periods, one
 *   placed uniformly at random in each of n equal slices of the shift, so they never overlap.
 * Overlaps with breaks are harmless: availability counts reasons to be away (see agents.ts).
 *
 * End of day: changes that would send an agent away at or after the horizon are dropped, so
 * whoever is on duty when the day ends stays until the live queues have drained.
 */
import type { GroupModel, Model } from './model.js';
import { Stream } from './random.js';
import { DAY_SEC } from './time.js';

export const StaffingChange = {
  /** Starts a shift: one reason fewer to be away. */
  ShiftStart: 0,
  /** Ends a shift. */
  ShiftEnd: 1,
  /** A break, shrinkage period or absence begins. */
  AwayStart: 2,
  /** …and ends. */
  AwayEnd: 3,
} as const;

/** Order of changes at one instant: going away before coming back, so no one works 0 seconds. */
const SAME_TIME_ORDER = [2, 1, 0, 3];

interface Change {
  t: number;
  kind: number;
  /** For ShiftStart: the end of that shift (overtime is measured from it). */
  shiftEnd: number;
}

export class StaffingPlan {
  /** changes of agent a: [start[a], start[a + 1]) */
  readonly start: Int32Array;
  readonly timeSec: Float64Array;
  readonly kind: Int32Array;
  readonly shiftEndSec: Float64Array;
  /** The next change of each agent. */
  readonly cursor: Int32Array;

  constructor(groups: readonly GroupModel[], horizonSec: number, seed: number, replication: number) {
    const all: Change[][] = [];
    for (const g of groups) {
      for (const [k, shifts] of g.agentShifts.entries()) {
        const stream = new Stream(seed, replication, `shrinkage:${g.id}:${g.agentKeys[k] ?? k}`);
        all.push(agentChanges(g, shifts, stream).filter((c) => c.t < horizonSec || c.kind === StaffingChange.ShiftStart || c.kind === StaffingChange.AwayEnd));
      }
    }
    this.start = new Int32Array(all.length + 1);
    all.forEach((c, a) => { this.start[a + 1] = this.start[a] + c.length; });
    // Filled by plain loops: a plan with shrinkage is built for every run, and typed-array
    // `from` with a mapping function took most of the building time.
    const total = this.start[all.length];
    this.timeSec = new Float64Array(total);
    this.kind = new Int32Array(total);
    this.shiftEndSec = new Float64Array(total);
    let i = 0;
    for (const changes of all) {
      for (const c of changes) {
        this.timeSec[i] = c.t;
        this.kind[i] = c.kind;
        this.shiftEndSec[i] = c.shiftEnd;
        i++;
      }
    }
    this.cursor = this.start.slice(0, all.length);
  }

  /** Rewinds every agent to its first change (a deterministic plan is reused across runs). */
  rewind(): void {
    this.cursor.set(this.start.subarray(0, this.cursor.length));
  }

  /** Whether agent a has a change left; `cursor[a]` indexes it. */
  hasNext(a: number): boolean {
    return this.cursor[a] < this.start[a + 1];
  }
}

const deterministicPlans = new WeakMap<Model, StaffingPlan>();

/**
 * The staffing plan of a run. Without planned shrinkage or absenteeism nothing in it is
 * random, so it is built once per model and rewound for each run.
 */
export function staffingPlanFor(model: Model, seed: number, replication: number): StaffingPlan {
  const random = model.groups.some((g) => g.shrinkage.planned > 0 || g.shrinkage.absenteeism > 0);
  if (random) return new StaffingPlan(model.groups, model.horizonSec, seed, replication);
  let plan = deterministicPlans.get(model);
  if (plan === undefined) {
    plan = new StaffingPlan(model.groups, model.horizonSec, seed, replication);
    deterministicPlans.set(model, plan);
  } else {
    plan.rewind();
  }
  return plan;
}

function agentChanges(g: GroupModel, shifts: GroupModel['agentShifts'][number], stream: Stream): Change[] {
  const out: Change[] = [];
  const away = (from: number, to: number): void => {
    if (to <= from) return;
    out.push({ t: from, kind: StaffingChange.AwayStart, shiftEnd: 0 }, { t: to, kind: StaffingChange.AwayEnd, shiftEnd: 0 });
  };
  for (const s of shifts) {
    out.push({ t: s.startSec, kind: StaffingChange.ShiftStart, shiftEnd: s.endSec });
    if (Number.isFinite(s.endSec)) out.push({ t: s.endSec, kind: StaffingChange.ShiftEnd, shiftEnd: 0 });
    for (const b of s.breaks) away(b.startSec, b.endSec);
    const { absenteeism, planned, periodSec } = g.shrinkage;
    if (absenteeism > 0) {
      for (let day = Math.floor(s.startSec / DAY_SEC); day * DAY_SEC < s.endSec; day++) {
        if (stream.next() < absenteeism) away(Math.max(s.startSec, day * DAY_SEC), Math.min(s.endSec, (day + 1) * DAY_SEC));
      }
    }
    if (planned > 0 && periodSec > 0) {
      const length = s.endSec - s.startSec;
      const n = Math.round((planned * length) / periodSec);
      const slice = n > 0 ? length / n : 0;
      for (let i = 0; i < n; i++) {
        const period = Math.min(periodSec, slice);
        const from = s.startSec + i * slice + stream.next() * (slice - period);
        away(from, from + period);
      }
    }
  }
  return out.sort((x, y) => x.t - y.t || SAME_TIME_ORDER[x.kind] - SAME_TIME_ORDER[y.kind]);
}
