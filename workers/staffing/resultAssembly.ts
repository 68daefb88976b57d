/**
 * The staffing result (analysis/staffing/result.ts) from a finished search: the answer's
 * whole-day run gives the achieved metrics with CIs; agents on duty are read off the
 * answer's schedules; totals and agreement compare it with the Erlang plan.
 */
import { dutyTime } from '../../engine/dutyTime.js';
import type { Model } from '../../engine/model.js';
import type { AssertionOutcome } from '../../analysis/assertions.js';
import type { ChannelBaseline } from '../../analysis/baseline.js';
import { estimate, type Estimate } from '../../analysis/confidence.js';
import { metricRange } from '../../analysis/kpi.js';
import { staffingNotes } from '../../analysis/staffing/notes.js';
import {
  STAFFING_SCHEMA_VERSION, type Agreement, type ChannelAchieved, type GroupStaffing, type IntervalStaffing, type PlanTotals,
  type SearchStopOutcome, type ShiftStaffing, type StaffingResult, type StaffingStatus, type TargetOutcome, type UnmetTarget,
} from '../../analysis/staffing/result.js';
import type { Scenario } from '../../scenarios/schema.js';
import type { StaffDefinition } from './definition.js';
import type { ErlangStart } from './erlangStart.js';
import type { SearchStop } from './dayCheck.js';
import type { CountSearchResult } from './intervalPlan.js';
import { dayRows, intervalRows, judgeChecks, judgeInterval } from './judging.js';
import type { ShiftSearchResult } from './shiftPlan.js';
import type { CheckOutcome, TargetSet } from './targets.js';
import { startDateField, startField } from '../../analysis/timeline.js';

export type Answer =
  | { readonly kind: 'counts'; readonly finalModel: Model; readonly search: CountSearchResult; readonly shifts: null }
  | { readonly kind: 'shifts'; readonly finalModel: Model; readonly shifts: ShiftSearchResult; readonly search: null };

export interface AssemblyInput {
  readonly def: StaffDefinition;
  readonly model: Model;
  readonly scenario: Scenario;
  readonly targets: TargetSet;
  readonly start: ErlangStart;
  readonly answer: Answer;
  readonly dayAssertions: readonly AssertionOutcome[];
  readonly erlangAtAnswer: readonly ChannelBaseline[];
  readonly search: { readonly candidates: number; readonly tasks: number };
}

/** Time-average of agents on duty (breaks included) per group and interval. */
export function onDuty(model: Model): number[][] {
  const I = model.intervalSec;
  return model.groups.map((g) => Array.from({ length: model.intervalCount }, (_, iv) => dutyTime(g, iv * I, (iv + 1) * I).onShiftSec / I));
}

/** Share of on-duty time spent on breaks in the scenario's own schedules, per group. */
export function breakShares(model: Model): number[] {
  return model.groups.map((g) => {
    const d = dutyTime(g, 0, model.horizonSec);
    return d.onShiftSec > 0 ? d.onBreakSec / d.onShiftSec : 0;
  });
}

const round = (x: number, digits = 6): number => Number(x.toFixed(digits));

function outcomes(list: readonly CheckOutcome[]): TargetOutcome[] {
  return list.map((o) => ({ target: o.check.label, mean: o.estimate.mean, ci: o.estimate.ci95, verdict: o.verdict.state }));
}

/**
 * `withinCi`: one agent fewer (Erlang's count) of some group left a target's CI straddling it,
 * none missed outright — on the replications that refused the removal (`minusOneDeciding`).
 */
function agreementOf(erlang: number, simulated: number, oneFewer: readonly (readonly CheckOutcome[] | null)[]): Agreement {
  if (erlang === simulated) return 'equal';
  const straddles = (list: readonly CheckOutcome[] | null): boolean => list !== null && list.every((o) => o.verdict.state !== 'fail') && list.some((o) => o.verdict.state === 'inconclusive');
  if (simulated === erlang + 1 && oneFewer.some(straddles)) return 'withinCi';
  return 'differs';
}

const STOP_REASONS: Record<SearchStop['stage'], (maxRounds: number) => string> = {
  level: () => 'raising every group that serves the failing targets to the search\'s cap (3 × the Erlang answer + 10 agents) did not meet them',
  recheck: (n) => `the whole-day re-check ran out of rounds (--max-rounds ${n}) with these intervals still missing a target on the search's replications`,
  freshRecheck: (n) => `the re-check on fresh replications ran out of rounds (--max-rounds ${n}) with these intervals still missing a target`,
  oneFewer: (n) => `the one-fewer trims ran out of rounds (--max-rounds ${n}): one agent fewer still met every target in these intervals`,
};

