/**
 * The best point of a sweep under a stated objective, judged on confidence intervals.
 *
 * Syntax (flags of `ccsim sweep`):
 * - `--minimize QUANTITY` or `--maximize QUANTITY`, where QUANTITY is `agents` (the point's
 *   total agents, summed over groups) or a metric reference;
 * - `--subject-to 'REF OP BOUND'` (repeatable), OP one of `>=`, `<=`, `>`, `<`.
 *
 * A metric reference is `[SCOPE.]METRIC`: `serviceLevel` (the whole center),
 * `channels.voice.serviceLevel`, `groups.team-a.occupancy`, `campaigns.collections.connectedPerHour`
 * (an outbound campaign, analysis/campaignKpis.ts); metric names are those of the JSON result
 * (analysis/kpi.ts).
 *
 * A constraint is met **with 95% confidence** when the whole 95% CI lies on the right side
 * of the bound: for `>=`/`>` its lower end, for `<=`/`<` its upper end; a metric without a
 * CI (fewer than two replications) does not meet it. Among the points meeting every
 * constraint, the best has the smallest (largest) QUANTITY — its mean for a metric; ties go
 * to the earlier point.
 */
import { InputError } from '../engine/errors.js';
import type { Model } from '../engine/model.js';
import type { Estimate } from './confidence.js';
import { CAMPAIGN_METRICS } from './campaignKpis.js';
import { CHANNEL_METRICS, GROUP_METRICS } from './kpi.js';

export interface ObjectiveSpec {
  readonly sense: 'minimize' | 'maximize';
  readonly quantity: string;
  readonly subjectTo: readonly string[];
}

export type Comparison = '>=' | '<=' | '>' | '<';

export interface MetricRef {
  readonly scope: 'overall' | 'channels' | 'groups' | 'campaigns';
  readonly id: string | null;
  readonly metric: string;
}

export interface Constraint {
  readonly text: string;
  readonly ref: MetricRef;
  readonly op: Comparison;
  readonly bound: number;
}

/** What the objective reads of one point. */
export interface PointFigures {
  readonly agents: number;
  readonly estimate: (ref: MetricRef) => Estimate | undefined;
}

const NOUN: Readonly<Record<MetricRef['scope'], string>> = { overall: 'channel', channels: 'channel', groups: 'group', campaigns: 'campaign' };

/** Parses `serviceLevel`, `channels.voice.serviceLevel`, `groups.team-a.occupancy`; `flag` names the source. */
export function parseMetricRef(text: string, flag: string): MetricRef {
  const parts = text.trim().split('.');
  const bad = (why: string): InputError => new InputError(`${flag}: "${text}" ${why}`);
  let ref: MetricRef;
  if (parts.length === 1) ref = { scope: 'overall', id: null, metric: parts[0] as string };
  else if (parts.length === 2 && parts[0] === 'overall') ref = { scope: 'overall', id: null, metric: parts[1] as string };
  else if (parts.length === 3 && (parts[0] === 'channels' || parts[0] === 'groups' || parts[0] === 'campaigns')) ref = { scope: parts[0], id: parts[1] as string, metric: parts[2] as string };
  else throw bad('is not a metric reference (expected serviceLevel, channels.<id>.<metric>, groups.<id>.<metric> or campaigns.<id>.<metric>)');
  const names: readonly string[] = ref.scope === 'groups' ? GROUP_METRICS : ref.scope === 'campaigns' ? CAMPAIGN_METRICS : CHANNEL_METRICS;
  if (!names.includes(ref.metric)) throw bad(`names no ${NOUN[ref.scope]} metric (expected one of ${names.join(', ')})`);
  return ref;
}

const CONSTRAINT = /^\s*([^<>=\s]+)\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*$/i;

export function parseConstraint(text: string): Constraint {
  const m = CONSTRAINT.exec(text);
  if (!m) throw new InputError(`--subject-to: "${text}" must look like channels.voice.serviceLevel>=0.8 (REF, one of >= <= > <, a number)`);
  return { text: text.trim(), ref: parseMetricRef(m[1] as string, '--subject-to'), op: m[2] as Comparison, bound: Number(m[3]) };
}

/** Checks the objective's syntax and that its scopes exist in `model` (before any simulation). */
export function checkObjective(spec: ObjectiveSpec, model: Model): void {
  const flag = `--${spec.sense}`;
  const refs: [MetricRef, string][] = spec.subjectTo.map((c) => [parseConstraint(c).ref, '--subject-to']);
  if (spec.quantity !== 'agents') refs.push([parseMetricRef(spec.quantity, flag), flag]);
  for (const [ref, where] of refs) {
    const ids = (ref.scope === 'channels' ? model.channels : ref.scope === 'campaigns' ? (model.campaigns ?? []) : model.groups).map((x) => x.id);
    if (ref.id !== null && !ids.includes(ref.id)) {
      throw new InputError(`${where}: the scenario has no ${NOUN[ref.scope]} "${ref.id}" (it has ${ids.length === 0 ? 'none' : ids.join(', ')})`);
    }
  }
}

export function meets(c: Constraint, e: Estimate | undefined): boolean {
  const ci = e?.ci95;
  if (!ci) return false;
  switch (c.op) {
    case '>=': return ci[0] >= c.bound;
    case '>': return ci[0] > c.bound;
    case '<=': return ci[1] <= c.bound;
    case '<': return ci[1] < c.bound;
  }
}

export interface ObjectivePoint {
  readonly point: number;
  readonly value: number | null;
  readonly feasible: boolean;
}

export interface ObjectiveResult extends ObjectiveSpec {
  readonly rule: string;
  readonly points: readonly ObjectivePoint[];
  readonly best: { readonly point: number; readonly name: string; readonly value: number } | null;
}

export function judgeObjective(spec: ObjectiveSpec, points: readonly (PointFigures & { readonly name: string })[]): ObjectiveResult {
  const constraints = spec.subjectTo.map(parseConstraint);
  const quantity = spec.quantity === 'agents' ? null : parseMetricRef(spec.quantity, `--${spec.sense}`);
  const judged = points.map((p, point): ObjectivePoint => ({
    point,
    value: quantity === null ? p.agents : (p.estimate(quantity)?.mean ?? null),
    feasible: constraints.every((c) => meets(c, p.estimate(c.ref))),
  }));
  const better = (a: number, b: number): boolean => (spec.sense === 'minimize' ? a < b : a > b);
  let best: ObjectiveResult['best'] = null;
  for (const j of judged) {
    if (!j.feasible || j.value === null) continue;
    if (best === null || better(j.value, best.value)) best = { point: j.point, name: points[j.point]?.name ?? '', value: j.value };
  }
  return {
    ...spec,
    rule: 'a constraint is met with 95% confidence: the whole 95% CI lies on its side of the bound',
    points: judged,
    best,
  };
}
