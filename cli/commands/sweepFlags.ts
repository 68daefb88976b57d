/**
 * The flags of `ccsim sweep`, checked (every mistake at once, each naming its flag: exit 2)
 * and turned into the sweep's definition (workers/plan.ts) before anything runs.
 */
import { basename, dirname } from 'node:path';
import { InputError } from '../../engine/errors.js';
import { workersProblem } from '../workersFlag.js';
import { plainBound } from '../assertionBounds.js';
import { chosenFormat } from '../formatFlags.js';
import { maxInputBytes, type InputArgs } from '../inputFlags.js';
import { readScenarioText } from '../scenarioText.js';
import { SERVICE_LEVEL_DEFINITIONS, type ServiceLevelDefinition } from '../../engine/model.js';
import { CHANNEL_METRICS, type ChannelMetric } from '../../analysis/kpi.js';
import { SWEEP_FORMATS } from '../../reports/sweep/render.js';
import { parseConstraint, parseMetricRef, type ObjectiveSpec } from '../../analysis/objective.js';
import type { ReplicationPolicy, Shard, SweepDefinition } from '../../workers/plan.js';
import { checkScenarioSyntax, loadSweepBlock } from '../../scenarios/load.js';
import { readInputFiles } from '../../workers/inputFiles.js';
import { splitSweepBlock, sweepBlockPoints } from '../../workers/sweepBlock.js';
import { gridPoints, parseVary, variantPoints, type NamedVariant } from '../../workers/sweepSpec.js';
import { parseScenarioDocument } from '../../scenarios/document.js';
import { variantNames, variantPatches } from '../variantFlag.js';

export interface SweepArgs extends InputArgs {
  file: string;
  vary?: string[];
  /** `--variants` (every variant of the scenario) or `--variants a,b`. */
  variants?: string;
  set?: string[];
  replications?: number;
  workers?: number;
  seed?: number;
  out?: string;
  resume: boolean;
  'shard-index'?: number;
  'shard-count'?: number;
  json?: boolean;
  format?: string;
  report?: string;
  specs?: string;
  baseline?: string;
  crn: boolean;
  precision?: number;
  metric?: string;
  channel?: string;
  'max-replications'?: number;
  minimize?: string;
  maximize?: string;
  'subject-to'?: string[];
  intervals: boolean;
  'sl-definition'?: string;
  'log-level': string;
}

export const MAX_REPLICATIONS = 100_000;
/** Precision mode: first-round replications and cap, when not given. */
export const DEFAULT_INITIAL_REPLICATIONS = 10;
export const DEFAULT_MAX_REPLICATIONS = 200;

const isWhole = (v: number | undefined, min: number, max: number): boolean => v !== undefined && Number.isInteger(v) && v >= min && v <= max;

/** Flag rules that need no file; all problems in one InputError. */
export function checkSweepFlags(a: SweepArgs): void {
  const p: string[] = [];
  const whole = (flag: string, v: number | undefined, min: number, max: number): void => {
    if (v !== undefined && !isWhole(v, min, max)) p.push(`--${flag}: must be a whole number from ${min} to ${max} (got ${v})`);
  };
  p.push(...workersProblem(a.workers));
  whole('replications', a.replications, a.precision === undefined ? 1 : 2, MAX_REPLICATIONS);
  whole('max-replications', a['max-replications'], 2, MAX_REPLICATIONS);
  if (a.seed !== undefined && !isWhole(a.seed, 0, Number.MAX_SAFE_INTEGER)) p.push(`--seed: must be a non-negative integer (got ${a.seed})`);
  const count = a['shard-count'];
  const index = a['shard-index'];
  whole('shard-count', count, 1, 10_000);
  if ((count === undefined) !== (index === undefined)) p.push('--shard-index and --shard-count: give both or neither');
  else if (index !== undefined && count !== undefined && isWhole(count, 1, 10_000) && !isWhole(index, 0, count - 1)) {
    p.push(`--shard-index: must be a whole number from 0 to ${count - 1} (--shard-count ${count}) (got ${index})`);
  }
  if (a.resume && a.out === undefined) p.push('--resume: needs --out FILE, the sweep file to continue');
  if (a.precision !== undefined && !(a.precision > 0 && Number.isFinite(a.precision))) p.push(`--precision: must be a positive half-width, e.g. 0.01 (got ${a.precision})`);
  if ((a.precision === undefined) !== (a.metric === undefined)) p.push('--precision and --metric: give both (e.g. --precision 0.01 --metric serviceLevel)');
  if (a.metric !== undefined && !(CHANNEL_METRICS as readonly string[]).includes(a.metric)) p.push(`--metric: must be one of ${CHANNEL_METRICS.join(', ')} (got "${a.metric}")`);
  if (a.precision === undefined && (a.channel !== undefined || a['max-replications'] !== undefined)) p.push('--channel and --max-replications: only apply with --precision');
  const max = a['max-replications'] ?? DEFAULT_MAX_REPLICATIONS;
  if (a.precision !== undefined && (a.replications ?? DEFAULT_INITIAL_REPLICATIONS) > max) p.push(`--replications: the first round (${a.replications}) exceeds --max-replications (${max})`);
  if (a.minimize !== undefined && a.maximize !== undefined) p.push('--minimize and --maximize: give one of them');
  if (a['subject-to'] !== undefined && a.minimize === undefined && a.maximize === undefined) p.push('--subject-to: needs --minimize or --maximize');
  const def = a['sl-definition'];
  if (def !== undefined && !(SERVICE_LEVEL_DEFINITIONS as readonly string[]).includes(def)) p.push(`--sl-definition: must be one of ${SERVICE_LEVEL_DEFINITIONS.join(', ')} (got "${def}")`);
  for (const fn of [() => objectiveOf(a), () => a.vary?.forEach(parseVary), () => chosenFormat(a, SWEEP_FORMATS), () => maxInputBytes(a)]) {
    try { fn(); } catch (err) { if (err instanceof InputError) p.push(...err.problems); else throw err; }
  }
  if (p.length > 0) throw new InputError(p);
}

