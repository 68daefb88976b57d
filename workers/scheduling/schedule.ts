/**
 * `ccsim schedule`: shift schedules proven by simulation. Loads the scenario (one agent group)
 * and the shift templates, builds the targets, takes the Erlang requirement per interval
 * (workers/staffing/erlangStart.ts: Erlang C/A heads ÷ availability) and runs the cutting-plane
 * loop (./cuttingPlane.ts): the covering integer program (./cover.ts, ./coverCuts.ts) proposes,
 * the simulation checks. A schedule is simulated as its shifts, each agent on duty from the
 * shift's start to its end with the breaks placed (./scheduleModel.ts), the scenario's planned
 * shrinkage and absenteeism simulated on top — on the worker pool, every (candidate,
 * replication) checkpointed (workers/staffing/evaluator.ts: `--out F.jsonl --resume`), all
 * with one seed (common random numbers). A proposal that meets every target is confirmed on
 * fresh replications (another seed, derived from the search's; ./cuttingPlane.ts), and the
 * answer and the Erlang cover are reported from those (./scheduleResult.ts).
 */
import { InputError } from '../../engine/errors.js';
import type { ScheduleResult } from '../../analysis/schedule/result.js';
import { createRunner, type RunControls } from '../pool.js';
import { fnv1a32 } from '../seed.js';
import { erlangStart } from '../staffing/erlangStart.js';
import { Evaluator, type Candidate, type Evaluation } from '../staffing/evaluator.js';
import { dayRows, failingIntervals } from '../staffing/judging.js';
import type { ConfidenceLevel } from '../staffing/judgingRule.js';
import { staffScenario } from '../staffing/staff.js';
import { buildTargets, type TargetCheck } from '../staffing/targets.js';
import { halfWidthAt, judgeAt } from './confidenceJudging.js';
import { expandTemplateFile, readTemplateText, solveCover, type CoverSolution } from './cover.js';
import { solveCoverWithCuts, type LinearCut } from './coverCuts.js';
import { runCuttingPlane, type DayTargetValues, type ScheduleLoopPorts } from './cuttingPlane.js';
import type { ScheduleDefinition } from './definition.js';
import { assembleSchedule } from './scheduleResult.js';
import { loadFloor } from './loadFloor.js';
import { scheduleModel, timed } from './scheduleModel.js';
import { checkScheduleWork } from './scheduleWork.js';
import { parseDate, weekdayIndex } from '../../scenarios/dateTime.js';
import { DAY_SEC } from '../../engine/time.js';

export interface ScheduleRunOptions extends RunControls {
  readonly definition: ScheduleDefinition;
  /** Cap on each forecast CSV the scenario reads, bytes. */
  readonly maxForecastBytes?: number;
}

/** The relative gap of the covering program on horizons longer than a day. */
export const MULTI_DAY_RELATIVE_GAP = 0.01;

/** The seed of the final re-judging: a pure function of the search's seed, never equal to it in practice. */
export const freshSeedOf = (seed: number): number => fnv1a32(`ccsim-schedule-fresh|${seed}`);

/** Failing intervals of a whole-day evaluation at `confidence` (staff's rule: workers/staffing/judging.ts). */
const failingAt = (checks: readonly TargetCheck[], e: Evaluation, intervals: number, confidence: number): number[] =>
  failingIntervals(checks, e, intervals, { on: 'ci', confidence: confidence as ConfidenceLevel });

/** Every check on the day's figures, signed so that more is better (cuttingPlane.ts). */
export function dayTargets(checks: readonly TargetCheck[], e: Evaluation, confidence: number): DayTargetValues[] {
  const rows = dayRows(e);
  const judged = judgeAt(checks, rows, confidence);
  return checks.map((check, k) => {
    const sign = check.op === '<=' || check.op === '<' ? -1 : 1;
    return { label: check.label, bound: sign * check.bound, values: rows.map((row) => sign * (row[check.column] ?? NaN)), met: judged[k]?.met ?? false };
  });
}