function unmetOf(model: Model, startSec: number | null, judged: readonly CheckOutcome[]): UnmetTarget[] {
  return judged.filter((o) => !o.met).map((o) => ({
    startSec,
    scope: o.check.scope,
    id: (o.check.scope === 'channels' ? model.channels[o.check.index]?.id : model.groups[o.check.index]?.id) ?? String(o.check.index),
    metric: o.check.metric, op: o.check.op, bound: o.check.bound,
    mean: o.estimate.mean, ci: o.estimate.ci95, verdict: o.verdict.state,
  }));
}

function planTotals(hours: readonly (readonly number[])[], model: Model, intervalHours: number): PlanTotals {
  let agentHours = 0;
  let cost = 0;
  hours.forEach((row, g) => row.forEach((n) => { agentHours += n * intervalHours; cost += n * intervalHours * (model.groups[g]?.costPerHour ?? 0); }));
  return { agentHours: round(agentHours, 4), cost: round(cost, 2) };
}

export function assembleResult(a: AssemblyInput): StaffingResult {
  const { model, targets, start, answer, def } = a;
  const I = model.intervalCount;
  const intervalHours = model.intervalSec / 3600;
  const duty = onDuty(answer.finalModel).map((row) => row.map((x) => round(x, 4)));
  const breaks = breakShares(model);
  const perInterval = answer.kind === 'counts';
  const final = answer.kind === 'counts' ? answer.search.final : answer.shifts.final;
  const judging = def.judging;
  const unmet: UnmetTarget[] = [];
  const col = (scope: 'channels' | 'groups', index: number, metric: string): number =>
    targets.columns.findIndex((c) => c.scope === scope && c.index === index && c.metric === metric);
  const est = (rows: readonly (readonly number[])[], column: number): Estimate =>
    estimate(rows.map((r) => r[column] ?? NaN), metricRange(targets.columns[column]?.metric ?? ''));
  const intervals: IntervalStaffing[] = [];
  const agreementCount: Record<Agreement, number> = { equal: 0, withinCi: 0, differs: 0 };
  let intervalsMet = 0;
  for (let iv = 0; iv < I; iv++) {
    const rows = intervalRows(final, iv);
    const judged = judgeInterval(targets.checks, final, iv, judging);
    if (def.mode !== 'wholeDay') unmet.push(...unmetOf(model, iv * model.intervalSec, judged));
    const minus = answer.kind === 'counts' ? answer.search.minusOne[iv] ?? null : null;
    const oneFewer = model.groups.map((_, g) => { const e = minus?.[g] ?? null; return e === null ? null : judgeInterval(targets.checks, e, iv, judging); });
    const refusing = answer.kind === 'counts' ? answer.search.minusOneDeciding[iv] ?? null : null;
    const decided = model.groups.map((_, g) => { const e = refusing?.[g] ?? null; return e === null ? null : judgeInterval(targets.checks, e, iv, judging); });
    const groups: Record<string, GroupStaffing> = {};
    model.groups.forEach((g, gi) => {
      const simulated = duty[gi]?.[iv] ?? 0;
      groups[g.id] = {
        erlangOnPhone: round(start.onPhone[gi]?.[iv] ?? 0, 4),
        erlangAgents: start.scheduled[gi]?.[iv] ?? 0,
        simulatedAgents: simulated,
        fte: round(perInterval ? simulated / (1 - (breaks[gi] ?? 0)) : simulated, 4),
        occupancy: est(rows, col('groups', gi, 'occupancy')),
      };
    });
    const channels: Record<string, ChannelAchieved> = {};
    model.channels.forEach((c, ch) => {
      const m = (metric: string): Estimate => est(rows, col('channels', ch, metric));
      const sl = a.erlangAtAnswer[ch]?.intervals[iv]?.serviceLevel;
      channels[c.id] = {
        offered: m('offered'), serviceLevel: m('serviceLevel'), asaSec: m('asaSec'), abandonRate: m('abandonRate'),
        occupancy: m('occupancy'), waitP90Sec: m('waitP90Sec'), backlogAgeP90Sec: m('backlogAgeP90Sec'),
        erlangServiceLevel: sl === undefined || !Number.isFinite(sl) ? null : round(sl),
      };
    });
    const erlangAgents = model.groups.reduce((s, _, gi) => s + (start.scheduled[gi]?.[iv] ?? 0), 0);
    const simulatedAgents = round(model.groups.reduce((s, _, gi) => s + (duty[gi]?.[iv] ?? 0), 0), 4);
    const agreement = agreementOf(erlangAgents, simulatedAgents, decided);
    agreementCount[agreement]++;
    const met = judged.every((o) => o.met);
    if (met) intervalsMet++;
    intervals.push({
      startSec: iv * model.intervalSec, ...startField(model, iv * model.intervalSec), agreement, erlangAgents, simulatedAgents, met, groups, channels, targets: outcomes(judged),
      oneFewer: minus === null ? null : Object.fromEntries(model.groups.map((g, gi) => { const o = oneFewer[gi] ?? null; return [g.id, o === null ? null : outcomes(o)]; })),
    });
  }
  const erlang = planTotals(start.scheduled, model, intervalHours);
  const simulated = planTotals(duty, model, intervalHours);
  const groupTotals = Object.fromEntries(model.groups.map((g, gi) => [g.id, {
    erlang: planTotals(model.groups.map((_, k) => (k === gi ? (start.scheduled[gi] ?? []) : [])), model, intervalHours),
    simulated: planTotals(model.groups.map((_, k) => (k === gi ? (duty[gi] ?? []) : [])), model, intervalHours),
  }]));
  const breakShare = Math.max(0, ...breaks);
  // --whole-day judges the targets on the day's figures (an interval's `met` is then for information).
  if (def.mode === 'wholeDay') unmet.push(...unmetOf(model, null, judgeChecks(targets.checks, dayRows(final), judging)));
  for (const o of a.dayAssertions) {
    // Judged on the 95% CI (`ccsim check --strict`); on the mean rule, a straddling CI passes when its mean does.
    if (o.passed || (judging.on === 'mean' && o.verdict.state === 'inconclusive' && o.verdict.meanMeets)) continue;
    const x = o.assertion;
    unmet.push({ startSec: null, scope: x.scope, id: x.id ?? '', metric: x.metric, op: x.op, bound: x.bound, mean: o.estimate.mean, ci: o.estimate.ci95, verdict: o.verdict.state });
  }
  const searchStops = answer.kind === 'counts' ? answer.search.stops : answer.shifts.stops;
  const stops: SearchStopOutcome[] = searchStops.map((x) => ({ stage: x.stage, startSecs: x.slots.map((iv) => iv * model.intervalSec), reason: STOP_REASONS[x.stage](def.maxRounds) }));
  const status: StaffingStatus = unmet.length > 0 ? 'unmet' : stops.length > 0 ? 'stoppedEarly' : 'met';
  const R = def.replications;
  return {
    schemaVersion: STAFFING_SCHEMA_VERSION,
    kind: 'staffing',
    scenario: model.name,
    mode: def.mode,
    seed: def.seed,
    replications: R,
    replicationsJudged: { search: [0, R - 1], fresh: [R, 2 * R - 1] },
    confidence: judging.on === 'ci' ? judging.confidence : null,
    judging: { on: judging.on, confidence: judging.on === 'ci' ? judging.confidence : null },
    objective: def.objective,
    status,
    unmet,
    stops,
    serviceLevelDefinition: model.serviceLevelDefinition,
    intervalSec: model.intervalSec,
    horizonSec: model.horizonSec,
    dayStartSec: a.scenario.dayStart,
    ...startDateField(model),
    targets: targets.checks.map((c) => c.label),
    intervals,
    shifts: answer.kind === 'shifts' ? shiftRows(a, answer.shifts) : null,
    totals: {
      erlang, simulated,
      difference: { agentHours: round(simulated.agentHours - erlang.agentHours, 4), cost: round(simulated.cost - erlang.cost, 2) },
      groups: groupTotals,
      intervalsMet,
      agreement: agreementCount,
    },
    dayAssertions: a.dayAssertions.map((o) => ({ target: o.assertion.source, mean: o.estimate.mean, ci: o.estimate.ci95, verdict: o.verdict.state })),
    search: {
      candidates: a.search.candidates, tasks: a.search.tasks,
      bumpRounds: answer.kind === 'counts' ? answer.search.bumpRounds : answer.shifts.scaleRounds,
      trims: answer.kind === 'counts' ? answer.search.trims : 0,
    },
    notes: staffingNotes({ model, breakShare, perInterval, erlang, simulated, confidence: judging.on === 'ci' ? judging.confidence : null }),
  };
}

function shiftRows(a: AssemblyInput, s: ShiftSearchResult): ShiftStaffing[] {
  return s.refs.map((r) => {
    const spec = a.scenario.agents[r.group]?.shifts?.[r.shift];
    return {
      group: a.model.groups[r.group]?.id ?? '',
      index: r.shift,
      startSec: spec?.start ?? 0,
      lengthSec: spec?.length ?? 0,
      scenarioCount: spec?.count ?? 0,
      count: s.counts[r.group]?.[r.shift] ?? 0,
    };
  });
}