function objectiveOf(a: SweepArgs): ObjectiveSpec | null {
  const quantity = a.minimize ?? a.maximize;
  if (quantity === undefined) return null;
  const sense = a.minimize !== undefined ? 'minimize' : 'maximize';
  if (quantity !== 'agents') parseMetricRef(quantity, `--${sense}`);
  const subjectTo = (a['subject-to'] ?? []).map((c) => plainBound(c, '--subject-to'));
  subjectTo.forEach(parseConstraint);
  return { sense, quantity, subjectTo };
}


function policyOf(a: SweepArgs): ReplicationPolicy | null {
  if (a.precision === undefined) return a.replications === undefined ? null : { mode: 'fixed', count: a.replications };
  return {
    mode: 'precision',
    initial: a.replications ?? DEFAULT_INITIAL_REPLICATIONS,
    max: a['max-replications'] ?? DEFAULT_MAX_REPLICATIONS,
    halfWidth: a.precision,
    metric: a.metric as ChannelMetric,
    channel: a.channel ?? null,
  };
}

/**
 * The sweep's definition. Without `--replications` (and without --precision) the count is
 * the base scenario's `replications`, read by `scenarioReplications` once the base compiles.
 * The files the scenario reads (forecasts, under the base `--set`s or any point's) are read
 * relative to the scenario file, and their bytes become part of the definition.
 */
export function sweepDefinition(a: SweepArgs, scenarioReplications: (text: string, label: string) => number): SweepDefinition {
  const label = basename(a.file);
  const cap = maxInputBytes(a);
  const text = readScenarioText(a.file, cap);
  // Its size (values, texts) and syntax first: cutting out the sweep: block parses it too.
  checkScenarioSyntax(text, a.file);
  const split = splitSweepBlock(text);
  const varied = a.vary !== undefined && a.vary.length > 0;
  const byVariant = a.variants !== undefined;
  // The block is checked by the scenario schema's rules, reported at its line:col (ignored under --vary or --variants).
  const block = !varied && !byVariant && split.hasBlock ? loadSweepBlock(text, a.file) : undefined;
  const grid = varied ? gridPoints((a.vary ?? []).map(parseVary)) : [];
  let points;
  if (byVariant) points = variantPoints(namedVariants(text, a.file, a.variants ?? ''), grid);
  else if (varied) points = grid;
  else if (block !== undefined) points = sweepBlockPoints(block);
  else throw new InputError(`${a.file}: nothing to vary: give --vary path=values (e.g. --vary agents[0].count=30..45), --variants, or a sweep: block in the scenario`);
  const base = a.set ?? [];
  return {
    scenario: { label, text: split.text },
    inputs: readInputFiles(split.text, dirname(a.file), [base, ...points.map((p) => [...base, ...p.overrides])], cap),
    baseOverrides: base,
    points,
    seed: a.seed ?? null,
    crn: a.crn,
    replications: policyOf(a) ?? { mode: 'fixed', count: scenarioReplications(split.text, label) },
    serviceLevelDefinition: (a['sl-definition'] as ServiceLevelDefinition | undefined) ?? null,
    report: { baseline: a.baseline ?? null, objective: objectiveOf(a), intervals: a.intervals },
  };
}

/** The variants `--variants LIST` names (all of the scenario's when LIST is empty or `all`), in the file's order. */
function namedVariants(text: string, file: string, list: string): NamedVariant[] {
  const doc = parseScenarioDocument(text);
  const all = variantNames(doc.data);
  const asked = list.trim() === '' || list.trim() === 'all' ? all : list.split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (asked.length === 0) throw new InputError(`--variants: ${file} has no variants: block (name what-ifs there, or use --vary)`);
  const twice = asked.find((n, i) => asked.indexOf(n) !== i);
  if (twice !== undefined) throw new InputError(`--variants: "${twice}" is named twice`);
  return asked.map((name) => ({ name, overrides: variantPatches(doc.data, name, file, '--variants') }));
}

export function shardOf(a: SweepArgs): Shard {
  return { index: a['shard-index'] ?? 0, count: a['shard-count'] ?? 1 };
}