export async function runSchedule(o: ScheduleRunOptions): Promise<ScheduleResult> {
  const def = o.definition;
  const { model } = staffScenario(def, o.maxForecastBytes);
  if (model.groups.length !== 1) {
    throw new InputError(`${def.scenario.label}: agents: ccsim schedule schedules one agent group; this scenario has ${model.groups.length} (${model.groups.map((g) => g.id).join(', ')}): give a scenario with one group`);
  }
  const group = model.groups[0] as (typeof model.groups)[number];
  const targets = buildTargets(model, def.targets, def.assertions, def.scenario.label);
  if (targets.checks.length === 0) throw new InputError(`${def.scenario.label}: no target to schedule for: give a channel a target (level within), an assert: line on channels or groups, or a --max-… flag`);
  checkScheduleWork(model, def.replications, def.maxRounds, def.schedule.dayLevel);
  const file = readTemplateText(def.schedule.templates.text, def.schedule.templates.label);
  if (file.spec.group !== undefined && file.spec.group !== group.id) {
    throw new InputError(`${file.where(['group'])}: must name the scenario's agent group "${group.id}" (got "${file.spec.group}")`);
  }
  // A template's `days` are weekdays: the horizon's first is startDate's, or Monday without one.
  const startDay = model.startDate === undefined ? undefined : parseDate(model.startDate);
  const dayStartWeekday = startDay === undefined ? 0 : weekdayIndex(startDay);
  const templates = expandTemplateFile(file, { horizonSec: model.horizonSec, intervalSec: model.intervalSec, dayStartSec: model.dayStartSec ?? 0, dayStartWeekday, groupCostPerHour: group.costPerHour });
  const I = model.intervalCount;
  const confidence = def.schedule.confidence;
  const start = erlangStart(model, def.targets);
  const erlangRequirement = [...(start.scheduled[0] ?? new Array<number>(I).fill(0))];
  const lengths = new Map(templates.map((t) => [t.id, t.lengthSec]));
  // A day's program is proved optimal in about a second; a week's is not within HiGHS's time
  // limit (docs/schedule.md, measured speed), and a solve stopped by the clock depends on the
  // machine's speed. Past one day the program stops once proved within 1% (deterministic).
  const coverGap = model.horizonSec > DAY_SEC ? MULTI_DAY_RELATIVE_GAP : undefined;
  const candidateOf = (s: CoverSolution, extraAt: number | null = null): Candidate => ({ model: scheduleModel(model, timed(s.shifts, lengths), extraAt), from: 0, to: I - 1, day: true });
  const runner = createRunner(o.workers);
  const evaluators: Evaluator[] = [];
  const controls = { runner, columns: targets.columns, signal: o.signal, logger: o.logger };
  try {
    const search = await Evaluator.create({ ...controls, ...(o.onProgress ? { onProgress: o.onProgress } : {}), definition: def, out: o.out, resume: o.resume, ...(o.maxInputBytes === undefined ? {} : { maxInputBytes: o.maxInputBytes }) });
    evaluators.push(search);
    const fresh = await Evaluator.create({ ...controls, definition: { ...def, seed: freshSeedOf(def.seed) }, out: null, resume: false });
    evaluators.push(fresh);
    const ports: ScheduleLoopPorts = {
      solve: (requirement: readonly number[], cuts: readonly LinearCut[]): Promise<CoverSolution> => {
        const problem = { intervalSec: model.intervalSec, requirement, templates };
        return cuts.length === 0 ? solveCover(problem, { relativeGap: coverGap }) : solveCoverWithCuts({ ...problem, cuts });
      },
      judgeIntervals: async (schedule) => {
        const [e] = await search.evaluate([candidateOf(schedule)]) as [Evaluation];
        return { failing: failingAt(targets.checks, e, I, confidence) };
      },
      confirmIntervals: async (schedule) => {
        const [e] = await fresh.evaluate([candidateOf(schedule)]) as [Evaluation];
        return { failing: failingAt(targets.checks, e, I, confidence) };
      },
      confirmDay: async (schedule) => dayTargets(targets.checks, (await fresh.evaluate([candidateOf(schedule)]))[0] as Evaluation, confidence),
      judgeDay: async (schedule, extraAt) => (await search.evaluate(extraAt.map((i) => candidateOf(schedule, i)))).map((e) => dayTargets(targets.checks, e, confidence)),
      halfWidth: (values) => halfWidthAt(values, confidence),
    };
    const outcome = await runCuttingPlane(ports, { erlangRequirement, dayFloor: loadFloor(model, start.availability[0] ?? 1), maxRounds: def.maxRounds, dayLevel: def.schedule.dayLevel });
    if (outcome.erlangCover.status === 'infeasible') {
      throw new InputError(`${def.schedule.templates.label}: the templates cannot cover the Erlang requirement (up to ${Math.max(0, ...erlangRequirement)} agents in an interval): no template is on duty in some interval with contacts, or a template's max is too low`);
    }
    o.logger.info({ state: outcome.state, rounds: outcome.rounds.length }, 'schedule search ended');
    const [finalFresh, erlangFresh] = await fresh.evaluate([candidateOf(outcome.final), candidateOf(outcome.erlangCover)]) as [Evaluation, Evaluation];
    const result = assembleSchedule({
      def, model, targets, templates, erlangRequirement, outcome, finalFresh, erlangFresh,
      search: { candidates: search.candidatesAsked.size, simulations: search.tasksAsked.size, freshSeed: freshSeedOf(def.seed) },
    });
    search.finish();
    return result;
  } finally {
    for (const e of evaluators) e.close();
    await runner.close();
  }
}
