/**
 * Candidate staffings as models the kernel runs. Everything but the agents' schedules is the
 * scenario's own compiled model, so a candidate run with the search's seed sees the same
 * customers as every other candidate (common random numbers: arrivals, handle times and
 * patience are drawn per contact, and each group's shrinkage agent by agent — engine/staffing.ts).
 *
 * - Per-interval counts: a group's `agentShifts` become the count-list form of the scenario
 *   compiler (agent k on duty in interval i iff counts[i] > k; scenarios/compile/schedule.ts).
 *   Shrinkage (planned periods, absenteeism) is kept; breaks belong to shifts and go with them.
 * - A prefix: the day cut after interval `last` (horizon, rates and counts cut to match), for
 *   solving intervals in time order with the earlier ones fixed. The kernel keeps whoever is
 *   on duty at the horizon until the live queues drain, so a prefix is slightly kind to its
 *   last interval; the whole-day re-check corrects that.
 * - Shift counts: each scenario shift's occurrences, `count` agents each.
 */
import type { GroupModel, Model, ShiftModel } from '../../engine/model.js';
import { fromCounts, occurrencesOf, type Timing } from '../../scenarios/compile/schedule.js';
import type { Scenario } from '../../scenarios/schema.js';
import { sha16 } from './definition.js';

/** Agents on duty: counts[group][interval]. */
export type CountPlan = readonly (readonly number[])[];

export function timingOf(model: Model, dayStartSec = 0): Timing {
  return { horizonSec: model.horizonSec, warmupSec: model.warmupSec, intervalSec: model.intervalSec, dayStartSec };
}

interface Agents {
  readonly agentShifts: readonly (readonly ShiftModel[])[];
  readonly agentKeys: readonly string[];
}

function withShifts(model: Model, agentsOf: (g: number) => Agents): GroupModel[] {
  return model.groups.map((group, g) => {
    const { agentShifts, agentKeys } = agentsOf(g);
    return { ...group, agentShifts, agentKeys, count: agentShifts.length };
  });
}

/** The model cut after interval `last` (inclusive). */
export function prefixModel(model: Model, last: number): Model {
  if (last >= model.intervalCount - 1) return model;
  const horizonSec = (last + 1) * model.intervalSec;
  return {
    ...model,
    horizonSec,
    intervalCount: last + 1,
    channels: model.channels.map((c) => ({
      ...c,
      ratePerSec: c.ratePerSec.slice(0, last + 1),
      handleMeanByIntervalSec: c.handleMeanByIntervalSec?.slice(0, last + 1) ?? null,
      patienceMeanByIntervalSec: c.patienceMeanByIntervalSec?.slice(0, last + 1) ?? null,
      ...(c.arrivalTimesSec ? { arrivalTimesSec: c.arrivalTimesSec.filter((t) => t < horizonSec) } : {}),
    })),
  };
}

/** The model with counts per interval (cut to the model's intervals). */
export function countModel(model: Model, plan: CountPlan): Model {
  const timing = timingOf(model);
  return { ...model, groups: withShifts(model, (g) => fromCounts((plan[g] ?? []).slice(0, model.intervalCount), timing)) };
}

/** The model with `counts[g][s]` agents on shift s of group g (the scenario's shifts). */
export function shiftModel(model: Model, scenario: Scenario, counts: readonly (readonly number[])[]): Model {
  const timing = timingOf(model, scenario.dayStart);
  return {
    ...model,
    groups: withShifts(model, (g) => {
      const specs = scenario.agents[g]?.shifts ?? [];
      const agentShifts: (readonly ShiftModel[])[] = [];
      const agentKeys: string[] = [];
      specs.forEach((spec, s) => {
        const occurrences = occurrencesOf(spec, timing);
        for (let k = 0; k < (counts[g]?.[s] ?? 0); k++) {
          agentShifts.push(occurrences);
          agentKeys.push(`${s}.${k}`);
        }
      });
      return { agentShifts, agentKeys };
    }),
  };
}

/** Identifies what the kernel reads of a model (not its default seed or replication count). */
export function modelKey(model: Model): string {
  const { seed: _seed, replications: _replications, ...kernelInput } = model;
  return sha16(JSON.stringify(kernelInput));
}
