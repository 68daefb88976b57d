/**
 * `ccsim staff`: finding the staffing a plan really needs, by simulation. Loads the
 * scenario, builds the targets, starts from the Erlang answer and runs the search of the
 * chosen mode (./intervalPlan.ts, ./shiftPlan.ts) on the worker pool, every evaluated
 * (candidate, replication) checkpointed (./evaluator.ts); then assembles the result
 * (analysis/staffing/result.ts) from the answer's whole-day run.
 */
import { InputError } from '../../engine/errors.js';
import type { Model } from '../../engine/model.js';
import { evaluateAssertions } from '../../analysis/assertions.js';
import { erlangBaseline } from '../../analysis/baseline.js';
import { buildRunResult } from '../../analysis/run/result.js';
import type { StaffingResult } from '../../analysis/staffing/result.js';
import { loadScenarioText } from '../../scenarios/load.js';
import type { Scenario } from '../../scenarios/schema.js';
import { modelWork, refuseBeyondLimits, staffWork } from '../../scenarios/workLimits.js';
import { createRunner, type RunControls } from '../pool.js';
import { runReplications } from '../replications.js';
import { countModel, shiftModel } from './candidate.js';
import type { StaffDefinition, StaffObjective } from './definition.js';
import { erlangStart } from './erlangStart.js';
import { Evaluator } from './evaluator.js';
import { searchIntervals, searchWholeDay, type CountSearchResult } from './intervalPlan.js';
import { assembleResult, type Answer } from './resultAssembly.js';
import { searchShifts } from './shiftPlan.js';
import { buildTargets } from './targets.js';

/** Progress counts simulations (candidate × replication). */
export interface StaffOptions extends RunControls {
  readonly definition: StaffDefinition;
  /** Cap on each forecast CSV the scenario reads, bytes (`--max-input-mb`). @default 16 MB */
  readonly maxForecastBytes?: number;
}

export interface LoadedStaffScenario {
  readonly model: Model;
  readonly scenario: Scenario;
}

/**
 * The scenario of a definition, compiled, with its SL definition, seed and replications;
 * `maxInputBytes` caps the forecast CSVs it reads (`--max-input-mb`).
 */
export function staffScenario(def: StaffDefinition, maxInputBytes?: number): LoadedStaffScenario {
  const loaded = loadScenarioText(def.scenario.text, def.scenario.label, { overrides: def.overrides, ...(maxInputBytes === undefined ? {} : { maxInputBytes }) });
  const model: Model = {
    ...loaded.model,
    seed: def.seed,
    replications: def.replications,
    serviceLevelDefinition: def.serviceLevelDefinition ?? loaded.model.serviceLevelDefinition,
  };
  return { model, scenario: loaded.scenario };
}

const STAFF_ADVICE = {
  memory: 'use longer intervals, a shorter horizon (a representative week) or fewer replications',
  contacts: 'use longer intervals or a shorter horizon (the search solves each interval on the day up to it, so its work grows with the square of the intervals), --whole-day, or fewer replications',
} as const;

/** Refuses (exit 2) a search whose estimate breaks a limit of scenarios/workLimits.ts, before it starts. */
function checkStaffWork(model: Model, def: StaffDefinition): void {
  const w = modelWork(model);
  refuseBeyondLimits('staff', w, staffWork(w, model, def.replications, def.mode), STAFF_ADVICE);
}

/** Objective per agent-hour of each group: its cost per hour (`cost`), or 1 (`hours`). */
export function objectiveWeights(model: Model, objective: StaffObjective): number[] {
  return model.groups.map((g) => (objective === 'cost' ? g.costPerHour : 1));
}

export async function runStaffing(o: StaffOptions): Promise<StaffingResult> {
  const def = o.definition;
  const { model, scenario } = staffScenario(def, o.maxForecastBytes);
  const targets = buildTargets(model, def.targets, def.assertions, def.scenario.label);
  checkStaffWork(model, def);
  if (def.mode === 'shifts' && !scenario.agents.some((g) => (g.shifts ?? []).length > 0)) {
    throw new InputError(`--shifts: ${def.scenario.label} has no shifts to staff (give agents[].shifts, or staff per interval without --shifts)`);
  }
  const runner = createRunner(o.workers);
  let evaluator: Evaluator;
  try {
    evaluator = await Evaluator.create({ definition: def, runner, columns: targets.columns, out: o.out, resume: o.resume, signal: o.signal, logger: o.logger,
      ...(o.onProgress ? { onProgress: o.onProgress } : {}), ...(o.maxInputBytes === undefined ? {} : { maxInputBytes: o.maxInputBytes }),
    });
  } catch (err) {
    await runner.close();
    throw err;
  }
  try {
    const start = erlangStart(model, def.targets);
    const weights = objectiveWeights(model, def.objective);
    const input = { model, checks: targets.checks, start, evaluator, maxRounds: def.maxRounds, logger: o.logger, judging: def.judging, weights };
    let answer: Answer;
    if (def.mode === 'shifts') {
      const s = await searchShifts({ model, scenario, checks: targets.checks, evaluator, maxRounds: def.maxRounds, judging: def.judging, weights });
      answer = { kind: 'shifts', finalModel: shiftModel(model, scenario, s.counts), shifts: s, search: null };
    } else {
      const search: CountSearchResult = def.mode === 'wholeDay'
        ? await searchWholeDay({ ...input, start: erlangStart(model, def.targets, true) })
        : await searchIntervals(input);
      answer = { kind: 'counts', finalModel: countModel(model, search.counts), shifts: null, search };
    }
    // Judged, like the intervals, on the fresh replications R..2R−1.
    const dayAssertions = targets.dayAssertions.length === 0 ? [] : evaluateAssertions(
      buildRunResult(answer.finalModel, def.seed, runReplications(answer.finalModel, def.seed, def.replications, def.replications)), targets.dayAssertions, 'strict');
    const result = assembleResult({
      def, model, scenario, targets, start, answer, dayAssertions,
      erlangAtAnswer: erlangBaseline(answer.finalModel),
      search: { candidates: evaluator.candidatesAsked.size, tasks: evaluator.tasksAsked.size },
    });
    evaluator.finish();
    return result;
  } finally {
    evaluator.close();
    await runner.close();
  }
}
