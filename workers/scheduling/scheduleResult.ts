/**
 * The `ccsim schedule` result (analysis/schedule/result.ts) from the loop's outcome and the
 * fresh re-judging of the schedule and of the Erlang cover: shifts with their breaks, paid
 * hours, FTE per week (paid hours per week ÷ 40, a horizon shorter than a week taken to repeat
 * through it), cost, and per interval the achieved metrics with CIs at the chosen confidence.
 */
import type { Model } from '../../engine/model.js';
import type { JudgedTarget, PlanSummary, ScheduleInterval, ScheduleResult } from '../../analysis/schedule/result.js';
import { SCHEDULE_SCHEMA_VERSION } from '../../analysis/schedule/result.js';
import type { Evaluation } from '../staffing/evaluator.js';
import { dayRows, intervalRows } from '../staffing/judging.js';
import type { CheckOutcome, TargetSet } from '../staffing/targets.js';
import { estimateAt, judgeAt } from './confidenceJudging.js';
import type { CoverSolution, ShiftTemplate } from './cover.js';
import type { LoopOutcome } from './cuttingPlane.js';
import type { ScheduleDefinition } from './definition.js';
import { startDateField, startField } from '../../analysis/timeline.js';
import { DAY_SEC } from '../../engine/time.js';

const WEEK_SEC = 7 * DAY_SEC;
/** Paid hours of one full-time equivalent in a week. */
export const FTE_HOURS_PER_WEEK = 40;

export function ftePerWeek(paidHours: number, horizonSec: number): number {
  return paidHours * (WEEK_SEC / horizonSec) / FTE_HOURS_PER_WEEK;
}

const judged = (o: CheckOutcome): JudgedTarget => ({ target: o.check.label, estimate: o.estimate, verdict: o.verdict.state, met: o.met });

/** An interval counts as judged when some target has a value in it (it has contacts). */
function intervalVerdicts(targets: TargetSet, e: Evaluation, I: number, confidence: number): { judged: boolean; outcomes: CheckOutcome[] }[] {
  return Array.from({ length: I }, (_, iv) => {
    const outcomes = judgeAt(targets.checks, intervalRows(e, iv), confidence);
    return { judged: outcomes.some((x) => x.verdict.state !== 'undefined'), outcomes };
  });
}

function summary(s: CoverSolution, model: Model, targets: TargetSet, e: Evaluation, confidence: number, dayLevel: boolean): PlanSummary {
  const per = intervalVerdicts(targets, e, model.intervalCount, confidence);
  const day = judgeAt(targets.checks, dayRows(e), confidence).map(judged);
  const judgedCount = per.filter((p) => p.judged).length;
  const metCount = per.filter((p) => p.judged && p.outcomes.every((x) => x.met)).length;
  return {
    paidHours: s.paidHours, ftePerWeek: ftePerWeek(s.paidHours, model.horizonSec), cost: s.cost,
    intervalsMet: metCount, intervalsJudged: judgedCount, day,
    met: dayLevel ? day.every((d) => d.met) : per.every((p) => p.outcomes.every((x) => x.met)),
  };
}

export interface ScheduleAssembly {
  readonly def: ScheduleDefinition;
  readonly model: Model;
  readonly targets: TargetSet;
  readonly templates: readonly ShiftTemplate[];
  readonly erlangRequirement: readonly number[];
  readonly outcome: LoopOutcome;
  readonly finalFresh: Evaluation;
  readonly erlangFresh: Evaluation;
  readonly search: ScheduleResult['search'];
}

const CHANNEL_FIGURES = ['offered', 'serviceLevel', 'asaSec', 'abandonRate'] as const;

export function assembleSchedule(a: ScheduleAssembly): ScheduleResult {
  const { def, model, targets, outcome } = a;
  const I = model.intervalCount;
  const confidence = def.schedule.confidence;
  const dayLevel = def.schedule.dayLevel;
  const final = outcome.final;
  const schedule = summary(final, model, targets, a.finalFresh, confidence, dayLevel);
  const erlangCover = summary(outcome.erlangCover, model, targets, a.erlangFresh, confidence, dayLevel);
  const per = intervalVerdicts(targets, a.finalFresh, I, confidence);
  const columnOf = (ch: number, metric: string): number => targets.columns.findIndex((c) => c.scope === 'channels' && c.index === ch && c.metric === metric);
  const intervals: ScheduleInterval[] = Array.from({ length: I }, (_, iv) => {
    const rows = intervalRows(a.finalFresh, iv);
    const channels = Object.fromEntries(model.channels.map((c, ch) => [c.id, Object.fromEntries(CHANNEL_FIGURES.map((m) => {
      const col = columnOf(ch, m);
      return [m, estimateAt(rows.map((r) => r[col] ?? NaN), m, confidence)];
    }))])) as unknown as ScheduleInterval['channels'];
    const outcomes = per[iv]?.outcomes ?? [];
    return {
      startSec: iv * model.intervalSec,
      ...startField(model, iv * model.intervalSec),
      erlangRequired: a.erlangRequirement[iv] ?? 0,
      required: outcome.requirement[iv] ?? 0,
      coverage: final.coverage[iv] ?? 0,
      erlangCoverage: outcome.erlangCover.coverage[iv] ?? 0,
      met: outcomes.every((x) => x.met),
      channels,
      missed: outcomes.filter((x) => !x.met).map(judged),
    };
  });
  const lengthOf = new Map(a.templates.map((t) => [t.id, t.lengthSec]));
  return {
    schemaVersion: SCHEDULE_SCHEMA_VERSION,
    kind: 'schedule',
    scenario: def.scenario.label,
    templates: def.schedule.templates.label,
    group: model.groups[0]?.id ?? '',
    mode: dayLevel ? 'dayLevel' : 'intervals',
    seed: def.seed,
    replications: def.replications,
    confidence,
    intervalSec: model.intervalSec,
    horizonSec: model.horizonSec,
    dayStartSec: model.dayStartSec ?? 0,
    ...startDateField(model),
    targets: targets.checks.map((c) => c.label),
    met: outcome.state === 'met' && schedule.met,
    status: outcome.state === 'met' && schedule.met ? 'met' : outcome.state === 'rounds' ? 'stoppedEarly' : 'unmet',
    state: outcome.state,
    shifts: final.shifts.filter((s) => s.count > 0).map((s) => ({
      template: s.template, startSec: s.startSec, lengthSec: lengthOf.get(s.template) ?? 0, count: s.count,
      breaks: s.breaks.map((b) => ({ startSec: b.startSec, lengthSec: b.lengthSec, paid: b.paid })),
    })),
    schedule,
    erlangCover,
    mip: { status: final.status, gap: final.gap, columns: final.columns },
    intervals,
    rounds: outcome.rounds.map((r) => ({
      round: r.round, paidHours: r.solution.paidHours, cost: r.solution.cost,
      failing: r.failing.map((iv) => iv * model.intervalSec), missedDayTargets: r.missedDayTargets, cutsAdded: r.cutsAdded,
      confirmation: r.confirmation === null ? null : { failing: r.confirmation.failing.map((iv) => iv * model.intervalSec), missedDayTargets: r.confirmation.missedDayTargets },
    })),
    search: a.search,
  };
}
