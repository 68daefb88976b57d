/**
 * The targets a staffing must meet, each a check of one metric of one channel or group in
 * each interval, judged over replications by the search's rule (./judgingRule.ts): by default
 * on its 95% CI with the rule of `ccsim check --strict` (analysis/verdict.ts) — met only when
 * the whole CI meets the bound —, at 90% or 99% (`--confidence`), or on the mean (`--on
 * mean`). A metric that is undefined in every replication (no contacts in the interval)
 * constrains nothing.
 *
 * Sources: every channel's service-level target (`target.level` within `target.within`);
 * `--max-asa` (live channels), `--max-abandon` (channels with patience), `--max-occupancy`
 * (every group), `--max-backlog-age` (deferred channels); and the scenario's `assert:` lines
 * on `channels.ID.M` and `groups.ID.M`, applied to every interval (stricter than the daily
 * figure they name). Assertions on other scopes (`overall`, `tiers`, `types`) are judged on
 * the final whole-day run and reported; they do not steer the search.
 */
import { InputError } from '../../engine/errors.js';
import type { Model } from '../../engine/model.js';
import { parseAssertion, type Assertion } from '../../analysis/assertions.js';
import { CHANNEL_METRICS, GROUP_METRICS, metricRange } from '../../analysis/kpi.js';
import { judge, type Comparator, type Verdict } from '../../analysis/verdict.js';
import type { ExtraTargets } from './definition.js';
import { DEFAULT_JUDGING, estimateAt, meanOnly, verdictInput, type JudgedEstimate, type Judging } from './judgingRule.js';

export type ScopeName = 'channels' | 'groups';

/** One value kept per replication and interval: a metric of a channel or group. */
export interface Column {
  readonly scope: ScopeName;
  readonly index: number;
  readonly metric: string;
}

export interface TargetCheck {
  /** How it reads in reports: `voice serviceLevel >= 0.8`. */
  readonly label: string;
  readonly column: number;
  /** What it constrains: a channel's or a group's metric (index into the model's list). */
  readonly scope: ScopeName;
  readonly index: number;
  /** The metric judged (its physical range bounds the CI). */
  readonly metric: string;
  readonly op: Comparator;
  readonly bound: number;
}

export interface TargetSet {
  readonly columns: readonly Column[];
  readonly checks: readonly TargetCheck[];
  /** Assertions judged on the whole day only. */
  readonly dayAssertions: readonly Assertion[];
}

/** Reported for every channel and group, whether or not a target names them. */
const CHANNEL_REPORTED = ['offered', 'serviceLevel', 'asaSec', 'abandonRate', 'occupancy', 'waitP90Sec', 'backlogAgeP90Sec'] as const;
const GROUP_REPORTED = ['occupancy'] as const;

export function buildTargets(model: Model, extra: ExtraTargets, assertLines: readonly string[], label: string): TargetSet {
  const columns: Column[] = [];
  const columnOf = (scope: ScopeName, index: number, metric: string): number => {
    const at = columns.findIndex((c) => c.scope === scope && c.index === index && c.metric === metric);
    if (at >= 0) return at;
    columns.push({ scope, index, metric });
    return columns.length - 1;
  };
  model.channels.forEach((_, ch) => CHANNEL_REPORTED.forEach((m) => columnOf('channels', ch, m)));
  model.groups.forEach((_, g) => GROUP_REPORTED.forEach((m) => columnOf('groups', g, m)));
  const checks: TargetCheck[] = [];
  const add = (scope: ScopeName, index: number, metric: string, op: Comparator, bound: number): void => {
    const id = scope === 'channels' ? model.channels[index]?.id : model.groups[index]?.id;
    const column = columnOf(scope, index, metric);
    if (checks.some((c) => c.column === column && c.op === op && c.bound === bound)) return; // the same target twice (e.g. assert: repeats the SL target)
    checks.push({ label: `${scope}.${id ?? index}.${metric} ${op} ${bound}`, column, scope, index, metric, op, bound });
  };
  model.channels.forEach((c, ch) => {
    if (c.targetLevel > 0) add('channels', ch, 'serviceLevel', '>=', c.targetLevel);
    if (extra.maxAsaSec !== null && !c.deferred) add('channels', ch, 'asaSec', '<=', extra.maxAsaSec);
    if (extra.maxAbandon !== null && c.patience !== null && !c.deferred) add('channels', ch, 'abandonRate', '<=', extra.maxAbandon);
    if (extra.maxBacklogAgeSec !== null && c.deferred) add('channels', ch, 'backlogAgeP90Sec', '<=', extra.maxBacklogAgeSec);
  });
  if (extra.maxOccupancy !== null) model.groups.forEach((_, g) => add('groups', g, 'occupancy', '<=', extra.maxOccupancy as number));
  const dayAssertions: Assertion[] = [];
  const problems: string[] = [];
  assertLines.forEach((line, i) => {
    const a = parseAssertion(line, `${label}: assert[${i}]`);
    const scope = a.scope === 'channels' || a.scope === 'groups' ? a.scope : null;
    if (scope === null) { dayAssertions.push(a); return; }
    const ids = scope === 'channels' ? model.channels.map((c) => c.id) : model.groups.map((g) => g.id);
    const index = ids.indexOf(a.id ?? '');
    const metrics: readonly string[] = scope === 'channels' ? CHANNEL_METRICS : GROUP_METRICS;
    if (index < 0) problems.push(`${label}: assert[${i}]: no ${scope === 'channels' ? 'channel' : 'group'} "${a.id ?? ''}" (${scope}: ${ids.join(', ')})`);
    else if (!metrics.includes(a.metric)) problems.push(`${label}: assert[${i}]: no metric "${a.metric}" (metrics: ${metrics.join(', ')})`);
    else add(scope, index, a.metric, a.op, a.bound);
  });
  if (problems.length > 0) throw new InputError(problems);
  return { columns, checks, dayAssertions };
}

/** A check's estimate and verdict in one interval. */
export interface CheckOutcome {
  readonly check: TargetCheck;
  /** Mean with its CI at the judging's confidence (no CI when judged on the mean). */
  readonly estimate: JudgedEstimate;
  readonly verdict: Verdict;
  /** Met (or unconstrained: no value in any replication). */
  readonly met: boolean;
}

/** Judges every check on `rows` (one value list per replication, indexed by column), by `judging` (./judging.ts). */
export function judgeChecks(checks: readonly TargetCheck[], rows: readonly (readonly number[])[], judging: Judging = DEFAULT_JUDGING): CheckOutcome[] {
  return checks.map((check) => {
    const values = rows.map((row) => row[check.column] ?? NaN);
    const e = judging.on === 'mean' ? meanOnly(values) : estimateAt(values, metricRange(check.metric), judging.confidence);
    const verdict = judge(verdictInput(e, judging), check.op, check.bound);
    return { check, estimate: e, verdict, met: verdict.state === 'pass' || verdict.state === 'undefined' };
  });
}

export const allMet = (outcomes: readonly CheckOutcome[]): boolean => outcomes.every((o) => o.met);
